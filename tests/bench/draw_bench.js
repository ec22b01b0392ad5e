'use strict';
// Draw-to-prediction latency as the page has it: the drawing pad's pixels read
// back (getImageData) and handed to Session.predictDrawing, which crops, scales
// and centres them into 28x28 and runs the network.

const PAD_SIDE = 320;  // the page's drawing pad, in pixels, on a laptop screen

function drawnSeven() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = PAD_SIDE;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.fillStyle = '#fff';
  context.fillRect(0, 0, PAD_SIDE, PAD_SIDE);
  context.strokeStyle = '#000';
  context.lineWidth = 0.075 * PAD_SIDE;
  context.lineCap = context.lineJoin = 'round';
  context.beginPath();
  context.moveTo(0.3 * PAD_SIDE, 0.25 * PAD_SIDE);
  context.lineTo(0.7 * PAD_SIDE, 0.25 * PAD_SIDE);
  context.lineTo(0.45 * PAD_SIDE, 0.8 * PAD_SIDE);
  context.stroke();
  return context;
}

// Median milliseconds per reading of the drawing; of digitnet's part alone
// (predictDrawing on pixels already read back); and of the forward pass alone.
async function drawLatency(session) {
  const context = drawnSeven();
  const pixels = () => new Uint8Array(context.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data.buffer);
  const rgba = pixels();
  const { probabilities, image } = session.predictDrawing(rgba, PAD_SIDE, PAD_SIDE);
  const ms = async (f) => 1000 / (await measure.medianRate((n) => { for (let i = 0; i < n; i++) f(); }, { target: 0.1 }));
  return {
    readMs: await ms(() => session.predictDrawing(pixels(), PAD_SIDE, PAD_SIDE)),
    predictMs: await ms(() => session.predictDrawing(rgba, PAD_SIDE, PAD_SIDE)),
    forwardMs: await ms(() => session.predictImage(image)),
    digit: probabilities.indexOf(Math.max(...probabilities)),
  };
}
