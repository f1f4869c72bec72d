/**
 * Rasterisation of vector shapes into label/instance bitmaps, for formats that store pixels
 * (Segmentation mask, VOC segmentation, COCO crowd instances).
 *
 * Rule: a pixel `(i, j)` is painted when its centre `(i + 0.5, j + 0.5)` is inside the shape
 * (even-odd rule for polygons). This is deterministic and resolution-independent; it differs
 * from pycocotools' 5× up-sampled scan conversion by at most a pixel along edges, which matters
 * only for bit-exact `area` parity with CVAT (documented in CONTEXT.md).
 */
import type { Geometry, MaskGeometry } from '@annotkit/core';
import { maskToBits } from '../coco/rle.js';

/** Corners of a rectangle `[xtl, ytl, xbr, ybr]` rotated by `rotation` degrees about its centre (tl, tr, br, bl). */
export function rectangleCorners(points: readonly number[], rotation: number): number[] {
  const [x1, y1, x2, y2] = points;
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const a = (rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out: number[] = [];
  for (const [x, y] of [
    [x1, y1],
    [x2, y1],
    [x2, y2],
    [x1, y2],
  ]) {
    out.push(cx + cos * (x - cx) - sin * (y - cy), cy + sin * (x - cx) + cos * (y - cy));
  }
  return out;
}

/**
 * Paints `value` into `out` (row-major, `w × h`) for every pixel whose centre lies inside the
 * polygon `points = [x0, y0, …]` (even-odd). Pixels outside the image are skipped.
 */
export function fillPolygon(
  points: readonly number[],
  out: Uint8Array | Uint16Array,
  w: number,
  h: number,
  value: number,
): void {
  const n = points.length >> 1;
  if (n < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < points.length; i += 2) {
    minY = Math.min(minY, points[i]);
    maxY = Math.max(maxY, points[i]);
  }
  const y0 = Math.max(0, Math.ceil(minY - 0.5));
  const y1 = Math.min(h - 1, Math.floor(maxY - 0.5));
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    const sy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = points[2 * i];
      const yi = points[2 * i + 1];
      const xj = points[2 * j];
      const yj = points[2 * j + 1];
      if (yi > sy !== yj > sy) xs.push(xi + ((sy - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const xa = Math.max(0, Math.ceil(xs[k] - 0.5));
      const xb = Math.min(w, Math.ceil(xs[k + 1] - 0.5));
      if (xb > xa) out.fill(value, y * w + xa, y * w + xb);
    }
  }
}

/** Paints an ellipse (centre, radii, rotation in degrees) by pixel centres. */
export function fillEllipse(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  rotation: number,
  out: Uint8Array | Uint16Array,
  w: number,
  h: number,
  value: number,
): void {
  const a = (rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const r = Math.max(rx, ry);
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(w - 1, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(h - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const lx = (cos * dx + sin * dy) / rx;
      const ly = (-sin * dx + cos * dy) / ry;
      if (lx * lx + ly * ly <= 1) out[y * w + x] = value;
    }
  }
}

/** Paints a CVAT mask's set pixels. */
export function fillMask(
  mask: MaskGeometry,
  out: Uint8Array | Uint16Array,
  w: number,
  h: number,
  value: number,
): void {
  const bits = maskToBits(mask);
  const mw = mask.right - mask.left + 1;
  for (let y = Math.max(0, mask.top); y <= Math.min(h - 1, mask.bottom); y++) {
    const row = (y - mask.top) * mw;
    for (let x = Math.max(0, mask.left); x <= Math.min(w - 1, mask.right); x++) {
      if (bits[row + (x - mask.left)] !== 0) out[y * w + x] = value;
    }
  }
}

/**
 * Paints any area shape (rectangle incl. rotation, polygon, ellipse, mask). Returns false for
 * shapes without area (polyline, points, skeleton, cuboids), which are not painted.
 */
export function fillGeometry(
  g: Geometry,
  out: Uint8Array | Uint16Array,
  w: number,
  h: number,
  value: number,
): boolean {
  switch (g.type) {
    case 'rectangle':
      fillPolygon(rectangleCorners(g.points, g.rotation), out, w, h, value);
      return true;
    case 'polygon':
      fillPolygon(g.points, out, w, h, value);
      return true;
    case 'ellipse':
      fillEllipse(g.cx, g.cy, g.rx, g.ry, g.rotation, out, w, h, value);
      return true;
    case 'mask':
      fillMask(g, out, w, h, value);
      return true;
    default:
      return false;
  }
}
