/**
 * A reusable state machine for tools that span a shape between two points (ellipse, cuboid
 * from a rectangle, skeleton from its template), as a drag or as two clicks:
 *
 *   idle ──down──▶ creating ──up after a drag──▶ idle (one transaction)
 *                          └─up without drag─▶ second-point ──click──▶ idle (one transaction)
 *
 * Escape (or `cancel`) discards the shape. When `build` refuses the two points (zero size) the
 * tool keeps waiting for a usable second point.
 */
import type { Geometry, LabelId } from '@annotkit/core';
import { createShape } from '../edits.js';
import { snapPoint } from '../snap/snap.js';
import { pastThreshold } from '../types.js';
import type { Modifiers, Tool, ToolContext, ToolOverlay, ToolPointerEvent } from '../types.js';

/** States of two-point tools. */
export const DragToolState = {
  Idle: 'idle',
  Creating: 'creating',
  SecondPoint: 'second-point',
} as const;
/** States of two-point tools. */
export type DragToolState = (typeof DragToolState)[keyof typeof DragToolState];

/** An image-px point. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** What a two-point tool builds. */
export interface DragToolSpec {
  /** The tool id reported by `Tool.id`. */
  readonly id: string;
  /** Label of the created shapes. */
  readonly label: LabelId;
  /** Snap radius in screen px for both points (0: off). Defaults to 0. */
  readonly snapRadius?: number;
  /** The shape spanned from `a` to `b` (image px), or undefined when it would be empty. */
  build(a: XY, b: XY, mods: Modifiers, ctx: ToolContext): Geometry | undefined;
  /** Extra overlay parts shown with the preview geometry (guides). Defaults to none. */
  extras?(g: Geometry): Partial<ToolOverlay>;
}

/** Creates a two-point (drag or two clicks) drawing tool. */
export function createDragTool(spec: DragToolSpec): Tool {
  let state: DragToolState = 'idle';
  let first: (XY & { screenX: number; screenY: number }) | undefined;
  const radius = spec.snapRadius ?? 0;

  const set = (ctx: ToolContext, s: DragToolState): void => {
    state = s;
    ctx.setState(s);
  };
  const point = (ctx: ToolContext, e: ToolPointerEvent): XY => snapPoint(ctx, e.x, e.y, radius);
  const preview = (ctx: ToolContext, e: ToolPointerEvent): void => {
    if (!first) return;
    const g = spec.build(first, point(ctx, e), e, ctx);
    ctx.setOverlay(
      g ? { previews: [{ geometry: g, label: spec.label }], ...spec.extras?.(g) } : null,
    );
  };
  const reset = (ctx: ToolContext): void => {
    first = undefined;
    ctx.setOverlay(null);
    set(ctx, 'idle');
  };
  const complete = (ctx: ToolContext, e: ToolPointerEvent): boolean => {
    if (!first) return false;
    const g = spec.build(first, point(ctx, e), e, ctx);
    if (!g) return false;
    reset(ctx);
    createShape(ctx, spec.label, g);
    return true;
  };

  return {
    id: spec.id,
    get state() {
      return state;
    },
    pointerDown(e, ctx) {
      if (e.button !== 0 || state !== 'idle') return;
      first = { ...point(ctx, e), screenX: e.screenX, screenY: e.screenY };
      set(ctx, 'creating');
    },
    pointerMove(e, ctx) {
      if (state !== 'idle') preview(ctx, e);
    },
    pointerUp(e, ctx) {
      if (e.button !== 0) return;
      if (state === 'creating' && first) {
        if (pastThreshold(first, e) && complete(ctx, e)) return;
        set(ctx, 'second-point');
      } else if (state === 'second-point') {
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
