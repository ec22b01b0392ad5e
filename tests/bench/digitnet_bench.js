// digitnet's WebAssembly module trained as the table measures it, in node and
// in the page: hidden layers in the core's layer text (784-128-10 by default),
// ReLU/softmax, cross-entropy, SGD at a constant learning rate of 0.01, no
// augmentation, on the 9,000 bundled training digits.
(function (root, factory) {
  if (typeof module === 'object') module.exports = factory(require('./measure.js'));
  else root.digitnetBench = factory(root.measure);
})(this, (measure) => {
  'use strict';
  const { medianRate, medianSeconds } = measure;

  const LONG_RUN = { steps: 100000000 };  // a run long enough never to end during a benchmark

  function configure(session, batch, layers = '128', length = LONG_RUN) {
    session.configure({
      layers, optimizer: 'sgd', learningRate: 0.01, batchSize: batch,
      augment: false, cosine: false, seed: 1, ...length,
    });
  }

  // Median training samples/s for each batch size, and the size of the module's
  // memory afterwards: wasm memory only grows, so that is its peak.
  async function trainingRates(M, session, batches, layers = '128') {
    const rates = {};
    for (const batch of batches) {
      configure(session, batch, layers);
      rates[batch] = batch * (await medianRate((n) => session.train(n)));
    }
    return { rates, memoryBytes: M.HEAP8.buffer.byteLength };
  }

  // Median seconds of one pass over the training digits.
  async function epochSeconds(session, batch) {
    configure(session, batch, '128', { epochs: 1 });
    const perEpoch = session.train(0).totalBatches;
    configure(session, batch);
    return medianSeconds(() => session.train(perEpoch));
  }

  // Mean batch loss of each of `slices` slices of `perSlice` batches, from a fresh network.
  function lossCurve(session, batch, layers, slices, perSlice) {
    configure(session, batch, layers);
    return Array.from({ length: slices }, () => session.train(perSlice).loss);
  }

  // The session's architecture for these layers (Session.architecture()).
  function architecture(session, layers) {
    configure(session, 32, layers);
    return session.architecture();
  }

  return { configure, trainingRates, epochSeconds, lossCurve, architecture };
});
