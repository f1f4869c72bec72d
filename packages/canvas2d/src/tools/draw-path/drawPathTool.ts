/**
 * Draws a polygon or polyline by clicks AND by Shift-drag freehand (CVAT's "sliding" point
 * insertion), with an optional automatic finish after N points (CVAT's `numberOfPoints`) and
 * snapping to existing vertices. Clicks and freehand runs mix freely in one shape; Enter or a
 * double-click finishes, Backspace drops the last point, Escape cancels. A freehand run is
 * simplified with core's Douglas-Peucker when the button is released.
 */
import type { LabelId, PolygonGeometry, PolylineGeometry } from '@annotkit/core';
import { createClickTool } from '../draw-clicks/clickTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Tool } from '../types.js';

/** Options of the polygon/polyline tool with freehand. */
export interface DrawPathOptions extends SnapOptions {
  /** Label of the new shapes. */
  readonly label: LabelId;
  /** What to draw. */
  readonly type: 'polygon' | 'polyline';
  /**
   * Finish automatically once this many points are placed (a freehand run that overshoots is
   * cut at N). Defaults to none (Enter or double-click finishes).
   */
  readonly maxPoints?: number;
  /** Freehand sampling distance in screen px. Defaults to 4. */
  readonly sampleSpacing?: number;
  /** Freehand simplification tolerance in screen px (Douglas-Peucker). Defaults to 1.5. */
  readonly simplifyTolerance?: number;
}

const MIN_POINTS = { polygon: 3, polyline: 2 } as const;

/** Creates a polygon/polyline tool with clicks, Shift-drag freehand and auto-finish. */
export function createDrawPathTool(options: DrawPathOptions): Tool {
  const geometry = (pts: readonly number[]): PolygonGeometry | PolylineGeometry =>
    ({ type: options.type, points: [...pts] }) as PolygonGeometry | PolylineGeometry;
  return createClickTool({
    id: `draw-${options.type}-path`,
    label: options.label,
    maxPoints: options.maxPoints,
    freehand: true,
    sampleSpacing: options.sampleSpacing,
    simplifyTolerance: options.simplifyTolerance,
    snapRadius: options.snapRadius,
    build: (pts) => (pts.length / 2 >= MIN_POINTS[options.type] ? geometry(pts) : undefined),
    preview: (pts) => ({
      previews: [{ geometry: { type: 'polyline', points: [...pts] }, label: options.label }],
      guides:
        options.type === 'polygon' && pts.length >= 6
          ? [[pts[pts.length - 2], pts[pts.length - 1], pts[0], pts[1]]]
          : undefined,
    }),
  });
}
