'use strict';
// The pretrained model reads digits drawn with the mouse, stroke by stroke, and
// the page reports how long reading a drawing takes.
const assert = require('node:assert/strict');
const { test, before, after, beforeEach, afterEach } = require('node:test');
const { launchBrowser, openPage, loadPretrained, readDrawing } = require('./page');
const { DIGITS } = require('./strokes');

const SEVEN = DIGITS.find((d) => d.digit === 7).strokes;

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
beforeEach(async () => {
  page = await openPage(browser);
  await loadPretrained(page);
});
afterEach(() => page.close());

test('the pretrained model reads digits drawn with the mouse', async () => {
  const misread = [];
  const latencies = [];
  for (const { digit, name, strokes } of DIGITS) {
    const answer = await readDrawing(page, strokes);
    latencies.push(Number(await page.getAttribute('[data-testid="prediction"]', 'data-latency-ms')));
    if (answer !== String(digit)) misread.push(`${digit} (${name}) read as ${answer}`);
  }
  const right = DIGITS.length - misread.length;
  console.log(`digits drawn with the mouse read correctly: ${right} of ${DIGITS.length}`);
  if (misread.length) console.log(`misread: ${misread.join('; ')}`);
  latencies.sort((a, b) => a - b);
  console.log(`draw-to-prediction (pixels read, preprocessed, predicted, shown): ` +
    `median ${latencies[latencies.length >> 1].toFixed(2)} ms, max ${latencies[latencies.length - 1].toFixed(2)} ms`);

  assert.deepEqual(misread, [], `${right} of ${DIGITS.length} read correctly`);
  assert.deepEqual(page.errors, []);
});

test('clearing the pad empties the answer and asks for a digit', async () => {
  assert.equal(await readDrawing(page, SEVEN), '7');
  await page.click('[data-testid="clear"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="prediction"]').textContent === '–');
  assert.equal(await page.textContent('[data-testid="prob-0"]'), '0.0%');
  assert.equal(await page.textContent('#confidence'), 'Draw a digit');
});
