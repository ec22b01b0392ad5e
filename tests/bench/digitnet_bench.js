// digitnet's WebAssembly module trained as the table measures it, in node and
// in the page: 784-128-10 ReLU/softmax, cross-entropy, SGD at a constant
// learning rate of 0.01, no augmentation, on the 9,000 bundled training digits.
(function (root, factory) {
  if (typeof module === 'object') module.exports = factory(require('./measure.js'));
  else root.digitnetBench = factory(root.measure);
})(this, (measure) => {
  'use strict';
  const { medianRate, medianSeconds } = measure;

  const EPOCHS = 1000000;  // a run long enough never to end during a benchmark

  function configure(session, batch, hidden = [128]) {
    session.configure(JSON.stringify({
      hidden, optimizer: 'sgd', learningRate: 0.01, batchSize: batch,
      augment: false, cosine: false, epochs: EPOCHS, seed: 1,
    }));
  }

  // Median training samples/s for each batch size, and the size of the module's
  // memory afterwards: wasm memory only grows, so that is its peak.
  async function trainingRates(M, session, batches) {
    const rates = {};
    for (const batch of batches) {
      configure(session, batch);
      rates[batch] = batch * (await medianRate((n) => session.train(n)));
    }
    return { rates, memoryBytes: M.HEAP8.buffer.byteLength };
  }

  // Median seconds of one pass over the training digits.
  async function epochSeconds(session, batch) {
    configure(session, batch);
    const perEpoch = session.train(0).totalBatches / EPOCHS;
    return medianSeconds(() => session.train(perEpoch));
  }

  // Mean batch loss of each of `slices` slices of `perSlice` batches, from a fresh network.
  function lossCurve(session, batch, hidden, slices, perSlice) {
    configure(session, batch, hidden);
    return Array.from({ length: slices }, () => session.train(perSlice).loss);
  }

  return { configure, trainingRates, epochSeconds, lossCurve };
});
