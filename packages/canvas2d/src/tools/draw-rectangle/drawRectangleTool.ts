/**
 * Draws a rectangle by two corners, either as a drag (press at one corner, release at the
 * other) or as two clicks (CVAT's "by 2 points"):
 *
 *   idle ──down──▶ creating ──up after a drag──▶ idle (one transaction)
 *                          └─up without drag─▶ second-corner ──click──▶ idle (one transaction)
 *
 * Escape (or `cancel`) in any state discards the rectangle. A rectangle with zero width or
 * height is not created: the tool keeps waiting for a usable second corner.
 */
import type { LabelId, RectangleGeometry } from '@annotkit/core';
import { createShape } from '../edits.js';
import { pastThreshold } from '../types.js';
import type { Tool, ToolContext, ToolPointerEvent } from '../types.js';

/** States of the rectangle tool. */
export const DrawRectangleState = {
  Idle: 'idle',
  Creating: 'creating',
  SecondCorner: 'second-corner',
} as const;
/** States of the rectangle tool. */
export type DrawRectangleState = (typeof DrawRectangleState)[keyof typeof DrawRectangleState];

/** Options of the rectangle tool. */
export interface DrawRectangleOptions {
  /** Label of the new rectangles. */
  readonly label: LabelId;
}

/** The rectangle spanned by two image points (normalised). */
export function rectangleFrom(
  a: { x: number; y: number },
  b: { x: number; y: number },
): RectangleGeometry {
  return {
    type: 'rectangle',
    points: [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)],
    rotation: 0,
  };
}

/** Creates a rectangle tool. */
export function createDrawRectangleTool(options: DrawRectangleOptions): Tool {
  let state: DrawRectangleState = 'idle';
  let first: ToolPointerEvent | undefined;

  const set = (ctx: ToolContext, s: DrawRectangleState): void => {
    state = s;
    ctx.setState(s);
  };
  const preview = (ctx: ToolContext, e: ToolPointerEvent): void => {
    if (!first) return;
    ctx.setOverlay({ previews: [{ geometry: rectangleFrom(first, e), label: options.label }] });
  };
  const reset = (ctx: ToolContext): void => {
    first = undefined;
    ctx.setOverlay(null);
    set(ctx, 'idle');
  };
  const complete = (ctx: ToolContext, e: ToolPointerEvent): boolean => {
    if (!first) return false;
    const g = rectangleFrom(first, e);
    const [x1, y1, x2, y2] = g.points;
    if (x2 - x1 <= 0 || y2 - y1 <= 0) return false;
    reset(ctx);
    createShape(ctx, options.label, g);
    return true;
  };

  return {
    id: 'draw-rectangle',
    get state() {
      return state;
    },
    pointerDown(e, ctx) {
      if (e.button !== 0) return;
      if (state === 'idle') {
        first = e;
        set(ctx, 'creating');
        preview(ctx, e);
      }
    },
    pointerMove(e, ctx) {
      if (state !== 'idle') preview(ctx, e);
    },
    pointerUp(e, ctx) {
      if (state === 'creating' && first) {
        if (pastThreshold(first, e) && complete(ctx, e)) return;
        set(ctx, 'second-corner');
      } else if (state === 'second-corner') {
        complete(ctx, e);
      }
    },
    keyDown(e, ctx) {
      if (e.key === 'Escape' && state !== 'idle') {
        reset(ctx);
        return true;
      }
      return false;
    },
    cancel(ctx) {
      if (state !== 'idle') reset(ctx);
    },
  };
}
