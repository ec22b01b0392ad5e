'use strict';
// Everyone can use the page: axe-core finds no serious or critical problem in
// either theme (on load, after training, with an error showing); the answer
// is announced once per change of digit; the matrix and the held-out digits
// work from the keyboard; an image file can be read instead of drawing; and on
// a phone nothing scrolls sideways, jumps, or changes out of sight.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { test, before, after } = require('node:test');
const {
  launchBrowser, openPage, byTestId, text, loadPretrained, drawStrokes, setField, waitForState, PHONE,
} = require('./page');
const { DIGITS } = require('./strokes');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const THREE = DIGITS.find((d) => d.digit === 3).strokes;
const SEVEN = DIGITS.find((d) => d.digit === 7).strokes;

let browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser && browser.close());

// Serious and critical axe-core violations on the page as it is now, as "rule: n nodes" lines.
async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} ${v.nodes[0].failureSummary}`));
  return violations;
}

async function showError(page) {
  await page.setInputFiles(byTestId('model-file'), { name: 'noise.model', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model') });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').classList.contains('error'));
  await setField(page, 'epochs', '-1');
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe-core violations, ${colorScheme} theme: on load, after training, with an error showing`, async () => {
    const page = await openPage(browser, { colorScheme });
    const found = { load: await seriousViolations(page) };
    await setField(page, 'epochs', '1');
    await page.click(byTestId('train-toggle'));
    await waitForState(page, 'finished');
    await drawStrokes(page, THREE);
    await page.click('#show-mistakes');
    await page.click(byTestId('square-3-3'));
    found.trained = await seriousViolations(page);
    await showError(page);
    found.error = await seriousViolations(page);
    for (const [when, violations] of Object.entries(found)) console.log(`${colorScheme}, ${when}: ${violations.length ? violations.join('; ') : 'none'}`);
    assert.deepEqual(found, { load: [], trained: [], error: [] });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the answer is announced once per change of digit, not at every stroke', async () => {
  const page = await openPage(browser);
  await loadPretrained(page);
  await page.evaluate(() => {
    window.announced = [];
    window.digits = [];
    // Every write to a live region counts, even of the same text: a screen reader may speak it again.
    for (const live of document.querySelectorAll('.draw [aria-live], .draw output, .draw [role="status"]')) {
      new MutationObserver((records) => window.announced.push(...records.map(() => live.textContent)))
        .observe(live, { subtree: true, childList: true, characterData: true });
    }
    new MutationObserver(() => {
      const digit = document.querySelector('[data-testid="prediction"]').textContent;
      if (digit !== window.digits[window.digits.length - 1]) window.digits.push(digit);
    }).observe(document.querySelector('[data-testid="prediction"]'), { subtree: true, childList: true, characterData: true });
  });
  await drawStrokes(page, THREE);
  const { announced, digits } = await page.evaluate(() => ({ announced: window.announced, digits: window.digits }));
  const changes = announced.length;
  console.log(`while drawing a 3: the digit changed ${digits.length} times (${digits.join(' ')}), live regions were written ${changes} times`);
  assert.ok(changes <= digits.length, `${changes} announcements for ${digits.length} changes of digit`);
  assert.equal(await text(page, 'prediction'), '3');
  await page.close();
});

test('matrix squares and held-out digits work from the keyboard', async () => {
  const page = await openPage(browser);
  await loadPretrained(page);
  assert.equal(await page.locator('#confusion button').count(), 100);
  for (const label of await page.locator('#confusion button').evaluateAll((b) => b.map((e) => e.getAttribute('aria-label')))) {
    assert.match(label, /^\d+ of the \d+ \ds read as \d$/);
  }
  await page.focus(byTestId('square-7-7'));
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#strip-caption'), /^7s read correctly: \d+ now$/);
  // A held-out 7, sent to the network with the keyboard.
  await page.focus('#strip button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="prediction"]').textContent === '7');
  await page.close();
});

test('an image file (PNG, transparent PNG or JPEG) is read like a drawing; other files are refused', async () => {
  const page = await openPage(browser);
  await loadPretrained(page);
  // Pictures of a 7 made in the page: dark ink on transparent, and on white.
  const files = await page.evaluate(async (strokes) => {
    const picture = async (type, paper) => {
      const c = Object.assign(document.createElement('canvas'), { width: 200, height: 160 });
      const g = c.getContext('2d');
      if (paper) { g.fillStyle = paper; g.fillRect(0, 0, 200, 160); }
      g.strokeStyle = '#222'; g.lineWidth = 12; g.lineCap = 'round';
      for (const stroke of strokes) {
        g.beginPath();
        stroke.forEach(([x, y], i) => (i ? g.lineTo(20 + 160 * x, 160 * y) : g.moveTo(20 + 160 * x, 160 * y)));
        g.stroke();
      }
      const blob = await new Promise((resolve) => c.toBlob(resolve, type));
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    };
    return { png: await picture('image/png', null), jpeg: await picture('image/jpeg', '#fff') };
  }, SEVEN);
  for (const [name, mimeType, bytes] of [['seven.png', 'image/png', files.png], ['seven.jpg', 'image/jpeg', files.jpeg]]) {
    await page.click(byTestId('clear'));
    await page.setInputFiles(byTestId('image-file'), { name, mimeType, buffer: Buffer.from(bytes) });
    await page.waitForFunction(() => document.querySelector('[data-testid="prediction"]').textContent === '7');
  }
  await page.setInputFiles(byTestId('image-file'), { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('hello') });
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').classList.contains('error'));
  assert.match(await text(page, 'status'), /^Could not read "notes.png": it is not a PNG or JPEG image\.$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone a tapped square shows its digits in view, nothing scrolls sideways at 320 px, nothing jumps', async () => {
  const phone = await openPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
  await loadPretrained(phone);
  const square = phone.locator(byTestId('square-2-2'));
  await square.scrollIntoViewIfNeeded();
  await square.tap();
  const caption = await phone.locator('#strip-caption').boundingBox();
  assert.ok(caption.y >= 0 && caption.y + caption.height <= PHONE.height, `the strip's caption is at y = ${caption.y}, out of view`);
  await phone.close();

  const narrow = await openPage(browser, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const sideways = () => narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(await sideways(), 0, 'the page scrolls sideways at 320 px');
  const padTop = () => narrow.evaluate(() => document.querySelector('[data-testid="draw-canvas"]').getBoundingClientRect().top + window.scrollY);
  const top = await padTop();
  await loadPretrained(narrow);
  assert.equal(await padTop(), top, 'the pad moved when the status changed');
  await showError(narrow);
  assert.equal(await padTop(), top, 'the pad moved when an error showed');
  assert.equal(await sideways(), 0, 'with an error showing the page scrolls sideways at 320 px');
  const save = await narrow.locator(byTestId('save-model')).boundingBox();
  assert.ok(save.x >= 0 && save.x + save.width <= 320, 'Save model is cut off');
  await narrow.close();
});
