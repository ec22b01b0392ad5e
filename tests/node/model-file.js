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

module.exports = { modelFile };
