/** Small helpers shared by the shape definitions. */
import type { Box } from './types.js';

/** `a[i] + (b[i] − a[i])·t` for every index, CVAT's order of operations. */
export function lerpArray(a: readonly number[], b: readonly number[], t: number): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/**
 * Prepares `l + (r − l)·t` for every number of two equally long arrays: the left values and the
 * deltas are packed into one typed array, so evaluating on each frame reads one contiguous
 * buffer instead of two keyframe arrays scattered over the heap (the delta is the same double
 * as CVAT's `r − l`, so results are bit-identical to {@link lerpArray}). The result array has
 * exactly the needed length.
 */
export function prepareLerp(a: readonly number[], b: readonly number[]): (t: number) => number[] {
  const n = a.length;
  const coef = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coef[2 * i] = a[i];
    coef[2 * i + 1] = b[i] - a[i];
  }
  const template = doubleArray(n);
  return (t) => {
    const out = template.slice();
    for (let i = 0; i < n; i++) out[i] = coef[2 * i] + coef[2 * i + 1] * t;
    return out;
  };
}

/**
 * A packed array of `n` doubles, to be copied with `slice()` by code that fills a fresh array
 * on every call: `new Array(n)` starts with tagged slots and V8 reallocates it as doubles on the
 * first fractional write, so per-frame interpolation would allocate every result twice.
 */
export function doubleArray(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0.5);
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
