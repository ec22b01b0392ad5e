// The module refuses a model file whose one digit would cost too much to read
// (NetworkSpec::require_readable), saying what it would need, before anything
// is allocated for it, and keeps the model it had.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { costlyModelFile } = require('./model-file');
const { loadDigitNet } = require('./digitnet-module');

test('loadModel refuses a model that costs too much to read one digit, and keeps the current one', async () => {
  const M = await loadDigitNet(path.resolve(__dirname, '..', '..', 'build-wasm', 'wasm', 'digitnet.js'));
  const s = new M.Session();
  s.configure({ layers: 'c4k5,p2,16' });
  const before = s.describe();
  const weights = s.getWeights();
  assert.throws(() => s.loadModel(costlyModelFile()), (e) => e instanceof Error &&
    e.message === 'reading one digit with this network would take 26017 million multiply-adds and 1820 MB of memory; ' +
      'the limit is 10000 million and 256 MB: use fewer or smaller layers');
  assert.equal(s.describe(), before);
  assert.deepEqual(s.getWeights(), weights);
  s.delete();
});
