// The drawing pad: dark, thick, round strokes on white paper, from a mouse, a pen
// or a finger. Strokes are kept in units of the pad's width (0..1), so a resized
// pad redraws them sharply and the brush keeps its size relative to the digit.
// One pointer draws one stroke: a second finger that touches the pad while a
// stroke is under way is ignored. An image (a file, a held-out digit) can be
// put on the pad instead of drawing; strokes drawn then go on top of it.

// Brush diameter as a fraction of the pad width: a digit drawn over most of the
// pad then has strokes about as thick, relative to its size, as MNIST's.
const BRUSH = 0.075;

export class DrawingPad {
  // onChange() is called after every change of the ink (as often as pointer events come).
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d', { willReadFrequently: true });
    this.onChange = onChange;
    this.strokes = [];
    this.image = null;     // an ImageBitmap or canvas under the strokes
    this.current = null;   // the stroke being drawn
    this.pointer = null;   // the id of the pointer drawing it
    this.inked = null;     // {x0, y0, x1, y1}: canvas pixels that hold all the ink, or null

    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', (e) => this.up(e));
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  get hasInk() { return this.strokes.length > 0 || this.image !== null; }

  clear() {
    this.strokes = [];
    this.image = null;
    this.current = this.pointer = null;
    this.repaint();
    this.onChange();
  }

  // Puts a picture on the pad in place of the drawing, fitted into it.
  showImage(image) {
    this.strokes = [];
    this.image = image;
    this.current = this.pointer = null;
    this.repaint();
    this.onChange();
  }

  // The pixels as the network's preprocessing wants them: RGBA, dark ink on
  // white. Only the part of the pad that holds ink is read back (reading the
  // whole pad takes longer than the network): the preprocessing crops to the
  // ink and places it by its centre of mass, so the white around it changes nothing.
  pixels() {
    const box = this.inked || { x0: 0, y0: 0, x1: this.canvas.width, y1: this.canvas.height };
    const width = box.x1 - box.x0, height = box.y1 - box.y0;
    const data = this.context.getImageData(box.x0, box.y0, width, height).data;
    return { rgba: new Uint8Array(data.buffer), width, height };
  }

  // Grows the inked box by a rectangle of canvas pixels (clipped to the pad,
  // with a pixel to spare for anti-aliasing).
  addInk(x0, y0, x1, y1) {
    const side = this.canvas.width;
    const box = {
      x0: Math.max(0, Math.floor(x0) - 1), y0: Math.max(0, Math.floor(y0) - 1),
      x1: Math.min(side, Math.ceil(x1) + 1), y1: Math.min(side, Math.ceil(y1) + 1),
    };
    if (box.x1 <= box.x0 || box.y1 <= box.y0) return;
    const old = this.inked;
    this.inked = old ? {
      x0: Math.min(old.x0, box.x0), y0: Math.min(old.y0, box.y0),
      x1: Math.max(old.x1, box.x1), y1: Math.max(old.y1, box.y1),
    } : box;
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
    if ((e.pointerType === 'mouse' && e.button !== 0) || this.current) return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.pointer = e.pointerId;
    this.current = [this.point(e)];
    this.strokes.push(this.current);
    this.paintSegment(this.current, -1);
    this.onChange();
  }

  up(e) {
    if (e.pointerId === this.pointer) this.current = this.pointer = null;
  }

  move(e) {
    if (!this.current || e.pointerId !== this.pointer) return;
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
    this.inked = null;
    if (this.image) {
      const side = canvas.width;
      const scale = side / Math.max(this.image.width, this.image.height);
      const w = this.image.width * scale, h = this.image.height * scale;
      context.imageSmoothingQuality = 'high';
      context.drawImage(this.image, (side - w) / 2, (side - h) / 2, w, h);
      this.addInk((side - w) / 2, (side - h) / 2, (side + w) / 2, (side + h) / 2);
    }
    for (const stroke of this.strokes) {
      for (let i = 0; i < stroke.length; i++) this.paintSegment(stroke, i - 1);
    }
  }

  // Paints the segment from stroke[i] to stroke[i + 1], or a dot for i < 0.
  paintSegment(stroke, i) {
    const { context, canvas } = this;
    const scale = canvas.width;
    const [x0, y0] = stroke[Math.max(i, 0)];
    const [x1, y1] = i < 0 ? [x0, y0] : stroke[i + 1];
    const radius = (BRUSH * scale) / 2;
    this.addInk(Math.min(x0, x1) * scale - radius, Math.min(y0, y1) * scale - radius,
      Math.max(x0, x1) * scale + radius, Math.max(y0, y1) * scale + radius);
    context.fillStyle = context.strokeStyle = '#111';
    context.lineWidth = BRUSH * scale;
    context.lineCap = 'round';
    context.beginPath();
    if (i < 0) {
      context.arc(x0 * scale, y0 * scale, radius, 0, 2 * Math.PI);
      context.fill();
    } else {
      context.moveTo(x0 * scale, y0 * scale);
      context.lineTo(x1 * scale, y1 * scale);
      context.stroke();
    }
  }
}
