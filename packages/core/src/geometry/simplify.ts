/** Polyline simplification. */

import { pointSegmentDistance } from './distance.js';

/**
 * Douglas–Peucker simplification of the open polyline `points` (`[x1, y1, …]`): keeps the end
 * points and every point farther than `tolerance` pixels from the simplified line. With
 * `closed = true` the input is a ring: it is split at the point farthest from point 0, each half is
 * simplified and the ring is returned without a repeated first point (at least 3 points are kept
 * when the input has at least 3). A tolerance ≤ 0 returns a copy.
 */
export function douglasPeucker(
  points: ArrayLike<number>,
  tolerance: number,
  closed = false,
): number[] {
  const n = points.length >> 1;
  if (tolerance <= 0 || n <= 2) return Array.from(points).slice(0, 2 * n);
  const keep = new Uint8Array(n);
  const stack: number[] = [];
  const simplifyRange = (first: number, last: number): void => {
    keep[first] = 1;
    keep[last] = 1;
    stack.push(first, last);
    while (stack.length > 0) {
      const b = stack.pop() as number;
      const a = stack.pop() as number;
      let maxD = -1;
      let maxI = -1;
      for (let i = a + 1; i < b; i++) {
        const d = pointSegmentDistance(
          points[2 * i],
          points[2 * i + 1],
          points[2 * a],
          points[2 * a + 1],
          points[2 * b],
          points[2 * b + 1],
        );
        if (d > maxD) {
          maxD = d;
          maxI = i;
        }
      }
      if (maxI >= 0 && maxD > tolerance) {
        keep[maxI] = 1;
        stack.push(a, maxI, maxI, b);
      }
    }
  };
  if (closed) {
    let far = 1;
    let farD = -1;
    for (let i = 1; i < n; i++) {
      const d = Math.hypot(points[2 * i] - points[0], points[2 * i + 1] - points[1]);
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    simplifyRange(0, far);
    // Second half: far … n−1 then back to 0, simplified on an index range that wraps.
    const tail: number[] = [];
    for (let i = far; i < n; i++) tail.push(points[2 * i], points[2 * i + 1]);
    tail.push(points[0], points[1]);
    const tailKept = douglasPeucker(tail, tolerance, false);
    const out: number[] = [];
    for (let i = 0; i < far; i++) if (keep[i]) out.push(points[2 * i], points[2 * i + 1]);
    for (let i = 0; i + 2 < tailKept.length; i += 2) out.push(tailKept[i], tailKept[i + 1]);
    if (out.length < 6 && n >= 3) return ensureTriangle(points, out, far);
    return out;
  }
  simplifyRange(0, n - 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[2 * i], points[2 * i + 1]);
  return out;
}

/** A ring simplified to 2 points keeps the point farthest from their chord as a third. */
function ensureTriangle(points: ArrayLike<number>, out: number[], far: number): number[] {
  const n = points.length >> 1;
  let best = -1;
  let bestD = -1;
  for (let i = 1; i < n; i++) {
    if (i === far) continue;
    const d = pointSegmentDistance(
      points[2 * i],
      points[2 * i + 1],
      points[0],
      points[1],
      points[2 * far],
      points[2 * far + 1],
    );
    if (d > bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0) return out;
  const idx = [0, far, best].sort((a, b) => a - b);
  return idx.flatMap((i) => [points[2 * i], points[2 * i + 1]]);
}
