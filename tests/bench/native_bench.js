'use strict';
// The native rows, from the digitnet command-line tool itself: `digitnet bench`
// for the MLP's speed, `digitnet train` for other networks' speed and for a loss curve.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { NATIVE_CLI } = require('./builds.js');
const { median } = require('./measure.js');

function cli(args) {
  return execFileSync(NATIVE_CLI, args, { encoding: 'utf8' });
}

function match(text, pattern, what) {
  const m = text.match(pattern);
  if (!m) throw new Error(`\`digitnet ${what}\` printed no line matching ${pattern}:\n${text}`);
  return m;
}

// The table's training run (as digitnet_bench.js configures it) for `steps` batches. Its model goes
// to a file in a new temporary folder, removed afterwards (never to a device such as /dev/null).
function train(layers, batch, steps) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digitnet-bench-'));
  try {
    return cli(['train', '--layers', layers, '--optimizer', 'sgd', '--lr', '0.01', '--batch', String(batch),
      '--no-augment', '--constant-lr', '--steps', String(steps), '--seed', '1', '-o', path.join(dir, 'bench.model')]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The number of training digits, training samples/s and GFLOP/s per batch size, the same run's 1024x1024
// matrix-product peak, and the drawn-canvas preprocessing and forward times.
function benchNative(batches, seconds) {
  const out = cli(['bench', '--seconds', String(seconds)]);
  const training = {};
  for (const batch of batches) {
    const m = match(out, new RegExp(`batch +${batch}: +([0-9.]+) samples/s +([0-9.]+) GFLOP/s`), 'bench');
    training[batch] = { rate: Number(m[1]), gflops: Number(m[2]) };
  }
  const draw = match(out, /canvas: preprocessing ([0-9.]+) ms, forward pass ([0-9.]+) ms/, 'bench');
  return {
    digits: Number(match(out, /on (\d+) digits/, 'bench')[1]),
    training,
    peakGflops: Number(match(out, /matrix product \(same run\): ([0-9.]+) GFLOP\/s/, 'bench')[1]),
    preprocessMs: Number(draw[1]),
    forwardMs: Number(draw[2]),
  };
}

// Median training samples/s of `digitnet train` on these layers: it times each
// tenth of the run (`steps` batches) and prints its rate; the first tenth is the warm-up.
function nativeTrainingRate(layers, batch, steps) {
  const out = train(layers, batch, steps);
  const rates = [...out.matchAll(/ ([0-9.]+) samples\/s\n/g)].map((m) => Number(m[1]));
  if (rates.length < 5) throw new Error(`digitnet train printed ${rates.length} rates:\n${out}`);
  return median(rates.slice(1));
}

// The loss of each tenth of `steps` batches of the table's training run, as printed: to 4 decimals.
function nativeLossCurve(batch, layers, steps) {
  const out = train(layers, batch, steps);
  return [...out.matchAll(/ loss ([0-9.]+) /g)].map((m) => Number(m[1]));
}

module.exports = { benchNative, nativeTrainingRate, nativeLossCurve };
