/**
 * The select tool, with move/resize/rotate of the selection:
 *
 *   idle ──down on handle──▶ resizing | rotating ──up──▶ idle (one transaction)
 *   idle ──down on object──▶ pointing ──drag──▶ translating ──up──▶ idle (one transaction)
 *                                    └──up───▶ idle (click: selection already updated)
 *   idle ──down on empty───▶ brushing ──up──▶ idle (rubber band selects objects inside)
 *
 * Shift-click toggles an object in the selection; shift + rubber band adds to it. Escape during
 * a gesture cancels it with nothing dispatched; in idle it clears the selection. Delete or
 * Backspace removes the selection (one transaction). Drags dispatch a single transaction at
 * pointer-up (previews are shown meanwhile), so one drag is one undo step.
 */
import { shapeDefinition } from '@annotkit/core';
import type { Geometry, LabelId, ObjectId, RectangleGeometry } from '@annotkit/core';
import { removeShapes, updateGeometries } from '../edits.js';
import {
  handleAt,
  rectangleHandles,
  resizeRectangle,
  rotateRectangle,
} from '../transform/transform.js';
import { pastThreshold } from '../types.js';
import type { Handle, Tool, ToolContext, ToolPointerEvent, ToolOverlay } from '../types.js';

/** States of the select tool. */
export const SelectState = {
  Idle: 'idle',
  Pointing: 'pointing',
  Translating: 'translating',
  Brushing: 'brushing',
  Resizing: 'resizing',
  Rotating: 'rotating',
} as const;
/** States of the select tool. */
export type SelectState = (typeof SelectState)[keyof typeof SelectState];

/** Options of the select tool. */
export interface SelectToolOptions {
  /** Pick radius of handles in screen px. Defaults to 8. */
  readonly handleRadius?: number;
  /** Rotation snap step in degrees while Shift is held. Defaults to 15. */
  readonly rotationSnap?: number;
}

interface Gesture {
  readonly start: ToolPointerEvent;
  readonly originals: readonly {
    readonly id: ObjectId;
    readonly geometry: Geometry;
    readonly label: LabelId;
  }[];
  readonly handle?: Handle;
  readonly additive: boolean;
  edits: { id: ObjectId; geometry: Geometry }[];
}

function translate(g: Geometry, dx: number, dy: number): Geometry {
  return (
    shapeDefinition(g.type) as { translate(g: Geometry, dx: number, dy: number): Geometry }
  ).translate(g, dx, dy);
}

/** Creates a select tool. */
export function createSelectTool(options: SelectToolOptions = {}): Tool {
  const handleRadius = options.handleRadius ?? 8;
  const rotationSnap = options.rotationSnap ?? 15;
  let state: SelectState = 'idle';
  let gesture: Gesture | undefined;

  const set = (ctx: ToolContext, s: SelectState): void => {
    state = s;
    ctx.setState(s);
  };

  /** The single selected, unlocked rectangle whose handles are shown. */
  const handleTarget = (
    ctx: ToolContext,
  ): { id: ObjectId; geometry: RectangleGeometry } | undefined => {
    if (ctx.selection.length !== 1) return undefined;
    const item = ctx.item(ctx.selection[0]);
    if (!item || item.shape.geometry.type !== 'rectangle' || ctx.isLocked(item.shape.id)) {
      return undefined;
    }
    return { id: item.shape.id, geometry: item.shape.geometry };
  };

  const idleOverlay = (ctx: ToolContext): ToolOverlay | null => {
    const t = handleTarget(ctx);
    return t ? { handles: rectangleHandles(t.geometry, ctx.view) } : null;
  };

  const originalsOf = (ctx: ToolContext, ids: readonly ObjectId[]): Gesture['originals'] =>
    ids.flatMap((id) => {
      const it = ctx.isLocked(id) ? undefined : ctx.item(id);
      return it ? [{ id, geometry: it.shape.geometry, label: it.shape.label }] : [];
    });

  const showEdits = (ctx: ToolContext, g: Gesture, handles: boolean): void => {
    const first = g.edits[0]?.geometry;
    ctx.setOverlay({
      editing: g.edits.map((e) => e.id),
      previews: g.edits.map((e, i) => ({ geometry: e.geometry, label: g.originals[i].label })),
      handles:
        handles && first?.type === 'rectangle' ? rectangleHandles(first, ctx.view) : undefined,
    });
  };

  const finish = (ctx: ToolContext): void => {
    gesture = undefined;
    set(ctx, 'idle');
    ctx.setOverlay(idleOverlay(ctx));
  };

  return {
    id: 'select',
    get state() {
      return state;
    },
    refresh(ctx) {
      if (state === 'idle') ctx.setOverlay(idleOverlay(ctx));
    },
    pointerDown(e, ctx) {
      if (e.button !== 0 || state !== 'idle') return;
      const target = handleTarget(ctx);
      if (target) {
        const h = handleAt(
          rectangleHandles(target.geometry, ctx.view),
          e.x,
          e.y,
          handleRadius / ctx.view.scale,
        );
        if (h) {
          gesture = {
            start: e,
            originals: originalsOf(ctx, [target.id]),
            handle: h,
            additive: false,
            edits: [],
          };
          set(ctx, h.kind === 'rotate' ? 'rotating' : 'resizing');
          return;
        }
      }
      const hit = ctx.hitTest(e.x, e.y);
      if (hit === undefined) {
        if (!e.shiftKey && ctx.selection.length > 0) ctx.select([]);
        gesture = { start: e, originals: [], additive: e.shiftKey === true, edits: [] };
        set(ctx, 'brushing');
        return;
      }
      if (e.shiftKey) {
        const sel = ctx.selection.includes(hit)
          ? ctx.selection.filter((id) => id !== hit)
          : [...ctx.selection, hit];
        ctx.select(sel);
        ctx.setOverlay(idleOverlay(ctx));
        return;
      }
      if (!ctx.selection.includes(hit)) ctx.select([hit]);
      gesture = {
        start: e,
        // Pinned objects stay selected but do not move with the others (CVAT's pin).
        originals: originalsOf(
          ctx,
          ctx.selection.filter((id) => !ctx.isPinned?.(id)),
        ),
        additive: false,
        edits: [],
      };
      set(ctx, 'pointing');
    },
    pointerMove(e, ctx) {
      const g = gesture;
      if (!g) return;
      if (state === 'pointing' && pastThreshold(g.start, e)) set(ctx, 'translating');
      if (state === 'translating') {
        const dx = e.x - g.start.x;
        const dy = e.y - g.start.y;
        g.edits = g.originals.map((o) => ({ id: o.id, geometry: translate(o.geometry, dx, dy) }));
        showEdits(ctx, g, false);
      } else if (state === 'resizing' || state === 'rotating') {
        const o = g.originals[0];
        if (!o || o.geometry.type !== 'rectangle' || !g.handle) return;
        const geometry =
          state === 'resizing'
            ? resizeRectangle(o.geometry, g.handle.kind, e.x, e.y)
            : rotateRectangle(o.geometry, e.x, e.y, e.shiftKey ? rotationSnap : 0);
        g.edits = [{ id: o.id, geometry }];
        showEdits(ctx, g, true);
      } else if (state === 'brushing' && pastThreshold(g.start, e)) {
        ctx.setOverlay({ band: band(g.start, e) });
      }
    },
    pointerUp(e, ctx) {
      const g = gesture;
      if (!g) return;
      if (state === 'brushing') {
        if (pastThreshold(g.start, e)) {
          const inside = ctx.inside(band(g.start, e));
          ctx.select(g.additive ? [...new Set([...ctx.selection, ...inside])] : inside);
        }
      } else if (state === 'translating' || state === 'resizing' || state === 'rotating') {
        const name = state === 'translating' ? 'move' : state === 'resizing' ? 'resize' : 'rotate';
        // Clear the previews first: the dispatched change redraws the real objects.
        ctx.setOverlay(null);
        updateGeometries(ctx, g.edits, name);
      }
      finish(ctx);
    },
    keyDown(e, ctx) {
      if (e.key === 'Escape') {
        if (state !== 'idle') {
          gesture = undefined;
          finish(ctx);
        } else if (ctx.selection.length > 0) {
          ctx.select([]);
          ctx.setOverlay(null);
        } else return false;
        return true;
      }
      if (
        (e.key === 'Delete' || e.key === 'Backspace') &&
        state === 'idle' &&
        ctx.selection.length > 0
      ) {
        const ids = [...ctx.selection];
        ctx.select([]);
        ctx.setOverlay(null);
        removeShapes(ctx, ids);
        return true;
      }
      return false;
    },
    cancel(ctx) {
      gesture = undefined;
      ctx.setOverlay(null);
      if (state !== 'idle') set(ctx, 'idle');
    },
  };
}

function band(
  a: { x: number; y: number },
  b: { x: number; y: number },
): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  };
}
