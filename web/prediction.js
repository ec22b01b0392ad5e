'use strict';
// The network's answer for the drawing: the digit, ten probability bars and
// the 28x28 image it read.

class PredictionView {
  constructor({ digit, confidence, bars, seen }) {
    this.digit = digit;
    this.confidence = confidence;
    this.seen = seen.getContext('2d');
    this.bars = Array.from({ length: 10 }, (_, d) => {
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.innerHTML = `<span class="bar-value" data-testid="prob-${d}">0.0%</span>` +
        `<span class="bar-track"><span class="bar-fill"></span></span><span class="bar-digit">${d}</span>`;
      bars.append(bar);
      return { bar, value: bar.firstChild, fill: bar.querySelector('.bar-fill') };
    });
  }

  // probabilities: 10 numbers summing to 1; image: 784 bytes, ink 255.
  show(probabilities, image) {
    let best = 0;
    for (let d = 1; d < 10; d++) if (probabilities[d] > probabilities[best]) best = d;
    this.digit.textContent = String(best);
    this.digit.classList.remove('empty');
    this.confidence.textContent = `${percent(probabilities[best])} sure`;
    this.bars.forEach(({ bar, value, fill }, d) => {
      value.textContent = percent(probabilities[d]);
      fill.style.height = `${(probabilities[d] * 100).toFixed(1)}%`;
      bar.classList.toggle('top', d === best);
    });
    paintDigit(this.seen, image);
  }

  clear() {
    this.digit.textContent = '–';
    this.digit.classList.add('empty');
    this.confidence.textContent = 'Draw a digit';
    this.bars.forEach(({ bar, value, fill }) => {
      value.textContent = percent(0);
      fill.style.height = '0';
      bar.classList.remove('top');
    });
    this.seen.clearRect(0, 0, 28, 28);
  }
}

// 0.9731 -> "97.3%", 0.99996 -> "100%"
function percent(p) {
  return p >= 0.9995 ? '100%' : `${(p * 100).toFixed(1)}%`;
}

// Paints a 28x28 image (784 bytes, ink 255) as white ink on black, the way the network reads it.
function paintDigit(context, image) {
  const pixels = context.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = image[i];
    pixels.data.set([v, v, v, 255], 4 * i);
  }
  context.putImageData(pixels, 0, 0);
}
