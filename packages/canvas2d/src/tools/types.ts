/**
 * The tool contract. A tool is a small state machine driven by pointer and key events in image
 * pixels; it reads the scene through a `ToolContext`, draws previews through an overlay, and
 * changes the document only by handing `Transaction`s to `ctx.dispatch` (never by mutating
 * records). The same tool runs under real DOM events and under the headless test DSL.
 */
import type { AnnotationDocument, Geometry, LabelId, ObjectId, Transaction } from '@annotkit/core';
import type { Rect, ViewTransform } from '../canvas/view.js';
import type { SceneItem } from '../scene/sceneIndex.js';

/** Modifier keys of an input event. */
export interface Modifiers {
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
}

/** A pointer event as tools see it. */
export interface ToolPointerEvent extends Modifiers {
  /** Position in image px. */
  readonly x: number;
  /** Position in image px. */
  readonly y: number;
  /** Position in screen px relative to the canvas container. */
  readonly screenX: number;
  /** Position in screen px relative to the canvas container. */
  readonly screenY: number;
  /** Mouse button (0 = primary). */
  readonly button: number;
}

/** A key event as tools see it; `key` is `KeyboardEvent.key` (`'Enter'`, `'Escape'`, …). */
export interface ToolKeyEvent extends Modifiers {
  readonly key: string;
}

/**
 * Kinds of handles: 8 resize handles named by compass direction, plus rotation; `vertex` (a
 * point of the shape) and `midpoint` (insert a vertex on an edge, or move an edge/face) are
 * drawn as circles by the vertex-editing tool.
 */
export type HandleKind =
  'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'rotate' | 'vertex' | 'midpoint';

/** A handle drawn on the interactive layer, at an image-px position. */
export interface Handle {
  readonly kind: HandleKind;
  readonly x: number;
  readonly y: number;
}

/** What a tool shows on the interactive layer while it works. */
export interface ToolOverlay {
  /** Geometries being drawn or edited (image px), drawn in the edit colour. */
  readonly previews?: readonly { readonly geometry: Geometry; readonly label: LabelId }[];
  /** Objects hidden from the scene while their previews stand in for them. */
  readonly editing?: readonly ObjectId[];
  /** Handles (image px). */
  readonly handles?: readonly Handle[];
  /** Rubber band (image px). */
  readonly band?: Rect;
  /** Thin dashed guide lines, each a flat `[x0, y0, x1, y1, …]` polyline (image px). */
  readonly guides?: readonly (readonly number[])[];
}

/**
 * A working raster shown by the canvas above the scene (the mask brush's bitmap): image-
 * resolution pixels whose pixel (0, 0) is image pixel (`left`, `top`).
 */
export interface RasterOverlay {
  /** The pixels, already in their display colour. The tool owns and frees it. */
  readonly source: HTMLCanvasElement | OffscreenCanvas;
  /** Image px. */
  readonly left: number;
  /** Image px. */
  readonly top: number;
  /** Drawing opacity in [0, 1]. */
  readonly opacity: number;
}

/** What a tool can read and do. Provided by the canvas (or the test DSL through it). */
export interface ToolContext {
  readonly doc: AnnotationDocument | null;
  readonly frame: number;
  readonly view: ViewTransform;
  /** The object under the image point, with the canvas's hit tolerance. */
  hitTest(x: number, y: number): ObjectId | undefined;
  /** Objects whose bounds lie inside the image-px rect (rubber band). */
  inside(rect: Rect): ObjectId[];
  /** The highest zOrder among the objects of the current frame (0 when there are none). */
  topZOrder(): number;
  /** True when the object is locked (view state: it ignores the pointer and is never edited). */
  isLocked(id: ObjectId): boolean;
  /**
   * True when the object is pinned (view state: it can be reshaped but not moved as a whole).
   * Optional so that wrapping contexts need not provide it; absent means nothing is pinned.
   */
  isPinned?(id: ObjectId): boolean;
  /** The object as resolved on the current frame. */
  item(id: ObjectId): SceneItem | undefined;
  /**
   * Visible (not hidden) objects whose bounds intersect the image-px rect, from the scene's
   * rbush index (used for snapping). Optional so that wrapping contexts need not provide it.
   */
  search?(rect: Rect): SceneItem[];
  readonly selection: readonly ObjectId[];
  /** Replaces the selection (emits `select`). */
  select(ids: readonly ObjectId[]): void;
  setOverlay(overlay: ToolOverlay | null): void;
  /** Hands a finished gesture's transaction to the canvas's `dispatchTransaction` hook. */
  dispatch(tr: Transaction): void;
  /** Reports the tool's state-machine state (emits `toolstate`). */
  setState(state: string): void;
  /**
   * Shows a working raster (or none) above the scene, redrawn whole. Optional so that
   * wrapping contexts need not provide it.
   */
  setRaster?(raster: RasterOverlay | null): void;
  /** Redraws only this image-px rect of the raster on the next frame (incremental edits). */
  rasterChanged?(rect: Rect): void;
}

/** A tool: a state machine over pointer and key input. */
export interface Tool {
  /** Stable tool id (`'select'`, `'draw-rectangle'`, …). */
  readonly id: string;
  /** The current state-machine state (`'idle'`, `'creating'`, …). */
  readonly state: string;
  pointerDown(e: ToolPointerEvent, ctx: ToolContext): void;
  pointerMove(e: ToolPointerEvent, ctx: ToolContext): void;
  pointerUp(e: ToolPointerEvent, ctx: ToolContext): void;
  doubleClick?(e: ToolPointerEvent, ctx: ToolContext): void;
  /** Returns true when the key was handled. */
  keyDown(e: ToolKeyEvent, ctx: ToolContext): boolean;
  /** Abandons any gesture in progress without dispatching anything; back to idle. */
  cancel(ctx: ToolContext): void;
  /**
   * Called when another tool replaces this one, before `cancel`: finishes work that must not
   * be lost (the mask brush commits its session). Optional.
   */
  deactivate?(ctx: ToolContext): void;
  /**
   * Called when the tool becomes active, and when the selection, the frame or the document
   * changed while it is idle (e.g. to refresh handles).
   */
  refresh?(ctx: ToolContext): void;
}

/** Drag threshold in screen px: a press that moves less is a click. */
export const DRAG_THRESHOLD = 3;

/** True when the pointer moved past the drag threshold since `from` (screen px). */
export function pastThreshold(
  from: { readonly screenX: number; readonly screenY: number },
  e: ToolPointerEvent,
): boolean {
  return Math.hypot(e.screenX - from.screenX, e.screenY - from.screenY) >= DRAG_THRESHOLD;
}
