// The WebAssembly module (build-wasm/wasm/digitnet.js, from scripts/build-wasm.sh)
// under node: training, evaluation, prediction, model files, errors, and the
// same training as the native CLI (build/native/digitnet) giving the same weights.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { modelFile } = require('./model-file');
const { loadDigitNet } = require('./digitnet-module');

const root = path.resolve(__dirname, '..', '..');
const modulePath = path.join(root, 'build-wasm', 'wasm', 'digitnet.js');
const cliPath = path.join(root, 'build', 'native', 'digitnet');

let M;        // the instantiated module
let trained;  // a Session trained on the bundled digits by the first test

function required(file, how) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: ${how}`);
  return file;
}

// A session with the bundled digits loaded.
async function sessionWithData() {
  const s = new M.Session();
  await M.loadBundledData(s);
  return s;
}

// A w x h canvas's RGBA bytes, transparent, with the given rectangles painted black.
function canvas(w, h, rects) {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) rgba[4 * (y * w + x) + 3] = 255;
  return rgba;
}

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

before(async () => {
  M = await loadDigitNet(required(modulePath, 'run scripts/build-wasm.sh'));
});

test('version', () => {
  assert.match(M.version(), /^\d+\.\d+/);
});

test('trains on the bundled digits: the loss goes down and most held-out digits are read', async () => {
  const s = await sessionWithData();
  assert.equal(s.heldOutCount(), 1000);
  s.configure({ layers: '128', epochs: 30, learningRate: 0.002 });
  assert.equal(s.describe(), '784-128-10 relu/softmax');
  const first = s.train(50);
  let last = first;
  for (let i = 0; i < 5; i++) last = s.train(50);
  assert.equal(last.batches, 300);
  assert.equal(last.epoch, 1);
  assert.equal(last.samples, 9000 + 18 * 32);  // 282 batches make an epoch (the last one holds 8 digits)
  assert.equal(last.done, false);
  assert.ok(last.loss < first.loss * 0.7, `loss ${first.loss} -> ${last.loss}`);
  assert.ok(last.learningRate < 0.002 && last.learningRate > 0, 'cosine schedule lowers the rate');

  const e = s.evaluateHeldOut();
  assert.ok(e.accuracy > 0.8, `held-out accuracy ${e.accuracy}`);
  assert.ok(e.loss > 0 && Number.isFinite(e.loss));
  assert.ok(e.confusion instanceof Int32Array && e.confusion.length === 100);
  assert.equal(e.confusion.reduce((a, b) => a + b, 0), 1000);
  assert.ok(e.predicted instanceof Uint8Array && e.predicted.length === 1000);
  let right = 0;
  for (let i = 0; i < 1000; i++) right += e.predicted[i] === s.heldOutLabel(i);
  assert.equal(right / 1000, e.accuracy);

  const image = s.heldOutImage(0);
  assert.ok(image instanceof Uint8Array && image.length === 784);
  const p = s.predictImage(image);
  assert.ok(p instanceof Float32Array && p.length === 10);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.equal(p.indexOf(Math.max(...p)), e.predicted[0]);
  trained = s;
});

test('a run stops at epochs x batches per epoch', async () => {
  const s = new M.Session();
  s.configure({ layers: '128', epochs: 1, limit: 64, batchSize: 32, augment: false });
  assert.throws(() => s.train(1), /no training data yet/);
  await M.loadBundledData(s);
  const r = s.train(5);
  assert.deepEqual([r.batches, r.totalBatches, r.epoch, r.done], [2, 2, 1, true]);
  assert.equal(s.train(3).batches, 2);
});

test('save and load give back the same weights and predictions', async () => {
  const bytes = trained.saveModel();
  assert.ok(bytes instanceof Uint8Array);
  const copy = new M.Session();
  copy.loadModel(bytes);
  assert.deepEqual(copy.getWeights(), trained.getWeights());
  assert.deepEqual(copy.architecture(), trained.architecture());
  for (let i = 0; i < 20; i++)
    assert.deepEqual(copy.predictImage(trained.heldOutImage(i)), trained.predictImage(trained.heldOutImage(i)));

  // Weights alone move between sessions of the same architecture.
  const other = new M.Session();
  other.configure({ layers: '128', seed: 99 });
  other.setWeights(trained.getWeights());
  assert.deepEqual(other.getWeights(), trained.getWeights());
  const arch = trained.architecture();
  assert.deepEqual(arch.input, { channels: 1, height: 28, width: 28 });
  assert.deepEqual(arch.layers.map((l) => [l.kind, l.units, l.activation, l.bias]),
                   [['dense', 128, 'relu', true], ['dense', 10, 'softmax', true]]);

  // A loaded model trains on with the current settings.
  await M.loadBundledData(copy);
  assert.equal(copy.train(10).batches, 10);
});

test('bad model bytes are refused with a reason, and the model stays', () => {
  const good = trained.saveModel();
  const weights = trained.getWeights();
  const image = trained.heldOutImage(3);
  const before = trained.predictImage(image);
  let seed = 12345;
  const random = new Uint8Array(5000).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  const flipped = good.slice();
  flipped[1000] ^= 0x10;
  const cases = [
    [random, /not a digitnet model file/],
    [good.slice(0, good.length - 100), /truncated/],
    [flipped, /checksum/],
    [new Uint8Array(0), /truncated/],
  ];
  for (const [bytes, message] of cases) {
    assert.throws(() => trained.loadModel(bytes), (e) => e instanceof Error && message.test(e.message));
    assert.deepEqual(trained.predictImage(image), before);
  }
  assert.deepEqual(trained.getWeights(), weights);
  assert.throws(() => trained.loadModel('DGNT'), /must be a Uint8Array/);
});

test('a valid model that does not take 784 pixels to 10 digits is refused, and the model stays', () => {
  const weights = trained.getWeights();
  const image = trained.heldOutImage(3);
  const before = trained.predictImage(image);
  // Built the same way, the digit shape loads: the refusals below are for the shape alone.
  const fits = new M.Session();
  fits.loadModel(modelFile(784, [[16, 'relu'], [10, 'softmax']]));
  assert.equal(fits.describe(), '784-16-10 relu/softmax');
  for (const [inputs, layers, message] of [
    [100, [[10, 'softmax']], /^Error: this model takes 100 inputs and gives 10 outputs, but a digit reader takes 784 \(28x28 pixels\) and gives 10$/],
    [784, [[16, 'relu'], [3, 'softmax']], /takes 784 inputs and gives 3 outputs/],
  ]) {
    assert.throws(() => trained.loadModel(modelFile(inputs, layers)), message);
    assert.deepEqual(trained.predictImage(image), before);
  }
  assert.deepEqual(trained.getWeights(), weights);
  assert.equal(trained.describe(), '784-128-10 relu/softmax');
});

test('wrong inputs throw readable errors and the session carries on', async () => {
  const s = await sessionWithData();
  assert.throws(() => s.predictImage(new Uint8Array(784)), /no network yet/);
  assert.throws(() => s.train(1), /no network yet/);
  s.configure({ layers: '16', augment: false });
  const weights = s.getWeights();
  assert.throws(() => s.setWeights(new Float32Array(5)), new RegExp(`^Error: expected ${weights.length} weights, got 5$`));
  assert.throws(() => s.predictImage(new Uint8Array(783)), /784 pixels, got 783/);
  assert.throws(() => s.heldOutImage(1000), /held-out index/);
  assert.throws(() => s.train(-1), /number of batches/);

  // Settings: each refusal names its field and leaves the network as it was.
  for (const [settings, setting, message] of [
    [{ activation: 'softmax' }, 'activation', /^Error: Activation must be one of relu, tanh, sigmoid, identity, not "softmax"$/],
    [{ learningRate: -1 }, 'learningRate', /^Error: Learning rate must be a number from 1e-07 to 100, not -1$/],
    [{ optimizer: 'rmsprop' }, 'optimizer', /^Error: Optimizer must be one of adam, momentum, sgd, not "rmsprop"$/],
    [{ batchSize: 0 }, 'batchSize', /^Error: Batch size must be a whole number from 1 to 65536, not 0$/],
    [{ layers: '0' }, 'layers', /^Error: layer item 1 '0': a dense layer has 1 to 65536 units$/],
    [{ layers: 16 }, 'layers', /^Error: Layers must be a name or text$/],
    [{ epochs: 0 }, 'epochs', /^Error: Epochs must be a whole number from 1 to 1000, not 0$/],
    [{ hiden: '16' }, 'hiden', /^Error: unknown setting "hiden" \(known: layers, activation, /],
    [{ augment: 1 }, 'augment', /^Error: Augmentation must be true or false$/],
    [{ layers: [16] }, 'layers', /^Error: Layers must be a number, a name or true\/false, not object$/],
    ['{"layers":"16"}', '', /^Error: the settings must be an object of \{name: value\}$/],
    [[{ layers: '16' }], '', /must be an object/],
    [null, '', /must be an object/],
  ]) {
    const what = JSON.stringify(settings);
    assert.throws(() => s.configure(settings), (e) => e instanceof Error && message.test(String(e)) && e.setting === setting,
                  what);
    assert.deepEqual(s.getWeights(), weights);
  }

  // Data: bad IDX bytes are refused and the old data stay.
  assert.throws(() => s.setTrainingData(new Uint8Array(10), new Uint8Array(10)), /IDX images file is too short/);
  assert.throws(() => s.setHeldOutData(new Uint8Array(10), new Uint8Array(10)), /IDX/);
  assert.equal(s.heldOutCount(), 1000);
  assert.equal(s.train(2).batches, 2);

  // Drawings.
  assert.throws(() => s.predictDrawing(canvas(280, 280, []), 280, 280), /the drawing is empty/);
  assert.throws(() => s.predictDrawing(new Uint8Array(100), 280, 280), /needs 313600 RGBA bytes, got 100/);
  assert.throws(() => s.predictDrawing(new Uint8Array(0), 0, 0), /the drawing is 0x0/);
  const one = s.predictDrawing(canvas(280, 280, [[130, 40, 150, 240]]), 280, 280);
  assert.ok(one.probabilities instanceof Float32Array && one.probabilities.length === 10);
  assert.ok(one.image instanceof Uint8Array && one.image.length === 784);
  assert.equal(one.image[14 * 28 + 14], 255, 'the stroke lands in the centre');

  // Many failures in a row leak nothing that stops the session.
  for (let i = 0; i < 2000; i++) assert.throws(() => s.loadModel(new Uint8Array(64)));
  assert.equal(s.train(1).batches, 3);
});

test("readImageInk: the core's ink rule, either way round, and forced", () => {
  // 3x3: a light pixel in the middle of a dark (gray 40) ground, opaque.
  const rgba = new Uint8Array(36);
  for (let i = 0; i < 9; i++) rgba.set(i === 4 ? [240, 240, 240, 255] : [40, 40, 40, 255], 4 * i);
  const auto = M.readImageInk(rgba, 3, 3, 'auto');
  assert.equal(auto.lightInk, true);
  assert.equal(auto.reading, 'light ink on a dark ground (inverted)');
  assert.deepEqual(Array.from(auto.gray), [255, 255, 255, 255, 255 - Math.floor(200 * 255 / 215), 255, 255, 255, 255]);
  const dark = M.readImageInk(rgba, 3, 3, 'dark');
  assert.equal(dark.lightInk, false);
  assert.equal(dark.reading, 'dark ink on a light ground');
  assert.deepEqual(Array.from(dark.gray), [40, 40, 40, 40, 240, 40, 40, 40, 40]);
});

test('a convolutional network: its architecture, training, and its model file', async () => {
  const s = await sessionWithData();
  const layers = 'c8k5,p2,c16k5s,p2,32,d0.25';
  s.configure({ layers, optimizer: 'adam', augment: false });
  assert.equal(s.describe(), `1x28x28 ${layers},10 relu/softmax`);
  assert.equal(s.settings().layers, layers);
  const arch = s.architecture();
  assert.deepEqual(arch.input, { channels: 1, height: 28, width: 28 });
  assert.equal(arch.layersText, layers);
  const shape = ({ channels, height, width }) => `${channels}x${height}x${width}`;
  assert.deepEqual(arch.layers.map((l) => [l.kind, l.units, l.kernel, l.padding, l.activation, shape(l.output)]), [
    ['conv', 8, 5, 'valid', 'relu', '8x24x24'],
    ['maxpool', 0, 2, 'valid', 'identity', '8x12x12'],
    ['conv', 16, 5, 'same', 'relu', '16x12x12'],
    ['maxpool', 0, 2, 'valid', 'identity', '16x6x6'],
    ['dense', 32, 0, 'valid', 'relu', '32x1x1'],
    ['dropout', 0, 0, 'valid', 'identity', '32x1x1'],
    ['dense', 10, 0, 'valid', 'softmax', '10x1x1'],
  ]);
  assert.equal(arch.layers[5].rate, 0.25);
  // (8x5x5x1 + 8) + (16x5x5x8 + 16) + (32x576 + 32) + (10x32 + 10)
  assert.equal(arch.parameters, 208 + 3216 + 18464 + 330);
  assert.equal(s.getWeights().length, arch.parameters);

  const first = s.train(20);
  let last = first;
  for (let i = 0; i < 4; i++) last = s.train(20);
  assert.ok(last.loss < first.loss * 0.7, `loss ${first.loss} -> ${last.loss}`);
  assert.ok(s.evaluateHeldOut().accuracy > 0.5);

  const copy = new M.Session();
  copy.loadModel(s.saveModel());
  assert.deepEqual(copy.architecture(), arch);
  assert.deepEqual(copy.getWeights(), s.getWeights());
  for (let i = 0; i < 10; i++) assert.deepEqual(copy.predictImage(s.heldOutImage(i)), s.predictImage(s.heldOutImage(i)));
});

test('checkSettings: every field with a problem at once, and the size of a good network', () => {
  const good = M.checkSettings({ layers: 'c8k5,p2,c16k5,p2', batchSize: 32 });
  assert.equal(good.ok, true);
  assert.deepEqual(good.errors, {});
  assert.equal(good.parameters, 208 + 3216 + 2570);
  // Forward multiply-adds: 24x24 pixels x 8 filters x 25, 8x8 x 16 x 200, 10 x 256.
  assert.equal(good.flopsPerDigit, 2 * (24 * 24 * 8 * 25 + 8 * 8 * 16 * 200 + 10 * 256));
  assert.ok(good.bytes > 4 * 10 * good.parameters, `${good.bytes} bytes`);
  assert.equal(good.summary, '1x28x28 c8k5,p2,c16k5,p2,10 relu/softmax');

  const bad = M.checkSettings({ layers: 'c8k5,p2,x3', learningRate: 0, optimizer: 'rmsprop', batchSize: 1.5,
                                epochs: 'ten', augment: 'yes', seed: -1 });
  assert.equal(bad.ok, false);
  assert.deepEqual(Object.keys(bad.errors).sort(),
                   ['augment', 'batchSize', 'epochs', 'layers', 'learningRate', 'optimizer', 'seed']);
  assert.equal(bad.errors.layers, "layer item 3 'x3' is not a layer; allowed: N (a dense layer of N units), " +
    "cFkK (F filters of KxK), cFkKs (the same, 'same' padding), pN (NxN max-pool) or dR (dropout of rate R)");
  assert.match(bad.errors.batchSize, /^Batch size must be a whole number from 1 to 65536, not 1.5$/);
  assert.match(bad.errors.epochs, /^Epochs must be a whole number from 1 to 1000, not "ten"$/);
  assert.equal(bad.parameters, undefined);

  // A stack that does not fit names its layer; a network too big to train says how much memory it needs.
  assert.deepEqual(M.checkSettings({ layers: 'c8k5,p2,c16k5,p2,c32k5' }).errors, {
    layers: "layer 5 (c32k5): a 5x5 conv does not fit on its 4x4 input map; use a smaller kernel, " +
      'fewer pooling layers or \'same\' padding (c32k5s)',
  });
  const memory = /^training this network at batch size 32 would need about 3203 MB of memory; the limit is 1500 MB: /;
  assert.match(M.checkSettings({ layers: 'c512k5s,c512k5s' }).errors.layers, memory);
  assert.deepEqual(M.checkSettings('layers').errors, { settings: 'the settings must be an object of {name: value}' });

  // configure refuses the same, naming the field.
  const s = new M.Session();
  assert.throws(() => s.configure({ layers: 'c512k5s,c512k5s' }), (e) => memory.test(e.message) && e.setting === 'layers');
  assert.throws(() => s.configure({ layers: 'c8k5,p2,x3' }), (e) => /'x3' is not a layer/.test(e.message) && e.setting === 'layers');
});

test("the vocabulary's defaults are the CLI's: the same network, settings and weights", async (t) => {
  const v = M.vocabulary();
  const defaults = Object.fromEntries(v.settings.map((s) => [s.key, s.default]));
  t.diagnostic(JSON.stringify(defaults));
  assert.equal(v.learningRates[defaults.optimizer], defaults.learningRate);
  assert.equal(v.initFor[defaults.activation], defaults.init);
  assert.equal(v.networks.length > 0 && v.networks.every((n) => M.checkSettings({ layers: n.layers }).ok), true);

  // The CLI with no settings but a short run, and the module with every default given.
  const limit = 32;
  const s = await sessionWithData();
  const { steps, ...given } = defaults;  // steps 0: the run is `epochs` long
  assert.equal(steps, 0);
  s.configure({ ...given, limit });
  assert.deepEqual(s.settings(), { ...defaults, limit });
  const run = s.train(1e6);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digitnet-'));
  try {
    const file = path.join(dir, 'default.model');
    const out = execFileSync(required(cliPath, 'build the native tool first'),
                             ['train', '--limit', String(limit), '-o', file], { encoding: 'utf8' });
    const line = out.split('\n')[0];
    t.diagnostic(line);
    assert.equal(line, `training ${s.describe()} on ${limit} digits: ${defaults.optimizer} lr ${defaults.learningRate}, ` +
      `batch ${defaults.batchSize}, ${run.totalBatches} batches${defaults.augment ? ', augmented' : ''}`);
    const native = new M.Session();
    native.loadModel(fs.readFileSync(file));
    const a = s.getWeights(), b = native.getWeights();
    const moved = a.filter((w, i) => Math.abs(w - b[i]) > 1e-3).length / a.length;
    t.diagnostic(`after ${run.batches} batches of the defaults: max |native - wasm| ${maxAbsDiff(a, b).toExponential(2)}, ` +
      `${(100 * moved).toFixed(3)}% of the weights apart by more than 1e-3`);
    // Any other default (a rate, the schedule, the seed) moves most weights apart by Adam
    // steps of the learning rate (4e-3). The same run drifts only where a gradient is
    // almost 0 (Adam's step then takes the sign of rounding) or a max-pool's two largest
    // values nearly tie: a few weights in a thousand.
    assert.ok(moved < 0.01, `${(100 * moved).toFixed(2)}% of the weights differ by more than 1e-3`);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('a diverging run is undone and reported', async (t) => {
  const s = await sessionWithData();
  // SGD's loss becomes infinite; Adam's steps are bounded, its loss climbs.
  for (const settings of [{ optimizer: 'sgd', learningRate: 100 }, { optimizer: 'adam', learningRate: 100 }]) {
    s.configure({ ...settings, augment: false, cosine: false });
    const weights = s.getWeights();
    assert.throws(() => s.train(20), (e) => {
      t.diagnostic(`${settings.optimizer}: ${e.message}`);
      return /^training diverged: .*back to where they were after batch 0/.test(e.message);
    });
    assert.deepEqual(s.getWeights(), weights);
  }
  s.configure({ layers: '16', augment: false });
  assert.equal(s.train(5).batches, 5);
});

test('the pretrained model is built in and reads the held-out digits', async () => {
  const bytes = M.pretrainedModelBytes();
  assert.ok(bytes instanceof Uint8Array, 'the module was built without assets/pretrained.model');
  const s = await sessionWithData();
  s.loadModel(bytes);
  assert.ok(s.evaluateHeldOut().accuracy > 0.95);
});

// One training run from seed 5, described once for both sides: CLI arguments and
// module settings. It runs `steps` batches, or (for a cosine schedule, which spans
// the whole run) `epochs` passes over the first `limit` training digits.
// `layers` is the core's layer text ("99,29", "c4k5,p2,32").
function sameRun({ layers, optimizer, lr, batch, limit, steps, epochs, augment = false, cosine = false }) {
  const length = steps ? { steps } : { epochs };
  return {
    name: `${layers}, ${optimizer}, batch ${batch}${augment ? ', augmented' : ''}${cosine ? ', cosine' : ''}`,
    args: ['--layers', layers, '--optimizer', optimizer, '--lr', String(lr), '--batch', String(batch),
           '--seed', '5', augment ? '--augment' : '--no-augment', cosine ? '--cosine' : '--constant-lr',
           '--limit', String(limit), ...(steps ? ['--steps', String(steps)] : ['--epochs', String(epochs)])],
    settings: { layers, optimizer, learningRate: lr, batchSize: batch, seed: 5, augment, cosine, limit, ...length },
    batches: steps || epochs * Math.ceil(limit / batch),
  };
}

// The weights the native CLI trains in `run`.
function nativeWeights(run) {
  required(cliPath, 'build the native tool first (cmake -S . -B build && cmake --build build)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digitnet-'));
  try {
    const file = path.join(dir, 'trained.model');
    execFileSync(cliPath, ['train', ...run.args, '-q', '-o', file], { stdio: 'pipe' });
    const s = new M.Session();
    s.loadModel(fs.readFileSync(file));
    return s.getWeights();
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}

// A session set up for `run`, not trained yet.
async function sessionFor(run) {
  const s = await sessionWithData();
  s.configure(run.settings);
  return s;
}

// Trains `run` natively and in the module; prints and returns the largest weight difference.
async function trainBothWays(t, run) {
  const s = await sessionFor(run);
  assert.equal(s.train(run.batches).batches, run.batches);
  const diff = maxAbsDiff(s.getWeights(), nativeWeights(run));
  t.diagnostic(`max |native - wasm| after ${run.batches} batches, ${run.name}: ${diff.toExponential(2)}`);
  return diff;
}

// IDX files of n blank digits (labels 0..9 in turn) in dir, as the CLI names them; returns the images file.
function blankDigits(dir, n) {
  const images = Buffer.alloc(16 + 784 * n);
  [0x803, n, 28, 28].forEach((v, i) => images.writeUInt32BE(v, 4 * i));
  const labels = Buffer.alloc(8 + n);
  [0x801, n].forEach((v, i) => labels.writeUInt32BE(v, 4 * i));
  for (let i = 0; i < n; i++) labels[8 + i] = i % 10;
  fs.writeFileSync(path.join(dir, 'blank-labels-idx1-ubyte'), labels);
  fs.writeFileSync(path.join(dir, 'blank-images-idx3-ubyte'), images);
  return path.join(dir, 'blank-images-idx3-ubyte');
}

test('native CLI and WebAssembly train to the same weights', async (t) => {
  const trained = { layers: '32', optimizer: 'sgd', lr: 0.1, batch: 16, limit: 512, steps: 50 };
  // Initial weights bit for bit: as the CLI trains at least one step, through one
  // step on blank digits. Their inputs, and so the ReLU layer's outputs, are 0:
  // every weight's gradient is exactly 0, and only the output biases move.
  const initialRun = sameRun({ ...trained, steps: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digitnet-'));
  let nativeInitial;
  try {
    nativeInitial = nativeWeights({ ...initialRun, args: [...initialRun.args, '--train-data', blankDigits(dir, 16)] });
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
  const s = await sessionFor(initialRun);
  const initial = s.getWeights();
  const biases = new Set();
  let offset = 0, fanIn = 784;
  for (const layer of s.architecture().layers) {
    offset += layer.units * fanIn;
    for (let i = 0; i < layer.units; i++) biases.add(offset + i);
    offset += layer.units;
    fanIn = layer.units;
  }
  assert.equal(offset, initial.length);
  for (let i = 0; i < initial.length; i++) {
    if (biases.has(i)) assert.ok(initial[i] === 0 && Math.abs(nativeInitial[i]) < 0.1, `bias ${i}`);
    else assert.ok(Object.is(initial[i], nativeInitial[i]), `weight ${i}: ${initial[i]} vs ${nativeInitial[i]}`);
  }

  // After training only the order of float sums differs (SIMD widths).
  const diff = await trainBothWays(t, sameRun(trained));
  assert.ok(diff < 1e-5, `max difference ${diff}`);
});

test('native CLI and WebAssembly train to the same weights at other shapes and batch sizes', async (t) => {
  // Layer sizes that fill no SIMD block evenly, through the single-sample path and
  // batches that leave partial blocks of samples, and past the end of an epoch.
  for (const batch of [1, 7, 100]) {
    const diff = await trainBothWays(t, sameRun({ layers: '99,29', optimizer: 'sgd', lr: 0.05, batch, limit: 700, steps: 60 }));
    assert.ok(diff < 1e-5, `batch ${batch}: max difference ${diff}`);
  }
});

test('native CLI and WebAssembly train to the same weights with Adam, augmentation and cosine decay', async (t) => {
  // Augmented digits may differ in a last bit (sin and cos), and Adam turns the
  // tiny gradients of rarely inked border pixels into whole steps, so differences
  // grow with the run (here 1.1e-5). A schedule one batch off gives 8e-3.
  const diff = await trainBothWays(t, sameRun({ layers: '99,29', optimizer: 'adam', lr: 0.002, batch: 32, limit: 700,
                                                epochs: 1, augment: true, cosine: true }));
  assert.ok(diff < 5e-5, `max difference ${diff}`);
});

test('native CLI and WebAssembly train a CNN to the same weights, with SGD and with Adam', async (t) => {
  // Conv layers valid and "same", pools, and a dense layer on the flattened map;
  // batches of 16 leave no partial SIMD block, 100 digits end the epoch on a partial batch.
  for (const run of [
    sameRun({ layers: 'c4k5,p2,c8k3s,p2,32', optimizer: 'sgd', lr: 0.05, batch: 16, limit: 100, steps: 20 }),
    sameRun({ layers: 'c4k5,p2,c8k3s,p2,32', optimizer: 'adam', lr: 0.002, batch: 16, limit: 100, steps: 20 }),
  ]) {
    const diff = await trainBothWays(t, run);
    assert.ok(diff < 2e-5, `${run.name}: max difference ${diff}`);
  }
});

test('native CLI and WebAssembly draw the same dropout masks', async (t) => {
  // Both draw the masks from the run's rng: a mask drawn differently moves weights by 1e-3 and more.
  const diff = await trainBothWays(t, sameRun({ layers: 'c4k5,p2,c8k3s,p2,32,d0.25', optimizer: 'sgd', lr: 0.05,
                                                batch: 16, limit: 100, steps: 20 }));
  assert.ok(diff < 2e-5, `max difference ${diff}`);
});
