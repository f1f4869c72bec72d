/**
 * The join tool: pick polygons/masks of one label by clicking, then join them.
 *
 *   idle ──click an object──▶ collecting ──click another──▶ collecting (toggles it)
 *                                        ──Enter / double-click──▶ idle (one transaction, the
 *                                          union selected) — stays collecting when refused
 *                                        ──Escape──▶ idle (nothing changed)
 *
 * Clicks on objects of another label, of another type, or locked ones are ignored. The picked
 * objects are shown as the canvas selection. See join.ts for what a join produces and refuses.
 */
import type { ObjectId } from '@annotkit/core';
import { pathKey } from '../clickedPath.js';
import { runCommand } from '../edits.js';
import type { Tool, ToolContext, ToolPointerEvent } from '../types.js';
import { joinObjects } from './join.js';

/** States of the join tool. */
export const JoinState = { Idle: 'idle', Collecting: 'collecting' } as const;
/** States of the join tool. */
export type JoinState = (typeof JoinState)[keyof typeof JoinState];

/** Creates a join tool. */
export function createJoinTool(): Tool {
  let state: JoinState = 'idle';
  let picked: ObjectId[] = [];

  const set = (ctx: ToolContext, s: JoinState): void => {
    state = s;
    ctx.setState(s);
  };
  const reset = (ctx: ToolContext): void => {
    picked = [];
    ctx.select([]);
    set(ctx, 'idle');
  };
  const pickable = (ctx: ToolContext, id: ObjectId): boolean => {
    const it = ctx.item(id);
    if (!it || ctx.isLocked(id)) return false;
    const t = it.shape.geometry.type;
    if (t !== 'polygon' && t !== 'mask') return false;
    if (it.shape.kind !== 'shape') return false;
    const first = picked.length ? ctx.item(picked[0]) : undefined;
    return !first || first.shape.label === it.shape.label;
  };
  const finish = (ctx: ToolContext): boolean => {
    let joined: ObjectId | undefined;
    const ok = runCommand(
      joinObjects(picked, ctx.frame, (id) => (joined = id)),
      ctx,
    );
    if (!ok) return false;
    picked = [];
    set(ctx, 'idle');
    ctx.select(joined !== undefined && ctx.item(joined) ? [joined] : []);
    return true;
  };

  return {
    id: 'join',
    get state() {
      return state;
    },
    pointerDown(e: ToolPointerEvent, ctx) {
      if (e.button !== 0) return;
      const id = ctx.hitTest(e.x, e.y);
      if (id === undefined) return;
      const i = picked.indexOf(id);
      if (i >= 0) {
        picked.splice(i, 1);
        if (picked.length === 0) {
          reset(ctx);
          return;
        }
      } else if (pickable(ctx, id)) picked.push(id);
      else return;
      ctx.select(picked);
      if (state === 'idle') set(ctx, 'collecting');
    },
    pointerMove() {},
    pointerUp() {},
    doubleClick(_e, ctx) {
      if (state === 'collecting') finish(ctx);
    },
    keyDown(e, ctx) {
      if (state !== 'collecting') return false;
      return pathKey(e.key, { finish: () => finish(ctx), cancel: () => reset(ctx) });
    },
    cancel(ctx) {
      if (state !== 'idle') reset(ctx);
    },
  };
}
