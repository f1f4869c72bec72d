/**
 * A reusable state machine for tools that collect points by clicks (points, polygon/polyline,
 * rectangle by 4 extreme points, cuboid by 4 points, skeleton by its points):
 *
 *   idle ──click──▶ creating ──click──▶ creating (adds a point; finishes at `maxPoints`)
 *   idle|creating ──Shift-press──▶ freehand ──move (samples)──▶ freehand ──up──▶ creating
 *   creating ──Enter / double-click──▶ idle (one transaction, when `build` accepts the points)
 *   creating ──Backspace──▶ creating (drops the last point; idle when none is left)
 *   any ──Escape──▶ idle (nothing created)
 *
 * A point is added on pointer-up, so press-drag-release adds one point where released. A
 * freehand run samples the pointer every `sampleSpacing` screen px while Shift-dragging and is
 * simplified with core's `douglasPeucker` at `simplifyTolerance` screen px when released. Every
 * added point is snapped to existing vertices within `snapRadius` screen px. When the points
 * reach `maxPoints` but `build` refuses them, the last point is dropped and drawing goes on.
 */
import { douglasPeucker } from '@annotkit/core';
import type { Geometry, LabelId } from '@annotkit/core';
import { dropRepeatedPoint, pathKey, removeLastPoint } from '../clickedPath.js';
import { createShape } from '../edits.js';
import { snapPoint } from '../snap/snap.js';
import type { Tool, ToolContext, ToolOverlay, ToolPointerEvent } from '../types.js';

/** States of click-collecting tools. */
export const ClickToolState = {
  Idle: 'idle',
  Creating: 'creating',
  Freehand: 'freehand',
} as const;
/** States of click-collecting tools. */
export type ClickToolState = (typeof ClickToolState)[keyof typeof ClickToolState];

/** What a click-collecting tool does with its points. */
export interface ClickToolSpec {
  /** The tool id reported by `Tool.id`. */
  readonly id: string;
  /** Label of the created shapes. */
  readonly label: LabelId;
  /**
   * Finish automatically once this many points are placed, or a function of the context giving
   * that number (e.g. a skeleton's sublabel count). Defaults to none (Enter finishes).
   */
  readonly maxPoints?: number | ((ctx: ToolContext) => number | undefined);
  /** Allow Shift-drag freehand sampling. Defaults to false. */
  readonly freehand?: boolean;
  /** Freehand sampling distance in screen px. Defaults to 4. */
  readonly sampleSpacing?: number;
  /** Freehand Douglas-Peucker tolerance in screen px. Defaults to 1.5. */
  readonly simplifyTolerance?: number;
  /** Snap radius in screen px (0: off). Defaults to 0. */
  readonly snapRadius?: number;
  /**
   * The shape for the placed points (flat image px), or undefined when they cannot make one
   * yet (too few points, zero size): finishing then does nothing and drawing goes on.
   */
  build(points: readonly number[], ctx: ToolContext): Geometry | undefined;
  /** The preview overlay for the placed points plus the pointer position (if any). */
  preview(points: readonly number[], ctx: ToolContext): ToolOverlay;
}

/** Creates a tool that collects clicked points and hands them to `spec.build`. */
export function createClickTool(spec: ClickToolSpec): Tool {
  const spacing = spec.sampleSpacing ?? 4;
  const simplify = spec.simplifyTolerance ?? 1.5;
  const snapRadius = spec.snapRadius ?? 0;
  let state: ClickToolState = 'idle';
  let points: number[] = [];
  let cursor: { x: number; y: number } | undefined;
  /** Freehand run: index in `points` where it starts, and the last sample (screen px). */
  let run: { start: number; sx: number; sy: number } | undefined;

  const set = (ctx: ToolContext, s: ClickToolState): void => {
    state = s;
    ctx.setState(s);
  };
  const snap = (ctx: ToolContext, e: ToolPointerEvent): { x: number; y: number } =>
    snapPoint(ctx, e.x, e.y, snapRadius);
  const show = (ctx: ToolContext): void => {
    ctx.setOverlay(spec.preview(cursor ? [...points, cursor.x, cursor.y] : points, ctx));
  };
  /** Set when Escape ends a freehand run while the button is down: its pointer-up is no click. */
  let swallowUp = false;
  const reset = (ctx: ToolContext): void => {
    swallowUp = state === 'freehand';
    points = [];
    cursor = undefined;
    run = undefined;
    ctx.setOverlay(null);
    set(ctx, 'idle');
  };
  const finish = (ctx: ToolContext): boolean => {
    const g = spec.build(points, ctx);
    if (!g) return false;
    reset(ctx);
    createShape(ctx, spec.label, g);
    return true;
  };
  /** After adding points: auto-finish at `maxPoints`, else keep creating. */
  const added = (ctx: ToolContext): void => {
    const max = typeof spec.maxPoints === 'function' ? spec.maxPoints(ctx) : spec.maxPoints;
    if (max !== undefined && max > 0 && points.length / 2 >= max) {
      points = points.slice(0, 2 * max);
      if (finish(ctx)) return;
      // The N points make no shape (e.g. zero size): drop the last one and keep waiting.
      points = points.slice(0, 2 * (max - 1));
    }
    if (state !== 'creating') set(ctx, 'creating');
    show(ctx);
  };

  return {
    id: spec.id,
    get state() {
      return state;
    },
    pointerDown(e, ctx) {
      swallowUp = false;
      if (e.button !== 0 || !spec.freehand || !e.shiftKey || state === 'freehand') return;
      const p = snap(ctx, e);
      run = { start: points.length, sx: e.screenX, sy: e.screenY };
      points.push(p.x, p.y);
      cursor = undefined;
      set(ctx, 'freehand');
      show(ctx);
    },
    pointerMove(e, ctx) {
      if (state === 'freehand' && run) {
        if (Math.hypot(e.screenX - run.sx, e.screenY - run.sy) >= spacing) {
          points.push(e.x, e.y);
          run.sx = e.screenX;
          run.sy = e.screenY;
          show(ctx);
        }
        return;
      }
      if (state !== 'creating') return;
      cursor = snap(ctx, e);
      show(ctx);
    },
    pointerUp(e, ctx) {
      if (e.button !== 0) return;
      if (swallowUp) {
        swallowUp = false;
        return;
      }
      if (state === 'freehand' && run) {
        const p = snap(ctx, e);
        const n = points.length;
        if (points[n - 2] !== p.x || points[n - 1] !== p.y) points.push(p.x, p.y);
        // The run is one open stretch of the outline (clicks may follow), so it is simplified
        // as an open polyline: both of its ends are kept.
        const sampled = points.slice(run.start);
        const kept = douglasPeucker(sampled, simplify / ctx.view.scale, false);
        points = [...points.slice(0, run.start), ...kept];
        run = undefined;
        set(ctx, 'creating');
        added(ctx);
        return;
      }
      const p = snap(ctx, e);
      points.push(p.x, p.y);
      cursor = undefined;
      added(ctx);
    },
    doubleClick(_e, ctx) {
      if (state !== 'creating') return;
      dropRepeatedPoint(points);
      finish(ctx);
    },
    keyDown(e, ctx) {
      if (state === 'idle') return false;
      if (state !== 'creating') {
        // Freehand (Shift-drag in progress) only knows Escape.
        if (e.key !== 'Escape') return false;
        reset(ctx);
        return true;
      }
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
