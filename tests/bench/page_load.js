#!/usr/bin/env node
// Load to ready of built pages from file://: the time from navigation until the
// first network is built and shown (the page writes it on <body data-ready-ms>).
// Given two or more builds (an older one and the current one, say), their loads
// alternate, so that whatever else the machine does weighs on each alike.
// Each load opens a new tab in one headless Chromium.
//
//   node tests/bench/page_load.js [loads per page, default 9] <index.html> ...
//   e.g. node tests/bench/page_load.js 9 /tmp/old/index.html build-web/index.html
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launchBrowser, openPage } = require('../browser/page');

const args = process.argv.slice(2);
const loads = /^\d+$/.test(args[0] || '') ? Number(args.shift()) : 9;
const pages = args.length ? args : [path.join(__dirname, '../../build-web/index.html')];
for (const file of pages) {
  if (!fs.existsSync(file)) {
    console.error(`page_load.js: ${file} does not exist: build the page first (node web/build.js)`);
    process.exit(2);
  }
}

async function main() {
  const browser = await launchBrowser();
  const times = pages.map(() => []);
  try {
    for (let round = 0; round < loads; round++) {
      for (const [i, file] of pages.entries()) {
        const page = await openPage(browser, { url: pathToFileURL(path.resolve(file)).href });
        times[i].push(Number(await page.getAttribute('body', 'data-ready-ms')));
        if (page.errors.length) throw new Error(`${file}: ${page.errors.join('; ')}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  for (const [i, file] of pages.entries()) {
    const sorted = [...times[i]].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`${file}: ${fs.statSync(file).size.toLocaleString('en-US')} bytes; load to ready over ${loads} loads: ` +
      `${(sorted[0] / 1000).toFixed(2)}-${(sorted[sorted.length - 1] / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s ` +
      `(${times[i].join(', ')} ms)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
