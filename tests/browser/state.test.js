'use strict';
// The page never trains what it does not show: settings are checked as they
// are typed, the worker's state is the one on screen, a model loaded or
// trained is never lost without asking, and every caption describes the
// model the page holds now. Each test opens a page of its own.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { test, before, after, beforeEach, afterEach } = require('node:test');
const {
  launchBrowser, openPage, byTestId, text, loadPretrained, drawStrokes, samplesSeen, setField,
  waitForState, waitForAccuracy, accuracyShown,
} = require('./page');
const { DIGITS } = require('./strokes');
const { modelFile } = require('../node/model-file');

const THREE = DIGITS.find((d) => d.digit === 3).strokes;

let browser, page;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());
beforeEach(async () => { page = await openPage(browser); });
afterEach(() => page.close());

const toggle = byTestId('train-toggle');
const note = (name) => page.textContent(`#setting-${name}-note`);
const invalid = (name) => page.getAttribute(byTestId(`setting-${name}`), 'aria-invalid');
const isDisabled = (id) => page.isDisabled(byTestId(id));

// Waits until the samples counter has moved on from what it shows now.
async function waitForTraining() {
  const before = await samplesSeen(page);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="samples-seen"]').textContent.replace(/,/g, '')) > n, before);
}

// Whether the samples counter stays still for ms.
async function staysStill(ms = 700) {
  const before = await samplesSeen(page);
  await page.waitForTimeout(ms);
  return (await samplesSeen(page)) === before;
}

test('invalid settings are explained beside their field, Train waits for them, and what trains is what they show', async () => {
  const wrong = [
    ['epochs', ['-1', '0', '', '2.5']], ['learning-rate', ['0', '-1', '', 'abc']],
    ['batch-size', ['0', '1.5']], ['layers', ['0', '12,x']], ['seed', ['-1', '1e20']],
  ];
  for (const [name, values] of wrong) {
    const good = await page.inputValue(byTestId(`setting-${name}`));
    for (const value of values) {
      await setField(page, name, value);
      assert.equal(await invalid(name), 'true', `${name} "${value}" is accepted`);
      const message = await note(name);
      assert.ok(message.length > 10, `${name} "${value}": no message beside the field`);
      assert.ok(await isDisabled('train-toggle'), `${name} "${value}": Train can be pressed`);
    }
    await setField(page, name, good);
    assert.equal(await invalid(name), 'false');
  }
  assert.ok(!(await isDisabled('train-toggle')));

  await setField(page, 'epochs', '1');
  await setField(page, 'batch-size', '100');
  await page.click(toggle);
  await waitForState(page, 'finished');
  // One epoch of 9,000 digits in batches of 100: what the fields showed.
  assert.equal(await page.textContent('#epoch'), '1.0 / 1');
  assert.equal(await samplesSeen(page), 9000);
  assert.deepEqual(page.errors, []);
});

test('a network too large is refused before it is built; a run builds its network once', async () => {
  await loadPretrained(page);  // weights worth keeping: Start over asks first
  await setField(page, 'layers', '65536');
  assert.match(await note('layers'), /memory.*limit/);
  assert.ok(await isDisabled('train-toggle'));
  await setField(page, 'layers', '64');
  assert.match(await text(page, 'settings-summary'), /784-64-10 relu\/softmax: 50,890 weights and biases; reading one digit takes 0\.1 million operations; [\d.]+ MB/);

  // Count the builds the worker reports while settings change and a run starts.
  await page.evaluate(() => {
    window.builds = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="train-toggle"]').dataset.state === 'building') window.builds += 1;
    }).observe(document.querySelector('[data-testid="train-toggle"]'), { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });  // the new network's score
  await waitForState(page, 'idle');
  assert.equal(await page.evaluate(() => window.builds), 1);
  await setField(page, 'seed', '7');
  await setField(page, 'epochs', '200');
  await page.click(toggle);
  await waitForState(page, 'running');
  assert.equal(await page.evaluate(() => window.builds), 2, 'changing settings and pressing Train built more than once');
  await waitForTraining();
  await page.click(toggle);
  await waitForState(page, 'paused');
});

test('the buttons offer only the intents the worker says its state allows', async () => {
  // Every state the train button shows, with the intents the worker listed for it.
  await page.evaluate(() => {
    const button = document.querySelector('[data-testid="train-toggle"]');
    window.seen = [];
    new MutationObserver(() => window.seen.push(`${button.dataset.state}: ${button.dataset.allowed}`))
      .observe(button, { attributes: true, attributeFilter: ['data-state', 'data-allowed'] });
  });
  const allowed = () => page.getAttribute(toggle, 'data-allowed');
  assert.equal(await allowed(), 'start build load');
  assert.equal(await text(page, 'train-toggle'), 'Train');

  await setField(page, 'layers', '64');
  await setField(page, 'epochs', '200');
  await page.click(toggle);
  await waitForState(page, 'running');
  assert.equal(await allowed(), 'pause build load');
  assert.equal(await text(page, 'train-toggle'), 'Pause');
  assert.ok(!(await isDisabled('start-over')));

  await page.click(toggle);
  await waitForState(page, 'paused');
  assert.equal(await allowed(), 'start train build load');
  assert.equal(await text(page, 'train-toggle'), 'Resume');
  // Other settings: the paused run cannot go on with them, its weights can train on.
  await setField(page, 'epochs', '100');
  assert.equal(await text(page, 'train-toggle'), 'Train more');
  assert.ok(!(await isDisabled('train-toggle')));

  await loadPretrained(page);
  assert.equal(await allowed(), 'train build load');
  assert.equal(await text(page, 'train-toggle'), 'Train more');

  // While a network is being built, nothing is allowed and both buttons wait.
  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });  // the new network's score
  await waitForState(page, 'idle');
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.includes('building: '), `states seen: ${seen.join('; ')}`);
  assert.equal(await allowed(), 'start build load');
  assert.deepEqual(page.errors, []);
});

test('loading a model stops the run; the loaded model is what the page shows and trains next', async () => {
  // A paused run.
  await setField(page, 'layers', '64');
  await setField(page, 'epochs', '200');
  await page.click(toggle);
  await waitForState(page, 'running');
  await page.click(toggle);
  await waitForState(page, 'paused');

  await page.click(toggle);
  await waitForState(page, 'running');
  await waitForTraining();
  await loadPretrained(page);
  assert.equal(await page.getAttribute(toggle, 'data-state'), 'idle');
  assert.ok(await staysStill(), 'training went on after the model was loaded');
  assert.equal(await text(page, 'train-toggle'), 'Train more');
  assert.equal(await page.inputValue(byTestId('setting-layers')), '256,128');
  assert.match(await text(page, 'status'), /^Loaded the pretrained MLP/);
});

test('Train more goes on from the current weights; Start over asks before discarding them', async () => {
  await loadPretrained(page);
  await setField(page, 'epochs', '1');
  await setField(page, 'learning-rate', '0.0005');
  await page.click(toggle);
  await waitForState(page, 'finished', 120000);
  const trained = await accuracyShown(page);
  assert.ok(trained > 95, `the loaded model trained on to ${trained}%`);
  assert.equal(await text(page, 'train-toggle'), 'Train more');

  await page.click(byTestId('start-over'));
  assert.ok(await page.isVisible(byTestId('confirm-start-over')), 'Start over did not ask');
  await page.click(byTestId('confirm-keep'));
  assert.equal(await accuracyShown(page), trained);
  assert.equal(await page.getAttribute(toggle, 'data-state'), 'finished');

  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });
  assert.equal(await text(page, 'train-toggle'), 'Train');
});

test('a run that diverges leaves the page with the weights the worker kept', async () => {
  await loadPretrained(page);
  const loaded = await accuracyShown(page);
  await page.selectOption(byTestId('setting-optimizer'), 'adam');
  await setField(page, 'learning-rate', '10');
  await setField(page, 'epochs', '5');
  await page.click(toggle);
  await waitForState(page, 'failed');
  assert.match(await text(page, 'status'), /diverged/);
  const kept = await accuracyShown(page);
  assert.ok(kept > 90, `after the divergence the page shows ${kept}% held-out`);

  // The file saved now holds the weights shown: reopened, it scores the same.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('save-model'))]);
  const bytes = fs.readFileSync(await download.path());
  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });
  await page.setInputFiles(byTestId('model-file'), { name: 'kept.model', mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.startsWith('Loaded "kept.model"'));
  await waitForAccuracy(page, { above: 40 });
  assert.equal(await accuracyShown(page), kept);
  console.log(`loaded ${loaded}%, after divergence ${kept}%, saved and reopened ${await accuracyShown(page)}%`);
});

test('Pause and Resume in quick succession leave the button on the state the worker is in', async () => {
  await loadPretrained(page);
  await setField(page, 'learning-rate', '0.002');
  await setField(page, 'epochs', '200');
  await page.click(toggle);
  await waitForState(page, 'running');
  for (let round = 0; round < 3; round++) {
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="train-toggle"]');
      button.click();
      button.click();
    });
    await page.waitForTimeout(300);
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="train-toggle"]').disabled);
  const state = await page.getAttribute(toggle, 'data-state');
  const label = await text(page, 'train-toggle');
  const still = await staysStill();
  console.log(`after three quick pairs of clicks: ${state}, button "${label}", ${still ? 'not training' : 'training'}`);
  assert.equal(label, still ? 'Resume' : 'Pause');
  if (!still) await page.click(toggle);
  await waitForState(page, 'paused');
  assert.ok(await staysStill(), 'training goes on while the button says Resume');
});

test('a model whose outputs are not probabilities is refused and the current model stays', async () => {
  await waitForAccuracy(page, {});  // the first network's score, which follows the page's being ready
  const accuracy = await text(page, 'test-accuracy');
  for (const output of ['sigmoid', 'identity']) {
    const name = `${output}.model`;
    const buffer = Buffer.from(modelFile(784, [[32, 'relu'], [10, output]]));
    await page.setInputFiles(byTestId('model-file'), { name, mimeType: 'application/octet-stream', buffer });
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').textContent.includes(n), name);
    assert.match(await text(page, 'status'), new RegExp(`^Could not load "${name}": .*not probabilities.*The current model stays\\.$`));
    assert.equal(await text(page, 'test-accuracy'), accuracy);
  }
});

test('status, captions and the answer describe the current model and run', async () => {
  await setField(page, 'epochs', '200');  // a run that outlasts the test
  // A new untrained network: its answer for a drawing is marked as a guess.
  await page.click(byTestId('start-over'));
  if (await page.isVisible(byTestId('confirm-start-over'))) await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });
  await page.click(byTestId('clear'));
  await drawStrokes(page, THREE);
  assert.match(await text(page, 'prediction-note'), /untrained/i);

  // The mistakes and a square chosen on it, then another model loaded.
  await page.click('#show-mistakes');
  assert.match(await page.textContent('#strip-caption'), /^24 of its \d+ mistakes$/);
  await loadPretrained(page);
  await page.click(byTestId('clear'));
  await drawStrokes(page, THREE);
  assert.equal(await text(page, 'prediction-note'), '');
  const stillWrong = await page.locator('#strip li.wrong').count();
  const caption = await page.textContent('#strip-caption');
  console.log(`mistakes caption after loading a better model: "${caption}" (${stillWrong} shown wrong)`);
  assert.ok(stillWrong < 24);
  assert.match(caption, new RegExp(`\\b${stillWrong} of them still wrong`));

  await page.click(byTestId('square-3-3'));
  const count = async () => Number(await page.textContent(byTestId('square-3-3')));
  assert.equal(await page.textContent('#strip-caption'), `3s read correctly: ${await count()} now`);
  await page.click(byTestId('start-over'));
  await page.click(byTestId('confirm-discard'));
  await waitForAccuracy(page, { below: 40 });
  assert.equal(await page.textContent('#strip-caption'), `3s read correctly: ${await count()} now`);

  // While training runs the status says so.
  await page.click(toggle);
  await waitForState(page, 'running');
  assert.match(await text(page, 'status'), /^Training the network \(layers 256,128, relu\)/);
  await page.click(toggle);
  await waitForState(page, 'paused');
  assert.match(await text(page, 'status'), /^Paused at epoch/);
});

test('the pad takes a stroke that starts in its corner, and one finger draws one stroke', async () => {
  await page.click(byTestId('clear'));
  await drawStrokes(page, [[[0.97, 0.03], [0.8, 0.2], [0.6, 0.4]]]);
  assert.notEqual(await text(page, 'prediction'), '–', 'the corner stroke left no ink');

  const phone = await openPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const canvas = phone.locator(byTestId('draw-canvas'));
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const touch = await phone.context().newCDPSession(phone);
  const at = (id, x, y) => ({ id, x: box.x + x * box.width, y: box.y + y * box.height });
  const send = (type, touchPoints) => touch.send('Input.dispatchTouchEvent', { type, touchPoints });
  // Two fingers down, at x = 0.25 and 0.75, both moving down.
  await send('touchStart', [at(1, 0.25, 0.2)]);
  await send('touchStart', [at(1, 0.25, 0.22), at(2, 0.75, 0.2)]);
  for (let y = 0.24; y <= 0.8; y += 0.04) await send('touchMove', [at(1, 0.25, y), at(2, 0.75, y)]);
  await send('touchEnd', []);
  // Ink across the middle of the pad would be a line joining the two fingers.
  const inkInMiddle = await phone.evaluate(() => {
    const c = document.querySelector('[data-testid="draw-canvas"]');
    const { data } = c.getContext('2d').getImageData(Math.round(c.width * 0.4), 0, Math.round(c.width * 0.2), c.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
    return dark;
  });
  assert.equal(inkInMiddle, 0, 'the two fingers were joined by a line');
  await phone.close();
});

test('messages speak plainly, and a typed learning rate survives a change of optimizer', async () => {
  for (const [name, value] of [['batch-size', '1.5'], ['batch-size', '99999999999'], ['epochs', '1e9'], ['seed', '-5']]) {
    await setField(page, name, value);
    const message = await note(name);
    assert.doesNotMatch(message, /[a-z][A-Z]|2147483647|setting "|std::/, `${name}: ${message}`);
  }
  await setField(page, 'batch-size', '32');
  await setField(page, 'epochs', '10');
  await setField(page, 'seed', '1');

  await page.selectOption(byTestId('setting-optimizer'), 'adam');
  await setField(page, 'learning-rate', '0.05');
  await page.selectOption(byTestId('setting-optimizer'), 'sgd');
  assert.equal(await page.inputValue(byTestId('setting-learning-rate')), '0.05');
  assert.match(await note('learning-rate'), /^Kept 0\.05/);
  await setField(page, 'learning-rate', '0.1');
  await page.selectOption(byTestId('setting-optimizer'), 'adam');
  assert.notEqual(await page.inputValue(byTestId('setting-learning-rate')), '0.1');
  assert.match(await note('learning-rate'), /^Set to/);
  assert.deepEqual(page.errors, []);
});
