/**
 * Pixel operations of the mask brush on a 0/1 working bitmap (no DOM, no allocation per call).
 *
 * Why a swept tip instead of repeated stamps: a pointer event carries the segment from the
 * previous position, and painting the exact Minkowski sum of that segment and the tip (a
 * capsule for a round tip, a hexagon-like sweep for a square one) leaves no gaps however fast
 * the pointer moves, at a cost proportional to the segment's bounding box only.
 *
 * Pixel rule (as core's `polygonToMask`): pixel `(px, py)` is covered when its centre
 * `(px + 0.5, py + 0.5)` lies inside the swept tip. Tip centres snap so that a single stamp
 * covers a predictable pixel set: for an odd size to the pixel centre under the pointer, for
 * an even size to the nearest pixel corner. A square tip of size n then covers exactly n × n
 * pixels and a round one the pixels within n / 2 of the centre.
 */
import type { MaskGeometry } from '@annotkit/core';
import type { Rect } from '../../canvas/view.js';

/** Brush tip shapes. */
export const BrushTip = { Round: 'round', Square: 'square' } as const;
/** Brush tip shapes. */
export type BrushTip = (typeof BrushTip)[keyof typeof BrushTip];

/** The working bitmap's extent in image px: bitmap pixel (0, 0) is image pixel (left, top). */
export interface WorkArea {
  readonly left: number;
  readonly top: number;
  /** Pixels. */
  readonly width: number;
  /** Pixels. */
  readonly height: number;
}

/** Where a tip of `size` px centred near image coordinate `v` is centred (see module comment). */
export function snapCenter(v: number, size: number): number {
  return Math.round(size) % 2 === 1 ? Math.floor(v) + 0.5 : Math.round(v);
}

/**
 * Sets (`value` 1) or clears (`value` 0) every pixel of `bits` (over `area`) covered by a tip of
 * `size` image px (diameter or side) swept from `(x0, y0)` to `(x1, y1)` (image px; equal
 * points give a single stamp). Pixels outside the area are not touched. Returns the image-px
 * rect that may have changed (integer, max exclusive), or undefined when it misses the area.
 */
export function paintSegment(
  bits: Uint8Array,
  area: WorkArea,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  size: number,
  tip: BrushTip,
  value: 0 | 1,
): Rect | undefined {
  const ax = snapCenter(x0, size);
  const ay = snapCenter(y0, size);
  const bx = snapCenter(x1, size);
  const by = snapCenter(y1, size);
  const h = size / 2;
  // Pixels whose centre can be within h of the segment, clipped to the area (bitmap coords).
  const minX = Math.max(0, Math.floor(Math.min(ax, bx) - h) - area.left);
  const minY = Math.max(0, Math.floor(Math.min(ay, by) - h) - area.top);
  const maxX = Math.min(area.width - 1, Math.ceil(Math.max(ax, bx) + h) - area.left);
  const maxY = Math.min(area.height - 1, Math.ceil(Math.max(ay, by) + h) - area.top);
  if (maxX < minX || maxY < minY) return undefined;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const r2 = h * h;
  const w = area.width;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + area.top + 0.5 - ay;
    const row = py * w;
    for (let px = minX; px <= maxX; px++) {
      const cx = px + area.left + 0.5 - ax;
      let inside: boolean;
      if (tip === 'round') {
        // Distance² from the centre to the segment.
        let t = len2 > 0 ? (cx * dx + cy * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = cx - t * dx;
        const ey = cy - t * dy;
        inside = ex * ex + ey * ey <= r2;
      } else {
        inside = squareSweepHits(cx, cy, dx, dy, h);
      }
      if (inside) bits[row + px] = value;
    }
  }
  return {
    minX: minX + area.left,
    minY: minY + area.top,
    maxX: maxX + area.left + 1,
    maxY: maxY + area.top + 1,
  };
}

/** Is `(cx, cy)` (relative to the sweep start) within `h` (Chebyshev) of `t · (dx, dy)`, t ∈ [0, 1]? */
function squareSweepHits(cx: number, cy: number, dx: number, dy: number, h: number): boolean {
  let lo = 0;
  let hi = 1;
  if (dx === 0) {
    if (cx < -h || cx > h) return false;
  } else {
    const a = (cx - h) / dx;
    const b = (cx + h) / dx;
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  if (dy === 0) return cy >= -h && cy <= h && lo <= hi;
  const a = (cy - h) / dy;
  const b = (cy + h) / dy;
  return Math.max(lo, Math.min(a, b)) <= Math.min(hi, Math.max(a, b));
}

/**
 * Sets (`value` 1) or clears (`value` 0) the pixels of `bits` (over `area`) that are set in
 * `mask`, walking its runs (no decoding). Pixels outside the area are not touched. Returns the
 * changed image-px rect (the mask's box clipped to the area), or undefined when disjoint.
 */
export function paintMask(
  bits: Uint8Array,
  area: WorkArea,
  mask: MaskGeometry,
  value: 0 | 1,
): Rect | undefined {
  const mw = mask.right - mask.left + 1;
  const ox = mask.left - area.left;
  const oy = mask.top - area.top;
  let pos = 0;
  for (let i = 0; i < mask.rle.length; i++) {
    const run = mask.rle[i];
    if (i % 2 === 1) {
      let p = pos;
      const end = pos + run;
      while (p < end) {
        const row = Math.floor(p / mw);
        const col = p - row * mw;
        const stop = Math.min(end, (row + 1) * mw);
        const y = row + oy;
        if (y >= 0 && y < area.height) {
          const from = Math.max(0, col + ox);
          const to = Math.min(area.width, stop - row * mw + ox);
          if (to > from) bits.fill(value, y * area.width + from, y * area.width + to);
        }
        p = stop;
      }
    }
    pos += run;
  }
  const minX = Math.max(mask.left, area.left);
  const minY = Math.max(mask.top, area.top);
  const maxX = Math.min(mask.right + 1, area.left + area.width);
  const maxY = Math.min(mask.bottom + 1, area.top + area.height);
  return maxX > minX && maxY > minY ? { minX, minY, maxX, maxY } : undefined;
}

/** True when two masks have the same box and runs. */
export function sameMask(a: MaskGeometry, b: MaskGeometry): boolean {
  if (a.left !== b.left || a.top !== b.top || a.right !== b.right || a.bottom !== b.bottom) {
    return false;
  }
  if (a.rle.length !== b.rle.length) return false;
  for (let i = 0; i < a.rle.length; i++) if (a.rle[i] !== b.rle[i]) return false;
  return true;
}
