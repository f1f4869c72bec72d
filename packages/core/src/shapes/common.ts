/** Small helpers shared by the shape definitions. */
import type { Box } from './types.js';

/** `a[i] + (b[i] − a[i])·t` for every index, CVAT's order of operations. */
export function lerpArray(a: readonly number[], b: readonly number[], t: number): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/** Adds `(dx, dy)` to every point of a flat `[x1, y1, …]` array. */
export function translatePoints(points: readonly number[], dx: number, dy: number): number[] {
  const out = new Array<number>(points.length);
  for (let i = 0; i < points.length; i += 2) {
    out[i] = points[i] + dx;
    out[i + 1] = points[i + 1] + dy;
  }
  return out;
}

/** Bounds of a non-empty flat point array. */
export function boundsOfPoints(points: readonly number[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * CVAT's interpolated rotation in degrees: `(l + shortestArc(r − l)·t + 360) % 360`. For
 * angles in [0, 360) this is bit-identical to CVAT and stays in [0, 360); angles outside that
 * range are brought into it rather than left negative.
 */
export function lerpRotation(left: number, diff: number, t: number): number {
  const r = (left + diff * t + 360) % 360;
  return r < 0 ? r + 360 : r;
}
