'use strict';
// The node half of the wasm measurements: digitnet's module and the matrix-product limit.
const builds = require('./builds.js');
const { trainingRates } = require('./digitnet_bench.js');
const { limitGflops } = require('./matmul_bench.js');
const { loadDigitNet } = require('../node/digitnet-module.js');

async function digitnetSession(file) {
  const M = await loadDigitNet(file);
  const session = new M.Session();
  await M.loadBundledData(session);
  return { M, session };
}

// networks: [{ layers, batches, products }] as run.js describes them. Returns
// samples/s and limit GFLOP/s by network (layer text) and batch size, and the
// module's memory after training the first network.
async function benchInNode(networks, progress) {
  const { M, session } = await digitnetSession(builds.DIGITNET_WASM);
  const rates = {};
  let memoryBytes = 0;
  for (const { layers, batches } of networks) {
    progress(`node: digitnet training ${layers}`);
    const r = await trainingRates(M, session, batches, layers);
    rates[layers] = r.rates;
    memoryBytes ||= r.memoryBytes;
  }
  const limit = {};
  for (const [name, file] of Object.entries(builds.LIMITS)) {
    progress(`node: wasm matrix-product limit (${name})`);
    const lib = await require(file)();
    limit[name] = {};
    for (const { layers, batches, products } of networks) limit[name][layers] = await limitGflops(lib, products, batches);
  }
  return { digitnet: { rates, memoryBytes }, limit };
}

module.exports = { benchInNode, digitnetSession };
