'use strict';
// Digits as a person draws them with a mouse: strokes of closely spaced points,
// in units of the drawing canvas (x to the right, y down, 0..1), drawn in the
// order and direction people usually use.

// Distance between points: about 6 px on a 320 px canvas, as a mouse moved at a
// steady pace reports them (a digit then takes about a second to draw).
const STEP = 0.02;

// The straight path through the corners, with a point every STEP.
function line(...corners) {
  const points = [corners[0]];
  for (let i = 1; i < corners.length; i++) {
    const [x0, y0] = corners[i - 1], [x1, y1] = corners[i];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / STEP));
    for (let k = 1; k <= n; k++) points.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return points;
}

// An elliptic arc around (cx, cy) from angle `from` to `to`, in degrees: 0 points
// right, 90 down (the screen's y), so growing angles turn clockwise on screen.
function arc(cx, cy, rx, ry, from, to) {
  const n = Math.max(2, Math.ceil(((Math.abs(to - from) * Math.PI) / 180) * Math.max(rx, ry) / STEP));
  return Array.from({ length: n + 1 }, (_, k) => {
    const a = ((from + ((to - from) * k) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}

// One stroke made of pieces drawn one after the other without lifting the pen.
const joined = (...pieces) => pieces.flat();

// A named way of drawing each digit; some digits are drawn in two common ways.
const DIGITS = [
  { digit: 0, name: 'oval, anticlockwise from the top', strokes: [arc(0.5, 0.5, 0.19, 0.3, -80, -440)] },
  { digit: 1, name: 'vertical line', strokes: [line([0.51, 0.2], [0.49, 0.8])] },
  { digit: 1, name: 'with a flag', strokes: [line([0.4, 0.3], [0.54, 0.19], [0.52, 0.8])] },
  { digit: 2, name: 'hook, diagonal, base', strokes: [joined(arc(0.5, 0.36, 0.18, 0.16, 200, 380), line([0.66, 0.42], [0.3, 0.8], [0.73, 0.8]))] },
  { digit: 3, name: 'two bumps', strokes: [joined(arc(0.48, 0.34, 0.17, 0.14, 210, 450), arc(0.48, 0.64, 0.2, 0.16, -90, 150))] },
  { digit: 4, name: 'closed, two strokes', strokes: [line([0.58, 0.2], [0.3, 0.6], [0.75, 0.6]), line([0.63, 0.36], [0.63, 0.82])] },
  { digit: 4, name: 'open, two strokes', strokes: [line([0.33, 0.2], [0.31, 0.56], [0.74, 0.56]), line([0.64, 0.2], [0.64, 0.82])] },
  { digit: 5, name: 'stem and bowl, then the top bar', strokes: [joined(line([0.37, 0.2], [0.35, 0.47]), arc(0.5, 0.62, 0.19, 0.17, 230, 495)), line([0.37, 0.2], [0.68, 0.2])] },
  { digit: 6, name: 'curve down into a loop', strokes: [joined(line([0.64, 0.18], [0.48, 0.28], [0.37, 0.42], [0.32, 0.64]), arc(0.5, 0.64, 0.18, 0.16, 180, -180))] },
  { digit: 7, name: 'top bar and diagonal', strokes: [line([0.28, 0.21], [0.72, 0.21], [0.42, 0.82])] },
  { digit: 7, name: 'with a cross bar', strokes: [line([0.28, 0.21], [0.72, 0.21], [0.42, 0.82]), line([0.4, 0.52], [0.68, 0.52])] },
  { digit: 8, name: 'two loops', strokes: [arc(0.5, 0.33, 0.15, 0.13, -90, 270), arc(0.5, 0.64, 0.18, 0.17, -90, 270)] },
  { digit: 8, name: 'one stroke', strokes: [Array.from({ length: 65 }, (_, k) => {
    const t = (2 * Math.PI * k) / 64;
    return [0.5 - 0.17 * Math.sin(2 * t), 0.5 - 0.3 * Math.cos(t)];
  })] },
  { digit: 9, name: 'loop and curved stem', strokes: [joined(arc(0.48, 0.35, 0.16, 0.14, 0, -360), line([0.64, 0.35], [0.62, 0.6], [0.56, 0.82]))] },
  { digit: 9, name: 'loop and straight stem', strokes: [joined(arc(0.48, 0.35, 0.16, 0.14, 10, -350), line([0.64, 0.33], [0.64, 0.82]))] },
];

// The strokes changed as a person's hand changes them, about the pad's centre:
// scale (1: as drawn), slant (x moves right by slant x the height above the
// centre), angle (degrees, clockwise on screen), then moved by (dx, dy).
function transformed(strokes, { scale = 1, slant = 0, angle = 0, dx = 0, dy = 0 }) {
  const a = (angle * Math.PI) / 180;
  return strokes.map((stroke) => stroke.map(([x, y]) => {
    const sx = (x - 0.5) * scale + slant * (0.5 - y) * scale, sy = (y - 0.5) * scale;
    return [0.5 + dx + sx * Math.cos(a) - sy * Math.sin(a), 0.5 + dy + sx * Math.sin(a) + sy * Math.cos(a)];
  }));
}

// Ways a digit is drawn away from the middle of the pad, as people do: small,
// off-centre, slanted, turned up to 25 degrees either way.
const VARIATIONS = [
  { name: 'small', change: { scale: 0.45 } },
  { name: 'small in the top-left corner', change: { scale: 0.5, dx: -0.22, dy: -0.22 } },
  { name: 'off-centre to the bottom right', change: { scale: 0.7, dx: 0.14, dy: 0.13 } },
  { name: 'slanted right', change: { slant: 0.35 } },
  { name: 'turned 25 degrees clockwise', change: { angle: 25, scale: 0.85 } },
  { name: 'turned 25 degrees anticlockwise', change: { angle: -25, scale: 0.85 } },
];

module.exports = { DIGITS, VARIATIONS, transformed };
