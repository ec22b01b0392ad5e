#!/usr/bin/env node
// The benchmark (scripts/bench.sh builds what it runs, then runs this): digitnet
// native, its wasm module in node and in Chromium, TensorFlow.js in the same
// Chromium, the wasm matrix-product limit, draw-to-prediction latency and a
// loss-curve check, printed as one table. Progress goes to stderr.
'use strict';
const { execFileSync } = require('child_process');
const os = require('os');
const { benchNative } = require('./native_bench.js');
const { benchInNode } = require('./node_bench.js');
const { benchInChromium } = require('./chromium_bench.js');
const { checkLossCurves } = require('./loss_check.js');
const { report } = require('./table.js');

const BATCHES = [1, 32, 128];
const NATIVE_SECONDS = 1.5;  // per measurement of `digitnet bench`

const progress = (what) => console.error(`bench: ${what}`);

function machine(chromiumVersion, load) {
  const cpus = os.cpus();
  const emscripten = execFileSync('em++', ['--version'], { encoding: 'utf8' }).match(/\d+\.\d+\.\d+/)[0];
  return `Measured on ${cpus[0].model.trim()} (${cpus.length} cores), node ${process.version}, ` +
    `Chromium ${chromiumVersion}, Emscripten ${emscripten}; load average ${load.toFixed(1)} at the start.`;
}

async function main() {
  const load = os.loadavg()[0];
  progress('native (digitnet bench)');
  const native = benchNative(BATCHES, NATIVE_SECONDS);
  const node = await benchInNode(BATCHES, progress);
  const chromium = await benchInChromium(BATCHES, progress);
  progress('loss curves');
  const lossCheck = await checkLossCurves(BATCHES);
  console.log(report({ machine: machine(chromium.version, load), batches: BATCHES, native, node, chromium, lossCheck }));
  if (!lossCheck.pass) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
