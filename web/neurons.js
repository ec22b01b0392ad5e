'use strict';
// What the first layer's neurons look for: each neuron's 784 input weights
// drawn as a 28x28 picture, red where ink makes the neuron fire more, blue
// where ink holds it back.

class NeuronView {
  constructor(container, count = 16) {
    this.tiles = Array.from({ length: count }, () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 28, height: 28 });
      container.append(canvas);
      return canvas.getContext('2d');
    });
  }

  // params: all of the network's parameters, starting with the first layer's
  // weights, `units` rows of 784 (see native/digitnet/network.hpp).
  update(params, units) {
    this.tiles.forEach((context, n) => {
      context.canvas.hidden = n >= units;
      if (n >= units) return;
      const weights = params.subarray(n * 784, (n + 1) * 784);
      let largest = 1e-12;
      for (const w of weights) largest = Math.max(largest, Math.abs(w));
      const pixels = context.createImageData(28, 28);
      weights.forEach((w, i) => {
        const t = Math.min(1, Math.abs(w) / largest);
        const [r, g, b] = w > 0 ? [255, 255 - 200 * t, 255 - 220 * t] : [255 - 220 * t, 255 - 150 * t, 255];
        pixels.data.set([r, g, b, 255], 4 * i);
      });
      context.putImageData(pixels, 0, 0);
    });
  }
}
