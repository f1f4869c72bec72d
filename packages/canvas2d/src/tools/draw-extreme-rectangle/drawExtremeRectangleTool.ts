/**
 * Draws a rectangle by four extreme points (CVAT's "by 4 points"): the user clicks the
 * left-, top-, right- and bottom-most points of the object in any order, and the axis-aligned
 * box spanning the four clicks is created at the fourth. The clicked points are shown with the
 * box spanned so far; Backspace drops the last point, Escape cancels. Four points with zero
 * width or height span no box: the last click is then dropped and the tool keeps waiting.
 */
import type { LabelId, RectangleGeometry } from '@annotkit/core';
import { createClickTool } from '../draw-clicks/clickTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Tool } from '../types.js';

/** Options of the extreme-points rectangle tool. */
export interface DrawExtremeRectangleOptions extends SnapOptions {
  /** Label of the new rectangles. */
  readonly label: LabelId;
}

/** The axis-aligned box spanning a flat list of image points (undefined when empty). */
export function boxOfPoints(pts: readonly number[]): RectangleGeometry | undefined {
  if (pts.length < 2) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < pts.length; i += 2) {
    minX = Math.min(minX, pts[i]);
    maxX = Math.max(maxX, pts[i]);
    minY = Math.min(minY, pts[i + 1]);
    maxY = Math.max(maxY, pts[i + 1]);
  }
  return { type: 'rectangle', points: [minX, minY, maxX, maxY], rotation: 0 };
}

/** Creates a rectangle tool that takes 4 extreme points. */
export function createDrawExtremeRectangleTool(options: DrawExtremeRectangleOptions): Tool {
  return createClickTool({
    id: 'draw-rectangle-4',
    label: options.label,
    maxPoints: 4,
    snapRadius: options.snapRadius,
    build: (pts) => {
      const box = boxOfPoints(pts);
      if (pts.length < 8 || !box) return undefined;
      const [x1, y1, x2, y2] = box.points;
      return x2 > x1 && y2 > y1 ? box : undefined;
    },
    preview: (pts) => {
      const box = boxOfPoints(pts);
      return {
        previews: [
          { geometry: { type: 'points', points: [...pts] }, label: options.label },
          ...(box && pts.length >= 4 ? [{ geometry: box, label: options.label }] : []),
        ],
      };
    },
  });
}
