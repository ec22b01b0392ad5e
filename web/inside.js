// Inside the network: every layer's output for the digit on the pad, from the
// 28x28 input to the ten outputs. Conv and pool layers give feature maps,
// drawn as small images side by side; dense layers give a row of units, drawn
// as a strip of cells. Each layer is one canvas, painted with one ImageData.

// The captions of the input and the output; every other layer's caption and
// name come from the module's architecture() (each kind says what it does).
const LAYER_ABOUT = {
  input: 'The 28×28 image the network reads.',
  output: 'Ten units, one per digit: softmax turns them into the probabilities in the bars.',
};

export class InsideView {
  constructor(container) {
    this.container = container;
    this.layers = [];  // [{canvas, context, shape, columns}]
  }

  // Builds one view per layer of the architecture (Session.architecture()).
  show(architecture) {
    this.container.replaceChildren();
    const last = architecture.layers.length - 1;
    const views = [{ title: 'Input', about: LAYER_ABOUT.input, shape: architecture.input }];
    architecture.layers.forEach((layer, l) => {
      const about = l === last ? LAYER_ABOUT.output : layer.about;
      const name = l === last ? 'Output' : `${layer.name} ${layer.item}`;
      views.push({ title: name, about, shape: layer.output });
    });
    this.layers = views.map(({ title, about, shape }, i) => {
      const figure = Object.assign(document.createElement('figure'), { className: 'layer' });
      figure.dataset.testid = `layer-${i}`;
      const heading = Object.assign(document.createElement('figcaption'), { className: 'layer-title' });
      heading.append(Object.assign(document.createElement('strong'), { textContent: title }),
        ` ${shapeText(shape)}`);
      const [columns, rows, tile] = tiling(shape);
      const canvas = Object.assign(document.createElement('canvas'), {
        width: columns * (tile.width + tile.gap) - tile.gap, height: rows * (tile.height + 1) - 1,
      });
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${title}: ${shapeText(shape)}`);
      canvas.style.setProperty('--pixels', String(canvas.width));
      canvas.classList.toggle('units', tile.gap === 0);
      const caption = Object.assign(document.createElement('p'), { className: 'layer-about', textContent: about });
      figure.append(heading, canvas, caption);
      this.container.append(figure);
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(canvas.width, canvas.height);
      return { canvas, context, pixels, rgba: new Uint32Array(pixels.data.buffer), cells: cellOffsets(shape, columns, tile, canvas.width), tile };
    });
  }

  // image: the 784 bytes the network read; outputs: Session.layerOutputs().
  update(image, outputs) {
    this.paint(this.layers[0], Float32Array.from(image, (v) => v / 255));
    outputs.forEach(({ values }, l) => this.paint(this.layers[l + 1], values));
  }

  clear() {
    for (const { context, canvas } of this.layers) context.clearRect(0, 0, canvas.width, canvas.height);
  }

  // Paints one layer's values (HWC) as its tiles: one per channel of a map, one
  // cell per unit of a vector. Brightness is the value over the layer's largest.
  paint({ context, canvas, pixels, rgba, cells, tile }, values) {
    let largest = 1e-6;
    for (const v of values) largest = Math.max(largest, Math.abs(v));
    const rows = tile.gap ? 1 : tile.height;  // a unit's cell is tile.height pixels high
    for (let i = 0; i < values.length; i++) {
      const t = Math.min(1, Math.abs(values[i]) / largest);
      // Bright ink for positive values, as the digit is drawn; blue for negative ones (RGBA bytes, little-endian).
      const color = values[i] >= 0 ? 0xff000000 | (Math.round(255 * t) * 0x010101)
        : 0xff000000 | (Math.round(255 * t) << 16) | (Math.round(110 * t) << 8) | Math.round(60 * t);
      for (let row = 0; row < rows; row++) rgba[cells[i] + row * canvas.width] = color;
    }
    context.putImageData(pixels, 0, 0);
  }
}

// Where each value of a layer (HWC) goes on its canvas: the index of its pixel
// (of a unit's cell, its top one), with a tile per channel of a map and a cell per unit.
function cellOffsets({ channels, height, width }, columns, tile, canvasWidth) {
  const maps = height * width > 1;
  return Int32Array.from({ length: channels * height * width }, (_, i) => {
    const c = maps ? i % channels : i;
    const pixel = maps ? Math.floor(i / channels) : 0;
    const x = (c % columns) * (tile.width + tile.gap) + (pixel % tile.width);
    const y = Math.floor(c / columns) * (tile.height + 1) + Math.floor(pixel / tile.width);
    return y * canvasWidth + x;
  });
}

// {channels: 16, height: 12, width: 12} -> "16 maps of 12×12"; a vector -> "128 units"
function shapeText({ channels, height, width }) {
  if (height * width === 1) return `${channels} units`;
  return channels === 1 ? `${height}×${width}` : `${channels} maps of ${height}×${width}`;
}

// How a layer's tiles are laid out: [columns, rows, tile {width, height, gap}].
// Maps: a pixel apart, the channels halved into rows until a row is at most
// 200 pixels wide; units: cells 1 pixel wide and 2 high, side by side, in rows of up to 64.
function tiling({ channels, height, width }) {
  const units = height * width === 1;
  const tile = units ? { width: 1, height: 2, gap: 0 } : { width, height, gap: 1 };
  let columns = channels;
  while (columns > 1 && columns * (tile.width + tile.gap) > (units ? 64 : 200)) columns = Math.ceil(columns / 2);
  return [columns, Math.ceil(channels / columns), tile];
}
