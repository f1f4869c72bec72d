/**
 * 2D cuboid construction in core's (CVAT's) point order: 8 points, front face then back face,
 * each as top-left, bottom-left, top-right, bottom-right (`points[2k], points[2k + 1]` is point
 * k; point k of the front face pairs with point k + 4 of the back face).
 */
import type { CuboidGeometry } from '@annotkit/core';

/** Default back-face offset as fractions of the front face's width and height: up-right. */
export const DEFAULT_CUBOID_DEPTH: readonly [number, number] = [0.2, -0.2];

/** The 12 edges of a cuboid as pairs of point indices (0..7). */
export const CUBOID_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 3],
  [0, 2],
  [1, 3],
  [4, 5],
  [6, 7],
  [4, 6],
  [5, 7],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];

/** The two faces (front, back) as point indices. */
export const CUBOID_FACES: readonly (readonly number[])[] = [
  [0, 1, 2, 3],
  [4, 5, 6, 7],
];

/**
 * The cuboid whose front face is the axis-aligned box `[x1, y1, x2, y2]` and whose back face is
 * the front moved by `depth` (fractions of the box's width and height; defaults to
 * `DEFAULT_CUBOID_DEPTH`). Undefined when the box has zero width or height.
 */
export function cuboidFromRect(
  box: readonly [number, number, number, number],
  depth: readonly [number, number] = DEFAULT_CUBOID_DEPTH,
): CuboidGeometry | undefined {
  const x1 = Math.min(box[0], box[2]);
  const x2 = Math.max(box[0], box[2]);
  const y1 = Math.min(box[1], box[3]);
  const y2 = Math.max(box[1], box[3]);
  if (!(x2 > x1) || !(y2 > y1)) return undefined;
  const dx = depth[0] * (x2 - x1);
  const dy = depth[1] * (y2 - y1);
  const front = [x1, y1, x1, y2, x2, y1, x2, y2];
  return {
    type: 'cuboid',
    points: [...front, ...front.map((v, i) => v + (i % 2 === 0 ? dx : dy))],
  };
}

/**
 * The cuboid from 4 clicked points: `p1`, `p2`, `p3` are the front face's top-left,
 * bottom-left and bottom-right corners (the face is the parallelogram they span; its top-right
 * is `p1 + p3 − p2`), and `p4` is where the back face's bottom-right lies, so the back face is
 * the front moved by `p4 − p3`. Undefined when the front face has no area or the depth is 0.
 */
export function cuboidFrom4Points(pts: readonly number[]): CuboidGeometry | undefined {
  if (pts.length < 8) return undefined;
  const [ax, ay, bx, by, cx, cy, dx, dy] = pts;
  const cross = (ax - bx) * (cy - by) - (ay - by) * (cx - bx);
  const ox = dx - cx;
  const oy = dy - cy;
  if (cross === 0 || (ox === 0 && oy === 0)) return undefined;
  const front = [ax, ay, bx, by, ax + cx - bx, ay + cy - by, cx, cy];
  return {
    type: 'cuboid',
    points: [...front, ...front.map((v, i) => v + (i % 2 === 0 ? ox : oy))],
  };
}

/**
 * Projection lines (CVAT's `showProjections`): from each back-face point towards the vanishing
 * point of the 4 depth edges, found as the least-squares intersection of their lines. Empty
 * when the depth edges are (nearly) parallel or the vanishing point lies in front of the back
 * face or further than 20 cuboid diagonals away. Each line is `[x0, y0, x1, y1]` (image px).
 */
export function cuboidProjectionLines(g: CuboidGeometry): number[][] {
  const p = g.points;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let k = 0; k < 4; k++) {
    const fx = p[2 * k];
    const fy = p[2 * k + 1];
    let ux = p[2 * k + 8] - fx;
    let uy = p[2 * k + 9] - fy;
    const len = Math.hypot(ux, uy);
    if (len === 0) return [];
    ux /= len;
    uy /= len;
    // Projector onto the line's normal: I − u uᵀ.
    const m11 = 1 - ux * ux;
    const m12 = -ux * uy;
    const m22 = 1 - uy * uy;
    a11 += m11;
    a12 += m12;
    a22 += m22;
    b1 += m11 * fx + m12 * fy;
    b2 += m12 * fx + m22 * fy;
  }
  const det = a11 * a22 - a12 * a12;
  if (Math.abs(det) < 1e-6) return [];
  const vx = (b1 * a22 - b2 * a12) / det;
  const vy = (a11 * b2 - a12 * b1) / det;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < 16; i += 2) {
    minX = Math.min(minX, p[i]);
    maxX = Math.max(maxX, p[i]);
    minY = Math.min(minY, p[i + 1]);
    maxY = Math.max(maxY, p[i + 1]);
  }
  const diagonal = Math.hypot(maxX - minX, maxY - minY);
  const lines: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const fx = p[2 * k];
    const fy = p[2 * k + 1];
    const bx = p[2 * k + 8];
    const by = p[2 * k + 9];
    const ahead = (vx - fx) * (bx - fx) + (vy - fy) * (by - fy);
    const depth2 = (bx - fx) ** 2 + (by - fy) ** 2;
    if (ahead <= depth2 || Math.hypot(vx - bx, vy - by) > 20 * diagonal) return [];
    lines.push([bx, by, vx, vy]);
  }
  return lines;
}
