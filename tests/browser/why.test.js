'use strict';
// "Why this digit?": the toggle under the 28x28 image lays the map over it,
// red towards the digit read and blue towards the runner-up, with a sentence
// naming both; the map follows the drawing while the toggle is on; it works
// by click, by keyboard and by touch. Each test opens a page of its own.
const assert = require('node:assert/strict');
const { test, before, after, afterEach } = require('node:test');
const { launchBrowser, openPage, byTestId, text, loadPretrained, drawStrokes, readDrawing, PHONE } = require('./page');
const { DIGITS } = require('./strokes');

const strokesOf = (digit) => DIGITS.find((d) => d.digit === digit).strokes;
const SENTENCE = /^Red pixels pushed it towards (\d), blue ones towards (\d), the runner-up\.$/;

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
afterEach(async () => {
  assert.deepEqual(page.errors, []);
  await page.close();
});

const pressed = () => page.getAttribute(byTestId('why-toggle'), 'aria-pressed');
const overlayShown = () => page.isVisible(byTestId('why-map'));

// The overlay's pixels counted by colour: red, blue, and any not fully transparent.
function overlayColours() {
  return page.$eval(byTestId('why-map'), (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let red = 0, blue = 0, painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      if (data[i] > 200 && data[i + 2] < 100) red++;
      if (data[i + 2] > 200 && data[i] < 100) blue++;
    }
    return { red, blue, painted };
  });
}

// The sentence's two digits, checked against the digit the page reads.
async function sentenceDigits() {
  const sentence = await text(page, 'why-sentence');
  const match = SENTENCE.exec(sentence);
  assert.ok(match, `the sentence: "${sentence}"`);
  const [read, runnerUp] = [Number(match[1]), Number(match[2])];
  assert.equal(String(read), await text(page, 'prediction'));
  assert.notEqual(read, runnerUp);
  return [read, runnerUp];
}

test('the map of a drawn 3 is shown by click, follows the drawing, and goes at a second click', async () => {
  page = await openPage(browser);
  await loadPretrained(page, 'cnn');
  assert.equal(await pressed(), 'false');
  assert.equal(await overlayShown(), false);
  assert.equal(await readDrawing(page, strokesOf(3)), '3');
  assert.equal(await text(page, 'why-sentence'), '');

  await page.click(byTestId('why-toggle'));
  await page.waitForFunction(() => document.querySelector('[data-testid="why-sentence"]').textContent !== '');
  assert.equal(await pressed(), 'true');
  assert.equal(await overlayShown(), true);
  const [read, runnerUp] = await sentenceDigits();
  assert.equal(read, 3);
  const colours = await overlayColours();
  console.log(`a drawn 3: "${await text(page, 'why-sentence')}" (runner-up ${runnerUp}); ` +
    `overlay ${colours.red} red, ${colours.blue} blue of ${colours.painted} painted pixels`);
  assert.ok(colours.red > 10, `${colours.red} red pixels`);
  assert.ok(colours.blue > 0, `${colours.blue} blue pixels`);
  console.log(`draw-to-prediction with the map on: ${await page.getAttribute(byTestId('prediction'), 'data-latency-ms')} ms`);

  // While it is on, the map follows what is drawn.
  assert.equal(await readDrawing(page, strokesOf(7)), '7');
  assert.equal((await sentenceDigits())[0], 7);
  assert.ok((await overlayColours()).red > 10);
  // A cleared pad has nothing to explain.
  await page.click(byTestId('clear'));
  await drawStrokes(page, []);
  assert.equal(await text(page, 'why-sentence'), '');
  assert.equal((await overlayColours()).painted, 0);

  await drawStrokes(page, strokesOf(3));
  await page.click(byTestId('why-toggle'));
  assert.equal(await pressed(), 'false');
  assert.equal(await overlayShown(), false);
  assert.equal((await overlayColours()).painted, 0);
  assert.equal(await text(page, 'why-sentence'), '');
  // Off, drawing does not bring it back.
  await drawStrokes(page, strokesOf(3));
  assert.equal(await text(page, 'why-sentence'), '');
  assert.equal(await overlayShown(), false);
});

test('the toggle works from the keyboard, Enter and Space', async () => {
  page = await openPage(browser);
  await loadPretrained(page, 'cnn');
  await readDrawing(page, strokesOf(3));
  await page.focus(byTestId('why-toggle'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="why-sentence"]').textContent !== '');
  assert.equal(await pressed(), 'true');
  assert.equal((await sentenceDigits())[0], 3);
  await page.keyboard.press('Space');
  assert.equal(await pressed(), 'false');
  assert.equal(await overlayShown(), false);
  assert.equal(await text(page, 'why-sentence'), '');
});

test('the toggle works by touch on a phone', async () => {
  page = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
  await loadPretrained(page, 'cnn');
  await readDrawing(page, strokesOf(3));
  await page.tap(byTestId('why-toggle'));
  await page.waitForFunction(() => document.querySelector('[data-testid="why-sentence"]').textContent !== '');
  assert.equal(await pressed(), 'true');
  assert.equal(await overlayShown(), true);
  assert.ok((await overlayColours()).red > 10);
  await page.tap(byTestId('why-toggle'));
  assert.equal(await pressed(), 'false');
  assert.equal(await overlayShown(), false);
});
