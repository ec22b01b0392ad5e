'use strict';
// Convolutional networks in the page: the named networks and any layer text,
// their size and cost shown before training, a CNN trained with live progress,
// every layer's output for the digit on the pad, both pretrained models, a CNN
// saved and reopened, and the shipped CNN reading digits drawn small,
// off-centre, slanted and turned. Each test opens a page of its own.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { test, before, after, beforeEach, afterEach } = require('node:test');
const {
  launchBrowser, openPage, byTestId, text, loadPretrained, drawStrokes, readDrawing, samplesSeen, setField, waitForState,
} = require('./page');
const { DIGITS, VARIATIONS, transformed } = require('./strokes');

const THREE = DIGITS.find((d) => d.digit === 3).strokes;
const SEVEN = DIGITS.find((d) => d.digit === 7).strokes;
const CNN_LAYERS = 'c16k5,p2,c32k5,p2,128';

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
beforeEach(async () => { page = await openPage(browser); });
afterEach(() => page.close());

const summary = () => text(page, 'settings-summary');
const network = () => page.inputValue(byTestId('setting-network'));

// Each layer view's pixels, as one string per layer (the input's first).
function layerPixels(page) {
  return page.$$eval('[data-testid="layers"] canvas', (canvases) => canvases.map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return Array.from(data).join(',');
  }));
}

// Whether the layer views show something other than black for every layer.
function everyLayerLit(page) {
  return page.$$eval('[data-testid="layers"] canvas', (canvases) => canvases.every((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 0) return true;
    return false;
  }));
}

test('each named network fills the layers and epochs, with its size and cost shown before training', async () => {
  const choices = await page.$$eval(`${byTestId('setting-network')} option`, (o) => o.map((e) => [e.value, e.textContent]));
  console.log(`networks offered: ${choices.map(([, label]) => label).join('; ')}`);
  assert.equal(choices[0][0], 'CNN', 'the CNN is not the default');
  assert.equal(await network(), 'CNN');
  assert.equal(await page.inputValue(byTestId('setting-layers')), CNN_LAYERS);
  for (const [name] of choices.filter(([value]) => value !== 'custom')) {
    await page.selectOption(byTestId('setting-network'), name);
    const layers = await page.inputValue(byTestId('setting-layers'));
    const epochs = await page.inputValue(byTestId('setting-epochs'));
    assert.ok(choices.find(([value]) => value === name)[1].includes(`(${layers})`), `${name}: layers ${layers}`);
    assert.match(await page.textContent('#setting-epochs-note'), new RegExp(`^Set to ${epochs}, the usual for the ${name}\\.$`));
    assert.match(await summary(), /: [\d,]+ weights and biases; reading one digit takes [\d.]+ million operations; /);
    console.log(`${name}: ${layers}, ${epochs} epochs: ${await summary()}`);
  }
  // The CNN's numbers, counted by hand: conv 16x(5x5+1), conv 32x(5x5x16+1), dense 128x(4x4x32+1), output 10x(128+1);
  // multiply-adds 24x24x16x25 + 8x8x32x400 + 512x128 + 128x10 = 1,116,416, two operations each.
  await page.selectOption(byTestId('setting-network'), 'CNN');
  assert.match(await summary(), /^Network 1x28x28 c16k5,p2,c32k5,p2,128,10 relu\/softmax: 80,202 weights and biases; reading one digit takes 2\.2 million operations; /);
  assert.deepEqual(page.errors, []);
});

test('any layer text can be typed: the choice turns to Custom layers, and back when it names a network', async () => {
  await setField(page, 'layers', 'c4k3, p2, 32');
  assert.equal(await network(), 'custom');
  // 4x(3x3+1) + 32x(13x13x4+1) + 10x(32+1) = 22,034
  assert.match(await summary(), /^Network 1x28x28 c4k3,p2,32,10 relu\/softmax: 22,034 weights and biases/);
  assert.ok(!(await page.isDisabled(byTestId('train-toggle'))));
  await setField(page, 'layers', 'C8K5,P2,C16K5,P2');
  assert.equal(await network(), 'Small CNN');
  assert.deepEqual(page.errors, []);
});

test('a layer text that cannot be built is refused with its message and Train waits', async () => {
  for (const [layers, message] of [
    ['c8k5,p2,c16k5,p2,c32k5', /5x5 .*4x4|4x4.*5x5/],
    ['c16k5,x3', /'x3' is not a layer; allowed: /],
  ]) {
    await setField(page, 'layers', layers);
    const note = await page.textContent('#setting-layers-note');
    console.log(`refused "${layers}": ${note}`);
    assert.match(note, message);
    assert.equal(await page.getAttribute(byTestId('setting-layers'), 'aria-invalid'), 'true');
    assert.equal(await network(), 'custom');
    assert.equal(await summary(), '');
    assert.ok(await page.isDisabled(byTestId('train-toggle')));
  }
  assert.deepEqual(page.errors, []);
});

test('every layer\'s output for the digit on the pad shows, and changes as it is drawn', async () => {
  await page.selectOption(byTestId('setting-network'), 'CNN');
  await page.click(byTestId('start-over'));
  await waitForState(page, 'idle');
  const titles = await page.$$eval('[data-testid="layers"] .layer-title', (t) => t.map((e) => e.textContent));
  assert.deepEqual(titles, ['Input 28×28', 'Convolution c16k5 16 maps of 24×24', 'Max-pool p2 16 maps of 12×12',
    'Convolution c32k5 32 maps of 8×8', 'Max-pool p2 32 maps of 4×4', 'Dense 128 128 units', 'Output 10 units']);
  await page.click(byTestId('clear'));
  await drawStrokes(page, [SEVEN[0].slice(0, 12)]);  // the top bar of a 7
  assert.ok(await everyLayerLit(page), 'a layer shows nothing for the drawing');
  const part = await layerPixels(page);
  await drawStrokes(page, [SEVEN[0].slice(12)]);  // and its diagonal
  const whole = await layerPixels(page);
  whole.forEach((pixels, l) => assert.notEqual(pixels, part[l], `layer view ${l} did not change as the digit was drawn`));
  const filters = await page.$$eval('#neurons canvas', (c) => c.map((e) => `${e.width}x${e.height}`));
  assert.equal(filters.length, 16);
  assert.ok(filters.every((size) => size === '5x5'), `filters drawn as ${filters[0]}`);
  assert.match(await page.textContent('#neurons-caption'), /filters/);
  assert.deepEqual(page.errors, []);
});

// Chooses the Small CNN for 2 epochs: what the two tests below train.
async function chooseSmallCnn() {
  await page.selectOption(byTestId('setting-network'), 'Small CNN');
  await setField(page, 'epochs', '2');
}

test('a CNN trains in the page with live progress, and the layer views follow its weights', async () => {
  await chooseSmallCnn();
  await page.click(byTestId('clear'));
  await drawStrokes(page, THREE);
  const untrained = await layerPixels(page);
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'running');
  assert.match(await text(page, 'status'), /^Training the network \(layers c8k5,p2,c16k5,p2, relu\) with Adam for 2 epochs, from scratch\.$/);
  // The counters move several times within the run, not only at its end.
  const seen = [];
  while (seen.length < 3) {
    const n = await samplesSeen(page);
    if (n > 0 && n < 18000 && n !== seen[seen.length - 1]) seen.push(n);
    if ((await page.getAttribute(byTestId('train-toggle'), 'data-state')) !== 'running') break;
    await page.waitForTimeout(100);
  }
  console.log(`samples seen while the Small CNN trained: ${seen.join(', ')}`);
  assert.equal(seen.length, 3, `the samples counter showed only ${seen.join(', ')} during the run`);
  await waitForState(page, 'finished', 180000);
  assert.equal(await page.textContent('#epoch'), '2.0 / 2');
  const accuracy = parseFloat(await text(page, 'test-accuracy'));
  console.log(`Small CNN after 2 epochs in the page: ${accuracy}% held-out`);
  assert.ok(accuracy > 90, `held-out ${accuracy}%`);
  const trained = await layerPixels(page);
  trained.slice(1).forEach((pixels, l) => assert.notEqual(pixels, untrained[l + 1], `layer view ${l + 1} kept the untrained weights' output`));
  assert.equal(await text(page, 'prediction'), '3');
  assert.deepEqual(page.errors, []);
});

test('a CNN saves as a file that opens again with the same answers', async () => {
  await chooseSmallCnn();
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'finished', 180000);
  const accuracy = await text(page, 'test-accuracy');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('save-model'))]);
  assert.match(download.suggestedFilename(), /^digitnet-.*\.model$/);
  const bytes = fs.readFileSync(await download.path());
  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await page.waitForFunction((a) => document.querySelector('[data-testid="test-accuracy"]').textContent !== a, accuracy);
  await page.selectOption(byTestId('setting-network'), 'MLP 784-128-10');
  await page.setInputFiles(byTestId('model-file'), { name: 'small-cnn.model', mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.startsWith('Loaded "small-cnn.model"'));
  await page.waitForFunction((a) => document.querySelector('[data-testid="test-accuracy"]').textContent === a, accuracy);
  assert.equal(await page.inputValue(byTestId('setting-layers')), 'c8k5,p2,c16k5,p2');
  assert.equal(await network(), 'Small CNN');
  assert.equal(await readDrawing(page, THREE), '3');
  assert.equal((await layerPixels(page)).length, 6);
  assert.deepEqual(page.errors, []);
});

test('Load pretrained offers the CNN first and the MLP, and loads either', async () => {
  const offered = await page.$$eval(`${byTestId('pretrained-choice')} option`, (o) => o.map((e) => e.value));
  console.log(`pretrained models built in: ${offered.join(', ')}`);
  assert.ok(offered.includes('mlp'));
  if (offered.includes('cnn')) {
    assert.equal(offered[0], 'cnn', 'the CNN is not the default');
    await loadPretrained(page, 'cnn');
    assert.match(await text(page, 'status'), /^Loaded the pretrained CNN: /);
    assert.equal(await network(), 'Big CNN');  // the shipped CNN has the big CNN's layers
    const titles = await page.$$eval('#layers .layer-title strong', (e) => e.map((t) => t.textContent));
    assert.ok(titles.some((t) => /^Dropout d0\.4$/.test(t)), `layer titles: ${titles.join(', ')}`);
    const accuracy = parseFloat(await text(page, 'test-accuracy'));
    console.log(`pretrained CNN, held-out: ${accuracy}%`);
    assert.ok(accuracy > 98, `held-out ${accuracy}%`);
    assert.equal(await readDrawing(page, SEVEN), '7');
  }
  await loadPretrained(page, 'mlp');
  assert.match(await text(page, 'status'), /^Loaded the pretrained MLP: /);
  assert.equal(await page.inputValue(byTestId('setting-layers')), '256,128');
  assert.equal(await network(), 'custom');
  assert.equal(await readDrawing(page, SEVEN), '7');
  assert.equal((await page.$$eval('#neurons canvas', (c) => c.map((e) => e.width))).join(), Array(16).fill(28).join());
  assert.deepEqual(page.errors, []);
});

// Reads every digit in every variation: {misread, latencies: [ms to the answer shown, ms for the layer views] per drawing}.
async function readVariations(which) {
  await loadPretrained(page, which);
  const misread = [];
  const latencies = [];
  for (const { name, change } of VARIATIONS) {
    for (const { digit, name: way, strokes } of DIGITS) {
      const answer = await readDrawing(page, transformed(strokes, change));
      latencies.push(await page.$eval(byTestId('prediction'), (e) => [Number(e.dataset.latencyMs), Number(e.dataset.layersMs)]));
      if (answer !== String(digit)) misread.push(`${digit} (${way}), ${name}: read as ${answer}`);
    }
  }
  return { misread, latencies };
}

test('the shipped CNN and the MLP read digits drawn small, off-centre, slanted and turned by 25 degrees', async (t) => {
  const offered = await page.$$eval(`${byTestId('pretrained-choice')} option`, (o) => o.map((e) => e.value));
  if (!offered.includes('cnn')) {
    t.skip('this build has no pretrained CNN (assets/pretrained-cnn.model)');
    return;
  }
  const total = VARIATIONS.length * DIGITS.length;
  const { misread: mlp } = await readVariations('mlp');
  const { misread: cnn, latencies } = await readVariations('cnn');
  console.log(`drawn digits read right, of ${total}: CNN ${total - cnn.length}, MLP ${total - mlp.length}`);
  if (cnn.length) console.log(`the CNN misread: ${cnn.join('; ')}`);
  if (mlp.length) console.log(`the MLP misread: ${mlp.join('; ')}`);
  const spread = (ms) => {
    ms.sort((a, b) => a - b);
    return `median ${ms[ms.length >> 1].toFixed(2)} ms, max ${ms[ms.length - 1].toFixed(2)} ms`;
  };
  console.log(`draw to prediction with the CNN (pixels read, preprocessed, predicted, answer shown): ${spread(latencies.map(([ms]) => ms))}; ` +
    `then the layer views drawn: ${spread(latencies.map(([, ms]) => ms))}`);
  // Both misread a few of the hardest (a 1 with a flag at its top, turned or slanted into a 7):
  // the shipped CNN 3 and the MLP 2 when this was written. A fault in reading drawings (the
  // pad, the preprocessing, the CNN's layers) misreads far more.
  assert.ok(cnn.length <= total / 18, `the CNN misread ${cnn.length} of ${total}`);
  assert.ok(mlp.length <= total / 18, `the MLP misread ${mlp.length} of ${total}`);
  assert.deepEqual(page.errors, []);
});
