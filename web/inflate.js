// The WebAssembly binary as the page holds it: gzipped, as base64 text.
// These turn it back into bytes (compile-worker.js runs them).

// Base64 text as bytes (a data: URL fetch takes 20 times as long).
/** @param {string} text @returns {Uint8Array<ArrayBuffer>} */
export function fromBase64(text) {
  // @ts-ignore: Uint8Array.fromBase64 is newer than the type definitions
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A promise of the bytes inflated. (Written to the stream in one piece and
// read back piece by piece: through a Blob's stream and a Response, inflating
// takes 4 times as long.)
/** @param {Uint8Array<ArrayBuffer>} gzipped @returns {Promise<Uint8Array<ArrayBuffer>>} */
export async function gunzip(gzipped) {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  Promise.all([writer.write(gzipped), writer.close()]).catch(() => {});  // the reader sees any error
  /** @type {Uint8Array[]} */
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
