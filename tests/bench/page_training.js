#!/usr/bin/env node
// Trains networks from scratch in the built page (build-web/index.html), in
// headless Chromium, as a person would: choose a named network (or type
// layers), set the epochs, press Train, wait for the run to finish. Prints the
// time from the click to the end of the run, measured in the page (it includes
// building the network and the held-out checks), then saves the model from the
// page and evaluates it with `digitnet eval` on a test set given by path.
// The page trains in one Web Worker: one core. On a machine shared with other
// work the wall time grows, so the CPU time the worker's thread used during
// the run (Linux: /proc) is printed too: the time the run takes on a core of its own.
//
//   node tests/bench/page_training.js <test images (IDX)> <network or layers>[:epochs] ...
//   e.g. node tests/bench/page_training.js t10k-images-idx3-ubyte.gz CNN:5 "Small CNN" 128:30
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { launchBrowser, openPage, byTestId, setField, waitForState } = require('../browser/page');

const [testImages, ...runs] = process.argv.slice(2);
if (!testImages || !runs.length) {
  console.error('usage: node tests/bench/page_training.js <test images> <network or layers>[:epochs] ...');
  process.exit(2);
}
const cli = path.join(__dirname, '../../build/native/digitnet');

// Seconds of CPU time (user + system) the browser's training worker threads
// (children of this process, threads named DedicatedWorker) have used so far; NaN off Linux.
function workerCpuSeconds(pid = process.pid) {
  try {
    let total = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const task = `/proc/${pid}/task/${tid}`;
      if (pid !== process.pid && fs.readFileSync(`${task}/comm`, 'utf8').startsWith('DedicatedWorker')) {
        const fields = fs.readFileSync(`${task}/stat`, 'utf8').split(') ')[1].split(' ');
        total += (Number(fields[11]) + Number(fields[12])) / 100;  // utime, stime in USER_HZ
      }
      for (const child of fs.readFileSync(`${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        total += workerCpuSeconds(Number(child));
      }
    }
    return total;
  } catch (_) {
    return NaN;
  }
}

async function trainOnce(browser, run) {
  const [network, epochs] = run.split(':');
  const page = await openPage(browser);
  const names = await page.$$eval(`${byTestId('setting-network')} option`, (options) => options.map((o) => o.value));
  if (names.includes(network)) await page.selectOption(byTestId('setting-network'), network);
  else await setField(page, 'layers', network);
  if (epochs) await setField(page, 'epochs', epochs);
  const layers = await page.inputValue(byTestId('setting-layers'));
  const shownEpochs = await page.inputValue(byTestId('setting-epochs'));
  await page.evaluate(() => {
    const toggle = document.querySelector('[data-testid="train-toggle"]');
    window.trainingDone = new Promise((resolve) => {
      toggle.addEventListener('click', () => {
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (toggle.dataset.state !== 'finished') return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(toggle, { attributes: true, attributeFilter: ['data-state'] });
      }, { once: true });
    });
  });
  const cpuBefore = workerCpuSeconds();
  await page.click(byTestId('train-toggle'));
  await waitForState(page, 'finished', 30 * 60 * 1000);
  const cpu = workerCpuSeconds() - cpuBefore;
  const ms = await page.evaluate(() => window.trainingDone);
  const heldOut = await page.textContent(byTestId('test-accuracy'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('save-model'))]);
  const file = path.join(os.tmpdir(), `page-training-${process.pid}.model`);
  await download.saveAs(file);
  const report = execFileSync(cli, ['eval', file, testImages], { encoding: 'utf8' });
  fs.unlinkSync(file);
  const test = report.match(/accuracy ([\d.]+)%/)[1];
  console.log(`${network} (${layers}), ${shownEpochs} epochs: trained in ${(ms / 1000).toFixed(1)} s ` +
    `(${cpu.toFixed(1)} s of CPU time in the training worker), ` +
    `held-out ${heldOut}, test set ${test}%`);
  await page.close();
}

(async () => {
  const browser = await launchBrowser();
  try {
    for (const run of runs) await trainOnce(browser, run);
  } finally {
    await browser.close();
  }
})();
