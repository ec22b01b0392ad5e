#!/usr/bin/env node
// Builds the page into one self-contained file, build-web/index.html: the
// style sheet, the page's script and, gzipped and as base64, the module's
// binary (digitnet.wasm, which holds the bundled digits and the pretrained
// models too) are written into it.
// One file opens from disk (file://) as well as over http, and works offline.
//
// The page's scripts are ES modules (web/*.js, app.js the entry point),
// bundled by esbuild into one classic script, since module scripts do not load
// from file://. Two imports name what this build provides:
//   'digitnet-module'  the module factory, the WebAssembly build's glue (digitnet.js)
//   'worker:./x.js'    the bundle of x.js, as the text of a classic script for a
//                      worker made from a Blob; it holds x.js's exports as workerExports
// (web/types.d.ts declares both for the type check).
//
//   node web/build.js [path/to/digitnet.js] [output directory]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const moduleFile = path.resolve(process.argv[2] || path.join(root, 'build-wasm/wasm/digitnet.js'));
const outDir = path.resolve(process.argv[3] || path.join(root, 'build-web'));

if (!fs.existsSync(moduleFile)) {
  console.error(`web/build.js: ${moduleFile} is missing: build the WebAssembly module first (scripts/build-wasm.sh)`);
  process.exit(1);
}

const wasmFile = moduleFile.replace(/\.js$/, '.wasm');
const read = (name) => fs.readFileSync(path.join(__dirname, name), 'utf8');
// Text inside <script> or <style> must not close the element early.
const escape = (text, tag) => text.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
// The page is written in ASCII alone: one other character anywhere makes
// Chromium decode all of its megabytes as 16-bit text, a quarter of a second
// longer to open. Each language has its own escape: CSS's and HTML's per code
// point (esbuild writes JavaScript in ASCII itself).
const asciiStyle = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `\\${c.codePointAt(0).toString(16)} `);
const asciiHtml = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);

// The imports above, resolved.
const pagePlugin = {
  name: 'digitnet-page',
  setup(build) {
    build.onResolve({ filter: /^digitnet-module$/ }, () => ({ path: moduleFile }));
    build.onResolve({ filter: /^worker:/ }, ({ path: name, resolveDir }) => ({
      path: path.resolve(resolveDir, name.slice('worker:'.length)), namespace: 'worker',
    }));
    build.onLoad({ filter: /.*/, namespace: 'worker' }, async ({ path: entry }) => ({
      contents: await bundle(entry, { globalName: 'workerExports' }), loader: 'text',
    }));
  },
};

// One entry point and what it imports, as the text of a classic script.
async function bundle(entry, options = {}) {
  const result = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'iife', write: false, charset: 'ascii',
    target: 'es2022', platform: 'browser', banner: { js: '"use strict";' }, logLevel: 'warning',
    minifyWhitespace: true,
    // The glue's code for node.js, never run in a browser, asks for these.
    external: ['fs', 'path', 'crypto'],
    plugins: [pagePlugin], ...options,
  });
  return result.outputFiles[0].text;
}

async function main() {
  let inlined = 0;
  const script = await bundle(path.join(__dirname, 'app.js'));
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
    .replace(/<script src="app.js"><\/script>/, () => {
      inlined++;
      return `<script>\n${escape(script, 'script')}</script>`;
    });
  if (inlined !== 3) throw new Error(`index.html should name digitnet.wasm, one style sheet and app.js; ${inlined} of them found`);

  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'index.html');
  fs.writeFileSync(out, html);
  console.log(`web/build.js: wrote ${path.relative(process.cwd(), out)} (${(html.length / 1e6).toFixed(1)} MB)`);
}

main().catch((error) => {
  console.error(`web/build.js: ${error.message}`);
  process.exit(1);
});
