#!/usr/bin/env node
// Builds the page into one self-contained file, build-web/index.html: the
// style sheet, the scripts, the module's glue (digitnet.js) and, gzipped and
// as base64, its binary (digitnet.wasm, which holds the bundled digits and the
// pretrained models too) are written into it.
// One file opens from disk (file://) as well as over http, and works offline.
//
//   node web/build.js [path/to/digitnet.js] [output directory]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.join(__dirname, '..');
const moduleFile = path.resolve(process.argv[2] || path.join(root, 'build-wasm/wasm/digitnet.js'));
const outDir = path.resolve(process.argv[3] || path.join(root, 'build-web'));

if (!fs.existsSync(moduleFile)) {
  console.error(`web/build.js: ${moduleFile} is missing: build the WebAssembly module first (scripts/build-wasm.sh)`);
  process.exit(1);
}

const wasmFile = moduleFile.replace(/\.js$/, '.wasm');
const read = (name) => fs.readFileSync(name === 'digitnet.js' ? moduleFile : path.join(__dirname, name), 'utf8');
// Text inside <script> or <style> must not close the element early.
const escape = (text, tag) => text.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
// The page is written in ASCII alone: one other character anywhere makes
// Chromium decode all of its megabytes as 16-bit text, a quarter of a second
// longer to open. Each language has its own escape: JavaScript's per UTF-16
// unit (valid in strings, templates and regular expressions), CSS's and
// HTML's per code point.
const asciiScript = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const asciiStyle = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `\\${c.codePointAt(0).toString(16)} `);
const asciiHtml = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);

let inlined = 0;
const html = asciiHtml(read('index.html'))
  .replace(/<script type="application\/gzip" id="([^"]+)" src="digitnet.wasm"><\/script>/, (_, id) => {
    inlined++;
    const gzipped = zlib.gzipSync(fs.readFileSync(wasmFile), { level: 9 });
    return `<script type="application/gzip" id="${id}">${gzipped.toString('base64')}</script>`;
  })
  .replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, name) => {
    inlined++;
    return `<style>\n${escape(asciiStyle(read(name)), 'style')}</style>`;
  })
  .replace(/<script src="([^"]+)"><\/script>/g, (_, name) => {
    inlined++;
    return `<script>\n${escape(asciiScript(read(name)), 'script')}</script>`;
  });

fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'index.html');
fs.writeFileSync(out, html);
console.log(`web/build.js: wrote ${path.relative(process.cwd(), out)} (${inlined} files inlined, ${(html.length / 1e6).toFixed(1)} MB)`);
