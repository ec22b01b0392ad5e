'use strict';
// The benchmark's printed table, with each goal of the speed work marked met or not.

const GOALS = {
  overTfjs: 8,        // digitnet wasm / TF.js wasm in Chromium, MLP batch 32, at least
  ofLimit: 0.7,       // digitnet wasm / wasm limit in Chromium, MLP batch 32, at least
  epochSeconds: 0.2,  // one epoch in Chromium, MLP batch 32, under
  ofPeak: 0.7,        // digitnet native / 1024x1024 peak, MLP batch 32, at least
  drawMs: 1,          // draw-to-prediction in the page, under
  cnnOverTfjsCpu: 50,  // CNN: digitnet wasm / TF.js cpu in Chromium, at least
  cnnOfLimit: 0.6,     // CNN: digitnet wasm / wasm limit at the conv shapes in Chromium, at least
};
const B = 32;  // the batch size of the MLP's goals

const thousands = (x) => Math.round(x).toLocaleString('en-US');
const fixed = (digits) => (x) => x.toFixed(digits);
const times = (x) => `${x.toFixed(1)}x`;
const mark = (ok) => (ok ? 'met' : 'NOT MET');
const absent = (f) => (x) => (x == null || Number.isNaN(x) ? '-' : f(x));

// Rows of cells, the first column left-aligned, the others right-aligned.
function columns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[0])))
    .join('   ').trimEnd()).join('\n');
}

// r: { machine, networks, mlp, cnns, cnnBatch, native, node, chromium, lossCheck } as run.js collects them;
// rates and GFLOP/s are by network (layer text) and batch size.
function report({ machine, networks, mlp, cnns, cnnBatch, native, node, chromium, lossCheck }) {
  const flops = Object.fromEntries(networks.map((n) => [n.layers, n.flops]));
  const gflops = (layers, rate) => (rate * flops[layers]) / 1e9;
  const speed = (layers) => absent((rate) => `${thousands(rate)} (${gflops(layers, rate).toFixed(1)})`);
  // The wasm limit: the fastest of the three builds of matmul_limit.cpp.
  const limitOf = (where, layers, b) => Math.max(...Object.values(where.limit).map((l) => l[layers][b]));
  const tfjs = chromium.tfjs;
  const tfjsRate = (backend, layers, b) => tfjs.rates[backend][layers]?.[b];
  const wasmRate = (layers, b) => chromium.digitnet.rates[layers][b];
  const nodeRate = (layers, b) => node.digitnet.rates[layers][b];
  const { draw } = chromium;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

  // The MLP's table: a column per batch size.
  const batches = Object.keys(native.training).map(Number);
  const row = (label, value, format) => [label, ...batches.map((b) => format(value(b)))];
  const heading = (title) => [title, ...batches.map((b) => `batch ${b}`)];
  const limitRows = (name, where) => [
    row(`wasm limit, ${name}: digitnet's wasm kernels`, (b) => where.limit.kernels[mlp][b], fixed(1)),
    row("  Eigen's SSE path (digitnet's small products)", (b) => where.limit.sse[mlp][b], fixed(1)),
    row("  Eigen's portable path", (b) => where.limit.plain[mlp][b], fixed(1)),
  ];
  const nativeGflops = (b) => native.training[b].gflops;
  // The CNNs' table: a column per network, at cnnBatch.
  const cnnRow = (label, value, format) => [label, ...cnns.map((layers) => format(value(layers)))];
  const cnnSpeed = (label, value) => [label, ...cnns.map((layers) => speed(layers)(value(layers)))];
  const cnnLimitRows = (name, where) => [
    cnnRow(`wasm limit, ${name}: digitnet's wasm kernels`, (l) => where.limit.kernels[l][cnnBatch], fixed(1)),
    cnnRow("  Eigen's SSE path", (l) => where.limit.sse[l][cnnBatch], fixed(1)),
    cnnRow("  Eigen's portable path", (l) => where.limit.plain[l][cnnBatch], fixed(1)),
  ];
  const cnnWasm = (l) => wasmRate(l, cnnBatch);
  const cnnOfLimit = (l) => gflops(l, cnnWasm(l)) / limitOf(chromium, l, cnnBatch);
  const cnnOverCpu = (l) => cnnWasm(l) / tfjsRate('cpu', l, cnnBatch);

  const overTfjs = wasmRate(mlp, B) / tfjsRate('wasm', mlp, B);
  const ofLimit = gflops(mlp, wasmRate(mlp, B)) / limitOf(chromium, mlp, B);
  const ofPeak = nativeGflops(B) / native.peakGflops;
  const epoch = chromium.digitnet.epochSeconds;
  const worst = (f) => Math.min(...cnns.map(f));
  const webgl = tfjs.webglRenderer ? `webgl (${tfjs.webglRenderer})` : 'webgl (no WebGL here)';

  return [
    `digitnet benchmark: 784-128-10 ReLU/softmax, cross-entropy, SGD (learning rate 0.01) on the ` +
      `${thousands(native.digits)} bundled training digits,`,
    'one core; medians of 7 timed runs after warm-up.',
    machine,
    '',
    columns([
      heading('training: samples/s (GFLOP/s)'),
      row('digitnet native', (b) => native.training[b], (t) => `${thousands(t.rate)} (${t.gflops.toFixed(1)})`),
      row('digitnet wasm, node', (b) => nodeRate(mlp, b), speed(mlp)),
      row('digitnet wasm, Chromium', (b) => wasmRate(mlp, b), speed(mlp)),
      row(`TF.js ${tfjs.version} wasm (${tfjs.wasmFlavour.simd ? 'SIMD' : 'no SIMD'}, ` +
        `${tfjs.wasmFlavour.threads ? 'threads' : '1 thread'}), Chromium`, (b) => tfjsRate('wasm', mlp, b), speed(mlp)),
      row(`TF.js ${tfjs.version} cpu (plain JS), Chromium`, (b) => tfjsRate('cpu', mlp, b), speed(mlp)),
      [],
      heading('matrix products alone: GFLOP/s'),
      row('native 1024x1024 (same run)', () => native.peakGflops, fixed(1)),
      ...limitRows('Chromium', chromium),
      ...limitRows('node', node),
      [],
      heading('ratios'),
      row('digitnet wasm / TF.js wasm, Chromium', (b) => wasmRate(mlp, b) / tfjsRate('wasm', mlp, b), times),
      row('digitnet wasm / TF.js cpu, Chromium', (b) => wasmRate(mlp, b) / tfjsRate('cpu', mlp, b), times),
      row('digitnet wasm / wasm limit, Chromium', (b) => gflops(mlp, wasmRate(mlp, b)) / limitOf(chromium, mlp, b), fixed(2)),
      row('digitnet wasm / wasm limit, node', (b) => gflops(mlp, nodeRate(mlp, b)) / limitOf(node, mlp, b), fixed(2)),
      row('digitnet native / 1024x1024 peak', (b) => nativeGflops(b) / native.peakGflops, fixed(2)),
      row('digitnet wasm, Chromium / digitnet native', (b) => wasmRate(mlp, b) / native.training[b].rate, fixed(2)),
    ].map((r) => (r.length ? r : ['']))),
    '',
    `CNNs: conv layers (ReLU), 2x2 max-pools and dense layers, softmax output, cross-entropy, SGD (learning rate 0.01),`,
    `batch ${cnnBatch}, on the same digits; per sample: ` +
      cnns.map((l) => `${l} ${(flops[l] / 1e6).toFixed(2)} MFLOP`).join(', ') + ' (training products, multiply-add = 2)',
    columns([
      ['training: samples/s (GFLOP/s)', ...cnns],
      cnnSpeed('digitnet native', (l) => native.cnn[l]),
      cnnSpeed('digitnet wasm, node', (l) => nodeRate(l, cnnBatch)),
      cnnSpeed('digitnet wasm, Chromium', cnnWasm),
      cnnSpeed(`TF.js ${tfjs.version} cpu (plain JS), Chromium`, (l) => tfjsRate('cpu', l, cnnBatch)),
      cnnSpeed(`TF.js ${tfjs.version} ${webgl}, Chromium`, (l) => tfjsRate('webgl', l, cnnBatch)),
      ['  TF.js wasm cannot train convolutions (no Conv2DBackpropFilter kernel)'],
      [],
      ['conv shapes\' matrix products alone: GFLOP/s', ...cnns.map(() => '')],
      ...cnnLimitRows('Chromium', chromium),
      ...cnnLimitRows('node', node),
      [],
      ['ratios', ...cnns.map(() => '')],
      cnnRow('digitnet wasm / TF.js cpu, Chromium', cnnOverCpu, absent(times)),
      cnnRow('digitnet wasm / TF.js webgl, Chromium', (l) => cnnWasm(l) / tfjsRate('webgl', l, cnnBatch), absent(times)),
      cnnRow('digitnet wasm / wasm limit, Chromium', cnnOfLimit, fixed(2)),
      cnnRow('digitnet wasm / wasm limit, node', (l) => gflops(l, nodeRate(l, cnnBatch)) / limitOf(node, l, cnnBatch), fixed(2)),
      cnnRow('digitnet wasm, Chromium / digitnet native', (l) => cnnWasm(l) / native.cnn[l], fixed(2)),
    ].map((r) => (r.length ? r : ['']))),
    '',
    `one epoch (${thousands(native.digits)} digits, batch ${B}) in Chromium: ${epoch.toFixed(3)} s`,
    `draw-to-prediction in the page (320x320 pad, ${draw.network}): ${draw.readMs.toFixed(3)} ms`,
    `  the inked part of the canvas read back (getImageData), then Session.predictDrawing; that alone ${draw.predictMs.toFixed(3)} ms, ` +
      `the forward pass alone ${draw.forwardMs.toFixed(3)} ms`,
    `  native, 280x280 canvas, 784-128-10: preprocessing ${native.preprocessMs.toFixed(3)} ms, ` +
      `forward pass ${native.forwardMs.toFixed(3)} ms`,
    `peak wasm memory during training: ${mib(chromium.digitnet.memoryBytes)} in Chromium, ` +
      `${mib(node.digitnet.memoryBytes)} in node`,
    `same results: mean loss of each ${lossCheck.slice}-batch slice over ${lossCheck.batches} batches, seed 1; ` +
      'largest difference of the module as shipped from',
    columns([
      ['', "the plain build (Eigen's portable path, no digitnet kernels)", 'the native tool (prints 4 decimals)', 'tolerance'],
      ...lossCheck.results.map((c) => [`  ${c.network}, batch ${c.batch}`, c.plain.toExponential(1), c.native.toExponential(1),
        c.tolerance]),
    ]),
    `  (plus ${lossCheck.nativeRounding} for the native rounding; CNNs: a max-pool's choice between near-equal values ` +
      `may flip): ${lossCheck.pass ? 'PASS' : 'FAIL'}`,
    '',
    'goals',
    `  digitnet wasm >= ${GOALS.overTfjs}x TF.js wasm, Chromium, batch ${B}: ${times(overTfjs)} ${mark(overTfjs >= GOALS.overTfjs)}`,
    `  digitnet wasm >= ${GOALS.ofLimit} of the wasm limit, Chromium, batch ${B}: ${ofLimit.toFixed(2)} ` +
      mark(ofLimit >= GOALS.ofLimit),
    `  CNN: digitnet wasm >= ${GOALS.cnnOverTfjsCpu}x TF.js cpu, Chromium, batch ${cnnBatch} (worst network): ` +
      `${times(worst(cnnOverCpu))} ${mark(worst(cnnOverCpu) >= GOALS.cnnOverTfjsCpu)}`,
    `  CNN: digitnet wasm >= ${GOALS.cnnOfLimit} of the wasm limit at the conv shapes, Chromium, batch ${cnnBatch} ` +
      `(worst network): ${worst(cnnOfLimit).toFixed(2)} ${mark(worst(cnnOfLimit) >= GOALS.cnnOfLimit)}`,
    `  one epoch in Chromium < ${GOALS.epochSeconds} s: ${epoch.toFixed(3)} s ${mark(epoch < GOALS.epochSeconds)}`,
    `  digitnet native >= ${GOALS.ofPeak} of the matrix-product peak, batch ${B}: ${ofPeak.toFixed(2)} ` +
      mark(ofPeak >= GOALS.ofPeak),
    `  draw-to-prediction < ${GOALS.drawMs} ms: ${draw.readMs.toFixed(3)} ms ${mark(draw.readMs < GOALS.drawMs)}`,
    `  same loss curves: ${lossCheck.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

module.exports = { report };
