#!/usr/bin/env node
// Builds the page into one self-contained file, build-web/index.html: the
// style sheet, the scripts and the WebAssembly module (digitnet.js, which holds
// the wasm, the bundled digits and the pretrained model) are written into it.
// One file opens from disk (file://) as well as over http, and works offline.
//
//   node web/build.js [path/to/digitnet.js] [output directory]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const moduleFile = path.resolve(process.argv[2] || path.join(root, 'build-wasm/wasm/digitnet.js'));
const outDir = path.resolve(process.argv[3] || path.join(root, 'build-web'));

if (!fs.existsSync(moduleFile)) {
  console.error(`web/build.js: ${moduleFile} is missing: build the WebAssembly module first (scripts/build-wasm.sh)`);
  process.exit(1);
}

const read = (name) => fs.readFileSync(name === 'digitnet.js' ? moduleFile : path.join(__dirname, name), 'utf8');
// Text inside <script> or <style> must not close the element early.
const escape = (text, tag) => text.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

let inlined = 0;
const html = read('index.html')
  .replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, name) => {
    inlined++;
    return `<style>\n${escape(read(name), 'style')}</style>`;
  })
  .replace(/<script src="([^"]+)"><\/script>/g, (_, name) => {
    inlined++;
    return `<script>\n${escape(read(name), 'script')}</script>`;
  });

fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'index.html');
fs.writeFileSync(out, html);
console.log(`web/build.js: wrote ${path.relative(process.cwd(), out)} (${inlined} files inlined, ${(html.length / 1e6).toFixed(1)} MB)`);
