// "Why this digit?": a toggle that lays a map over the 28x28 image the network
// reads, red where a pixel pushed the answer towards the digit read, blue
// where it pushed towards the runner-up, with one sentence saying so.
// The map is Session.explainLastDigit()'s (gradient x input, wasm/README.md).

export class WhyView {
  /** @type {HTMLButtonElement} */ toggle;
  /** @type {HTMLCanvasElement} */ overlay;
  /** @type {HTMLElement} */ sentence;

  // toggle: a button with aria-pressed; overlay: a 28x28 canvas over the image;
  // sentence: a text element; onToggle(on): called after each press.
  constructor({ toggle, overlay, sentence }, onToggle) {
    Object.assign(this, { toggle, overlay, sentence });
    this.context = overlay.getContext('2d');
    this.pixels = this.context.createImageData(28, 28);
    toggle.addEventListener('click', () => {
      const on = !this.on;
      toggle.setAttribute('aria-pressed', String(on));
      overlay.hidden = !on;
      if (!on) this.clear();
      onToggle(on);
    });
  }

  get on() { return this.toggle.getAttribute('aria-pressed') === 'true'; }

  // explanation: {digit, runnerUp, map: 784 floats}. Each pixel's colour is as
  // strong as its value over the largest value's size.
  show({ digit, runnerUp, map }) {
    let largest = 1e-12;
    for (const v of map) largest = Math.max(largest, Math.abs(v));
    const data = this.pixels.data;
    for (let i = 0; i < 784; i++) {
      const t = Math.abs(map[i]) / largest;
      data.set(map[i] >= 0 ? [255, 40, 40] : [40, 110, 255], 4 * i);
      data[4 * i + 3] = Math.round(255 * Math.sqrt(t));  // the square root keeps weaker pixels visible
    }
    this.context.putImageData(this.pixels, 0, 0);
    const text = `Red pixels pushed it towards ${digit}, blue ones towards ${runnerUp}, the runner-up.`;
    if (this.sentence.textContent !== text) this.sentence.textContent = text;
  }

  clear() {
    this.context.clearRect(0, 0, 28, 28);
    if (this.sentence.textContent) this.sentence.textContent = '';
  }
}
