'use strict';
// Speed must not change results: the loss curve of the table's training run
// with the fast kernels (the module as shipped: Eigen's SSE path and digitnet's
// own wasm kernels) against the plain build (Eigen's portable path), and
// against the native tool. Besides the table's network at each batch size, a
// network and batches whose sizes are no multiple of the kernels' blocks.
const builds = require('./builds.js');
const { lossCurve } = require('./digitnet_bench.js');
const { digitnetSession } = require('./node_bench.js');
const { nativeLossCurve } = require('./native_bench.js');

const SLICES = 10;
const PER_SLICE = 20;
const TOLERANCE = 1e-4;        // on mean batch losses of about 0.3 to 2.3
const NATIVE_ROUNDING = 5e-5;  // the tool prints losses to 4 decimals
const ODD_HIDDEN = [99, 29];
const ODD_BATCHES = [7, 100];

const maxDifference = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

// [{ network, batch, plain, native }]: the largest difference from the fast
// build's curve, for each case; and whether all are within tolerance.
async function checkLossCurves(batches) {
  const fast = await digitnetSession(builds.DIGITNET_WASM);
  const plain = await digitnetSession(builds.DIGITNET_WASM_PLAIN);
  const cases = [
    ...batches.map((batch) => ({ hidden: [128], batch })),
    ...ODD_BATCHES.map((batch) => ({ hidden: ODD_HIDDEN, batch })),
  ];
  const results = cases.map(({ hidden, batch }) => {
    const curve = lossCurve(fast.session, batch, hidden, SLICES, PER_SLICE);
    const native = nativeLossCurve(batch, hidden, SLICES * PER_SLICE);
    if (native.length !== SLICES) throw new Error(`digitnet train printed ${native.length} losses, not ${SLICES}`);
    return {
      network: `784-${hidden.join('-')}-10`,
      batch,
      plain: maxDifference(curve, lossCurve(plain.session, batch, hidden, SLICES, PER_SLICE)),
      native: maxDifference(curve, native),
    };
  });
  const pass = results.every((r) => r.plain <= TOLERANCE && r.native <= TOLERANCE + NATIVE_ROUNDING);
  return { results, pass, tolerance: TOLERANCE, nativeRounding: NATIVE_ROUNDING, slice: PER_SLICE,
    batches: SLICES * PER_SLICE };
}

module.exports = { checkLossCurves };
