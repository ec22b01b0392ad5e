// Modules the page's scripts import that web/build.js provides when it bundles them.

// The module factory of the WebAssembly build (build-wasm/wasm/digitnet.js,
// Emscripten's MODULARIZE output): DigitNet(options) resolves to a module
// instance, whose Embind classes and functions wasm/README.md lists.
declare module 'digitnet-module' {
  export type DigitNetFactory = (options?: object) => Promise<any>;
  const DigitNet: DigitNetFactory;
  export default DigitNet;
}

// 'worker:./file.js': the bundle of that file, as the text of a classic
// script, for a worker made from a Blob (a page opened from file:// may not
// start a worker from a script URL).
declare module 'worker:*' {
  const source: string;
  export default source;
}
