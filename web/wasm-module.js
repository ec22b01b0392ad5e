'use strict';
// The WebAssembly binary is built into the page once, gzipped, as base64 text
// in <script type="application/gzip" id="digitnet-wasm"> (which no JS engine
// parses). A short-lived worker decodes, inflates and compiles it, so that the
// page's own thread is free to lay the page out meanwhile; the compiled module
// then serves the page and the training worker, so nothing is decoded or
// compiled twice.

// The compiled module: a promise of a WebAssembly.Module.
function compileDigitNet() {
  const source = `${fromBase64}\n${gunzip}\n` +
    'onmessage = ({ data }) => gunzip(fromBase64(data.trim())).then((bytes) => WebAssembly.compile(bytes))' +
    '.then((module) => postMessage({ module }), (error) => postMessage({ error: String(error) }));\n';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      if (data.module) resolve(data.module);
      else reject(new Error(`the WebAssembly module could not be compiled: ${data.error}`));
    };
    worker.postMessage(document.getElementById('digitnet-wasm').textContent);
  });
}

// Base64 text as bytes (a data: URL fetch takes 20 times as long).
function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A promise of the bytes inflated. (Written to the stream in one piece and
// read back piece by piece: through a Blob's stream and a Response, inflating
// takes 4 times as long.)
async function gunzip(gzipped) {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  Promise.all([writer.write(gzipped), writer.close()]).catch(() => {});  // the reader sees any error
  const pieces = [];
  let length = 0;
  for (const reader = stream.readable.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    length += value.length;
  }
  const bytes = new Uint8Array(length);
  pieces.reduce((at, piece) => (bytes.set(piece, at), at + piece.length), 0);
  return bytes;
}

// A module instance (the object DigitNet() resolves to) on a compiled module.
// The training worker runs this function too (training.js copies its source).
function instantiateDigitNet(wasmModule) {
  return new Promise((resolve, reject) => {
    DigitNet({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), reject);
        return {};  // the exports arrive through receive
      },
    }).then(resolve, reject);
  });
}
