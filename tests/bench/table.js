'use strict';
// The benchmark's printed table, with each goal of the speed work marked met or not.
const { FLOPS_PER_SAMPLE } = require('./matmul_bench.js');

const GOALS = {
  overTfjs: 8,        // digitnet wasm / TF.js wasm in Chromium, batch 32, at least
  ofLimit: 0.7,       // digitnet wasm / wasm limit in Chromium, batch 32, at least
  epochSeconds: 0.2,  // one epoch in Chromium, batch 32, under
  ofPeak: 0.7,        // digitnet native / 1024x1024 peak, batch 32, at least
  drawMs: 1,          // draw-to-prediction in the page, under
};
const B = 32;  // the batch size of the goals

const gflops = (rate) => (rate * FLOPS_PER_SAMPLE) / 1e9;
const thousands = (x) => Math.round(x).toLocaleString('en-US');
const fixed = (digits) => (x) => x.toFixed(digits);
const times = (x) => `${x.toFixed(1)}x`;
const mark = (ok) => (ok ? 'met' : 'NOT MET');

// Rows of cells, the first column left-aligned, the others right-aligned.
function columns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[0])))
    .join('   ').trimEnd()).join('\n');
}

// r: { machine, batches, native, node, chromium, lossCheck } as run.js collects them.
function report({ machine, batches, native, node, chromium, lossCheck }) {
  const row = (label, value, format) => [label, ...batches.map((b) => format(value(b)))];
  const heading = (title) => [title, ...batches.map((b) => `batch ${b}`)];
  const speed = (rate) => `${thousands(rate)} (${gflops(rate).toFixed(1)})`;
  // The wasm limit: the fastest of the three builds of matmul_limit.cpp.
  const limit = (where) => (b) => Math.max(...Object.values(where.limit).map((l) => l[b]));
  const limitRows = (name, where) => [
    row(`wasm limit, ${name}: digitnet's wasm kernels`, (b) => where.limit.kernels[b], fixed(1)),
    row("  Eigen's SSE path (digitnet's small products)", (b) => where.limit.sse[b], fixed(1)),
    row("  Eigen's portable path", (b) => where.limit.plain[b], fixed(1)),
  ];
  const wasm = chromium.digitnet.rates;
  const tfjs = chromium.tfjs;
  const nativeGflops = (b) => native.training[b].gflops;
  const { draw } = chromium;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

  const overTfjs = wasm[B] / tfjs.wasm[B];
  const ofLimit = gflops(wasm[B]) / limit(chromium)(B);
  const ofPeak = nativeGflops(B) / native.peakGflops;
  const epoch = chromium.digitnet.epochSeconds;

  return [
    `digitnet benchmark: 784-128-10 ReLU/softmax, cross-entropy, SGD (learning rate 0.01) on the ` +
      `${thousands(native.digits)} bundled training digits,`,
    'one core; medians of 7 timed runs after warm-up.',
    machine,
    '',
    columns([
      heading('training: samples/s (GFLOP/s)'),
      row('digitnet native', (b) => native.training[b], (t) => `${thousands(t.rate)} (${t.gflops.toFixed(1)})`),
      row('digitnet wasm, node', (b) => node.digitnet.rates[b], speed),
      row('digitnet wasm, Chromium', (b) => wasm[b], speed),
      row(`TF.js ${tfjs.version} wasm (${tfjs.wasmFlavour.simd ? 'SIMD' : 'no SIMD'}, ` +
        `${tfjs.wasmFlavour.threads ? 'threads' : '1 thread'}), Chromium`, (b) => tfjs.wasm[b], speed),
      row(`TF.js ${tfjs.version} cpu (plain JS), Chromium`, (b) => tfjs.cpu[b], speed),
      [],
      heading('matrix products alone: GFLOP/s'),
      row('native 1024x1024 (same run)', () => native.peakGflops, fixed(1)),
      ...limitRows('Chromium', chromium),
      ...limitRows('node', node),
      [],
      heading('ratios'),
      row('digitnet wasm / TF.js wasm, Chromium', (b) => wasm[b] / tfjs.wasm[b], times),
      row('digitnet wasm / TF.js cpu, Chromium', (b) => wasm[b] / tfjs.cpu[b], times),
      row('digitnet wasm / wasm limit, Chromium', (b) => gflops(wasm[b]) / limit(chromium)(b), fixed(2)),
      row('digitnet wasm / wasm limit, node', (b) => gflops(node.digitnet.rates[b]) / limit(node)(b), fixed(2)),
      row('digitnet native / 1024x1024 peak', (b) => nativeGflops(b) / native.peakGflops, fixed(2)),
      row('digitnet wasm, Chromium / digitnet native', (b) => wasm[b] / native.training[b].rate, fixed(2)),
    ].map((r) => (r.length ? r : ['']))),
    '',
    `one epoch (${thousands(native.digits)} digits, batch ${B}) in Chromium: ${epoch.toFixed(3)} s`,
    `draw-to-prediction in the page (320x320 pad, ${draw.network}): ${draw.readMs.toFixed(3)} ms`,
    `  the canvas read back (getImageData), then Session.predictDrawing; that alone ${draw.predictMs.toFixed(3)} ms, ` +
      `the forward pass alone ${draw.forwardMs.toFixed(3)} ms`,
    `  native, 280x280 canvas, 784-128-10: preprocessing ${native.preprocessMs.toFixed(3)} ms, ` +
      `forward pass ${native.forwardMs.toFixed(3)} ms`,
    `peak wasm memory during training: ${mib(chromium.digitnet.memoryBytes)} in Chromium, ` +
      `${mib(node.digitnet.memoryBytes)} in node`,
    `same results: mean loss of each ${lossCheck.slice}-batch slice over ${lossCheck.batches} batches, seed 1; ` +
      'largest difference of the module as shipped from',
    columns([
      ['', "the plain build (Eigen's portable path, no digitnet kernels)", 'the native tool (prints 4 decimals)'],
      ...lossCheck.results.map((c) => [`  ${c.network}, batch ${c.batch}`, c.plain.toExponential(1), c.native.toExponential(1)]),
    ]),
    `  tolerance ${lossCheck.tolerance} (plus ${lossCheck.nativeRounding} for the native rounding): ` +
      `${lossCheck.pass ? 'PASS' : 'FAIL'}`,
    '',
    'goals',
    `  digitnet wasm >= ${GOALS.overTfjs}x TF.js wasm, Chromium, batch ${B}: ${times(overTfjs)} ${mark(overTfjs >= GOALS.overTfjs)}`,
    `  digitnet wasm >= ${GOALS.ofLimit} of the wasm limit, Chromium, batch ${B}: ${ofLimit.toFixed(2)} ` +
      mark(ofLimit >= GOALS.ofLimit),
    `  one epoch in Chromium < ${GOALS.epochSeconds} s: ${epoch.toFixed(3)} s ${mark(epoch < GOALS.epochSeconds)}`,
    `  digitnet native >= ${GOALS.ofPeak} of the matrix-product peak, batch ${B}: ${ofPeak.toFixed(2)} ` +
      mark(ofPeak >= GOALS.ofPeak),
    `  draw-to-prediction < ${GOALS.drawMs} ms: ${draw.readMs.toFixed(3)} ms ${mark(draw.readMs < GOALS.drawMs)}`,
    `  same loss curves: ${lossCheck.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

module.exports = { report };
