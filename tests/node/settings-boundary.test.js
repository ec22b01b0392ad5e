// Settings objects from JavaScript: the module copies one into plain values
// before any C++ runs, so a getter that throws or deletes the session cannot
// leak C++ memory or reach freed memory, and every key of a refusal shows.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadDigitNet } = require('./digitnet-module');

const modulePath = path.resolve(__dirname, '..', '..', 'build-wasm', 'wasm', 'digitnet.js');

let M;
before(async () => {
  if (!fs.existsSync(modulePath)) throw new Error('build-wasm/wasm/digitnet.js is missing: run scripts/build-wasm.sh');
  M = await loadDigitNet(modulePath);
});

test('60,000 settings whose getter throws are refused and leave the heap flat', () => {
  const s = new M.Session();
  // Long text and a few keys before the getter: C++ strings that a throw through C++ frames would leak.
  const throwing = { layers: '16,'.repeat(300) + '16', activation: 'tanh', get epochs() { throw new Error('no epochs here'); } };
  const proxy = new Proxy({ layers: '16', seed: 1 }, { get() { throw new Error('trapped'); } });
  // What a call gives: its refusal, or a report's errors.
  const outcome = (call) => {
    try {
      return `errors ${JSON.stringify({ ...call()?.errors })}`;
    } catch (e) {
      return `${e.setting}: ${e.message}`;
    }
  };
  const messages = new Set();
  const start = M.HEAP8.length;
  for (let i = 0; i < 20000; i++) {
    messages.add(outcome(() => M.checkSettings(throwing)));
    messages.add(outcome(() => s.configure(throwing)));
    messages.add(outcome(() => s.configure(proxy)));
  }
  const growth = M.HEAP8.length - start;
  console.log(`wasm heap: ${start} bytes at the start, ${growth} bytes more after 60,000 refused settings`);
  assert.ok(growth < 1 << 20, `the heap grew by ${growth} bytes`);
  assert.deepEqual([...messages], ['errors {"epochs":"Epochs could not be read: no epochs here"}',
                                   'epochs: Epochs could not be read: no epochs here',
                                   'layers: Layers could not be read: trapped']);
  // Each known key is read once, and only known keys are read.
  const reads = [];
  const counted = new Proxy({ layers: '16', epochs: 2, colour: 'red' }, {
    get(target, key) { reads.push(key); return target[key]; },
  });
  assert.equal(M.checkSettings(counted).ok, false);
  assert.deepEqual(reads, ['layers', 'epochs']);
  s.configure({ layers: '16', epochs: 2 });
  assert.equal(s.describe(), '784-16-10 relu/softmax');
  s.delete();
});

test('a getter that deletes the session during configure is refused with a message', () => {
  const s = new M.Session();
  assert.throws(() => s.configure({ layers: '16', get epochs() { s.delete(); return 2; } }),
                (e) => e instanceof Error && e.message === 'the session was deleted while its settings were read');
  // The module carries on: a new session works.
  const next = new M.Session();
  next.configure({ layers: '32', epochs: 1 });
  assert.equal(next.describe(), '784-32-10 relu/softmax');
  next.delete();
});

test('every key of a refusal shows, "__proto__" too, and a NUL does not cut a message short', () => {
  const report = M.checkSettings(JSON.parse('{"__proto__": 1, "epochs": 0}'));
  assert.equal(report.ok, false);
  assert.deepEqual(Object.keys(report.errors).sort(), ['__proto__', 'epochs']);
  assert.match(report.errors.__proto__, /^unknown setting "__proto__" \(known: layers, /);
  assert.equal(report.errors.epochs, 'Epochs must be a whole number from 1 to 1000, not 0');
  assert.equal(M.checkSettings({ layers: 'c8k5,\0p2' }).errors.layers,
               'Layers holds a control character (code 0) at character 6: write it without one');
  assert.equal(M.checkSettings({ optimizer: 'ad\x01am' }).errors.optimizer,
               'Optimizer holds a control character (code 1) at character 3: write it without one');
});
