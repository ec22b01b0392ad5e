'use strict';
// Speed must not change results: the loss curve of the table's training run
// with the fast kernels (the module as shipped: Eigen's SSE path and digitnet's
// own wasm kernels) against the plain build (Eigen's portable path), and
// against the native tool. Besides the table's networks at their batch sizes,
// a network and batches whose sizes are no multiple of the kernels' blocks.
const builds = require('./builds.js');
const { lossCurve } = require('./digitnet_bench.js');
const { digitnetSession } = require('./node_bench.js');
const { nativeLossCurve } = require('./native_bench.js');

const SLICES = 10;
const PER_SLICE = 20;
const TOLERANCE = 1e-4;        // on mean batch losses of about 0.3 to 2.3
// CNNs: a last-bit difference can flip a max-pool's choice between two nearly
// equal values, after which the gradient takes another pixel's path. The curves
// then part by up to 4e-3 (c16k5,p2,c32k5,p2,128 from the plain build, as much
// with Eigen's product for dIn = dZ W as with digitnet's); a wrong product parts them by 1e-1.
const CNN_TOLERANCE = 1e-2;
const NATIVE_ROUNDING = 5e-5;  // the tool prints losses to 4 decimals
const ODD_LAYERS = '99,29';
const ODD_BATCHES = [7, 100];

const maxDifference = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

// [{ network, batch, tolerance, plain, native }]: the largest difference from the fast
// build's curve, for each case; and whether all are within tolerance. The MLP
// 784-128-10 at each of `batches`, each of `cnns` (layer texts) at `cnnBatch`.
async function checkLossCurves(batches, cnns, cnnBatch) {
  const fast = await digitnetSession(builds.DIGITNET_WASM);
  const plain = await digitnetSession(builds.DIGITNET_WASM_PLAIN);
  const cases = [
    ...batches.map((batch) => ({ layers: '128', batch })),
    ...ODD_BATCHES.map((batch) => ({ layers: ODD_LAYERS, batch })),
    ...cnns.map((layers) => ({ layers, batch: cnnBatch, tolerance: CNN_TOLERANCE })),
  ];
  const results = cases.map(({ layers, batch, tolerance = TOLERANCE }) => {
    const curve = lossCurve(fast.session, batch, layers, SLICES, PER_SLICE);
    const native = nativeLossCurve(batch, layers, SLICES * PER_SLICE);
    if (native.length !== SLICES) throw new Error(`digitnet train printed ${native.length} losses, not ${SLICES}`);
    return {
      network: layers,
      batch,
      tolerance,
      plain: maxDifference(curve, lossCurve(plain.session, batch, layers, SLICES, PER_SLICE)),
      native: maxDifference(curve, native),
    };
  });
  const pass = results.every((r) => r.plain <= r.tolerance && r.native <= r.tolerance + NATIVE_ROUNDING);
  return { results, pass, nativeRounding: NATIVE_ROUNDING, slice: PER_SLICE, batches: SLICES * PER_SLICE };
}

module.exports = { checkLossCurves };
