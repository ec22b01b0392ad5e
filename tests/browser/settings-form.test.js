'use strict';
// The page's settings form is the module's vocabulary: one field for each of
// its rows marked onPage, in its order, with its label, and nothing else but
// the choice of named networks.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { launchBrowser, openPage } = require('./page');
const { loadDigitNet } = require('../node/digitnet-module');

const modulePath = path.resolve(__dirname, '..', '..', 'build-wasm', 'wasm', 'digitnet.js');

let browser, page;
before(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});
after(() => browser && browser.close());

test("the settings form's fields are exactly the vocabulary's page rows", async () => {
  if (!fs.existsSync(modulePath)) throw new Error('build-wasm/wasm/digitnet.js is missing: run scripts/build-wasm.sh');
  const M = await loadDigitNet(modulePath);
  const rows = M.vocabulary().settings.filter((s) => s.onPage).map(({ key, label }) => ({ key, label }));
  const fields = await page.evaluate(() => [...document.querySelectorAll('#settings [name]')]
    .filter((input) => input.name !== 'network')
    .map((input) => ({ key: input.name, label: document.querySelector(`label[for="${input.id}"]`).textContent })));
  assert.deepEqual(fields, rows);
  assert.equal(rows.length, 8);
  assert.deepEqual(page.errors, []);
});
