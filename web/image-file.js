// A digit from an image file (PNG or JPEG, transparency allowed), for the
// drawing pad. The file's header is read first: a file that is not such an
// image, or one too large, is refused before anything is decoded. Its ink is
// then read either way round by the core's rule (readImageInk, polarity.hpp).

const IMAGE_MAX_BYTES = 20e6;
const IMAGE_MAX_SIDE = 4096;
// Pictures are read at most this large (the pad is smaller): less to copy into wasm.
const IMAGE_READ_SIDE = 1024;

// -> an ImageBitmap; throws an Error that says what is wrong with the file.
export async function readImageFile(file) {
  if (file.size > IMAGE_MAX_BYTES) throw new Error(`it is ${(file.size / 1e6).toFixed(0)} MB; images up to ${IMAGE_MAX_BYTES / 1e6} MB can be read`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const size = imageSize(bytes);
  if (!size) throw new Error('it is not a PNG or JPEG image');
  if (size.width > IMAGE_MAX_SIDE || size.height > IMAGE_MAX_SIDE || !size.width || !size.height) {
    throw new Error(`it is ${size.width}x${size.height} pixels; each side may be 1 to ${IMAGE_MAX_SIDE}`);
  }
  try {
    return await createImageBitmap(new Blob([bytes]));
  } catch (_) {
    throw new Error('the image is damaged and cannot be decoded');
  }
}

// The picture read with ink 'auto', 'dark' or 'light' (M: the module instance):
// {picture: a canvas of dark ink on white, as the pad shows drawings;
//  lightInk: true if it was read inverted; reading: how, in words}.
export function inkPicture(M, bitmap, ink) {
  const scale = Math.min(1, IMAGE_READ_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale)), height = Math.max(1, Math.round(bitmap.height * scale));
  const picture = Object.assign(document.createElement('canvas'), { width, height });
  const context = picture.getContext('2d', { willReadFrequently: true });
  context.drawImage(bitmap, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  const { gray, lightInk, reading } = M.readImageInk(new Uint8Array(pixels.data.buffer), width, height, ink);
  for (let i = 0; i < gray.length; i++) pixels.data.set([gray[i], gray[i], gray[i], 255], 4 * i);
  context.putImageData(pixels, 0, 0);
  return { picture, lightInk, reading };
}

// {width, height} from a PNG's IHDR or a JPEG's frame header, or null.
function imageSize(b) {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 24 && png.every((v, i) => b[i] === v)) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  // JPEG: walk the segments to a start-of-frame marker (C0-CF but not C4, C8, CC).
  for (let at = 2; at + 9 <= b.length;) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

// A held-out digit (784 bytes, ink 255 on 0) as a 28x28 canvas of dark ink on
// white, the way a drawing looks.
export function heldOutPicture(image) {
  const canvas = Object.assign(document.createElement('canvas'), { width: 28, height: 28 });
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(28, 28);
  image.forEach((v, i) => pixels.data.set([255 - v, 255 - v, 255 - v, 255], 4 * i));
  context.putImageData(pixels, 0, 0);
  return canvas;
}
