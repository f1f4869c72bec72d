/**
 * Distances, containment and lengths on flat point arrays `[x1, y1, x2, y2, …]` (pixels).
 * Pure functions without allocation, for hit testing and interpolation.
 */

/**
 * Euclidean distance in pixels from `(px, py)` to the segment `(ax, ay)–(bx, by)`.
 * A zero-length segment is treated as a point.
 */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + dx * t - px;
  const ey = ay + dy * t - py;
  return Math.sqrt(ex * ex + ey * ey);
}

/**
 * Even-odd test: is `(x, y)` inside the closed ring `points` (implicitly closed, at least
 * 3 points)? Points exactly on an edge may fall either way; callers that need "on the outline
 * counts" combine this with {@link distanceToPolyline}.
 */
export function pointInPolygon(points: ArrayLike<number>, x: number, y: number): boolean {
  const n = points.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = points[2 * i];
    const yi = points[2 * i + 1];
    const xj = points[2 * j];
    const yj = points[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Distance in pixels from `(x, y)` to the nearest segment of the polyline `points`.
 * With `closed = true` the segment from the last point back to the first counts too.
 * A single point gives the distance to that point; an empty array gives `Infinity`.
 */
export function distanceToPolyline(
  points: ArrayLike<number>,
  x: number,
  y: number,
  closed = false,
): number {
  const n = points.length >> 1;
  if (n === 0) return Infinity;
  if (n === 1) return Math.hypot(points[0] - x, points[1] - y);
  let best = Infinity;
  for (let i = 0; i < n - 1; i++) {
    const d = pointSegmentDistance(
      x,
      y,
      points[2 * i],
      points[2 * i + 1],
      points[2 * i + 2],
      points[2 * i + 3],
    );
    if (d < best) best = d;
  }
  if (closed && n > 2) {
    const d = pointSegmentDistance(
      x,
      y,
      points[2 * n - 2],
      points[2 * n - 1],
      points[0],
      points[1],
    );
    if (d < best) best = d;
  }
  return best;
}

/** Distance in pixels from `(x, y)` to the nearest of `points`; `Infinity` when empty. */
export function distanceToPoints(points: ArrayLike<number>, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const d = Math.hypot(points[i] - x, points[i + 1] - y);
    if (d < best) best = d;
  }
  return best;
}

/**
 * Distance in pixels from `(x, y)` to a filled ring: 0 inside (even-odd) or on it, else the
 * distance to the nearest edge.
 */
export function distanceToPolygon(points: ArrayLike<number>, x: number, y: number): number {
  if (pointInPolygon(points, x, y)) return 0;
  return distanceToPolyline(points, x, y, true);
}

/**
 * Signed shoelace area of a ring in square pixels: positive when the ring turns
 * counter-clockwise in a y-up frame (clockwise on screen, where y points down).
 */
export function signedPolygonArea(points: ArrayLike<number>): number {
  const n = points.length >> 1;
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    sum += points[2 * j] * points[2 * i + 1] - points[2 * i] * points[2 * j + 1];
  }
  return sum / 2;
}

/** Unsigned shoelace area of a ring in square pixels (self-intersections cancel, as usual). */
export function polygonArea(points: ArrayLike<number>): number {
  return Math.abs(signedPolygonArea(points));
}

/** Length in pixels of the open polyline `points` (sum of its segment lengths). */
export function polylineLength(points: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 2; i + 1 < points.length; i += 2) {
    const dx = points[i] - points[i - 2];
    const dy = points[i + 1] - points[i - 1];
    sum += Math.sqrt(dx * dx + dy * dy);
  }
  return sum;
}

/**
 * Distance in pixels from `(x, y)` to the axis-aligned box `[minX, maxX] × [minY, maxY]`;
 * 0 inside or on the box.
 */
export function distanceToBox(
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  x: number,
  y: number,
): number {
  const dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
  const dy = y < minY ? minY - y : y > maxY ? y - maxY : 0;
  return dx === 0 ? dy : dy === 0 ? dx : Math.sqrt(dx * dx + dy * dy);
}

/** Axis-aligned bounds of a flat point array, or `undefined` when it is empty. */
export function pointsBounds(
  points: ArrayLike<number>,
): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  if (points.length < 2) return undefined;
  let minX = points[0];
  let maxX = minX;
  let minY = points[1];
  let maxY = minY;
  for (let i = 2; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < minX) minX = x;
    else if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    else if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}
