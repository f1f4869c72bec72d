/**
 * Snapping to existing vertices (CVAT's "snap to point"): a pointer position within `radius`
 * screen px of a vertex of a visible object is replaced by that vertex. Candidates come from
 * the scene's rbush index (`ctx.search`), so the cost is independent of the scene size; the
 * vertices of each shape type come from one lookup table.
 */
import type { Geometry, GeometryOf, ObjectId, ShapeType } from '@annotkit/core';
import { rectangleCorners } from '../../render/paths.js';
import type { ToolContext } from '../types.js';

/** Snapping options shared by the drawing and editing tools. */
export interface SnapOptions {
  /**
   * Snap radius in screen px: a new or dragged vertex within this distance of an existing
   * vertex lands exactly on it. Defaults to 0 (snapping off).
   */
  readonly snapRadius?: number;
}

/** A snapped position (image px) and the object whose vertex it snapped to, if any. */
export interface SnapResult {
  readonly x: number;
  readonly y: number;
  readonly target?: ObjectId;
}

const vertexTable: { readonly [T in ShapeType]: (g: GeometryOf<T>) => readonly number[] } = {
  rectangle: (g) => rectangleCorners(g),
  polygon: (g) => g.points,
  polyline: (g) => g.points,
  points: (g) => g.points,
  cuboid: (g) => g.points,
  ellipse: (g) => {
    const a = (g.rotation * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    return [
      g.cx,
      g.cy,
      g.cx + g.rx * cos,
      g.cy + g.rx * sin,
      g.cx - g.rx * cos,
      g.cy - g.rx * sin,
      g.cx - g.ry * sin,
      g.cy + g.ry * cos,
      g.cx + g.ry * sin,
      g.cy - g.ry * cos,
    ];
  },
  skeleton: (g) => g.elements.filter((e) => !e.outside).flatMap((e) => [e.x, e.y]),
  // Masks and 3D boxes have no vertices to snap to.
  mask: () => [],
  cuboid3d: () => [],
};

/** The snappable vertices of a geometry as a flat `[x0, y0, …]` list (image px). */
export function snapVertices(g: Geometry): readonly number[] {
  return (vertexTable[g.type] as (g: Geometry) => readonly number[])(g);
}

/**
 * Snaps the image point `(x, y)` to the nearest vertex of a visible, unlocked object within
 * `radius` screen px, skipping the objects in `exclude`. Returns the point unchanged when
 * `radius` is 0 or nothing is in reach (or the context has no `search`).
 */
export function snapPoint(
  ctx: ToolContext,
  x: number,
  y: number,
  radius: number,
  exclude?: ReadonlySet<ObjectId>,
): SnapResult {
  if (!(radius > 0) || !ctx.search) return { x, y };
  const r = radius / ctx.view.scale;
  let best: SnapResult = { x, y };
  let bestD = r;
  for (const item of ctx.search({ minX: x - r, minY: y - r, maxX: x + r, maxY: y + r })) {
    const id = item.shape.id;
    if (exclude?.has(id) || ctx.isLocked(id)) continue;
    const v = snapVertices(item.shape.geometry);
    for (let i = 0; i + 1 < v.length; i += 2) {
      const d = Math.hypot(v[i] - x, v[i + 1] - y);
      if (d <= bestD) {
        bestD = d;
        best = { x: v[i], y: v[i + 1], target: id };
      }
    }
  }
  return best;
}
