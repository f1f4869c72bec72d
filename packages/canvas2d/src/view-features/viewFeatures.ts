/**
 * The view features of one canvas that sit on top of the renderer: 90° rotation (CSS transform
 * of the stage content, input mapped back; see rotation.ts), image adjustments (CSS filter on the
 * image layer; see imageFilters.ts), and the grid/crosshair overlay layer. The canvas owns one
 * instance and wires a handful of calls into it; all state lives here, per canvas.
 */
import type Konva from 'konva';
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { panView, toImage, toScreen, zoomView } from '../canvas/view.js';
import type { Point, Rect, ViewTransform } from '../canvas/view.js';
import type { ToolKeyEvent } from '../tools/types.js';
import { viewKeyAction } from './viewKeys.js';
import {
  DEFAULT_IMAGE_ADJUSTMENTS,
  createGammaFilter,
  imageFilterCss,
  invalidAdjustments,
} from './imageFilters.js';
import type { ImageAdjustments } from './imageFilters.js';
import { DEFAULT_CROSSHAIR, DEFAULT_GRID, createOverlayLayer } from './overlayLayer.js';
import type { CrosshairConfig, GridConfig } from './overlayLayer.js';
import {
  containerDeltaToStage,
  containerToStage,
  isRotation,
  rotationCss,
  stageSize,
} from './rotation.js';
import type { Rotation } from './rotation.js';

/** What the features read from and do to their canvas. */
export interface ViewFeaturesHost {
  readonly stage: Konva.Stage;
  /** The layer whose canvas element gets the image filter. */
  readonly imageLayer: Konva.Layer;
  /** The current view transform (stage px). */
  readonly view: () => ViewTransform;
  /** Container size in px at creation. */
  readonly width: number;
  readonly height: number;
  /** Asks the canvas for a render on the next animation frame. */
  readonly requestDraw: () => void;
}

/** Per-canvas view features (see the module comment). */
export interface ViewFeatures {
  /** The overlay layer (grid, crosshair); the canvas adds it on top of its layers. */
  readonly layer: Konva.Layer;
  readonly rotation: Rotation;
  readonly adjustments: ImageAdjustments;
  readonly grid: GridConfig;
  readonly crosshair: CrosshairConfig;
  /** Stage size in px (container size, swapped at 90°/270°). */
  readonly stageSize: { readonly width: number; readonly height: number };
  /** Container size in px. */
  readonly containerSize: { readonly width: number; readonly height: number };
  /** Sets the container size (px); returns the new stage size. */
  setContainerSize(width: number, height: number): { width: number; height: number };
  /**
   * Sets the rotation; returns `view` panned so that the image point at the viewport centre
   * stays there in the new stage size. Throws `invalid-geometry` (path `['rotation']`) for
   * anything but 0, 90, 180 or 270.
   */
  setRotation(rotation: number, view: ViewTransform): ViewTransform;
  /**
   * The view after view key `e` (arrows pan in screen direction, +/- zoom about the centre; see
   * viewKeys.ts), or undefined when `e` is not a view key.
   */
  keyView(e: ToolKeyEvent, view: ViewTransform): ViewTransform | undefined;
  /** Container px → stage px. */
  toStage(p: Point): Point;
  /** Container displacement → stage displacement (px). */
  toStageDelta(dx: number, dy: number): Point;
  /** Merges image adjustments; throws `invalid-geometry` naming the first invalid field. */
  setAdjustments(partial: Partial<ImageAdjustments>): void;
  /** Merges grid settings; throws `invalid-geometry` (path `['grid', 'size']`) for size ≤ 0. */
  setGrid(partial: Partial<GridConfig>): void;
  setCrosshair(partial: Partial<CrosshairConfig>): void;
  /** The pointer moved to a stage point (or left: undefined). */
  setPointer(p: Point | undefined): void;
  /** The view changed: the grid moves with it. */
  viewChanged(): void;
  /** Draws the overlay layer if something changed since the last draw. */
  render(): void;
  /** Removes the SVG filter element and the layer. */
  destroy(): void;
}

/** The smallest rect containing all `rects`, or undefined for none. */
export function unionBounds(rects: Iterable<Rect>): Rect | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.minX);
    minY = Math.min(minY, r.minY);
    maxX = Math.max(maxX, r.maxX);
    maxY = Math.max(maxY, r.maxY);
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : undefined;
}

/** Creates the view features of one canvas. */
export function createViewFeatures(host: ViewFeaturesHost): ViewFeatures {
  let rotation: Rotation = 0;
  let cw = host.width;
  let ch = host.height;
  let adjustments = DEFAULT_IMAGE_ADJUSTMENTS;
  let grid = DEFAULT_GRID;
  let crosshair = DEFAULT_CROSSHAIR;
  let pointer: Point | undefined;
  let dirty = false;
  let drawn = false;

  const gammaId = `annotkit-gamma-${Math.random().toString(36).slice(2, 10)}`;
  const gamma = createGammaFilter(gammaId);
  host.stage.container().appendChild(gamma.element);

  const stageDims = () => stageSize(rotation, cw, ch);
  const layer = createOverlayLayer(() => ({
    view: host.view(),
    ...stageDims(),
    grid,
    crosshair,
    pointer,
  }));

  const applyRotationCss = (): void => {
    const content = host.stage.content;
    content.style.transformOrigin = '0 0';
    content.style.transform = rotationCss(rotation, cw, ch);
  };
  const applyFilter = (): void => {
    gamma.setGamma(adjustments.gamma);
    host.imageLayer.getNativeCanvasElement().style.filter = imageFilterCss(adjustments, gammaId);
  };
  const invalidate = (): void => {
    dirty = true;
    host.requestDraw();
  };
  const active = (): boolean => grid.enabled || (crosshair.enabled && pointer !== undefined);

  return {
    layer,
    get rotation() {
      return rotation;
    },
    get adjustments() {
      return adjustments;
    },
    get grid() {
      return grid;
    },
    get crosshair() {
      return crosshair;
    },
    get stageSize() {
      return stageDims();
    },
    get containerSize() {
      return { width: cw, height: ch };
    },
    setContainerSize(width, height) {
      cw = width;
      ch = height;
      applyRotationCss();
      invalidate();
      return stageDims();
    },
    setRotation(r, view) {
      if (!isRotation(r)) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `rotation must be 0, 90, 180 or 270 degrees, got ${r}`,
          { path: ['rotation'] },
        );
      }
      const before = stageDims();
      const centre = toImage(view, { x: before.width / 2, y: before.height / 2 });
      rotation = r;
      applyRotationCss();
      invalidate();
      const after = stageDims();
      const now = toScreen(view, centre);
      return panView(view, after.width / 2 - now.x, after.height / 2 - now.y);
    },
    keyView(e, view) {
      const a = viewKeyAction(e, cw, ch);
      if (!a) return undefined;
      if (a.kind === 'zoom') {
        const s = stageDims();
        return zoomView(view, view.scale * a.factor, { x: s.width / 2, y: s.height / 2 });
      }
      const d = containerDeltaToStage(rotation, a.dx, a.dy);
      return panView(view, d.x, d.y);
    },
    toStage: (p) => containerToStage(rotation, cw, ch, p),
    toStageDelta: (dx, dy) => containerDeltaToStage(rotation, dx, dy),
    setAdjustments(partial) {
      const next = { ...adjustments, ...partial };
      const bad = invalidAdjustments(next);
      if (bad.length) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `image adjustment ${bad[0]} must be a finite number ${bad[0] === 'gamma' ? '> 0' : '≥ 0'}, got ${next[bad[0]]}`,
          { path: ['imageAdjustments', bad[0]] },
        );
      }
      adjustments = next;
      applyFilter();
    },
    setGrid(partial) {
      const next = { ...grid, ...partial };
      if (!(next.size > 0) || !Number.isFinite(next.size)) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `grid size must be a finite number of image px > 0, got ${next.size}`,
          { path: ['grid', 'size'] },
        );
      }
      if (!(next.opacity >= 0 && next.opacity <= 1)) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `grid opacity must be in [0, 1], got ${next.opacity}`,
          { path: ['grid', 'opacity'] },
        );
      }
      grid = next;
      invalidate();
    },
    setCrosshair(partial) {
      crosshair = { ...crosshair, ...partial };
      invalidate();
    },
    setPointer(p) {
      pointer = p;
      if (crosshair.enabled) invalidate();
    },
    viewChanged() {
      if (grid.enabled) invalidate();
    },
    render() {
      if (!dirty) return;
      dirty = false;
      // A clear layer with nothing to show is not cleared again.
      if (!active() && !drawn) return;
      layer.draw();
      drawn = active();
    },
    destroy() {
      gamma.element.remove();
      layer.destroy();
    },
  };
}
