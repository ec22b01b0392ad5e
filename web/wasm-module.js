// The WebAssembly binary is built into the page once, gzipped, as base64 text
// in <script type="application/gzip" id="digitnet-wasm"> (which no JS engine
// parses). A short-lived worker (compile-worker.js) decodes, inflates and
// compiles it, so that the page's own thread is free to lay the page out
// meanwhile; the compiled module then serves the page and the training worker,
// so nothing is decoded or compiled twice.
import compileWorkerSource from 'worker:./compile-worker.js';

/** @typedef {import('digitnet-module').DigitNetFactory} DigitNetFactory */

// The compiled module: a promise of a WebAssembly.Module.
/** @returns {Promise<WebAssembly.Module>} */
export function compileDigitNet() {
  const url = URL.createObjectURL(new Blob([compileWorkerSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      if (data.module) resolve(data.module);
      else reject(new Error(`the WebAssembly module could not be compiled: ${data.error}`));
    };
    worker.postMessage(/** @type {HTMLElement} */ (document.getElementById('digitnet-wasm')).textContent);
  });
}

// A module instance (the object the factory, DigitNet(), resolves to) on a
// compiled module. The training worker runs this function too, with the
// factory the page hands it (training.js).
/** @param {DigitNetFactory} DigitNet @param {WebAssembly.Module} wasmModule @returns {Promise<any>} */
export function instantiateDigitNet(DigitNet, wasmModule) {
  return new Promise((resolve, reject) => {
    DigitNet({
      /** @param {WebAssembly.Imports} imports @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receive */
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), reject);
        return {};  // the exports arrive through receive
      },
    }).then(resolve, reject);
  });
}
