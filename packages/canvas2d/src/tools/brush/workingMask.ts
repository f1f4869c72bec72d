/**
 * The brush's working state during one session: a 0/1 bitmap over the work area (the source of
 * truth) plus an image-resolution canvas showing it in the mask colour. Edits change the bitmap
 * and then `sync` copies only the changed rect into the canvas; nothing is re-encoded until
 * `toMask` at the end of the session.
 */
import { maskFromBitmap } from '@annotkit/core';
import type { MaskGeometry } from '@annotkit/core';
import type { Rect } from '../../canvas/view.js';
import { context2d, createPixelCanvas, freePixelCanvas, packColor } from '../../render/masks.js';
import type { PixelCanvas } from '../../render/masks.js';
import type { RasterOverlay } from '../types.js';
import { paintMask } from './raster.js';
import type { WorkArea } from './raster.js';

/** A session's working bitmap and its display canvas. */
export interface WorkingMask {
  readonly area: WorkArea;
  /** 0/1 per pixel of the area, row-major. */
  readonly bits: Uint8Array;
  /** The display canvas (area size): set pixels in the colour, others transparent. */
  readonly canvas: PixelCanvas;
  /** Copies the image-px `rect` of `bits` into the display canvas. */
  sync(rect: Rect): void;
  /** True when no pixel is set. */
  isEmpty(): boolean;
  /** The bitmap as a mask over its tight box (core `maskFromBitmap`), or null when empty. */
  toMask(): MaskGeometry | null;
  /** The raster overlay that shows the display canvas at `opacity`. */
  overlay(opacity: number): RasterOverlay;
  /** Releases the bitmap and the canvas. */
  free(): void;
}

/**
 * Creates the working state over `area` in `color`, starting from `initial` (an existing mask
 * being edited) or empty.
 */
export function createWorkingMask(
  area: WorkArea,
  color: string,
  initial?: MaskGeometry,
): WorkingMask {
  let bits = new Uint8Array(area.width * area.height);
  const canvas: PixelCanvas = createPixelCanvas(area.width, area.height);
  const ctx = context2d(canvas);
  const value = packColor(color);

  const sync = (rect: Rect): void => {
    const x0 = Math.max(0, Math.floor(rect.minX) - area.left);
    const y0 = Math.max(0, Math.floor(rect.minY) - area.top);
    const x1 = Math.min(area.width, Math.ceil(rect.maxX) - area.left);
    const y1 = Math.min(area.height, Math.ceil(rect.maxY) - area.top);
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    const data = new ImageData(w, h);
    const px = new Uint32Array(data.data.buffer);
    for (let y = 0; y < h; y++) {
      const src = (y0 + y) * area.width + x0;
      const dst = y * w;
      for (let x = 0; x < w; x++) if (bits[src + x] !== 0) px[dst + x] = value;
    }
    ctx.putImageData(data, x0, y0);
  };

  if (initial) {
    const r = paintMask(bits, area, initial, 1);
    if (r) sync(r);
  }

  return {
    area,
    get bits() {
      return bits;
    },
    canvas,
    sync,
    isEmpty: () => !bits.includes(1),
    toMask() {
      if (!bits.includes(1)) return null;
      return maskFromBitmap(bits, area.width, area.height, area.left, area.top);
    },
    overlay: (opacity) => ({ source: canvas, left: area.left, top: area.top, opacity }),
    free() {
      freePixelCanvas(canvas);
      bits = new Uint8Array(0);
    },
  };
}
