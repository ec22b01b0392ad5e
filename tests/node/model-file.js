'use strict';
// Model files built byte by byte, as native/digitnet/model_file.hpp lays them out.

const ACTIVATIONS = { identity: 0, sigmoid: 1, tanh: 2, relu: 3, softmax: 4 };

// CRC-32 (IEEE, reflected, polynomial 0xEDB88320), as zlib's crc32.
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ 0xffffffff) >>> 0;
}

// A valid model file: `inputs` inputs (pixel bytes / 255), then dense layers with
// biases, given as [units, activation name]; every parameter is `value`.
function modelFile(inputs, layers, value = 0.01) {
  let params = 0;
  let fanIn = inputs;
  for (const [units] of layers) {
    params += units * fanIn + units;
    fanIn = units;
  }
  const bytes = Buffer.alloc(32 + 8 * layers.length + 4 * params);
  bytes.write('DGNT', 0, 'latin1');
  bytes.writeUInt32LE(1, 4);
  bytes.writeUInt32LE(inputs, 8);
  bytes.writeFloatLE(1 / 255, 12);
  bytes.writeUInt32LE(layers.length, 16);
  layers.forEach(([units, activation], l) => {
    bytes.writeUInt32LE(units, 20 + 8 * l);
    bytes.writeUInt8(ACTIVATIONS[activation], 24 + 8 * l);
    bytes.writeUInt8(1, 25 + 8 * l);
  });
  let offset = 20 + 8 * layers.length;
  bytes.writeBigUInt64LE(BigInt(params), offset);
  for (offset += 8; offset < bytes.length - 4; offset += 4) bytes.writeFloatLE(value, offset);
  bytes.writeUInt32LE(crc32(bytes.subarray(0, offset)), offset);
  return new Uint8Array(bytes);
}

const KINDS = { dense: 0, conv: 1, maxpool: 2, dropout: 3 };

// A version-2 model file: input [channels, height, width] (pixel bytes / 255),
// layers as {kind, activation, bias, padding, units, kernel, rate} (fields a kind
// does not use left out), and `params` parameters, every one `value`. The
// parameter count is the caller's: it must be what the layers need.
function modelFileV2(input, layers, params, value = 0.01) {
  const bytes = Buffer.alloc(40 + 16 * layers.length + 4 * params);
  bytes.write('DGNT', 0, 'latin1');
  bytes.writeUInt32LE(2, 4);
  input.forEach((n, i) => bytes.writeUInt32LE(n, 8 + 4 * i));
  bytes.writeFloatLE(1 / 255, 20);
  bytes.writeUInt32LE(layers.length, 24);
  layers.forEach((layer, l) => {
    const at = 28 + 16 * l;
    bytes.writeUInt8(KINDS[layer.kind], at);
    bytes.writeUInt8(layer.activation ? ACTIVATIONS[layer.activation] : 0, at + 1);
    bytes.writeUInt8(layer.bias ? 1 : 0, at + 2);
    bytes.writeUInt8(layer.padding === 'same' ? 1 : 0, at + 3);
    bytes.writeUInt32LE(layer.units || 0, at + 4);
    bytes.writeUInt32LE(layer.kernel || 0, at + 8);
    bytes.writeFloatLE(layer.rate || 0, at + 12);
  });
  let offset = 28 + 16 * layers.length;
  bytes.writeBigUInt64LE(BigInt(params), offset);
  for (offset += 8; offset < bytes.length - 4; offset += 4) bytes.writeFloatLE(value, offset);
  bytes.writeUInt32LE(crc32(bytes.subarray(0, offset)), offset);
  return new Uint8Array(bytes);
}

// A 500x500 input under two layers of 64 5x5 filters with "same" padding:
// 113,813 parameters (455 KB), but 26,017 million multiply-adds and 1,820 MB
// for one digit.
function costlyModelFile() {
  return modelFileV2([1, 500, 500], [
    { kind: 'conv', activation: 'relu', bias: true, padding: 'same', units: 64, kernel: 5 },
    { kind: 'conv', activation: 'relu', bias: true, padding: 'same', units: 64, kernel: 5 },
    { kind: 'conv', activation: 'relu', bias: true, units: 1, kernel: 1 },
    { kind: 'maxpool', kernel: 16 },
    { kind: 'dense', activation: 'softmax', bias: true, units: 10 },
  ], 1664 + 102464 + 65 + 31 * 31 * 10 + 10);
}

module.exports = { modelFile, modelFileV2, costlyModelFile };
