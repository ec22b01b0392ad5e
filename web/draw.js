'use strict';
// The drawing pad: dark, thick, round strokes on white paper, from a mouse, a pen
// or a finger. Strokes are kept in units of the pad's width (0..1), so a resized
// pad redraws them sharply and the brush keeps its size relative to the digit.

// Brush diameter as a fraction of the pad width: a digit drawn over most of the
// pad then has strokes about as thick, relative to its size, as MNIST's.
const BRUSH = 0.075;

class DrawingPad {
  // onChange() is called after every change of the ink (as often as pointer events come).
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d', { willReadFrequently: true });
    this.onChange = onChange;
    this.strokes = [];
    this.current = null;

    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', () => { this.current = null; });
    canvas.addEventListener('pointercancel', () => { this.current = null; });
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  get hasInk() { return this.strokes.length > 0; }

  clear() {
    this.strokes = [];
    this.current = null;
    this.repaint();
    this.onChange();
  }

  // The pixels as the network's preprocessing wants them: RGBA, dark ink on white.
  pixels() {
    const { width, height } = this.canvas;
    return { rgba: new Uint8Array(this.context.getImageData(0, 0, width, height).data.buffer), width, height };
  }

  resize() {
    const side = Math.round(this.canvas.clientWidth * (window.devicePixelRatio || 1));
    if (side > 0 && side !== this.canvas.width) {
      this.canvas.width = this.canvas.height = side;
      this.repaint();
    }
  }

  point(e) {
    const box = this.canvas.getBoundingClientRect();
    return [(e.clientX - box.left) / box.width, (e.clientY - box.top) / box.width];
  }

  down(e) {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.current = [this.point(e)];
    this.strokes.push(this.current);
    this.paintSegment(this.current, -1);
    this.onChange();
  }

  move(e) {
    if (!this.current) return;
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
    for (const event of events.length ? events : [e]) {
      this.current.push(this.point(event));
      this.paintSegment(this.current, this.current.length - 2);
    }
    this.onChange();
  }

  repaint() {
    const { context, canvas } = this;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const stroke of this.strokes) {
      for (let i = 0; i < stroke.length; i++) this.paintSegment(stroke, i - 1);
    }
  }

  // Paints the segment from stroke[i] to stroke[i + 1], or a dot for i < 0.
  paintSegment(stroke, i) {
    const { context, canvas } = this;
    const scale = canvas.width;
    const [x0, y0] = stroke[Math.max(i, 0)];
    context.fillStyle = context.strokeStyle = '#111';
    context.lineWidth = BRUSH * scale;
    context.lineCap = 'round';
    context.beginPath();
    if (i < 0) {
      context.arc(x0 * scale, y0 * scale, (BRUSH * scale) / 2, 0, 2 * Math.PI);
      context.fill();
    } else {
      const [x1, y1] = stroke[i + 1];
      context.moveTo(x0 * scale, y0 * scale);
      context.lineTo(x1 * scale, y1 * scale);
      context.stroke();
    }
  }
}
