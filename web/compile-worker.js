// The short-lived worker that turns the page's gzipped base64 text into a
// compiled WebAssembly module (see wasm-module.js): it gets the text and
// answers {module} or {error}.
import { fromBase64, gunzip } from './inflate.js';

self.onmessage = ({ data }) => gunzip(fromBase64(data.trim())).then((bytes) => WebAssembly.compile(bytes))
  .then((module) => postMessage({ module }), (error) => postMessage({ error: String(error) }));
