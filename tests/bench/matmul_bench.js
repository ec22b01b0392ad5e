// The wasm limit (matmul_limit.cpp) measured in node and in the page: GFLOP/s
// of the matrix products of training steps alone, at each batch size.
(function (root, factory) {
  if (typeof module === 'object') module.exports = factory(require('./measure.js'));
  else root.matmulBench = factory(root.measure);
})(this, (measure) => {
  'use strict';
  const { medianRate } = measure;

  // FLOPs of one training sample of 784-128-10, a multiply-add counting 2:
  // Z1 = X W1^T and dW1 = dZ1^T X (784 x 128 each), Z2 = A1 W2^T, dA1 = dZ2 W2
  // and dW2 = dZ2^T A1 (128 x 10 each).
  const FLOPS_PER_SAMPLE = 2 * (2 * 784 * 128 + 3 * 128 * 10);

  async function limitGflops(lib, batches) {
    const gflops = {};
    for (const batch of batches) {
      lib._limit_setup(batch);
      gflops[batch] = (batch * FLOPS_PER_SAMPLE * (await medianRate((n) => lib._limit_run(n)))) / 1e9;
    }
    return gflops;
  }

  return { FLOPS_PER_SAMPLE, limitGflops };
});
