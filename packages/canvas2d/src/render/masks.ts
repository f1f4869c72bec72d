/**
 * Mask rendering.
 *
 * Why bitmaps: a mask is pixels, and tracing its outline into the batched vector path would
 * cost O(pixels) per redraw and still lose holes. Each mask in view gets a cached bitmap of its
 * RLE in its colour (built once from the runs, no per-pixel decode into an intermediate array),
 * drawn with ONE `drawImage` through the view transform, nearest-neighbour so pixels stay
 * crisp when zoomed in. The cache is per canvas, keyed by object id and validated by the
 * identity of the record's geometry object and the colour: an edit replaces the geometry
 * object, so the stale bitmap is rebuilt; entries whose object left the scene are freed after
 * the next full draw, and everything is freed on destroy.
 *
 * Selected/hovered masks are Konva nodes on the interactive layer: the bitmap at the selected
 * opacity plus the outline of every component (core `maskToPolygons`, cached per geometry).
 *
 * The raster layer shows the working bitmap of the brush tool. It is redrawn whole only when
 * the raster or the view changes; a brush event invalidates an image-px rect and only that
 * rect of the screen is cleared and redrawn (clip + one `drawImage` of the matching source
 * sub-rect), so a stroke never repaints the whole canvas.
 */
import Konva from 'konva';
import { maskToPolygons } from '@annotkit/core';
import type { Label, LabelId, MaskGeometry, ObjectId } from '@annotkit/core';
import type { Rect, ViewTransform } from '../canvas/view.js';
import type { SceneItem } from '../scene/sceneIndex.js';
import type { RasterOverlay } from '../tools/types.js';
import { emitPolyline } from './paths.js';
import type { DrawSink } from './sink.js';
import { colorOf } from './styles.js';
import type { DisplayConfig } from './styles.js';

/** A drawable, sizeable pixel source (canvas or OffscreenCanvas). */
export type PixelCanvas = HTMLCanvasElement | OffscreenCanvas;

/** The calls mask drawing needs (a Konva `Context` or a native 2D context wrapper). */
export interface MaskSink {
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw: number, dh: number): void;
  /** Sets a context property (`globalAlpha`, `imageSmoothingEnabled`). */
  setAttr(name: string, value: unknown): void;
}

/** Wraps a native 2D context as a `MaskSink`. */
export function nativeMaskSink(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
): MaskSink {
  const props = ctx as unknown as Record<string, unknown>;
  return {
    drawImage: (image, dx, dy, dw, dh) => ctx.drawImage(image, dx, dy, dw, dh),
    setAttr: (name, value) => {
      props[name] = value;
    },
  };
}

/** Creates a canvas of `width × height` px: an OffscreenCanvas where available. */
export function createPixelCanvas(width: number, height: number): PixelCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

/** The 2D context of a pixel canvas. Throws when the browser gives none. */
export function context2d(
  c: PixelCanvas,
): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  const ctx = c.getContext('2d') as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('2D canvas context unavailable');
  return ctx;
}

/** Releases a pixel canvas's backing store. */
export function freePixelCanvas(c: PixelCanvas): void {
  c.width = 0;
  c.height = 0;
}

/**
 * A CSS colour as one RGBA pixel packed for a `Uint32Array` view of `ImageData` (little-endian
 * byte order R, G, B, A), fully opaque. `#rgb` and `#rrggbb` are parsed directly; other CSS
 * colours through a 1 × 1 canvas.
 */
export function packColor(color: string): number {
  const rgb = (): number[] => {
    const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
    if (long) return [long[1], long[2], long[3]].map((h) => parseInt(h, 16));
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
    if (short) return [short[1], short[2], short[3]].map((h) => parseInt(h + h, 16));
    const ctx = context2d(createPixelCanvas(1, 1));
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const [r, g, b] = rgb();
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Paints a mask's set pixels in `color` (opaque) into a new canvas the size of its box. */
export function maskBitmap(mask: MaskGeometry, color: string): PixelCanvas {
  const width = mask.right - mask.left + 1;
  const height = mask.bottom - mask.top + 1;
  const canvas = createPixelCanvas(width, height);
  const data = new ImageData(width, height);
  const px = new Uint32Array(data.data.buffer);
  const value = packColor(color);
  let pos = 0;
  for (let i = 0; i < mask.rle.length; i++) {
    const run = mask.rle[i];
    if (i % 2 === 1) px.fill(value, pos, Math.min(px.length, pos + run));
    pos += run;
  }
  context2d(canvas).putImageData(data, 0, 0);
  return canvas;
}

interface CacheEntry {
  geometry: MaskGeometry;
  color: string;
  bitmap: PixelCanvas | undefined;
  outline: number[][] | undefined;
}

/** The per-canvas cache of mask bitmaps and outlines. */
export interface MaskCache {
  /** Number of cached masks. */
  readonly size: number;
  /** The bitmap of object `id`'s mask in `color`, built on first use (see the module comment). */
  bitmap(id: ObjectId, geometry: MaskGeometry, color: string): PixelCanvas;
  /** The outline polygons (image px) of object `id`'s mask, computed on first use. */
  outline(id: ObjectId, geometry: MaskGeometry): readonly number[][];
  /** Frees every entry for which `keep(id, geometry)` is false. */
  prune(keep: (id: ObjectId, geometry: MaskGeometry) => boolean): void;
  /** Frees everything. */
  destroy(): void;
}

/** Creates an empty mask cache (one per canvas; two canvases never share one). */
export function createMaskCache(): MaskCache {
  const entries = new Map<ObjectId, CacheEntry>();
  const entry = (id: ObjectId, geometry: MaskGeometry): CacheEntry => {
    let e = entries.get(id);
    if (e && e.geometry !== geometry) {
      if (e.bitmap) freePixelCanvas(e.bitmap);
      e = undefined;
    }
    if (!e) {
      e = { geometry, color: '', bitmap: undefined, outline: undefined };
      entries.set(id, e);
    }
    return e;
  };
  return {
    get size() {
      return entries.size;
    },
    bitmap(id, geometry, color) {
      const e = entry(id, geometry);
      if (!e.bitmap || e.color !== color) {
        if (e.bitmap) freePixelCanvas(e.bitmap);
        e.bitmap = maskBitmap(geometry, color);
        e.color = color;
      }
      return e.bitmap;
    },
    outline(id, geometry) {
      const e = entry(id, geometry);
      e.outline ??= maskToPolygons(geometry);
      return e.outline;
    },
    prune(keep) {
      for (const [id, e] of entries) {
        if (keep(id, e.geometry)) continue;
        if (e.bitmap) freePixelCanvas(e.bitmap);
        entries.delete(id);
      }
    },
    destroy() {
      for (const e of entries.values()) if (e.bitmap) freePixelCanvas(e.bitmap);
      entries.clear();
    },
  };
}

/** Splits scene items into masks and everything else (order kept). */
export function splitMasks(items: readonly SceneItem[]): {
  masks: SceneItem[];
  others: SceneItem[];
} {
  const masks: SceneItem[] = [];
  const others: SceneItem[] = [];
  for (const it of items) (it.shape.geometry.type === 'mask' ? masks : others).push(it);
  return { masks, others };
}

/** What `drawMasks` reads. */
export interface MaskDrawInput {
  /** Mask items (others are ignored). */
  readonly items: readonly SceneItem[];
  readonly view: ViewTransform;
  readonly config: DisplayConfig;
  readonly label: (id: LabelId) => Label | undefined;
  /** Objects not drawn here (hidden, selected, edited). */
  readonly skip: (id: ObjectId) => boolean;
}

/**
 * Draws every mask item as its cached bitmap at `config.fillOpacity`, one `drawImage` per
 * mask, in item order (screen px). Returns the number of masks drawn.
 */
export function drawMasks(sink: MaskSink, cache: MaskCache, input: MaskDrawInput): number {
  const { view, config } = input;
  let drawn = 0;
  for (const it of input.items) {
    const s = it.shape;
    const g = s.geometry;
    if (g.type !== 'mask' || input.skip(s.id)) continue;
    if (drawn === 0) {
      sink.setAttr('globalAlpha', config.fillOpacity);
      sink.setAttr('imageSmoothingEnabled', false);
    }
    const color = colorOf(config.colorBy, s.id, s.label, s.group, input.label, config.colors);
    const bmp = cache.bitmap(s.id, g, color);
    sink.drawImage(
      bmp,
      g.left * view.scale + view.offsetX,
      g.top * view.scale + view.offsetY,
      bmp.width * view.scale,
      bmp.height * view.scale,
    );
    drawn++;
  }
  if (drawn > 0) {
    sink.setAttr('globalAlpha', 1);
    sink.setAttr('imageSmoothingEnabled', true);
  }
  return drawn;
}

/** What `maskNode` needs. */
export interface MaskNodeInput {
  readonly id: ObjectId;
  readonly geometry: MaskGeometry;
  readonly color: string;
  /** Opacity of the pixels in [0, 1]. */
  readonly opacity: number;
  /** Outline width in screen px. */
  readonly strokeWidth: number;
  readonly view: ViewTransform;
  readonly cache: MaskCache;
  /** Konva node name (`'selected'`, `'hovered'`). */
  readonly name: string;
}

/** A Konva node for a selected or hovered mask: its pixels plus its component outlines. */
export function maskNode(input: MaskNodeInput): Konva.Shape {
  const { id, geometry: g, view, cache } = input;
  return new Konva.Shape({
    name: input.name,
    listening: false,
    perfectDrawEnabled: false,
    stroke: input.color,
    strokeWidth: input.strokeWidth,
    sceneFunc: (ctx, shape) => {
      const bmp = cache.bitmap(id, g, input.color);
      ctx.setAttr('globalAlpha', input.opacity);
      ctx.setAttr('imageSmoothingEnabled', false);
      ctx.drawImage(
        bmp,
        g.left * view.scale + view.offsetX,
        g.top * view.scale + view.offsetY,
        bmp.width * view.scale,
        bmp.height * view.scale,
      );
      ctx.setAttr('globalAlpha', 1);
      ctx.beginPath();
      const ec = { view, tolerance: 0, pointSize: 0, label: () => undefined };
      for (const ring of cache.outline(id, g)) {
        emitPolyline(ctx as unknown as DrawSink, ring, true, ec);
      }
      ctx.strokeShape(shape);
    },
  });
}

/** The colour of a mask item under the display config. */
export function maskColor(
  item: SceneItem,
  config: DisplayConfig,
  label: (id: LabelId) => Label | undefined,
): string {
  const s = item.shape;
  return colorOf(config.colorBy, s.id, s.label, s.group, label, config.colors);
}

/** What the raster layer drew last (tests, benchmarks). */
export interface RasterDrawStats {
  /** `'full'` (whole viewport), `'rect'` (a dirty rect) or `'none'`. */
  readonly kind: 'full' | 'rect' | 'none';
  /** The screen rect redrawn (CSS px); the whole viewport for `'full'`. */
  readonly rect: Rect | undefined;
}

/** The layer showing a tool's working raster (brush). One per canvas. */
export interface RasterLayer {
  readonly layer: Konva.Layer;
  /** What the last `render` drew. */
  readonly lastDraw: RasterDrawStats;
  /** Shows `raster` (or nothing); the next render redraws the whole layer. */
  set(raster: RasterOverlay | null): void;
  /** Marks an image-px rect of the raster as changed; the next render redraws only it. */
  invalidate(rect: Rect): void;
  /**
   * Draws what is pending: everything when `full` (the view changed) or the raster was
   * replaced, else the union of the invalidated rects. Does nothing when nothing is pending.
   */
  render(view: ViewTransform, width: number, height: number, full: boolean): void;
  destroy(): void;
}

/** Creates the raster layer (listening off; drawn by `render`, never by Konva). */
export function createRasterLayer(): RasterLayer {
  const layer = new Konva.Layer({ listening: false });
  let raster: RasterOverlay | null = null;
  let shown = false;
  let needFull = false;
  let pending: { minX: number; minY: number; maxX: number; maxY: number } | undefined;
  let lastDraw: RasterDrawStats = { kind: 'none', rect: undefined };

  const blit = (ctx: Konva.Context, r: RasterOverlay, view: ViewTransform, src: Rect): void => {
    ctx.setAttr('globalAlpha', r.opacity);
    ctx.setAttr('imageSmoothingEnabled', false);
    ctx.drawImage(
      r.source,
      src.minX - r.left,
      src.minY - r.top,
      src.maxX - src.minX,
      src.maxY - src.minY,
      src.minX * view.scale + view.offsetX,
      src.minY * view.scale + view.offsetY,
      (src.maxX - src.minX) * view.scale,
      (src.maxY - src.minY) * view.scale,
    );
  };

  return {
    layer,
    get lastDraw() {
      return lastDraw;
    },
    set(next) {
      raster = next;
      needFull = true;
      pending = undefined;
    },
    invalidate(rect) {
      if (!raster) return;
      pending = pending
        ? {
            minX: Math.min(pending.minX, rect.minX),
            minY: Math.min(pending.minY, rect.minY),
            maxX: Math.max(pending.maxX, rect.maxX),
            maxY: Math.max(pending.maxY, rect.maxY),
          }
        : { ...rect };
    },
    render(view, width, height, full) {
      if (!(full && (raster || shown)) && !needFull && !pending) return;
      const ctx = layer.getContext();
      const pr = layer.getCanvas().getPixelRatio();
      ctx.save();
      ctx.setTransform(pr, 0, 0, pr, 0, 0);
      const whole = full || needFull;
      const area = raster
        ? {
            minX: raster.left,
            minY: raster.top,
            maxX: raster.left + raster.source.width,
            maxY: raster.top + raster.source.height,
          }
        : undefined;
      if (whole) {
        ctx.clearRect(0, 0, width, height);
        if (raster && area) blit(ctx, raster, view, area);
        lastDraw = { kind: 'full', rect: { minX: 0, minY: 0, maxX: width, maxY: height } };
      } else if (raster && area && pending) {
        // Screen rect of the dirty image rect, rounded out to whole CSS px, inside the viewport.
        const sx0 = Math.max(0, Math.floor(pending.minX * view.scale + view.offsetX));
        const sy0 = Math.max(0, Math.floor(pending.minY * view.scale + view.offsetY));
        const sx1 = Math.min(width, Math.ceil(pending.maxX * view.scale + view.offsetX));
        const sy1 = Math.min(height, Math.ceil(pending.maxY * view.scale + view.offsetY));
        if (sx1 > sx0 && sy1 > sy0) {
          ctx.beginPath();
          ctx.rect(sx0, sy0, sx1 - sx0, sy1 - sy0);
          ctx.clip();
          ctx.clearRect(sx0, sy0, sx1 - sx0, sy1 - sy0);
          // Source pixels covering the screen rect, one pixel of margin, inside the raster.
          const src = {
            minX: Math.max(area.minX, Math.floor((sx0 - view.offsetX) / view.scale) - 1),
            minY: Math.max(area.minY, Math.floor((sy0 - view.offsetY) / view.scale) - 1),
            maxX: Math.min(area.maxX, Math.ceil((sx1 - view.offsetX) / view.scale) + 1),
            maxY: Math.min(area.maxY, Math.ceil((sy1 - view.offsetY) / view.scale) + 1),
          };
          if (src.maxX > src.minX && src.maxY > src.minY) blit(ctx, raster, view, src);
          lastDraw = { kind: 'rect', rect: { minX: sx0, minY: sy0, maxX: sx1, maxY: sy1 } };
        } else lastDraw = { kind: 'none', rect: undefined };
      }
      ctx.restore();
      shown = raster !== null;
      needFull = false;
      pending = undefined;
    },
    destroy() {
      raster = null;
      pending = undefined;
      layer.destroy();
    },
  };
}
