'use strict';
// The benchmark's side of the page: what chromium_bench.js calls, each
// returning plain numbers. One module instance and session serve all of them.

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

async function benchDigitnet(batches) {
  const { M, session } = await digitnetSession();
  const { rates, memoryBytes } = await digitnetBench.trainingRates(M, session, batches);
  return { rates, memoryBytes, epochSeconds: await digitnetBench.epochSeconds(session, 32) };
}

async function benchLimit(batches) {
  return {
    sse: await matmulBench.limitGflops(await MatmulLimitSse(), batches),
    plain: await matmulBench.limitGflops(await MatmulLimitPlain(), batches),
    kernels: await matmulBench.limitGflops(await MatmulLimitKernels(), batches),
  };
}

async function benchTfjs(batches) {
  const digits = await loadTrainingDigits();
  return {
    version: tf.version.tfjs,
    wasm: await tfjsRates('wasm', digits, batches),
    wasmFlavour: await tfjsWasmFlavour(),
    cpu: await tfjsRates('cpu', digits, batches),
  };
}

// With the pretrained model, the one the page reads drawings with, when the module has it.
async function benchDraw() {
  const { M, session } = await digitnetSession();
  const pretrained = M.pretrainedModelBytes();
  if (pretrained) session.loadModel(pretrained);
  return { network: session.describe(), ...(await drawLatency(session)) };
}
