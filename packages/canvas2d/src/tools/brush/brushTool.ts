/**
 * The mask brush: brush and eraser strokes with a round or square tip, and polygon-plus /
 * polygon-minus, all editing ONE working bitmap per session.
 *
 *   idle ──press (brush/eraser)──▶ painting ──release──▶ editing
 *   idle ──click (polygon-±)────▶ polygon ──click──▶ polygon (adds a vertex)
 *                                         ──Enter / double-click──▶ editing (fills/erases it)
 *                                         ──Backspace──▶ drops the last vertex
 *                                         ──Escape──▶ editing (drops the pending polygon)
 *   editing ──press / click──▶ painting / polygon (same session)
 *   any session state ──Enter (no pending polygon) / tool switch / commit()──▶ idle, ONE
 *                       transaction
 *   painting / editing ──Escape──▶ idle, nothing dispatched
 *
 * A session edits the selected mask when exactly one object is selected, it is a mask and it
 * is not locked (the working bitmap starts from its pixels and the object is hidden from the
 * scene meanwhile); otherwise it creates a new mask of `label`. The working bitmap covers the
 * whole image (plus the edited mask's box if that reaches outside it); strokes outside it are
 * clipped to the image.
 *
 * Per pointer event a stroke paints only the swept segment into the bitmap, copies that rect
 * into the display canvas and asks the canvas to redraw that rect: no full repaint, no RLE.
 * On finish the bitmap becomes one mask through core `maskFromBitmap` (tight box):
 * - new mask: created (`createObject`), unless the bitmap is empty (nothing happens);
 * - edited mask: `updateGeometry` when it changed; when it became empty, a shape is removed
 *   and a track is set outside from this frame (`setOutside`), both one undoable step.
 * A pending polygon (≥ 3 vertices) is applied before a finish by tool switch or `commit()`.
 * Changing the frame or the document discards the session (as `cancel` does).
 */
import { AnnotkitError, ErrorCode, polygonToMask, setOutside } from '@annotkit/core';
import type { LabelId, MaskGeometry, ObjectId } from '@annotkit/core';
import { FALLBACK_COLOR, colorOf } from '../../render/styles.js';
import { createShape, removeShapes, runCommand, updateGeometries } from '../edits.js';
import type { Tool, ToolContext, ToolPointerEvent } from '../types.js';
import { paintMask, paintSegment, sameMask } from './raster.js';
import type { BrushTip, WorkArea } from './raster.js';
import { createWorkingMask } from './workingMask.js';
import type { WorkingMask } from './workingMask.js';

/** What a press or click of the brush tool does. */
export const BrushMode = {
  Brush: 'brush',
  Eraser: 'eraser',
  PolygonPlus: 'polygon-plus',
  PolygonMinus: 'polygon-minus',
} as const;
/** What a press or click of the brush tool does. */
export type BrushMode = (typeof BrushMode)[keyof typeof BrushMode];

/** States of the brush tool. */
export const BrushState = {
  Idle: 'idle',
  Painting: 'painting',
  Editing: 'editing',
  Polygon: 'polygon',
} as const;
/** States of the brush tool. */
export type BrushState = (typeof BrushState)[keyof typeof BrushState];

/** Options of the brush tool. */
export interface BrushToolOptions {
  /** Label of new masks (an edited mask keeps its label). */
  readonly label: LabelId;
  /** Defaults to `'brush'`. */
  readonly mode?: BrushMode;
  /** Defaults to `'round'`. */
  readonly tip?: BrushTip;
  /** Tip diameter (round) or side (square) in image px, a positive integer. Defaults to 10. */
  readonly size?: number;
  /** Opacity of the working bitmap on screen in [0, 1]. Defaults to 0.5. */
  readonly opacity?: number;
}

/** The brush tool: a `Tool` plus its settings and an explicit finish. */
export interface BrushTool extends Tool {
  readonly mode: BrushMode;
  readonly tip: BrushTip;
  /** Image px. */
  readonly size: number;
  readonly label: LabelId;
  /** The object edited by the open session (undefined: a new mask, or no session). */
  readonly target: ObjectId | undefined;
  /** Switches the mode; the session stays open (a pending polygon is kept for polygon modes). */
  setMode(mode: BrushMode): void;
  setTip(tip: BrushTip): void;
  /** Sets the tip size (image px). Throws `invalid-type` unless a positive integer. */
  setSize(size: number): void;
  /** Sets the label of new masks. */
  setLabel(label: LabelId): void;
  /**
   * Finishes the open session as one transaction (see the module comment). Returns true when
   * something was dispatched. Uses the context of the canvas the tool last worked in.
   */
  commit(): boolean;
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size <= 0) {
    throw new AnnotkitError(
      ErrorCode.InvalidType,
      `brush size must be a positive integer (px), got ${size}`,
      { path: ['size'] },
    );
  }
  return size;
}

interface Session {
  readonly working: WorkingMask;
  /** The edited object and its geometry when the session began. */
  readonly target:
    { readonly id: ObjectId; readonly kind: string; readonly geometry: MaskGeometry } | undefined;
}

/** Creates a brush tool. */
export function createBrushTool(options: BrushToolOptions): BrushTool {
  let mode: BrushMode = options.mode ?? 'brush';
  let tip: BrushTip = options.tip ?? 'round';
  let size = checkSize(options.size ?? 10);
  let label = options.label;
  const opacity = options.opacity ?? 0.5;
  let state: BrushState = 'idle';
  let session: Session | undefined;
  let last: { x: number; y: number } | undefined;
  let polygon: number[] = [];
  let cursor: { x: number; y: number } | undefined;
  let lastCtx: ToolContext | undefined;

  const set = (ctx: ToolContext, s: BrushState): void => {
    state = s;
    ctx.setState(s);
  };

  const showOverlay = (ctx: ToolContext): void => {
    const pts = cursor ? [...polygon, cursor.x, cursor.y] : polygon;
    ctx.setOverlay({
      editing: session?.target ? [session.target.id] : [],
      previews: pts.length >= 4 ? [{ geometry: { type: 'polyline', points: pts }, label }] : [],
    });
  };

  const begin = (ctx: ToolContext): boolean => {
    const doc = ctx.doc;
    const frame = doc?.media.frames[ctx.frame];
    if (!doc || !frame) return false;
    let target: Session['target'];
    let color: string;
    const sel = ctx.selection.length === 1 ? ctx.item(ctx.selection[0]) : undefined;
    if (sel && sel.shape.geometry.type === 'mask' && !ctx.isLocked(sel.shape.id)) {
      const s = sel.shape;
      target = { id: s.id, kind: s.kind, geometry: sel.shape.geometry as MaskGeometry };
      color = colorOf('label', s.id, s.label, s.group, (id) => doc.label(id));
    } else {
      const spec = doc.label(label);
      if (!spec) {
        throw new AnnotkitError(ErrorCode.UnknownLabel, `label ${label} does not exist`, {
          path: ['label'],
        });
      }
      if (spec.type !== 'any' && spec.type !== 'mask') {
        throw new AnnotkitError(
          ErrorCode.LabelShapeType,
          `label ${spec.name} allows ${spec.type} shapes, not masks`,
          { path: ['label'] },
        );
      }
      color = spec.color || FALLBACK_COLOR;
    }
    let area: WorkArea = { left: 0, top: 0, width: frame.width, height: frame.height };
    if (target) {
      const g = target.geometry;
      const left = Math.min(0, g.left);
      const top = Math.min(0, g.top);
      area = {
        left,
        top,
        width: Math.max(frame.width, g.right + 1) - left,
        height: Math.max(frame.height, g.bottom + 1) - top,
      };
    }
    session = { working: createWorkingMask(area, color, target?.geometry), target };
    showOverlay(ctx);
    ctx.setRaster?.(session.working.overlay(opacity));
    return true;
  };

  const end = (ctx: ToolContext): void => {
    session?.working.free();
    session = undefined;
    last = undefined;
    polygon = [];
    cursor = undefined;
    ctx.setRaster?.(null);
    ctx.setOverlay(null);
    set(ctx, 'idle');
  };

  const stroke = (ctx: ToolContext, x: number, y: number): void => {
    if (!session || !last) return;
    const w = session.working;
    const r = paintSegment(
      w.bits,
      w.area,
      last.x,
      last.y,
      x,
      y,
      size,
      tip,
      mode === 'eraser' ? 0 : 1,
    );
    last = { x, y };
    if (!r) return;
    w.sync(r);
    ctx.rasterChanged?.(r);
  };

  /** Fills or erases the pending polygon (≥ 3 vertices); it is dropped either way. */
  const applyPolygon = (ctx: ToolContext): void => {
    const pts = polygon;
    polygon = [];
    cursor = undefined;
    if (!session || pts.length < 6) return;
    let m: MaskGeometry;
    try {
      m = polygonToMask(pts);
    } catch (e) {
      // A polygon that covers no pixel centre paints nothing.
      if (e instanceof AnnotkitError && e.code === ErrorCode.InvalidGeometry) return;
      throw e;
    }
    const w = session.working;
    const r = paintMask(w.bits, w.area, m, mode === 'polygon-minus' ? 0 : 1);
    if (!r) return;
    w.sync(r);
    ctx.rasterChanged?.(r);
  };

  const finish = (ctx: ToolContext): boolean => {
    if (!session) return false;
    if (polygon.length >= 6) applyPolygon(ctx);
    const { working, target } = session;
    const mask = working.toMask();
    end(ctx);
    if (!target) return mask ? createShape(ctx, label, mask) : false;
    if (!mask) {
      return target.kind === 'track'
        ? runCommand(setOutside(target.id, ctx.frame, true), ctx)
        : removeShapes(ctx, [target.id]);
    }
    if (sameMask(mask, target.geometry)) return false;
    return updateGeometries(ctx, [{ id: target.id, geometry: mask }], 'brush');
  };

  const tool: BrushTool = {
    id: 'brush',
    get state() {
      return state;
    },
    get mode() {
      return mode;
    },
    get tip() {
      return tip;
    },
    get size() {
      return size;
    },
    get label() {
      return label;
    },
    get target() {
      return session?.target?.id;
    },
    setMode(next) {
      mode = next;
      if ((next === 'brush' || next === 'eraser') && polygon.length > 0 && lastCtx) {
        polygon = [];
        cursor = undefined;
        showOverlay(lastCtx);
        if (state === 'polygon') set(lastCtx, 'editing');
      }
    },
    setTip(next) {
      tip = next;
    },
    setSize(next) {
      size = checkSize(next);
    },
    setLabel(next) {
      label = next;
    },
    commit() {
      return lastCtx ? finish(lastCtx) : false;
    },
    pointerDown(e: ToolPointerEvent, ctx) {
      lastCtx = ctx;
      if (e.button !== 0 || (mode !== 'brush' && mode !== 'eraser')) return;
      if (!session && !begin(ctx)) return;
      last = { x: e.x, y: e.y };
      set(ctx, 'painting');
      stroke(ctx, e.x, e.y);
    },
    pointerMove(e, ctx) {
      lastCtx = ctx;
      if (state === 'painting') stroke(ctx, e.x, e.y);
      else if (state === 'polygon') {
        cursor = { x: e.x, y: e.y };
        showOverlay(ctx);
      }
    },
    pointerUp(e, ctx) {
      lastCtx = ctx;
      if (e.button !== 0) return;
      if (state === 'painting') {
        stroke(ctx, e.x, e.y);
        last = undefined;
        set(ctx, 'editing');
        return;
      }
      if (mode !== 'polygon-plus' && mode !== 'polygon-minus') return;
      if (!session && !begin(ctx)) return;
      polygon.push(e.x, e.y);
      cursor = undefined;
      if (state !== 'polygon') set(ctx, 'polygon');
      showOverlay(ctx);
    },
    doubleClick(_e, ctx) {
      lastCtx = ctx;
      if (state !== 'polygon') return;
      const n = polygon.length;
      if (n >= 4 && polygon[n - 1] === polygon[n - 3] && polygon[n - 2] === polygon[n - 4]) {
        polygon.splice(n - 2, 2);
      }
      if (polygon.length < 6) return;
      applyPolygon(ctx);
      showOverlay(ctx);
      set(ctx, 'editing');
    },
    keyDown(e, ctx) {
      lastCtx = ctx;
      if (!session) return false;
      if (e.key === 'Enter') {
        if (state === 'polygon') {
          if (polygon.length >= 6) {
            applyPolygon(ctx);
            showOverlay(ctx);
            set(ctx, 'editing');
          }
          return true;
        }
        finish(ctx);
        return true;
      }
      if (e.key === 'Escape') {
        if (state === 'polygon') {
          polygon = [];
          cursor = undefined;
          showOverlay(ctx);
          set(ctx, 'editing');
        } else end(ctx);
        return true;
      }
      if (e.key === 'Backspace' && state === 'polygon') {
        polygon.splice(polygon.length - 2, 2);
        showOverlay(ctx);
        if (polygon.length === 0) set(ctx, 'editing');
        return true;
      }
      return false;
    },
    deactivate(ctx) {
      lastCtx = ctx;
      finish(ctx);
    },
    cancel(ctx) {
      lastCtx = ctx;
      if (session || state !== 'idle') end(ctx);
    },
    refresh(ctx) {
      lastCtx = ctx;
    },
  };
  return tool;
}
