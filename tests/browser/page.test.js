'use strict';
// The page opens from disk and over http, loads the pretrained model, saves
// and reopens models, and refuses a bad model file (or one that does not read
// digits) without losing the current one. Each test opens a page of its own.
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const { test, before, after, beforeEach, afterEach } = require('node:test');
const { PAGE_FILE, PHONE, launchBrowser, openPage, byTestId, text, loadPretrained, readDrawing } = require('./page');
const { DIGITS } = require('./strokes');
const { modelFile } = require('../node/model-file');

const SEVEN = DIGITS.find((d) => d.digit === 7).strokes;

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
beforeEach(async () => { page = await openPage(browser); });
afterEach(() => page.close());

test('the page opens from disk and becomes ready', async () => {
  const readyMs = Number(await page.getAttribute('body', 'data-ready-ms'));
  console.log(`time from navigation to ready (file://): ${readyMs} ms`);
  assert.match(await text(page, 'status'), /^Ready/);
  // The first network's held-out score follows the page's being ready.
  await page.waitForFunction(() => /%$/.test(document.querySelector('[data-testid="test-accuracy"]').textContent));
  assert.match(await text(page, 'test-accuracy'), /^(\d+\.\d|100)%$/);
  assert.equal(await text(page, 'prediction'), '–');
  assert.equal(await page.locator('#strip li').count(), 24);
  assert.equal(await page.locator('#confusion td').count(), 100);
  assert.deepEqual(page.errors, []);
});

test('the pretrained model loads with one click', async () => {
  await loadPretrained(page);
  assert.match(await text(page, 'status'), /^Loaded the pretrained MLP/);
  const accuracy = parseFloat(await text(page, 'test-accuracy'));
  console.log(`pretrained model, held-out accuracy shown: ${accuracy}%`);
  assert.ok(accuracy > 95, `held-out accuracy ${accuracy}%`);
  assert.equal(await page.inputValue(byTestId('setting-layers')), '256,128');
  assert.equal(await readDrawing(page, SEVEN), '7');
  const probability = await text(page, 'prob-7');
  assert.match(probability, /^(\d+\.\d|100)%$/);
  assert.ok(parseFloat(probability) > 50, `probability of 7: ${probability}`);
});

// Saves the current model from the page: its file's name and bytes.
async function saveModel() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('save-model'))]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

test('the model saves as a file that loads again', async () => {
  await loadPretrained(page);
  const { name, bytes } = await saveModel();
  assert.match(name, /^digitnet-784-256-128-10\.model$/);
  assert.equal(bytes.subarray(0, 4).toString(), 'DGNT');
  await page.setInputFiles(byTestId('model-file'), { name: 'saved.model', mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.startsWith('Loaded "saved.model"'));
});

test('a corrupt model file, or one that does not read digits, is refused and prediction keeps working', async () => {
  await loadPretrained(page);
  const accuracy = await text(page, 'test-accuracy');
  const damaged = Buffer.from((await saveModel()).bytes);
  damaged[1000] ^= 0x40;  // one flipped bit among the weights
  const files = [
    { name: 'noise.model', buffer: crypto.randomBytes(4096), reason: /DGNT/ },
    { name: 'damaged.model', buffer: damaged, reason: /checksum/ },
    { name: 'empty.model', buffer: Buffer.alloc(0), reason: /truncated/ },
    { name: 'ten-by-ten.model', buffer: Buffer.from(modelFile(100, [[10, 'softmax']])), reason: /takes 100 inputs/ },
  ];
  for (const { name, buffer, reason } of files) {
    await page.setInputFiles(byTestId('model-file'), { name, mimeType: 'application/octet-stream', buffer });
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').textContent.includes(n), name);
    const status = await text(page, 'status');
    console.log(`refused: ${status}`);
    assert.match(status, new RegExp(`^Could not load "${name}": .+\\. The current model stays\\.$`));
    assert.match(status, reason);
    assert.equal(await page.getAttribute(byTestId('status'), 'class'), 'status error');
  }
  assert.equal(await text(page, 'test-accuracy'), accuracy);
  assert.equal(await page.inputValue(byTestId('setting-layers')), '256,128');
  // The next drawing read clears the message about the file.
  assert.equal(await readDrawing(page, SEVEN), '7');
  assert.equal(await text(page, 'status'), '');
  assert.equal(await page.getAttribute(byTestId('status'), 'class'), 'status');
  assert.deepEqual(page.errors, []);
});

test('the page works over http too', async () => {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    fs.createReadStream(PAGE_FILE).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const served = await openPage(browser, { url: `http://127.0.0.1:${server.address().port}/` });
    assert.match(await text(served, 'status'), /^Ready/);
    assert.deepEqual(served.errors, []);
    await served.close();
  } finally {
    server.close();
  }
});

test('the page fits a phone screen and reads a digit drawn with a finger', async () => {
  const phone = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(overflow, 0, 'the page is wider than the phone');
  await loadPretrained(phone);

  // Scrolled a little, so that a finger moving down the pad could scroll the page back up.
  const scrolled = await phone.evaluate(() => { window.scrollTo(0, 60); return window.scrollY; });
  const box = await phone.locator(byTestId('draw-canvas')).boundingBox();
  assert.ok(box.width >= 300, `the drawing pad is only ${box.width} px wide`);
  const touch = await phone.context().newCDPSession(phone);
  const finger = (type, [x, y] = []) => touch.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + x * box.width, y: box.y + y * box.height }],
  });
  const stroke = DIGITS.find((d) => d.digit === 1).strokes[0];
  await finger('touchStart', stroke[0]);
  for (const point of stroke.slice(1)) await finger('touchMove', point);
  await finger('touchEnd');
  await phone.waitForFunction(() => document.querySelector('[data-testid="prediction"]').textContent === '1');
  assert.equal(await phone.evaluate(() => window.scrollY), scrolled, 'drawing scrolled the page');
  assert.deepEqual(phone.errors, []);
  await phone.close();
});
