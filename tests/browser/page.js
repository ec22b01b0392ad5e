'use strict';
// Opening the built page in headless Chromium and acting on it as a person would.
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

// DIGITNET_PAGE names another build of the page to test (an older one, say).
const PAGE_FILE = process.env.DIGITNET_PAGE || path.join(__dirname, '../../build-web/index.html');
const PAGE_URL = pathToFileURL(PAGE_FILE).href;
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens the page and waits until it can read drawings. page.errors collects
// uncaught exceptions and console errors.
async function openPage(browser, { url = PAGE_URL, viewport = LAPTOP, ...options } = {}) {
  const page = await browser.newPage({ viewport, ...options });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60000 });
  return page;
}

const byTestId = (id) => `[data-testid="${id}"]`;
const text = (page, id) => page.textContent(byTestId(id));

// Waits for two animation frames: by then a scheduled prediction has run.
const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// Loads one of the pretrained models built into the page: 'mlp' or 'cnn'.
async function loadPretrained(page, which = 'mlp') {
  await page.evaluate(() => { document.querySelector('[data-testid="status"]').textContent = ''; });
  await page.selectOption(byTestId('pretrained-choice'), which);
  await page.click(byTestId('load-pretrained'));
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.startsWith('Loaded the pretrained'));
  await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="test-accuracy"]').textContent) > 90);
}

// strokes: lists of [x, y] points in units of the canvas (0..1 from its top left).
// Each stroke is pressed, moved through every point and released.
async function drawStrokes(page, strokes) {
  const canvas = page.locator(byTestId('draw-canvas'));
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point));
    await page.mouse.up();
  }
  await nextFrames(page);
}

// Clears the pad, draws the strokes and returns the digit the page shows.
async function readDrawing(page, strokes) {
  await page.click(byTestId('clear'));
  await drawStrokes(page, strokes);
  return text(page, 'prediction');
}

// Training samples seen so far, as the page shows them ("12,345").
async function samplesSeen(page) {
  return Number((await page.textContent(byTestId('samples-seen'))).replace(/,/g, ''));
}

// Types into a settings field (setting-<name>), as a person would.
async function setField(page, name, value) {
  await page.fill(byTestId(`setting-${name}`), value);
}

// Waits until the worker reports state `state` on the train button.
function waitForState(page, state, timeout = 60000) {
  return page.waitForSelector(`${byTestId('train-toggle')}[data-state="${state}"]`, { timeout });
}

// Waits until the held-out accuracy shown (in %) is above `above` and below `below`.
function waitForAccuracy(page, { above = -1, below = 101 }, timeout = 60000) {
  return page.waitForFunction(([above, below]) => {
    const shown = parseFloat(document.querySelector('[data-testid="test-accuracy"]').textContent);
    return shown > above && shown < below;
  }, [above, below], { timeout });
}

// The held-out accuracy shown, in %.
async function accuracyShown(page) {
  return parseFloat(await text(page, 'test-accuracy'));
}

module.exports = {
  PAGE_FILE, PAGE_URL, LAPTOP, PHONE, launchBrowser, openPage, byTestId, text,
  loadPretrained, drawStrokes, readDrawing, samplesSeen, setField, waitForState, waitForAccuracy, accuracyShown,
};
