/**
 * Draws a polygon or polyline by clicks:
 *
 *   idle ──click──▶ creating ──click──▶ creating (adds a vertex)
 *                            ──Enter / double-click──▶ idle (one transaction, if enough points)
 *                            ──Backspace──▶ creating (drops the last vertex; idle when none left)
 *                            ──Escape──▶ idle (nothing created)
 *
 * A vertex is added on pointer-up, so a press-drag-release adds one vertex where released. A
 * double-click's second click lands on the same spot as the first; that duplicate vertex is
 * dropped before finishing. Finishing with too few vertices (polygon < 3, polyline < 2) does
 * nothing and keeps drawing.
 */
import type { LabelId, PolygonGeometry, PolylineGeometry } from '@annotkit/core';
import { dropRepeatedPoint, pathKey, removeLastPoint } from '../clickedPath.js';
import { createShape } from '../edits.js';
import type { Tool, ToolContext, ToolPointerEvent } from '../types.js';

/** States of the polygon/polyline tool. */
export const DrawPolyState = { Idle: 'idle', Creating: 'creating' } as const;
/** States of the polygon/polyline tool. */
export type DrawPolyState = (typeof DrawPolyState)[keyof typeof DrawPolyState];

/** Options of the polygon/polyline tool. */
export interface DrawPolyOptions {
  /** Label of the new shapes. */
  readonly label: LabelId;
  /** What to draw. */
  readonly type: 'polygon' | 'polyline';
}

/** Minimum vertex count of each type. */
const MIN_POINTS = { polygon: 3, polyline: 2 } as const;

/** Creates a polygon or polyline tool. */
export function createDrawPolyTool(options: DrawPolyOptions): Tool {
  let state: DrawPolyState = 'idle';
  let points: number[] = [];
  let cursor: { x: number; y: number } | undefined;

  const set = (ctx: ToolContext, s: DrawPolyState): void => {
    state = s;
    ctx.setState(s);
  };
  const geometry = (pts: readonly number[]): PolygonGeometry | PolylineGeometry =>
    ({ type: options.type, points: pts }) as PolygonGeometry | PolylineGeometry;
  const show = (ctx: ToolContext): void => {
    const pts = cursor ? [...points, cursor.x, cursor.y] : points;
    ctx.setOverlay({
      previews: [{ geometry: { type: 'polyline', points: pts }, label: options.label }],
    });
  };
  const reset = (ctx: ToolContext): void => {
    points = [];
    cursor = undefined;
    ctx.setOverlay(null);
    set(ctx, 'idle');
  };
  const finish = (ctx: ToolContext): boolean => {
    if (points.length / 2 < MIN_POINTS[options.type]) return false;
    const g = geometry(points);
    reset(ctx);
    createShape(ctx, options.label, g);
    return true;
  };

  return {
    id: `draw-${options.type}`,
    get state() {
      return state;
    },
    pointerDown() {
      // Vertices are added on pointer-up.
    },
    pointerMove(e, ctx) {
      if (state !== 'creating') return;
      cursor = { x: e.x, y: e.y };
      show(ctx);
    },
    pointerUp(e: ToolPointerEvent, ctx) {
      if (e.button !== 0) return;
      points.push(e.x, e.y);
      cursor = undefined;
      if (state === 'idle') set(ctx, 'creating');
      show(ctx);
    },
    doubleClick(_e, ctx) {
      if (state !== 'creating') return;
      dropRepeatedPoint(points);
      finish(ctx);
    },
    keyDown(e, ctx) {
      if (state !== 'creating') return false;
      return pathKey(e.key, {
        finish: () => finish(ctx),
        cancel: () => reset(ctx),
        undo: () => (removeLastPoint(points) ? show(ctx) : reset(ctx)),
      });
    },
    cancel(ctx) {
      if (state !== 'idle') reset(ctx);
    },
  };
}
