/**
 * Small helpers shared by the shape definitions.
 *
 * Design note: records built on every frame (interpolated geometry, resolved objects) are made
 * with `{}` plus assignments or with a class constructor, never with an object literal that
 * lists its properties. Object literals carry V8 allocation-site feedback, and when V8 decided
 * to allocate such a site's objects directly in the old generation, each interpolated geometry
 * held its young point array alive through every minor garbage collection until the next full
 * one. Measured in Chromium on 10,000 interpolated tracks: literals made each minor collection
 * copy 20–30 MB (12–20 ms) and the heap grow by ~250 MB between full collections; with
 * `{}` plus assignments a minor collection copies ~4–7 MB (1.5–2 ms) and promotes nothing.
 * An empty literal (`{}`) has no allocation site, and the result is still a plain object, so
 * geometry stays a valid record. Arrays are copied from a template with `slice()`, which has
 * no allocation site either (and starts with double elements, see {@link doubleArray}).
 */
import type { Box } from './types.js';

/** A new empty plain object, typed as a writable `T`, to fill field by field (see the note). */
export function blankRecord<T>(): { -readonly [K in keyof T]: T[K] } {
  return {} as { -readonly [K in keyof T]: T[K] };
}

/** A new `{ type, points }` geometry record, built without an object literal (see the note). */
export function pointsRecord<T extends 'polygon' | 'polyline' | 'points' | 'cuboid'>(
  type: T,
  points: readonly number[],
): { type: T; points: readonly number[] } {
  const g = blankRecord<{ type: T; points: readonly number[] }>();
  g.type = type;
  g.points = points;
  return g;
}

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
