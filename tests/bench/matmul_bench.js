// The wasm limit (matmul_limit.cpp) measured in node and in the page: GFLOP/s
// of the matrix products of a network's training steps alone, at its shapes.
(function (root, factory) {
  if (typeof module === 'object') module.exports = factory(require('./measure.js'));
  else root.matmulBench = factory(root.measure);
})(this, (measure) => {
  'use strict';
  const { medianRate } = measure;

  const FORWARD = 0, WEIGHT_GRADIENT = 1, INPUT_GRADIENT = 2;  // matmul_limit.cpp's kinds

  // The products of one SGD step on one sample, from Session.architecture():
  // [{kind, rows, n, k}], rows being 1 for a dense layer and the output pixels
  // for a conv layer (its lowering, conv.hpp), n the units or filters and k the
  // fan-in or the K*K*C patch. Every layer with weights has a forward product
  // and a weight gradient; all but the first pass a gradient to their input.
  function trainingProducts(architecture) {
    const products = [];
    let input = architecture.input;
    for (const layer of architecture.layers) {
      const { output } = layer;
      if (layer.kind === 'dense' || layer.kind === 'conv') {
        const conv = layer.kind === 'conv';
        const rows = conv ? output.height * output.width : 1;
        const k = conv ? layer.kernel * layer.kernel * input.channels : input.channels * input.height * input.width;
        const kinds = products.length ? [FORWARD, INPUT_GRADIENT, WEIGHT_GRADIENT] : [FORWARD, WEIGHT_GRADIENT];
        for (const kind of kinds) products.push({ kind, rows, n: layer.units, k });
      }
      input = output;
    }
    return products;
  }

  // FLOPs of one training sample's products, a multiply-add counting 2.
  const flopsPerSample = (products) => products.reduce((sum, p) => sum + 2 * p.rows * p.n * p.k, 0);

  // Median GFLOP/s of the products of training steps at each batch size, on
  // one build of matmul_limit.cpp (`lib`).
  async function limitGflops(lib, products, batches) {
    const gflops = {};
    for (const batch of batches) {
      lib._limit_clear();
      for (const p of products) lib._limit_add(p.kind, batch * p.rows, p.n, p.k);
      gflops[batch] = (batch * flopsPerSample(products) * (await medianRate((n) => lib._limit_run(n)))) / 1e9;
    }
    lib._limit_clear();
    return gflops;
  }

  return { trainingProducts, flopsPerSample, limitGflops };
});
