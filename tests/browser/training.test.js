'use strict';
// Training in the page: it starts, shows its progress and speed, pauses,
// resumes and resets, and the page answers clicks promptly all the while.
// Each test opens a page of its own.
const assert = require('node:assert/strict');
const { test, before, after, beforeEach, afterEach } = require('node:test');
const { launchBrowser, openPage, byTestId, text, samplesSeen, setField, waitForState } = require('./page');

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
beforeEach(async () => { page = await openPage(browser); });
afterEach(() => page.close());

const toggleState = () => page.getAttribute(byTestId('train-toggle'), 'data-state');

// Clicks element `selector` with the mouse and returns the time in ms from the
// click's pointerdown event (when the mouse button went down) to the first
// change of the DOM below `watched` after it, both measured inside the page.
async function clickResponseMs(selector, watched) {
  await page.evaluate(([selector, watched]) => {
    window.clickResponse = new Promise((resolve) => {
      document.querySelector(selector).addEventListener('pointerdown', (e) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - e.timeStamp);
        });
        observer.observe(document.querySelector(watched), { subtree: true, childList: true, characterData: true, attributes: true });
      }, { once: true });
    });
  }, [selector, watched]);
  await page.click(selector);
  return page.evaluate(() => window.clickResponse);
}

// Starts a run of the MLP 784-128-10 long enough to outlast a test.
async function startLongRun() {
  await page.selectOption(byTestId('setting-network'), 'MLP 784-128-10');
  await setField(page, 'epochs', '200');
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'running');
}

test('784-128-10 trains in the page and shows its progress', async () => {
  await page.selectOption(byTestId('setting-network'), 'MLP 784-128-10');
  assert.equal(await page.inputValue(byTestId('setting-layers')), '128');
  assert.equal(await page.inputValue(byTestId('setting-batch-size')), '32');
  assert.equal(await text(page, 'train-toggle'), 'Train');
  // Enough epochs that the run outlasts these tests.
  await setField(page, 'epochs', '200');
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'running');
  assert.equal(await text(page, 'train-toggle'), 'Pause');

  await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="test-accuracy"]').textContent) > 85,
    null, { timeout: 30000 });
  await page.waitForTimeout(2000);  // let the speed settle
  const shown = await text(page, 'samples-per-second');
  console.log(`training speed in the page, 784-128-10, batch 32, augmentation on: ${shown} samples/s`);
  assert.match(shown, /^[1-9]\d*$/, `samples/s shows "${shown}"`);
  assert.ok(await samplesSeen(page) > 0);
  assert.match(await page.textContent('#epoch'), /^\d+\.\d \/ 200$/);
});

test('the page answers clicks within 100 ms while training runs', async () => {
  await startLongRun();
  assert.equal(await toggleState(), 'running');
  const times = [];
  for (let i = 0; i < 10; i++) times.push(await clickResponseMs('#show-random', '#strip-caption'));
  console.log(`click to DOM change while training: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  assert.ok(Math.max(...times) < 100, `slowest answer ${Math.max(...times).toFixed(1)} ms`);
  assert.equal(await toggleState(), 'running', 'training stopped while clicking');
});

test('training pauses, resumes and resets', async () => {
  await startLongRun();
  const pauseMs = await clickResponseMs(byTestId('train-toggle'), byTestId('train-toggle'));
  console.log(`pause answered in ${pauseMs.toFixed(1)} ms`);
  assert.ok(pauseMs < 100);
  await waitForState(page, 'paused');
  assert.equal(await text(page, 'train-toggle'), 'Resume');
  await page.waitForTimeout(300);  // a slice under way when the pause came may still report
  const paused = await samplesSeen(page);
  await page.waitForTimeout(700);
  assert.equal(await samplesSeen(page), paused, 'training went on while paused');

  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'running');
  await page.waitForFunction((n) => Number(document.querySelector('#samples').textContent.replace(/,/g, '')) > n, paused);

  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForState(page, 'idle');
  assert.equal(await text(page, 'train-toggle'), 'Train');
  await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="test-accuracy"]').textContent) < 40);
  await page.waitForTimeout(300);
  assert.equal(await samplesSeen(page), 0);
  assert.equal(await page.textContent('#epoch'), '0 / 200');
  assert.deepEqual(page.errors, []);
});

test('bad settings are explained beside their field', async () => {
  await setField(page, 'layers', '128,abc');
  assert.equal(await page.getAttribute(byTestId('setting-layers'), 'aria-invalid'), 'true');
  assert.match(await page.textContent('#setting-layers-note'), /'abc' is not a layer; allowed: /);
  await setField(page, 'layers', '64');
  await setField(page, 'learning-rate', '-1');
  const message = await page.textContent('#setting-learning-rate-note');
  console.log(`refused: ${message}`);
  assert.match(message, /^Learning rate/);
  assert.ok(await page.isDisabled(byTestId('train-toggle')));
  assert.deepEqual(page.errors, []);
});

test('training that starts clears the last error', async () => {
  await setField(page, 'layers', '64');
  await setField(page, 'epochs', '200');
  await setField(page, 'learning-rate', '0.002');
  await page.setInputFiles(byTestId('model-file'), { name: 'noise.model', mimeType: 'application/octet-stream', buffer: Buffer.from('noise') });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').classList.contains('error'));
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'running');
  assert.equal(await page.getAttribute(byTestId('status'), 'class'), 'status');
  assert.match(await text(page, 'status'), /^Training the network \(layers 64, relu\)/);
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'paused');
  assert.deepEqual(page.errors, []);
});

test('training at a runaway learning rate stops as diverged', async () => {
  await setField(page, 'layers', '64');
  await setField(page, 'learning-rate', '10');
  assert.equal(await page.inputValue(byTestId('setting-optimizer')), 'adam');
  await page.click(byTestId('train-toggle'));
  await page.waitForFunction(() => /diverged/.test(document.querySelector('[data-testid="status"]').textContent));
  console.log(`stopped: ${await text(page, 'status')}`);
  assert.equal(await page.getAttribute(byTestId('status'), 'class'), 'status error');
  assert.equal(await toggleState(), 'failed');
  assert.deepEqual(page.errors, []);
});
