/**
 * Draws a 2D cuboid, CVAT's two ways:
 * - `method: 'rectangle'` (default, CVAT's "from rectangle"): a drag (or two clicks) spans the
 *   front face; the back face is the front moved by `depth` (fractions of the face's size).
 * - `method: 'points'` (CVAT's "by 4 points"): front top-left, bottom-left, bottom-right, then
 *   the back face's bottom-right; created at the fourth click (see `cuboidFrom4Points`).
 * Escape cancels; in the 4-point method Backspace drops the last point. Projection lines are
 * shown with the preview.
 */
import type { Geometry, LabelId } from '@annotkit/core';
import { createClickTool } from '../draw-clicks/clickTool.js';
import { createDragTool } from '../draw-clicks/dragTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Tool, ToolOverlay } from '../types.js';
import { cuboidFrom4Points, cuboidFromRect, cuboidProjectionLines } from './cuboidGeometry.js';

/** Options of the cuboid tool. */
export interface DrawCuboidOptions extends SnapOptions {
  /** Label of the new cuboids. */
  readonly label: LabelId;
  /** `'rectangle'` (drag the front face) or `'points'` (4 clicks). Defaults to `'rectangle'`. */
  readonly method?: 'rectangle' | 'points';
  /**
   * Back-face offset for the rectangle method, as fractions of the front face's width and
   * height. Defaults to `[0.2, -0.2]` (up and to the right).
   */
  readonly depth?: readonly [number, number];
}

const guides = (g: Geometry): Partial<ToolOverlay> =>
  g.type === 'cuboid' ? { guides: cuboidProjectionLines(g) } : {};

/** Creates a cuboid tool. */
export function createDrawCuboidTool(options: DrawCuboidOptions): Tool {
  const label = options.label;
  if (options.method === 'points') {
    return createClickTool({
      id: 'draw-cuboid-4',
      label,
      maxPoints: 4,
      snapRadius: options.snapRadius,
      build: (pts) => cuboidFrom4Points(pts),
      preview: (pts): ToolOverlay => {
        const g = cuboidFrom4Points(pts);
        if (g) return { previews: [{ geometry: g, label }], ...guides(g) };
        return { previews: [{ geometry: { type: 'polyline', points: [...pts] }, label }] };
      },
    });
  }
  return createDragTool({
    id: 'draw-cuboid',
    label,
    snapRadius: options.snapRadius,
    build: (a, b) => cuboidFromRect([a.x, a.y, b.x, b.y], options.depth),
    extras: guides,
  });
}
