/** Convex hull of a point set (Andrew's monotone chain). */

/**
 * Convex hull of the flat point array `points` (`[x1, y1, …]`), as a flat ring in
 * counter-clockwise order for a y-up frame, without repeating the first point. Collinear points
 * on the hull's edges are left out; duplicates are merged. Fewer than 3 distinct points return
 * those points. O(n log n).
 */
export function convexHull(points: ArrayLike<number>): number[] {
  const n = points.length >> 1;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  idx.sort((a, b) => points[2 * a] - points[2 * b] || points[2 * a + 1] - points[2 * b + 1]);
  // Merge duplicates (equal neighbours after sorting).
  let unique = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const p = idx[unique - 1];
    if (unique > 0 && points[2 * i] === points[2 * p] && points[2 * i + 1] === points[2 * p + 1]) {
      continue;
    }
    idx[unique++] = i;
  }
  idx.length = unique;
  if (unique < 3) return idx.flatMap((i) => [points[2 * i], points[2 * i + 1]]);
  const cross = (o: number, a: number, b: number): number =>
    (points[2 * a] - points[2 * o]) * (points[2 * b + 1] - points[2 * o + 1]) -
    (points[2 * a + 1] - points[2 * o + 1]) * (points[2 * b] - points[2 * o]);
  const lower: number[] = [];
  for (const i of idx) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], i) <= 0)
      lower.pop();
    lower.push(i);
  }
  const upper: number[] = [];
  for (let k = idx.length - 1; k >= 0; k--) {
    const i = idx[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], i) <= 0)
      upper.pop();
    upper.push(i);
  }
  lower.pop();
  upper.pop();
  const out: number[] = [];
  for (const i of lower.concat(upper)) out.push(points[2 * i], points[2 * i + 1]);
  return out;
}
