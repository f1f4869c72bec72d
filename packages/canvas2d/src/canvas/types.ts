/** Public types of the 2D canvas. */
import type Konva from 'konva';
import type { AnnotationDocument, ObjectId, Transaction } from '@annotkit/core';
import type { DisplayConfig } from '../render/styles.js';
import type { StaticLayerOptions } from '../render/staticLayer.js';
import type { Modifiers, Tool } from '../tools/types.js';
import type { Point, ViewTransform } from './view.js';
import type { ImageAdjustments } from '../view-features/imageFilters.js';
import type { CrosshairConfig, GridConfig } from '../view-features/overlayLayer.js';
import type { Rotation } from '../view-features/rotation.js';

/** An image source for the frame. The canvas never closes or mutates it. */
export type ImageSource = ImageBitmap | HTMLImageElement | HTMLCanvasElement | VideoFrame;

/** Options of `createCanvas2D`. */
export interface Canvas2DOptions extends StaticLayerOptions {
  /** Viewport width in CSS px. Defaults to the container's clientWidth, or 800 if that is 0. */
  readonly width?: number;
  /** Viewport height in CSS px. Defaults to the container's clientHeight, or 600 if that is 0. */
  readonly height?: number;
  /** Display options; missing fields take `DEFAULT_DISPLAY`. */
  readonly display?: Partial<DisplayConfig>;
  /** The document to show. Defaults to none (set later with `setDocument`). */
  readonly document?: AnnotationDocument | null;
  /** The frame to show. Defaults to 0. */
  readonly frame?: number;
  /** The active tool. Defaults to a select tool. */
  readonly tool?: Tool;
  /**
   * Receives every transaction a tool produces (controlled mode, as ProseMirror's
   * `dispatchTransaction`). Defaults to `doc.apply(tr.change, tr.options)`.
   */
  readonly dispatchTransaction?: (tr: Transaction, canvas: Canvas2D) => void;
  /** Hit-test tolerance in screen px. Defaults to 4. */
  readonly hitTolerance?: number;
  /** Quiet time after the last pan/zoom before the full-quality redraw, in ms. Defaults to 120. */
  readonly settleDelay?: number;
  /** Listen to DOM pointer, wheel and key events on the container. Defaults to true. */
  readonly domEvents?: boolean;
}

/** Events of a canvas and their payloads. */
export interface Canvas2DEvents {
  /** The object under the pointer changed (undefined: none). */
  hover: { readonly id: ObjectId | undefined };
  /** The selection changed. */
  select: { readonly ids: readonly ObjectId[] };
  /** The active tool or its state-machine state changed. */
  toolstate: { readonly tool: string; readonly state: string };
  /** A transaction was handed to `dispatchTransaction` (emitted after it returned). */
  transaction: { readonly transaction: Transaction };
  /** The view transform changed. */
  view: { readonly view: ViewTransform };
}

/** Pointer, wheel and key input in container coordinates (screen px), from DOM or tests. */
export type CanvasInput =
  | ({
      readonly type: 'pointerdown' | 'pointermove' | 'pointerup' | 'dblclick';
      readonly x: number;
      readonly y: number;
      /** Defaults to 0 (primary). */
      readonly button?: number;
    } & Modifiers)
  | ({
      readonly type: 'wheel';
      readonly x: number;
      readonly y: number;
      readonly deltaY: number;
    } & Modifiers)
  | ({ readonly type: 'keydown' | 'keyup'; readonly key: string } & Modifiers)
  | ({
      /** Two-finger pinch: zoom by `scale` about `(x, y)`, then pan by `(dx, dy)` (screen px). */
      readonly type: 'pinch';
      readonly x: number;
      readonly y: number;
      readonly scale: number;
      readonly dx: number;
      readonly dy: number;
    } & Modifiers);

/** What the static layer is doing, for diagnostics, tests and benchmarks. */
export interface RenderStats {
  readonly mode: 'full' | 'bitmap';
  readonly progressive: boolean;
  /** Objects drawn by the last full-quality draw. */
  readonly objects: number;
  /** Style batches of the last synchronous full draw (-1 after a progressive draw). */
  readonly batches: number;
  /** Objects visible on the frame (indexed), in or out of view. */
  readonly indexed: number;
  /** Mask bitmaps held by the mask cache (freed when their object leaves the scene). */
  readonly cachedMasks: number;
}

/** One 2D annotation canvas over one frame of a document. */
export interface Canvas2D {
  readonly container: HTMLElement;
  /** The Konva stage (advanced use and tests). Layers: image, static, interactive. */
  readonly stage: Konva.Stage;
  readonly document: AnnotationDocument | null;
  readonly frame: number;
  readonly view: ViewTransform;
  readonly tool: Tool;
  readonly selection: readonly ObjectId[];
  readonly hovered: ObjectId | undefined;
  readonly display: DisplayConfig;
  readonly stats: RenderStats;
  /** Clockwise view rotation in degrees (0, 90, 180, 270). Defaults to 0. */
  readonly rotation: Rotation;
  /** Brightness/contrast/saturation/gamma of the frame image (all 1 by default). */
  readonly imageAdjustments: ImageAdjustments;
  /** Grid overlay settings (off by default). */
  readonly grid: GridConfig;
  /** Crosshair settings (off by default). */
  readonly crosshair: CrosshairConfig;
  /**
   * Fits the union of the objects' bounds with `padding` screen px around it (default 50), e.g.
   * `focusObjects(canvas.selection)` for zoom to selection. False when none is visible here.
   */
  focusObjects(ids: readonly ObjectId[], padding?: number): boolean;
  /** Zooms to 1 screen px per image px (1:1) about the viewport centre. */
  zoomToActualSize(): void;
  /**
   * Rotates the view (image and shapes; geometry stays in image px) to `rotation` degrees
   * clockwise, keeping the image point at the viewport centre. Throws `invalid-geometry`
   * (path `['rotation']`) for anything but 0, 90, 180, 270.
   */
  setRotation(rotation: Rotation): void;
  /**
   * Merges image adjustments (a CSS filter on the image layer; gamma through an SVG filter).
   * Throws `invalid-geometry` for a negative/non-finite value or gamma ≤ 0.
   */
  setImageAdjustments(adjustments: Partial<ImageAdjustments>): void;
  /** Merges grid settings. Throws `invalid-geometry` for size ≤ 0 or opacity outside [0, 1]. */
  setGrid(grid: Partial<GridConfig>): void;
  /** Merges crosshair settings. */
  setCrosshair(crosshair: Partial<CrosshairConfig>): void;
  setDocument(doc: AnnotationDocument | null): void;
  /** Shows `frame`; clears the selection. Throws `frame-range` for a frame outside the media. */
  setFrame(frame: number): void;
  /** Sets the frame image (not closed by the canvas; the host owns it), or none. */
  setImage(source: ImageSource | null): void;
  /** Fits the frame (image size, else the media frame size) into the viewport. */
  fit(): void;
  /** Zooms to `scale` screen px per image px about `anchor` (screen px; default: centre). */
  zoomTo(scale: number, anchor?: Point): void;
  /** Pans by screen px. */
  panBy(dx: number, dy: number): void;
  /** Sets the view transform directly. */
  setView(view: ViewTransform): void;
  /**
   * Fits object `id` with `padding` screen px around it (default 50). False when the object is
   * not visible on this frame.
   */
  focus(id: ObjectId, padding?: number): boolean;
  /** Activates a tool; the previous one is cancelled (nothing dispatched). */
  setTool(tool: Tool): void;
  /** Changes display options. */
  configure(display: Partial<DisplayConfig>): void;
  /** Replaces the selection. */
  select(ids: readonly ObjectId[]): void;
  /** Hides or shows objects (view state, not stored in the document). */
  setHidden(ids: readonly ObjectId[], hidden: boolean): void;
  /** Locks or unlocks objects (view state): locked objects ignore the pointer. */
  setLocked(ids: readonly ObjectId[], locked: boolean): void;
  /**
   * Pins or unpins objects (view state, CVAT's pin): a pinned object can be selected and
   * reshaped (handles, vertices) but not moved as a whole.
   */
  setPinned(ids: readonly ObjectId[], pinned: boolean): void;
  isHidden(id: ObjectId): boolean;
  isLocked(id: ObjectId): boolean;
  isPinned(id: ObjectId): boolean;
  /** The object under a screen point (container px), as the tools see it. */
  hitTest(x: number, y: number): ObjectId | undefined;
  /** Resizes the viewport (CSS px). */
  resize(width: number, height: number): void;
  /** Feeds one input event (what the DOM listeners do; also used by the test DSL). */
  dispatchInput(input: CanvasInput): void;
  /**
   * Renders now instead of on the next animation frame. With `settle` (default true) a pending
   * post-gesture redraw, including a progressive one, is completed first.
   */
  flush(settle?: boolean): void;
  on<K extends keyof Canvas2DEvents>(
    event: K,
    handler: (payload: Canvas2DEvents[K]) => void,
  ): () => void;
  /** Frees every Konva node, listener, timer and bitmap of this canvas. */
  destroy(): void;
}
