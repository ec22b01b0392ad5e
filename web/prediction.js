// The network's answer for the drawing: the digit, ten probability bars and
// the 28x28 image it read. A screen reader hears the answer once each time
// the digit changes, not at every stroke.

export class PredictionView {
  /** @type {HTMLElement} */ digit;
  /** @type {HTMLElement} */ confidence;
  /** @type {HTMLElement} */ note;
  /** @type {HTMLElement} */ announce;

  // digit, confidence, note: text elements; announce: a polite live region;
  // bars: the bars' container; seen: a 28x28 canvas.
  constructor({ digit, confidence, note, announce, bars, seen }) {
    Object.assign(this, { digit, confidence, note, announce });
    this.seen = seen.getContext('2d');
    this.shown = null;        // the digit shown, or null
    this.untrained = false;   // the network has not been trained: its answers are guesses
    this.bars = Array.from({ length: 10 }, (_, d) => {
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.innerHTML = `<span class="bar-value" data-testid="prob-${d}">0.0%</span>` +
        `<span class="bar-track"><span class="bar-fill"></span></span><span class="bar-digit">${d}</span>`;
      bars.append(bar);
      return { bar, value: bar.firstChild, fill: /** @type {HTMLElement} */ (bar.querySelector('.bar-fill')) };
    });
  }

  // probabilities: 10 numbers summing to 1; image: 784 bytes, ink 255.
  show(probabilities, image) {
    let best = 0;
    for (let d = 1; d < 10; d++) if (probabilities[d] > probabilities[best]) best = d;
    this.setDigit(best);
    this.confidence.textContent = `${percent(probabilities[best])} sure`;
    this.note.textContent = this.untrained ? 'Untrained: only a guess' : '';
    this.digit.classList.toggle('untrained', this.untrained);
    this.bars.forEach(({ bar, value, fill }, d) => {
      value.textContent = percent(probabilities[d]);
      fill.style.height = `${(probabilities[d] * 100).toFixed(1)}%`;
      bar.classList.toggle('top', d === best);
    });
    paintDigit(this.seen, image);
  }

  clear() {
    this.setDigit(null);
    this.confidence.textContent = 'Draw a digit';
    this.note.textContent = '';
    this.bars.forEach(({ bar, value, fill }) => {
      value.textContent = percent(0);
      fill.style.height = '0';
      bar.classList.remove('top');
    });
    this.seen.clearRect(0, 0, 28, 28);
  }

  setDigit(digit) {
    if (digit === this.shown) return;
    this.shown = digit;
    this.digit.textContent = digit === null ? '–' : String(digit);
    this.digit.classList.toggle('empty', digit === null);
    this.announce.textContent = digit === null ? '' : `The network reads ${digit}${this.untrained ? ' (untrained, a guess)' : ''}.`;
  }
}

// 0.9731 -> "97.3%", 0.99996 -> "100%"
export function percent(p) {
  return p >= 0.9995 ? '100%' : `${(p * 100).toFixed(1)}%`;
}

// Paints a 28x28 image (784 bytes, ink 255) as white ink on black, the way the network reads it.
export function paintDigit(context, image) {
  const pixels = context.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = image[i];
    pixels.data.set([v, v, v, 255], 4 * i);
  }
  context.putImageData(pixels, 0, 0);
}
