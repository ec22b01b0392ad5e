// "Why this digit" in the WebAssembly module (build-wasm/wasm/digitnet.js):
// Session.explainLastDigit() for both pretrained models, on held-out digits and
// on a drawing. The map must point the right way: dimming the ink it marks red
// a little lowers the read digit's lead over the runner-up (log p(read) -
// log p(runner-up)), dimming the blue raises it, and taking all the red away lowers it.
// (Taking all the blue away is too large a change for a map of slopes: it
// raises the lead for only 7 of 40 digits with the CNN, 31 with the MLP.)
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { loadDigitNet } = require('./digitnet-module');

const modulePath = path.join(__dirname, '..', '..', 'build-wasm', 'wasm', 'digitnet.js');
let M;
before(async () => { M = await loadDigitNet(modulePath); });

async function pretrained(file) {
  const s = new M.Session();
  await M.loadHeldOutData(s);
  s.loadModel(M.pretrainedModelBytes(file));
  return s;
}

// The digits ordered by probability, most likely first.
const ranked = (p) => Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
const margin = (p, a, b) => Math.log(p[a]) - Math.log(p[b]);

// The image with the pixels where pick(map value) is true multiplied by `scale`.
const scaled = (image, map, pick, scale) => Uint8Array.from(image, (v, i) => (pick(map[i]) ? Math.round(v * scale) : v));

for (const { name, file } of [{ name: 'CNN', file: 'pretrained-cnn.model' }, { name: 'MLP', file: 'pretrained.model' }]) {
  test(`the ${name}'s map is 784 finite values that push towards the digit read`, async () => {
    const s = await pretrained(file);
    const digits = 40;
    let positiveSums = 0, redLowers = 0, redDimmedLowers = 0, blueDimmedRaises = 0;
    for (let i = 0; i < digits; i++) {
      const image = s.heldOutImage(i);
      const p = s.predictImage(image);
      const { digit, runnerUp, map } = s.explainLastDigit();
      const [first, second] = ranked(p);
      assert.equal(digit, first, `digit ${i}: the digit read`);
      assert.equal(runnerUp, second, `digit ${i}: the runner-up`);
      assert.ok(map instanceof Float32Array && map.length === 784);
      assert.ok(map.every(Number.isFinite), `digit ${i}: every value is a number`);
      assert.ok(map.every((v, j) => image[j] !== 0 || v === 0), `digit ${i}: pixels without ink have no part`);
      let sum = 0;
      for (const v of map) sum += v;
      if (sum > 0) positiveSums++;
      const lead = margin(p, digit, runnerUp);
      const red = (v) => v > 0, blue = (v) => v < 0;
      if (margin(s.predictImage(scaled(image, map, red, 0)), digit, runnerUp) < lead) redLowers++;
      if (margin(s.predictImage(scaled(image, map, red, 0.9)), digit, runnerUp) < lead) redDimmedLowers++;
      if (!map.some(blue) || margin(s.predictImage(scaled(image, map, blue, 0.9)), digit, runnerUp) > lead) blueDimmedRaises++;
    }
    console.log(`${name}, ${digits} held-out digits: map sum > 0 for ${positiveSums}; the lead falls without the red ink ` +
      `for ${redLowers}, with it dimmed by 10% for ${redDimmedLowers}; it grows with the blue dimmed for ${blueDimmedRaises}`);
    assert.ok(positiveSums >= 0.9 * digits, `the map sums to more than 0 for only ${positiveSums} of ${digits}`);
    assert.equal(redLowers, digits, 'taking the red ink away lowers the lead every time');
    assert.equal(redDimmedLowers, digits, 'dimming the red ink lowers the lead every time');
    assert.equal(blueDimmedRaises, digits, 'dimming the blue ink raises the lead every time');
  });
}

test('the map of a drawing, and the refusals before anything is read', async () => {
  const s = await pretrained('pretrained-cnn.model');
  assert.throws(() => s.explainLastDigit(), /this network has not read a digit yet/);
  // A vertical bar drawn on a 280x280 canvas: a 1.
  const rgba = new Uint8ClampedArray(280 * 280 * 4);
  for (let y = 40; y < 240; y++) for (let x = 130; x < 150; x++) rgba[4 * (y * 280 + x) + 3] = 255;
  const { probabilities, image } = s.predictDrawing(rgba, 280, 280);
  const { digit, map } = s.explainLastDigit();
  assert.equal(digit, ranked(probabilities)[0]);
  assert.equal(digit, 1);
  assert.ok(map.every((v, j) => image[j] !== 0 || v === 0));
  assert.ok(map.some((v) => v > 0));
  s.loadModel(M.pretrainedModelBytes('pretrained.model'));
  assert.throws(() => s.explainLastDigit(), /this network has not read a digit yet/);
});
