// A small line chart on a canvas: epochs of training along x, one line per
// series. Points are added as training runs; drawing waits for the next
// animation frame, so many points in a row cost one redraw.

export class LineChart {
  // series: [{ color: name of a CSS colour variable }]; format(y) labels the
  // y axis; min and max, when given, fix that end of the y axis.
  /** @param {HTMLCanvasElement} canvas @param {{series: {color: string}[], format: (y: number) => string, min?: number, max?: number}} options */
  constructor(canvas, { series, format, min, max }) {
    this.canvas = canvas;
    this.series = series.map((s) => ({ ...s, points: [] }));
    this.format = format;
    this.min = min;
    this.max = max;
    this.epochs = 1;
    this.pending = false;
    new ResizeObserver(() => this.redraw()).observe(canvas);
  }

  add(seriesIndex, x, y) {
    if (Number.isFinite(y)) this.series[seriesIndex].points.push([x, y]);
    this.redraw();
  }

  // Empties the chart for a run of `epochs` epochs.
  reset(epochs) {
    for (const s of this.series) s.points = [];
    this.epochs = epochs;
    this.redraw();
  }

  redraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const { canvas } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (!width || !height) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    const style = getComputedStyle(canvas);
    const color = (name) => style.getPropertyValue(name).trim();

    const all = this.series.flatMap((s) => s.points);
    const ys = all.map((p) => p[1]);
    const xAxis = axis(0, Math.max(this.epochs, ...all.map((p) => p[0])));
    const yLow = this.min ?? (ys.length ? Math.min(...ys) : 0);
    const yAxis = axis(yLow, Math.max(this.max ?? (ys.length ? Math.max(...ys) : 1), yLow + 1e-3));

    const left = 42, right = 10, top = 8, bottom = 20;
    const px = (x) => left + ((x - xAxis.low) / (xAxis.high - xAxis.low)) * (width - left - right);
    const py = (y) => top + (1 - (y - yAxis.low) / (yAxis.high - yAxis.low)) * (height - top - bottom);

    g.font = '11px system-ui, sans-serif';
    g.fillStyle = color('--muted');
    g.strokeStyle = color('--line');
    g.lineWidth = 1;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const y of yAxis.ticks) {
      const at = Math.round(py(y)) + 0.5;
      g.beginPath(); g.moveTo(left, at); g.lineTo(width - right, at); g.stroke();
      g.fillText(this.format(y), left - 6, at);
    }
    // x labels centred on their ticks and kept inside the canvas; the last one
    // ("10 epochs") always shows, others are left out where they would touch.
    g.textBaseline = 'top';
    g.textAlign = 'left';
    const labels = xAxis.ticks.map((x, i) => {
      const text = i === xAxis.ticks.length - 1 ? `${x} epochs` : String(x);
      const w = g.measureText(text).width;
      return { text, w, at: Math.min(Math.max(px(x) - w / 2, 0), width - w) };
    });
    const end = labels[labels.length - 1];
    let free = 0;
    for (const label of labels) {
      if (label !== end && (label.at < free || label.at + label.w + 8 > end.at)) continue;
      g.fillText(label.text, label.at, height - bottom + 5);
      free = label.at + label.w + 8;
    }

    g.save();
    g.beginPath(); g.rect(left, top - 3, width - left - right + 3, height - top - bottom + 6); g.clip();
    g.lineWidth = 2;
    g.lineJoin = 'round';
    for (const s of this.series) {
      if (!s.points.length) continue;
      g.strokeStyle = g.fillStyle = color(s.color);
      g.beginPath();
      s.points.forEach(([x, y], i) => (i ? g.lineTo(px(x), py(y)) : g.moveTo(px(x), py(y))));
      g.stroke();
      const [x, y] = s.points[s.points.length - 1];
      g.beginPath(); g.arc(px(x), py(y), 2.5, 0, 2 * Math.PI); g.fill();
    }
    g.restore();
  }
}

// Round ends and about four steps of 1, 2, 2.5 or 5 times a power of ten covering low..high.
function axis(low, high) {
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough * 0.999);
  const first = Math.floor(low / step + 1e-9), last = Math.ceil(high / step - 1e-9);
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(+(i * step).toPrecision(12));  // 0.3, not 0.30000000000000004
  return { low: first * step, high: last * step, step, ticks };
}
