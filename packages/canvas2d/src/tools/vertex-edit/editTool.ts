/**
 * The edit tool: the select tool (select, move, resize/rotate rectangles, delete) plus handles
 * for editing the points of the single selected object (see `editors.ts` for what each type
 * offers). Pointer input on one of its handles is handled here; everything else goes to an
 * inner select tool, whose overlay is merged with the handles.
 *
 *   idle ──down on handle──▶ dragging ──up──▶ idle (one transaction if it moved)
 *   idle ──down on edge midpoint──▶ inserting ──up──▶ idle (one transaction: vertex inserted
 *                                                      where released)
 *   idle ──Alt-click on vertex, or Delete while a vertex is hovered──▶ idle (one transaction,
 *        refused below the type's minimum point count)
 *   any other input ──▶ the select tool's states
 *
 * Escape during a handle drag cancels it with nothing dispatched. Dragged vertices and inserted
 * vertices snap to other objects' vertices within `snapRadius` screen px.
 */
import type { Geometry, LabelId, ObjectId } from '@annotkit/core';
import { updateGeometries } from '../edits.js';
import { createSelectTool } from '../select/selectTool.js';
import type { SelectToolOptions } from '../select/selectTool.js';
import { snapPoint } from '../snap/snap.js';
import type { SnapOptions } from '../snap/snap.js';
import { handleAt } from '../transform/transform.js';
import { pastThreshold } from '../types.js';
import type { Tool, ToolContext, ToolOverlay, ToolPointerEvent } from '../types.js';
import { editorOf } from './editors.js';
import type { EditHandle, ShapeEditor } from './editors.js';

/** States of the edit tool besides the select tool's. */
export const EditState = { Dragging: 'dragging', Inserting: 'inserting' } as const;
/** States of the edit tool besides the select tool's. */
export type EditState = (typeof EditState)[keyof typeof EditState];

/** Options of the edit tool. */
export interface EditToolOptions extends SelectToolOptions, SnapOptions {}

interface Target {
  readonly id: ObjectId;
  readonly label: LabelId;
  readonly geometry: Geometry;
  readonly editor: ShapeEditor;
}

interface Gesture {
  readonly target: Target;
  readonly handle: EditHandle;
  readonly start: ToolPointerEvent;
  readonly insert: boolean;
  /** Pointer minus handle at the press (image px). */
  readonly grabX: number;
  readonly grabY: number;
  current: Geometry | undefined;
}

/** Creates the edit tool (select + vertex editing). */
export function createEditTool(options: EditToolOptions = {}): Tool {
  const inner = createSelectTool(options);
  const handleRadius = options.handleRadius ?? 8;
  const rotationSnap = options.rotationSnap ?? 15;
  const snapRadius = options.snapRadius ?? 0;
  let gesture: Gesture | undefined;
  let innerOverlay: ToolOverlay | null = null;
  let hovered: { id: ObjectId; vertex: number } | undefined;

  const target = (ctx: ToolContext): Target | undefined => {
    if (ctx.selection.length !== 1) return undefined;
    const item = ctx.item(ctx.selection[0]);
    if (!item || ctx.isLocked(item.shape.id)) return undefined;
    const editor = editorOf(item.shape.geometry.type);
    if (!editor) return undefined;
    return { id: item.shape.id, label: item.shape.label, geometry: item.shape.geometry, editor };
  };

  /** Publishes the merged overlay (inner select overlay + this tool's handles and guides). */
  const publish = (ctx: ToolContext): void => {
    if (gesture) return;
    const t = inner.state === 'idle' ? target(ctx) : undefined;
    if (!t) {
      ctx.setOverlay(innerOverlay);
      return;
    }
    ctx.setOverlay({
      ...innerOverlay,
      handles: [...(innerOverlay?.handles ?? []), ...t.editor.handles(t.geometry, ctx.view)],
      guides: [...(innerOverlay?.guides ?? []), ...(t.editor.guides?.(t.geometry) ?? [])],
    });
  };

  const wrap = (ctx: ToolContext): ToolContext => ({
    get doc() {
      return ctx.doc;
    },
    get frame() {
      return ctx.frame;
    },
    get view() {
      return ctx.view;
    },
    get selection() {
      return ctx.selection;
    },
    hitTest: (x, y) => ctx.hitTest(x, y),
    inside: (rect) => ctx.inside(rect),
    topZOrder: () => ctx.topZOrder(),
    isLocked: (id) => ctx.isLocked(id),
    item: (id) => ctx.item(id),
    search: ctx.search ? (rect) => ctx.search?.(rect) ?? [] : undefined,
    select: (ids) => ctx.select(ids),
    setOverlay(o) {
      innerOverlay = o;
      publish(ctx);
    },
    dispatch: (tr) => ctx.dispatch(tr),
    setState: (s) => ctx.setState(s),
  });

  const handleUnder = (
    ctx: ToolContext,
    x: number,
    y: number,
  ): { t: Target; h: EditHandle } | undefined => {
    const t = target(ctx);
    if (!t) return undefined;
    const h =
      (handleAt(t.editor.handles(t.geometry, ctx.view), x, y, handleRadius / ctx.view.scale) as
        EditHandle | undefined) ?? t.editor.body?.(t.geometry, x, y);
    return h ? { t, h } : undefined;
  };

  const removeVertex = (ctx: ToolContext, t: Target, vertex: number): void => {
    const next = t.editor.remove?.(t.geometry, vertex);
    // Below the minimum point count: refused, nothing dispatched.
    if (!next) return;
    hovered = undefined;
    updateGeometries(ctx, [{ id: t.id, geometry: next }], 'delete vertex');
  };

  const endGesture = (ctx: ToolContext): void => {
    gesture = undefined;
    ctx.setState(inner.state);
    publish(ctx);
  };

  const geometryAt = (ctx: ToolContext, g: Gesture, e: ToolPointerEvent): Geometry | undefined => {
    let x = e.x - g.grabX;
    let y = e.y - g.grabY;
    if (g.insert || (g.handle.kind === 'vertex' && g.handle.move?.length === 1)) {
      const s = snapPoint(ctx, x, y, snapRadius, new Set([g.target.id]));
      x = s.x;
      y = s.y;
    }
    const { editor, geometry } = g.target;
    if (g.insert && g.handle.insertAt !== undefined && editor.insert) {
      return editor.insert(geometry, g.handle.insertAt, x, y);
    }
    return editor.drag(geometry, g.handle, x, y, e.shiftKey ? rotationSnap : 0);
  };

  const showGesture = (ctx: ToolContext, g: Gesture): void => {
    const geometry = g.current ?? g.target.geometry;
    const { editor } = g.target;
    ctx.setOverlay({
      editing: [g.target.id],
      previews: [{ geometry, label: g.target.label }],
      handles: editor.handles(geometry, ctx.view),
      guides: editor.guides?.(geometry),
    });
  };

  return {
    id: 'edit',
    get state() {
      if (gesture) return gesture.insert ? EditState.Inserting : EditState.Dragging;
      return inner.state;
    },
    refresh(ctx) {
      if (gesture) return;
      inner.refresh?.(wrap(ctx));
      publish(ctx);
    },
    pointerDown(e, ctx) {
      if (e.button === 0 && !gesture && inner.state === 'idle') {
        const under = handleUnder(ctx, e.x, e.y);
        if (under) {
          const { t, h } = under;
          if (e.altKey) {
            if (h.vertex !== undefined) removeVertex(ctx, t, h.vertex);
            return;
          }
          const insert = h.insertAt !== undefined;
          gesture = {
            target: t,
            handle: h,
            start: e,
            insert,
            grabX: e.x - h.x,
            grabY: e.y - h.y,
            current: undefined,
          };
          if (insert) gesture.current = geometryAt(ctx, gesture, e);
          ctx.setState(insert ? EditState.Inserting : EditState.Dragging);
          showGesture(ctx, gesture);
          return;
        }
      }
      inner.pointerDown(e, wrap(ctx));
    },
    pointerMove(e, ctx) {
      const g = gesture;
      if (g) {
        if (!g.insert && !pastThreshold(g.start, e) && g.current === undefined) return;
        // An invalid intermediate geometry (zero radius) keeps the last valid preview.
        g.current = geometryAt(ctx, g, e) ?? g.current;
        showGesture(ctx, g);
        return;
      }
      inner.pointerMove(e, wrap(ctx));
      if (inner.state === 'idle') {
        const under = handleUnder(ctx, e.x, e.y);
        hovered =
          under?.h.vertex !== undefined ? { id: under.t.id, vertex: under.h.vertex } : undefined;
      }
    },
    pointerUp(e, ctx) {
      const g = gesture;
      if (!g) {
        inner.pointerUp(e, wrap(ctx));
        return;
      }
      if (g.insert || pastThreshold(g.start, e) || g.current !== undefined) {
        g.current = geometryAt(ctx, g, e) ?? g.current;
      }
      const next = g.current;
      gesture = undefined;
      ctx.setOverlay(null);
      if (next) {
        updateGeometries(
          ctx,
          [{ id: g.target.id, geometry: next }],
          g.insert ? 'insert vertex' : 'move vertex',
        );
      }
      endGesture(ctx);
    },
    doubleClick(e, ctx) {
      if (!gesture) inner.doubleClick?.(e, wrap(ctx));
    },
    keyDown(e, ctx) {
      if (gesture) {
        if (e.key !== 'Escape') return false;
        endGesture(ctx);
        return true;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && hovered && inner.state === 'idle') {
        const t = target(ctx);
        if (t && t.id === hovered.id) {
          removeVertex(ctx, t, hovered.vertex);
          return true;
        }
      }
      return inner.keyDown(e, wrap(ctx));
    },
    cancel(ctx) {
      gesture = undefined;
      hovered = undefined;
      inner.cancel(wrap(ctx));
      innerOverlay = null;
      ctx.setOverlay(null);
    },
  };
}
