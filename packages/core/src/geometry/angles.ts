/** Angles and rotations. Degrees are clockwise on screen (y points down), as in CVAT. */

/**
 * Rotates `(x, y)` by `degrees` about `(cx, cy)` (defaults to the origin): clockwise on screen
 * for positive angles because y points down. Returns `[x', y']`.
 */
export function rotatePoint(
  x: number,
  y: number,
  degrees: number,
  cx = 0,
  cy = 0,
): [number, number] {
  const rad = (degrees * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  const dx = x - cx;
  const dy = y - cy;
  return [dx * cos - dy * sin + cx, dy * cos + dx * sin + cy];
}

/**
 * The signed shortest arc in degrees from `left` to `right`, in [−180, 180] (exactly +180 for
 * opposite angles), computed like CVAT's `findAngleDiff` so that interpolated rotations are
 * bit-identical for angles in [0, 360).
 */
export function angleDiff(right: number, left: number): number {
  let diff = right - left;
  diff = ((diff + 180) % 360) - 180;
  if (Math.abs(diff) >= 180) {
    // The long way round: take the other arc.
    diff = 360 + Math.abs(diff) * Math.sign(diff);
  }
  return diff;
}

/** Normalises an angle in degrees into [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const r = degrees % 360;
  return r < 0 ? r + 360 : r === 0 ? 0 : r;
}
