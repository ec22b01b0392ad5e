#!/usr/bin/env node
// The benchmark (scripts/bench.sh builds what it runs, then runs this): digitnet
// native, its wasm module in node and in Chromium, TensorFlow.js in the same
// Chromium, the wasm matrix-product limit, draw-to-prediction latency and a
// loss-curve check, printed as one table. Progress goes to stderr.
'use strict';
const { execFileSync } = require('child_process');
const os = require('os');
const builds = require('./builds.js');
const { benchNative, nativeTrainingRate } = require('./native_bench.js');
const { benchInNode, digitnetSession } = require('./node_bench.js');
const { benchInChromium } = require('./chromium_bench.js');
const { checkLossCurves } = require('./loss_check.js');
const { architecture } = require('./digitnet_bench.js');
const { trainingProducts, flopsPerSample } = require('./matmul_bench.js');
const { report } = require('./table.js');

const MLP = '128';      // 784-128-10, at each of BATCHES
const BATCHES = [1, 32, 128];
const CNNS = ['c8k5,p2,c16k5,p2', 'c16k5,p2,c32k5,p2,128'];  // at CNN_BATCH
const CNN_BATCH = 32;
const NATIVE_SECONDS = 1.5;   // per measurement of `digitnet bench`
const NATIVE_CNN_STEPS = 400;  // batches of `digitnet train` per CNN

const progress = (what) => console.error(`bench: ${what}`);

function machine(chromiumVersion, load) {
  const cpus = os.cpus();
  const emscripten = execFileSync('em++', ['--version'], { encoding: 'utf8' }).match(/\d+\.\d+\.\d+/)[0];
  return `Measured on ${cpus[0].model.trim()} (${cpus.length} cores), node ${process.version}, ` +
    `Chromium ${chromiumVersion}, Emscripten ${emscripten}; load average ${load.toFixed(1)} at the start.`;
}

// The networks measured: [{ layers, batches, tfjs (its backends), products, flops }],
// the products and FLOPs per sample derived from the module's own architecture.
async function networks() {
  const { M, session } = await digitnetSession(builds.DIGITNET_WASM);
  return [
    { layers: MLP, batches: BATCHES, tfjs: ['wasm', 'cpu'] },
    // TF.js's wasm backend cannot train convolutions (no Conv2DBackpropFilter kernel).
    ...CNNS.map((layers) => ({ layers, batches: [CNN_BATCH], tfjs: ['cpu', 'webgl'] })),
  ].map((network) => {
    const products = trainingProducts(architecture(session, network.layers));
    const forward = products.filter((p) => p.kind === 0);
    const flopsPerDigit = M.checkSettings({ layers: network.layers }).flopsPerDigit;
    if (flopsPerSample(forward) !== flopsPerDigit)
      throw new Error(`${network.layers}: forward products of ${flopsPerSample(forward)} FLOPs, the module says ${flopsPerDigit}`);
    return { ...network, products, flops: flopsPerSample(products) };
  });
}

async function main() {
  const load = os.loadavg()[0];
  const nets = await networks();
  progress('native (digitnet bench)');
  const native = benchNative(BATCHES, NATIVE_SECONDS);
  native.cnn = {};
  for (const layers of CNNS) {
    progress(`native (digitnet train --layers ${layers})`);
    native.cnn[layers] = nativeTrainingRate(layers, CNN_BATCH, NATIVE_CNN_STEPS);
  }
  const node = await benchInNode(nets, progress);
  const chromium = await benchInChromium(nets, progress);
  progress('loss curves');
  const lossCheck = await checkLossCurves(BATCHES, CNNS, CNN_BATCH);
  console.log(report({ machine: machine(chromium.version, load), networks: nets, mlp: MLP, cnns: CNNS, cnnBatch: CNN_BATCH,
    native, node, chromium, lossCheck }));
  if (!lossCheck.pass) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
