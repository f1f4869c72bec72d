/**
 * Draws one `points` object by clicks: each click adds a point, Enter (or a double-click)
 * finishes with all of them, Backspace drops the last one, Escape cancels. With `maxPoints` the
 * object is created as soon as that many points are placed. See `draw-clicks/clickTool.ts` for
 * the state machine.
 */
import type { LabelId, PointsGeometry } from '@annotkit/core';
import { createClickTool } from '../draw-clicks/clickTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Tool } from '../types.js';

/** Options of the points tool. */
export interface DrawPointsOptions extends SnapOptions {
  /** Label of the new objects. */
  readonly label: LabelId;
  /** Finish automatically after this many points. Defaults to none (Enter finishes). */
  readonly maxPoints?: number;
}

/** Creates a tool that draws one points object per gesture sequence. */
export function createDrawPointsTool(options: DrawPointsOptions): Tool {
  const geometry = (pts: readonly number[]): PointsGeometry => ({
    type: 'points',
    points: [...pts],
  });
  return createClickTool({
    id: 'draw-points',
    label: options.label,
    maxPoints: options.maxPoints,
    snapRadius: options.snapRadius,
    build: (pts) => (pts.length >= 2 ? geometry(pts) : undefined),
    preview: (pts) => ({ previews: [{ geometry: geometry(pts), label: options.label }] }),
  });
}
