/**
 * Slice: cut one polygon or mask with a drawn polyline, as one transaction (the input removed,
 * the pieces added) = one undo step.
 *
 * How: the polyline is extended straight from both ends (along its first and last segments) to
 * a box that encloses the object and the line, and closed along that box's boundary clockwise
 * from the end back to the start. That closed region R is "one side" of the cut:
 * - polygon: pieces = (polygon ∩ R) and (polygon − R) with polygon-clipping; every connected
 *   piece becomes its own polygon (a wiggly cut through a concave polygon may give more than
 *   two; none is dropped). A piece with a hole cannot be a polygon record: refused.
 * - mask: R is rasterised over the mask's box (core `polygonToMask`, pixel centres); the two
 *   sides are mask ∧ R and mask ∧ ¬R, one mask each (a side may have several components).
 * The cut is refused (the command answers false) when either side is empty (the line does not
 * cross the object), for a track (a cut would need a decision per keyframe), or for a line of
 * fewer than 2 distinct points.
 * Pieces keep label, attributes, group, occluded and zOrder; source follows core's edit rule.
 */
import { polygonToMask } from '@annotkit/core';
import type { Command, Geometry, ObjectId, ShapeObject } from '@annotkit/core';
import {
  derive,
  outerRings,
  piecesWithHoles,
  polygonClipping,
  replaceObjects,
  toRing,
} from '../join/regions.js';
import type { BoxBitmap } from '../join/regions.js';
import { boxToMask, orMask } from '../join/regions.js';

interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The point where the ray from `p` in direction `d` leaves `box` (p inside, d ≠ 0). */
function exitPoint(p: readonly [number, number], d: readonly [number, number], box: Box) {
  let t = Infinity;
  if (d[0] > 0) t = Math.min(t, (box.maxX - p[0]) / d[0]);
  if (d[0] < 0) t = Math.min(t, (box.minX - p[0]) / d[0]);
  if (d[1] > 0) t = Math.min(t, (box.maxY - p[1]) / d[1]);
  if (d[1] < 0) t = Math.min(t, (box.minY - p[1]) / d[1]);
  return [p[0] + d[0] * t, p[1] + d[1] * t] as [number, number];
}

/** Clockwise perimeter coordinate of a point on the box boundary (top edge starts at 0). */
function perimeter(p: readonly [number, number], b: Box): number {
  const w = b.maxX - b.minX;
  const h = b.maxY - b.minY;
  const eps = 1e-9 * (w + h);
  if (Math.abs(p[1] - b.minY) <= eps) return p[0] - b.minX;
  if (Math.abs(p[0] - b.maxX) <= eps) return w + (p[1] - b.minY);
  if (Math.abs(p[1] - b.maxY) <= eps) return w + h + (b.maxX - p[0]);
  return 2 * w + h + (b.maxY - p[1]);
}

/** Distinct consecutive points of a flat polyline. */
function distinct(line: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < line.length; i += 2) {
    const p: [number, number] = [line[i], line[i + 1]];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * The closed region on one side of `line` (flat image px), extended to a box around `bounds`
 * and the line (see the module comment), as a flat ring; undefined for fewer than 2 points.
 */
export function cutRegion(line: readonly number[], bounds: Box): number[] | undefined {
  const pts = distinct(line);
  if (pts.length < 2) return undefined;
  let minX = bounds.minX;
  let minY = bounds.minY;
  let maxX = bounds.maxX;
  let maxY = bounds.maxY;
  for (const [x, y] of pts) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const m = 10 + (maxX - minX) + (maxY - minY);
  const box = { minX: minX - m, minY: minY - m, maxX: maxX + m, maxY: maxY + m };
  const n = pts.length;
  const start = exitPoint(pts[0], [pts[0][0] - pts[1][0], pts[0][1] - pts[1][1]], box);
  const end = exitPoint(
    pts[n - 1],
    [pts[n - 1][0] - pts[n - 2][0], pts[n - 1][1] - pts[n - 2][1]],
    box,
  );
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const total = 2 * (w + h);
  const corners: [number, [number, number]][] = [
    [w, [box.maxX, box.minY]],
    [w + h, [box.maxX, box.maxY]],
    [2 * w + h, [box.minX, box.maxY]],
    [total, [box.minX, box.minY]],
  ];
  const ring: number[] = [start[0], start[1]];
  for (const p of pts) ring.push(p[0], p[1]);
  ring.push(end[0], end[1]);
  // Walk clockwise along the box from `end` to `start`, adding the corners passed.
  const u0 = perimeter(end, box);
  let u1 = perimeter(start, box);
  if (u1 <= u0) u1 += total;
  for (const lap of [0, total]) {
    for (const [u, c] of corners) {
      if (u + lap > u0 && u + lap < u1) ring.push(c[0], c[1]);
    }
  }
  return ring;
}

/** The pieces of `g` cut by `line`, or undefined when the cut is refused (module comment). */
export function sliceGeometry(g: Geometry, line: readonly number[]): Geometry[] | undefined {
  if (g.type === 'polygon') {
    const b = polyBounds(g.points);
    const region = cutRegion(line, b);
    if (!region) return undefined;
    const subject = [toRing(g.points)];
    const a = polygonClipping.intersection(subject, [toRing(region)]);
    const c = polygonClipping.difference(subject, [toRing(region)]);
    if (a.length === 0 || c.length === 0) return undefined;
    if (piecesWithHoles(a) + piecesWithHoles(c) > 0) return undefined;
    return [...outerRings(a), ...outerRings(c)].map((points) => ({ type: 'polygon', points }));
  }
  if (g.type === 'mask') {
    const box = { minX: g.left, minY: g.top, maxX: g.right + 1, maxY: g.bottom + 1 };
    const region = cutRegion(line, box);
    if (!region) return undefined;
    // R clipped to the mask's box first, so rasterising it costs the box, not the huge region.
    const clip = [
      toRing([box.minX, box.minY, box.maxX, box.minY, box.maxX, box.maxY, box.minX, box.maxY]),
    ];
    const inBox = polygonClipping.intersection([toRing(region)], clip);
    const width = g.right - g.left + 1;
    const height = g.bottom - g.top + 1;
    const side: BoxBitmap = {
      left: g.left,
      top: g.top,
      width,
      height,
      bitmap: new Uint8Array(width * height),
    };
    for (const piece of inBox) {
      // Even-odd per ring: outer rings set, holes are rasterised into a separate pass below.
      for (const [k, ring] of piece.entries()) {
        const pts = ring.flat();
        let m;
        try {
          m = polygonToMask(pts);
        } catch {
          continue; // a sliver covering no pixel centre
        }
        if (k === 0) orMask(side, m);
        else clearMask(side, m);
      }
    }
    const whole: BoxBitmap = { ...side, bitmap: new Uint8Array(width * height) };
    orMask(whole, g);
    const a = new Uint8Array(width * height);
    const c = new Uint8Array(width * height);
    for (let i = 0; i < a.length; i++) {
      if (!whole.bitmap[i]) continue;
      if (side.bitmap[i]) a[i] = 1;
      else c[i] = 1;
    }
    const ma = boxToMask({ ...side, bitmap: a });
    const mc = boxToMask({ ...side, bitmap: c });
    return ma && mc ? [ma, mc] : undefined;
  }
  return undefined;
}

function clearMask(into: BoxBitmap, hole: Geometry): void {
  const tmp: BoxBitmap = { ...into, bitmap: new Uint8Array(into.width * into.height) };
  if (hole.type !== 'mask') return;
  orMask(tmp, hole);
  for (let i = 0; i < tmp.bitmap.length; i++) if (tmp.bitmap[i]) into.bitmap[i] = 0;
}

function polyBounds(points: readonly number[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The slice command (ProseMirror form): without `dispatch` answers whether shape `id` on `frame`
 * can be cut by `line` (flat image px); with it dispatches one transaction that removes the
 * object and adds the pieces. `onSliced` receives the new ids.
 */
export function sliceObject(
  id: ObjectId,
  frame: number,
  line: readonly number[],
  onSliced?: (ids: ObjectId[]) => void,
): Command {
  return (state, dispatch) => {
    const o = state.doc.object(id);
    if (!o || o.kind !== 'shape' || o.frame !== frame) return false;
    const pieces = sliceGeometry(o.geometry, line);
    if (!pieces) return false;
    if (!dispatch) return true;
    const shape: ShapeObject = o;
    const ids = replaceObjects(
      state,
      dispatch,
      [shape],
      pieces.map((g) => derive(shape, g)),
      'slice',
    );
    onSliced?.(ids);
    return true;
  };
}
