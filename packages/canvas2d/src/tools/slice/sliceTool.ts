/**
 * The slice tool: pick a polygon or mask, then draw the cutting polyline by clicks.
 *
 *   idle ──click a polygon/mask──▶ cutting ──click──▶ cutting (adds a vertex of the cut)
 *                                          ──Enter / double-click──▶ idle (one transaction, the
 *                                            pieces selected) — stays cutting when refused
 *                                          ──Backspace──▶ drops the last vertex
 *                                          ──Escape──▶ idle (nothing changed)
 *
 * The click that picks the object is not a vertex of the cut. Vertices are added on pointer-up
 * (as in the polygon tool) and a double-click's duplicate vertex is dropped. See slice.ts for
 * the geometry and when a cut is refused.
 */
import type { ObjectId } from '@annotkit/core';
import { dropRepeatedPoint, pathKey, removeLastPoint } from '../clickedPath.js';
import { runCommand } from '../edits.js';
import type { Tool, ToolContext, ToolPointerEvent } from '../types.js';
import { sliceObject } from './slice.js';

/** States of the slice tool. */
export const SliceState = { Idle: 'idle', Cutting: 'cutting' } as const;
/** States of the slice tool. */
export type SliceState = (typeof SliceState)[keyof typeof SliceState];

/** Creates a slice tool. */
export function createSliceTool(): Tool {
  let state: SliceState = 'idle';
  let target: ObjectId | undefined;
  let line: number[] = [];
  let cursor: { x: number; y: number } | undefined;
  /** True between the picking press and its release (that release adds no vertex). */
  let picking = false;

  const set = (ctx: ToolContext, s: SliceState): void => {
    state = s;
    ctx.setState(s);
  };
  const show = (ctx: ToolContext): void => {
    const it = target !== undefined ? ctx.item(target) : undefined;
    if (!it) return;
    const pts = cursor ? [...line, cursor.x, cursor.y] : line;
    ctx.setOverlay({
      previews:
        pts.length >= 2
          ? [{ geometry: { type: 'polyline', points: pts }, label: it.shape.label }]
          : [],
    });
  };
  const reset = (ctx: ToolContext): void => {
    target = undefined;
    line = [];
    cursor = undefined;
    picking = false;
    ctx.setOverlay(null);
    ctx.select([]);
    set(ctx, 'idle');
  };
  const finish = (ctx: ToolContext): boolean => {
    if (target === undefined) return false;
    let pieces: ObjectId[] = [];
    const ok = runCommand(
      sliceObject(target, ctx.frame, line, (ids) => (pieces = ids)),
      ctx,
    );
    if (!ok) return false;
    reset(ctx);
    ctx.select(pieces.filter((id) => ctx.item(id) !== undefined));
    return true;
  };

  return {
    id: 'slice',
    get state() {
      return state;
    },
    pointerDown(e: ToolPointerEvent, ctx) {
      if (e.button !== 0 || state !== 'idle') return;
      const id = ctx.hitTest(e.x, e.y);
      const it = id !== undefined ? ctx.item(id) : undefined;
      if (id === undefined || !it || ctx.isLocked(id) || it.shape.kind !== 'shape') return;
      const t = it.shape.geometry.type;
      if (t !== 'polygon' && t !== 'mask') return;
      target = id;
      picking = true;
      ctx.select([id]);
      set(ctx, 'cutting');
      show(ctx);
    },
    pointerMove(e, ctx) {
      if (state !== 'cutting' || picking) return;
      cursor = { x: e.x, y: e.y };
      show(ctx);
    },
    pointerUp(e, ctx) {
      if (e.button !== 0 || state !== 'cutting') return;
      if (picking) {
        picking = false;
        return;
      }
      line.push(e.x, e.y);
      cursor = undefined;
      show(ctx);
    },
    doubleClick(_e, ctx) {
      if (state !== 'cutting') return;
      dropRepeatedPoint(line);
      finish(ctx);
    },
    keyDown(e, ctx) {
      if (state !== 'cutting') return false;
      return pathKey(e.key, {
        finish: () => finish(ctx),
        cancel: () => reset(ctx),
        undo: () => {
          removeLastPoint(line);
          show(ctx);
        },
      });
    },
    cancel(ctx) {
      if (state !== 'idle') reset(ctx);
    },
  };
}
