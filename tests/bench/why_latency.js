'use strict';
// Draw-to-prediction in the built page (build-web/index.html) with the shipped
// CNN, with the "Why this digit?" map off and on: a 3 drawn with the mouse
// `ROUNDS` times each way, and the median and 90th percentile of the times the
// page notes for each reading (#prediction's data-latency-ms: the drawing read,
// the answer shown, and the map when it is on).
// Usage: node tests/bench/why_latency.js
const { launchBrowser, openPage, byTestId, loadPretrained, readDrawing } = require('../browser/page');
const { DIGITS } = require('../browser/strokes');

const ROUNDS = 5;
const THREE = DIGITS.find((d) => d.digit === 3).strokes;

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];

async function readings(page) {
  await page.evaluate(() => { window.latencies = []; });
  for (let i = 0; i < ROUNDS; i++) await readDrawing(page, THREE);
  return page.evaluate(() => window.latencies);
}

async function main() {
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser);
    await loadPretrained(page, 'cnn');
    await page.evaluate(() => {
      const prediction = document.getElementById('prediction');
      new MutationObserver(() => window.latencies.push(Number(prediction.dataset.latencyMs)))
        .observe(prediction, { attributeFilter: ['data-latency-ms'] });
    });
    for (const on of [false, true]) {
      if (on) await page.click(byTestId('why-toggle'));
      const ms = await readings(page);
      console.log(`map ${on ? 'on ' : 'off'}: ${ms.length} readings, median ${quantile(ms, 0.5).toFixed(2)} ms, ` +
        `90th percentile ${quantile(ms, 0.9).toFixed(2)} ms`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
