#!/usr/bin/env node
// Screenshots of the built page (build-web/index.html) in use: the network
// trained from scratch with the page's default settings, then a 4 drawn with the mouse.
//
//   node scripts/screenshot.js [laptop.png] [phone.png]
// The laptop view (1280x800) goes to docs/screenshot.png unless named; the
// phone view (390x844, its first screen) is taken only when a second name is given.
'use strict';
const path = require('path');
const { LAPTOP, PHONE, launchBrowser, openPage, drawStrokes } = require('../tests/browser/page');
const { DIGITS } = require('../tests/browser/strokes');

const [laptopFile = path.join(__dirname, '../docs/screenshot.png'), phoneFile] = process.argv.slice(2);
const FOUR = DIGITS.find((d) => d.digit === 4).strokes;

// Trains to the end of the run and draws a 4.
async function showInUse(page) {
  await page.click('[data-testid="train-toggle"]');
  await page.waitForSelector('[data-testid="train-toggle"][data-state="finished"]', { timeout: 300000 });
  await drawStrokes(page, FOUR);
}

(async () => {
  const browser = await launchBrowser();
  try {
    const laptop = await openPage(browser, { viewport: LAPTOP, colorScheme: 'light' });
    await showInUse(laptop);
    await laptop.screenshot({ path: laptopFile });
    console.log(`wrote ${laptopFile}`);
    if (phoneFile) {
      const phone = await openPage(browser, { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, colorScheme: 'light' });
      await showInUse(phone);
      await phone.evaluate(() => window.scrollTo(0, 0));
      await phone.screenshot({ path: phoneFile });
      console.log(`wrote ${phoneFile}`);
    }
  } finally {
    await browser.close();
  }
})();
