'use strict';
// Models the page must refuse with the module's own words, keeping what it has:
// a model file whose one digit would cost too much to read (opened through
// "Open model"), and a model whose huge weights give outputs that are not
// numbers (the drawing is not read as "NaN% sure").
const assert = require('node:assert/strict');
const { test, before, after } = require('node:test');
const { launchBrowser, openPage, byTestId, text, loadPretrained, readDrawing } = require('./page');
const { DIGITS } = require('./strokes');
const { costlyModelFile, modelFile } = require('../node/model-file');

const SEVEN = DIGITS.find((d) => d.digit === 7).strokes;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

async function openModelFile(page, name, bytes) {
  await page.setInputFiles(byTestId('model-file'), { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').textContent.includes(n), name);
  return text(page, 'status');
}

test('a model file that costs too much to read one digit is refused, naming what it would need', async () => {
  const page = await openPage(browser);
  await loadPretrained(page, 'cnn');
  const accuracy = await text(page, 'test-accuracy');
  const layers = await page.inputValue(byTestId('setting-layers'));
  const status = await openModelFile(page, 'costly.model', costlyModelFile());
  assert.equal(status, 'Could not load "costly.model": reading one digit with this network would take 26017 million ' +
    'multiply-adds and 1820 MB of memory; the limit is 10000 million and 256 MB: use fewer or smaller layers. ' +
    'The current model stays.');
  assert.equal(await page.getAttribute(byTestId('status'), 'class'), 'status error');
  assert.equal(await text(page, 'test-accuracy'), accuracy);
  assert.equal(await page.inputValue(byTestId('setting-layers')), layers);
  assert.equal(await readDrawing(page, SEVEN), '7');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a model whose outputs are not numbers is refused when it reads a drawing', async () => {
  const page = await openPage(browser);
  // 784-16-10 with every weight 1e38: finite, but a digit's sums overflow.
  const status = await openModelFile(page, 'huge.model', modelFile(784, [[16, 'relu'], [10, 'softmax']], 1e38));
  assert.match(status, /^Loaded "huge\.model"/);
  await readDrawing(page, SEVEN);
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.includes('broken'));
  assert.equal(await text(page, 'status'), 'Could not read the drawing: the network\'s outputs for this image are not ' +
    'numbers (NaN or infinite): the model is broken.');
  assert.doesNotMatch(await page.textContent('#confidence'), /NaN/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
