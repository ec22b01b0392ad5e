'use strict';
// Loads the WebAssembly module in node: its glue (digitnet.js) with the binary
// beside it (digitnet.wasm) read from disk, since Emscripten 3.1.6's glue would
// fetch() it, and node's fetch cannot read a file path.
const fs = require('fs');

function loadDigitNet(glueFile) {
  return require(glueFile)({ wasmBinary: fs.readFileSync(glueFile.replace(/\.js$/, '.wasm')) });
}

module.exports = { loadDigitNet };
