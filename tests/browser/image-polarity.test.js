'use strict';
// An image file is read the right way round whatever its polarity: dark ink on
// a light ground, light ink on a dark ground (the look the page gives digits)
// and light ink on a transparent ground. A line under the pad says how it was
// read, and its Flip button (a real button, pressed here from the keyboard)
// reads the image the other way.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { launchBrowser, openPage, byTestId, text, loadPretrained } = require('./page');

const DATA = path.join(__dirname, '../data');
const LIGHT = 'The image was read as light ink on a dark ground (inverted).';
const DARK = 'The image was read as dark ink on a light ground.';

let browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());

async function readImage(page, file) {
  await page.click(byTestId('clear'));
  await page.setInputFiles(byTestId('image-file'), { name: file, mimeType: 'image/png', buffer: fs.readFileSync(path.join(DATA, file)) });
  await page.waitForSelector(byTestId('image-ink'), { state: 'visible' });
}

// The digit shown once the reading line says `reading`.
async function answerWhenRead(page, reading) {
  await page.waitForFunction((want) => document.querySelector('[data-testid="image-ink-reading"]').textContent === want, reading, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await text(page, 'image-ink-reading'), reading);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return text(page, 'prediction');
}

for (const model of ['cnn', 'mlp']) {
  test(`the pretrained ${model.toUpperCase()} reads images of either polarity, and Flip reads them the other way`, async () => {
    const page = await openPage(browser);
    await loadPretrained(page, model);
    assert.equal(await page.isVisible(byTestId('image-ink')), false, 'no reading line before an image is read');

    await readImage(page, 'digit-3-inverted.png');  // white on black
    assert.equal(await answerWhenRead(page, LIGHT), '3');
    const flip = page.locator(byTestId('flip-ink'));
    assert.equal(await flip.textContent(), 'Flip: read as dark ink on a light ground instead');
    await flip.focus();
    await page.keyboard.press('Enter');
    assert.notEqual(await answerWhenRead(page, DARK), '3', 'read as dark ink, the black ground is the ink: not a 3');
    assert.equal(await flip.textContent(), 'Flip: read as light ink on a dark ground instead');
    await page.keyboard.press('Space');
    assert.equal(await answerWhenRead(page, LIGHT), '3');

    await readImage(page, 'digit-3.png');  // black on white
    assert.equal(await answerWhenRead(page, DARK), '3');
    await readImage(page, 'digit-7-transparent-light.png');  // white on transparent
    assert.equal(await answerWhenRead(page, LIGHT), '7');
    await readImage(page, 'digit-7-transparent.png');  // black on transparent
    assert.equal(await answerWhenRead(page, DARK), '7');

    await page.click(byTestId('clear'));
    assert.equal(await page.isVisible(byTestId('image-ink')), false, 'the line goes with the image');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
