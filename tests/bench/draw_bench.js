'use strict';
// Draw-to-prediction latency as the page has it: the part of the drawing pad
// that holds ink read back (getImageData: the page's pad keeps the box its
// strokes covered) and handed to Session.predictDrawing, which crops, scales
// and centres it into 28x28 and runs the network.

const PAD_SIDE = 320;  // the page's drawing pad, in pixels, on a laptop screen
const BRUSH = 0.075;   // the brush's width, as a fraction of the pad's (web/draw.js)
// The seven's corners, in units of the pad, and the box of pixels its ink covers.
const SEVEN = [[0.3, 0.25], [0.7, 0.25], [0.45, 0.8]];
const INKED = (() => {
  const r = (BRUSH * PAD_SIDE) / 2 + 1;  // the brush's radius, and a pixel for anti-aliasing
  const xs = SEVEN.map(([x]) => x * PAD_SIDE), ys = SEVEN.map(([, y]) => y * PAD_SIDE);
  const x = Math.floor(Math.min(...xs) - r), y = Math.floor(Math.min(...ys) - r);
  return { x, y, width: Math.ceil(Math.max(...xs) + r) - x, height: Math.ceil(Math.max(...ys) + r) - y };
})();

function drawnSeven() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = PAD_SIDE;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.fillStyle = '#fff';
  context.fillRect(0, 0, PAD_SIDE, PAD_SIDE);
  context.strokeStyle = '#000';
  context.lineWidth = BRUSH * PAD_SIDE;
  context.lineCap = context.lineJoin = 'round';
  context.beginPath();
  SEVEN.forEach(([x, y], i) => context[i ? 'lineTo' : 'moveTo'](x * PAD_SIDE, y * PAD_SIDE));
  context.stroke();
  return context;
}

// Median milliseconds per reading of the drawing; of digitnet's part alone
// (predictDrawing on pixels already read back); and of the forward pass alone.
async function drawLatency(session) {
  const context = drawnSeven();
  const { x, y, width, height } = INKED;
  const pixels = () => new Uint8Array(context.getImageData(x, y, width, height).data.buffer);
  const rgba = pixels();
  const { probabilities, image } = session.predictDrawing(rgba, width, height);
  const ms = async (f) => 1000 / (await measure.medianRate((n) => { for (let i = 0; i < n; i++) f(); }, { target: 0.1 }));
  return {
    readMs: await ms(() => session.predictDrawing(pixels(), width, height)),
    predictMs: await ms(() => session.predictDrawing(rgba, width, height)),
    forwardMs: await ms(() => session.predictImage(image)),
    digit: probabilities.indexOf(Math.max(...probabilities)),
  };
}
