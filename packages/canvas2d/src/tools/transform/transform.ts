/**
 * Move, resize and rotate math for the select tool, pure and headless. Rectangles carry a
 * rotation about their centre, so resizing works in the rectangle's own (unrotated) frame: the
 * pointer is rotated back about the original centre, the dragged edges follow it there, and
 * the new centre is rotated forward again. The opposite edge therefore stays put on screen.
 */
import type { RectangleGeometry } from '@annotkit/core';
import type { ViewTransform } from '../../canvas/view.js';
import type { Handle, HandleKind } from '../types.js';

/** Distance of the rotation handle above the top edge, in screen px. */
export const ROTATE_HANDLE_OFFSET = 24;

const RESIZE_KINDS: readonly (readonly [HandleKind, number, number])[] = [
  ['nw', -1, -1],
  ['n', 0, -1],
  ['ne', 1, -1],
  ['e', 1, 0],
  ['se', 1, 1],
  ['s', 0, 1],
  ['sw', -1, 1],
  ['w', -1, 0],
];

function frame(g: RectangleGeometry): {
  cx: number;
  cy: number;
  hw: number;
  hh: number;
  cos: number;
  sin: number;
} {
  const [x1, y1, x2, y2] = g.points;
  const a = (g.rotation * Math.PI) / 180;
  return {
    cx: (x1 + x2) / 2,
    cy: (y1 + y2) / 2,
    hw: (x2 - x1) / 2,
    hh: (y2 - y1) / 2,
    cos: Math.cos(a),
    sin: Math.sin(a),
  };
}

/** The 8 resize handles and the rotation handle of a rectangle, in image px. */
export function rectangleHandles(g: RectangleGeometry, view: ViewTransform): Handle[] {
  const f = frame(g);
  const at = (u: number, v: number): { x: number; y: number } => ({
    x: f.cx + u * f.cos - v * f.sin,
    y: f.cy + u * f.sin + v * f.cos,
  });
  const out: Handle[] = RESIZE_KINDS.map(([kind, su, sv]) => ({
    kind,
    ...at(su * f.hw, sv * f.hh),
  }));
  out.push({ kind: 'rotate', ...at(0, -f.hh - ROTATE_HANDLE_OFFSET / view.scale) });
  return out;
}

/** The handle within `tolerance` image px of `(x, y)`, nearest first; undefined if none. */
export function handleAt(
  handles: readonly Handle[],
  x: number,
  y: number,
  tolerance: number,
): Handle | undefined {
  let best: Handle | undefined;
  let bestD = Infinity;
  for (const h of handles) {
    const d = Math.hypot(h.x - x, h.y - y);
    if (d <= tolerance && d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

/**
 * Resizes `g` by dragging handle `kind` to the image point `(x, y)`. Dragging past the
 * opposite edge flips the box (the result is always normalised, xtl ≤ xbr and ytl ≤ ybr).
 */
export function resizeRectangle(
  g: RectangleGeometry,
  kind: HandleKind,
  x: number,
  y: number,
): RectangleGeometry {
  if (kind === 'rotate') return g;
  const f = frame(g);
  const dx = x - f.cx;
  const dy = y - f.cy;
  const u = dx * f.cos + dy * f.sin;
  const v = -dx * f.sin + dy * f.cos;
  let l = -f.hw;
  let r = f.hw;
  let t = -f.hh;
  let b = f.hh;
  if (kind.includes('w')) l = u;
  if (kind.includes('e')) r = u;
  if (kind.includes('n')) t = v;
  if (kind.includes('s')) b = v;
  if (l > r) [l, r] = [r, l];
  if (t > b) [t, b] = [b, t];
  const lu = (l + r) / 2;
  const lv = (t + b) / 2;
  const ncx = f.cx + lu * f.cos - lv * f.sin;
  const ncy = f.cy + lu * f.sin + lv * f.cos;
  const hw = (r - l) / 2;
  const hh = (b - t) / 2;
  return {
    type: 'rectangle',
    points: [ncx - hw, ncy - hh, ncx + hw, ncy + hh],
    rotation: g.rotation,
  };
}

/**
 * Rotates `g` so that its rotation handle points at `(x, y)`. Degrees in [0, 360); with `snap`
 * the angle is rounded to multiples of `snap` degrees.
 */
export function rotateRectangle(
  g: RectangleGeometry,
  x: number,
  y: number,
  snap = 0,
): RectangleGeometry {
  const f = frame(g);
  let deg = (Math.atan2(y - f.cy, x - f.cx) * 180) / Math.PI + 90;
  if (snap > 0) deg = Math.round(deg / snap) * snap;
  deg = ((deg % 360) + 360) % 360;
  return { type: 'rectangle', points: g.points, rotation: deg };
}
