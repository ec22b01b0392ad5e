'use strict';
// The node half of the wasm measurements: digitnet's module and the matrix-product limit.
const builds = require('./builds.js');
const { trainingRates } = require('./digitnet_bench.js');
const { limitGflops } = require('./matmul_bench.js');

async function digitnetSession(file) {
  const M = await require(file)();
  const session = new M.Session();
  await M.loadBundledData(session);
  return { M, session };
}

async function benchInNode(batches, progress) {
  progress('node: digitnet training');
  const { M, session } = await digitnetSession(builds.DIGITNET_WASM);
  const digitnet = await trainingRates(M, session, batches);
  progress('node: wasm matrix-product limit');
  const limit = {};
  for (const [name, file] of Object.entries(builds.LIMITS)) limit[name] = await limitGflops(await require(file)(), batches);
  return { digitnet, limit };
}

module.exports = { benchInNode, digitnetSession };
