// What the first layer looks for: its weights drawn as pictures, red where
// ink makes a unit fire more, blue where ink holds it back. A dense first
// layer has a 28x28 picture per neuron (its 784 input weights); a conv first
// layer has a KxK picture per filter (the weights it slides over the image).

export class NeuronView {
  /** @type {HTMLElement} */ container;
  /** @type {HTMLElement} */ caption;
  /** @type {number} */ count;

  // container: where the pictures go; caption: the text under them.
  constructor(container, caption, count = 16) {
    Object.assign(this, { container, caption, count });
  }

  // params: all of the network's parameters, starting with the first layer's
  // weights (units x fan_in, see native/digitnet/network.hpp); architecture:
  // Session.architecture(). A first conv layer's fan_in is KxKxC (ky, kx, c):
  // pictures of channel 0.
  update(params, { input, layers: [first] }) {
    const conv = first.kind === 'conv';
    if (!conv && (first.kind !== 'dense' || input.channels !== 1)) {
      this.container.replaceChildren();
      this.caption.textContent = '';
      return;
    }
    const side = conv ? first.kernel : input.width;
    const fanIn = first.fanIn;  // the first layer's weights: units x fanIn
    const count = Math.min(first.units, conv ? 2 * this.count : this.count);
    if (this.container.children.length !== count || this.side !== side) {
      this.side = side;
      this.container.replaceChildren(...Array.from({ length: count },
        () => Object.assign(document.createElement('canvas'), { width: side, height: side })));
    }
    this.container.classList.toggle('filters', conv);
    this.caption.textContent = first.weightsAbout;
    [...this.container.children].forEach((/** @type {HTMLCanvasElement} */ canvas, n) => {
      const weights = params.subarray(n * fanIn, (n + 1) * fanIn);
      let largest = 1e-12;
      for (const w of weights) largest = Math.max(largest, Math.abs(w));
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(side, side);
      for (let i = 0; i < side * side; i++) {
        const w = weights[i * (conv ? input.channels : 1)];
        const t = Math.min(1, Math.abs(w) / largest);
        const [r, g, b] = w > 0 ? [255, 255 - 200 * t, 255 - 220 * t] : [255 - 220 * t, 255 - 150 * t, 255];
        pixels.data.set([r, g, b, 255], 4 * i);
      }
      context.putImageData(pixels, 0, 0);
    });
  }
}
