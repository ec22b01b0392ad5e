// The WebAssembly module against wrong and lying arguments: each call is
// refused with a readable message, and nothing is allocated for what an
// argument only claims, so 10,000 such calls leave the wasm heap as it was
// (wasm memory never shrinks: one oversized allocation would stay for good).
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadDigitNet } = require('./digitnet-module');

const modulePath = path.resolve(__dirname, '..', '..', 'build-wasm', 'wasm', 'digitnet.js');
const RAW_TEXT = /std::|bad_alloc|vector|basic_string|memory access out of bounds|Cannot convert|Cannot pass/;

let M;
before(async () => {
  if (!fs.existsSync(modulePath)) throw new Error('build-wasm/wasm/digitnet.js is missing: run scripts/build-wasm.sh');
  M = await loadDigitNet(modulePath);
});

// An IDX images header announcing n images of 28x28, in an array of `size` bytes.
function idxImages(n, size) {
  const b = new Uint8Array(size);
  new DataView(b.buffer).setUint32(0, 0x803);
  new DataView(b.buffer).setUint32(4, n);
  new DataView(b.buffer).setUint32(8, 28);
  new DataView(b.buffer).setUint32(12, 28);
  return b;
}

test('10,000 calls with wrong or lying arguments are refused and leave the heap as it was', async () => {
  const s = new M.Session();
  await M.loadBundledData(s);
  s.configure({});
  const weights = s.getWeights();

  const claimsHuge = { length: 1e9, byteLength: 1e9 };
  const fakeBytes = Object.create(Uint8Array.prototype, { length: { value: 1e9 } });
  const lyingBytes = new Uint8Array(16);
  Object.defineProperty(lyingBytes, 'length', { value: 1e9 });
  const fakeFloats = Object.create(Float32Array.prototype, { length: { value: weights.length } });
  const floatsAsBytes = new Float32Array(784);
  const nanWeights = new Float32Array(weights.length);
  nanWeights[123] = NaN;
  const hugeNumber = { valueOf() { return 1e9; } };
  const bigModel = new Uint8Array(65 << 20);          // over the 64 MiB a model may have
  const longImages = idxImages(1, 50 << 20);           // announces 1 image, holds 50 MiB
  const shortImages = idxImages(4000000000, 16);       // announces 4e9 images, holds none
  const labels = new Uint8Array(9);
  new DataView(labels.buffer).setUint32(0, 0x801);
  new DataView(labels.buffer).setUint32(4, 1);

  const calls = [
    [() => s.loadModel(claimsHuge), /the model must be a Uint8Array/],
    [() => s.loadModel(fakeBytes), /the model must be a Uint8Array/],
    [() => s.loadModel(lyingBytes), /not a digitnet model file/],
    [() => s.loadModel(bigModel), /more than the 67108864 digitnet takes/],
    [() => s.loadModel(floatsAsBytes), /must be a Uint8Array/],
    [() => s.setTrainingData(claimsHuge, claimsHuge), /the images must be a Uint8Array/],
    [() => s.setTrainingData(longImages, labels), /more than the 800 bytes their IDX header announces/],
    [() => s.setTrainingData(shortImages, labels), /truncated|holds 4000000000 images/],
    [() => s.setHeldOutData(fakeBytes, labels), /must be a Uint8Array/],
    [() => s.predictImage(claimsHuge), /must be a Uint8Array/],
    [() => s.predictImage(lyingBytes), /784 pixels, got 16/],
    [() => s.predictDrawing(claimsHuge, 1e9, 1e9), /must be a Uint8Array/],
    [() => s.predictDrawing(lyingBytes, 10000, 10000), /the drawing is 10000x10000 pixels/],
    [() => s.predictDrawing(lyingBytes, 2, 2), /needs 16 RGBA bytes|too little ink|empty/],
    [() => s.predictDrawing(lyingBytes, 1e9, 1), /width must be a whole number/],
    [() => s.predictDrawing(lyingBytes, '2', {}), /width must be a whole number .* not a string/],
    [() => M.readImageInk(claimsHuge, 1, 1, 'auto'), /must be a Uint8Array/],
    [() => M.readImageInk(lyingBytes, 10000, 10000, 'auto'), /the drawing is 10000x10000 pixels/],
    [() => M.readImageInk(lyingBytes, 2, 2, 'white'), /the ink must be dark, light or auto, not "white"/],
    [() => M.readImageInk(lyingBytes, 2, 2, hugeNumber), /the ink must be "dark", "light" or "auto"/],
    [() => s.setWeights(fakeFloats), /must be a Float32Array/],
    [() => s.setWeights(claimsHuge), /must be a Float32Array/],
    [() => s.setWeights(nanWeights), /weight 123 is NaN: the weights were not changed/],
    [() => s.configure(123), /the settings must be an object/],
    [() => s.configure('{"layers":"128"}'), /the settings must be an object/],
    [() => s.configure(claimsHuge), /unknown setting "length"/],
    [() => s.configure({ layers: '128', epochs: 'many' }), /Epochs must be a whole number from 1 to 1000, not "many"/],
    [() => s.configure({ layers: '1,'.repeat(100000) }), /Layers is too long/],
    [() => s.configure({ layers: '65535,65535,65535' }), /the limit is 64 million/],
    [() => s.train('10'), /number of batches must be a whole number .* not a string/],
    [() => s.train(hugeNumber), /not an object/],
    [() => s.train(-1), /number of batches/],
    [() => s.heldOutImage(NaN), /held-out index/],
    [() => s.heldOutLabel(1e9), /held-out index/],
    [() => s.heldOutImage(), /called with 0 arguments/],
  ];
  const start = M.HEAP8.buffer.byteLength;
  for (let i = 0; i < 10000; i++) {
    const [call, expected] = calls[i % calls.length];
    assert.throws(call, (e) => e instanceof Error && expected.test(e.message) && !RAW_TEXT.test(e.message),
      `call ${i % calls.length}: ${call}`);
  }
  const end = M.HEAP8.buffer.byteLength;
  console.log(`wasm heap: ${start} bytes at the start, ${end} bytes after 10,000 refused calls`);
  assert.equal(end, start);

  // The session carries on as it was.
  assert.deepEqual(s.getWeights(), weights);
  assert.equal(s.predictImage(s.heldOutImage(0)).length, 10);
  s.delete();
});
