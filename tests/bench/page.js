'use strict';
// The benchmark's side of the page: what chromium_bench.js calls, each
// returning plain numbers. One module instance and session serve all of them.
// `networks` is run.js's list: [{ layers, batches, products, tfjs: [backends] }].

let digitnet = null;

async function digitnetSession() {
  if (!digitnet) {
    const M = await DigitNet();
    const session = new M.Session();
    await M.loadBundledData(session);
    digitnet = { M, session };
  }
  return digitnet;
}

// Samples/s by network and batch size; the memory after the first network; one epoch of the MLP.
async function benchDigitnet(networks) {
  const { M, session } = await digitnetSession();
  const rates = {};
  let memoryBytes = 0;
  for (const { layers, batches } of networks) {
    const r = await digitnetBench.trainingRates(M, session, batches, layers);
    rates[layers] = r.rates;
    memoryBytes ||= r.memoryBytes;
  }
  return { rates, memoryBytes, epochSeconds: await digitnetBench.epochSeconds(session, 32) };
}

async function benchLimit(networks) {
  const builds = { sse: await MatmulLimitSse(), plain: await MatmulLimitPlain(), kernels: await MatmulLimitKernels() };
  const limit = {};
  for (const [name, lib] of Object.entries(builds)) {
    limit[name] = {};
    for (const { layers, batches, products } of networks)
      limit[name][layers] = await matmulBench.limitGflops(lib, products, batches);
  }
  return limit;
}

// Samples/s by backend, network and batch size (null where a backend does not start).
async function benchTfjs(networks) {
  const { session } = await digitnetSession();
  const digits = await loadTrainingDigits();
  const rates = { wasm: {}, cpu: {}, webgl: {} };
  for (const { layers, batches, tfjs } of networks) {
    const architecture = digitnetBench.architecture(session, layers);
    for (const backend of tfjs) rates[backend][layers] = await tfjsRates(backend, digits, architecture, batches);
  }
  return { version: tf.version.tfjs, rates, wasmFlavour: await tfjsWasmFlavour(), webglRenderer: webglRenderer() };
}

// With the pretrained model, the one the page reads drawings with, when the module has it.
async function benchDraw() {
  const { M, session } = await digitnetSession();
  const pretrained = M.pretrainedModelBytes();
  if (pretrained) session.loadModel(pretrained);
  return { network: session.describe(), ...(await drawLatency(session)) };
}
