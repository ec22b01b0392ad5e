'use strict';
// The page's half of the benchmark: page.html in headless Chromium, driven by
// Playwright; every time is taken inside the page with performance.now().
const { launchBrowser } = require('../browser/page.js');
const { ROOT } = require('./builds.js');
const { serve } = require('./server.js');

// networks: run.js's list; progress(text) is told what is being measured.
async function benchInChromium(networks, progress) {
  const server = await serve(ROOT);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/tests/bench/page.html`);
    const run = async (what, call, arg) => {
      progress(`Chromium: ${what}`);
      const result = await page.evaluate(call, arg);
      if (errors.length) throw new Error(`the benchmark page failed: ${errors.join('; ')}`);
      return result;
    };
    return {
      digitnet: await run('digitnet training', (n) => benchDigitnet(n), networks),
      limit: await run('wasm matrix-product limit', (n) => benchLimit(n), networks),
      tfjs: await run('TensorFlow.js training', (n) => benchTfjs(n), networks),
      draw: await run('draw-to-prediction latency', () => benchDraw()),
      version: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

module.exports = { benchInChromium };
