/**
 * The static layer: ONE Konva.Shape whose sceneFunc draws every visible, non-interactive object
 * batched by style (render/batches.ts), culled to the viewport through the rbush index.
 *
 * Why the modes: stroking 100k 16-vertex polygons costs ≥ 0.67 s per full redraw on a 2-core
 * machine, so a pan/zoom frame must never redraw shapes.
 * - `full`: the sceneFunc draws the culled batches directly (small scenes; this is also what
 *   Konva's trace records in tests).
 * - `bitmap`: the sceneFunc draws the last full-quality bitmap with the transform that maps the
 *   view it was rendered at to the current view (one drawImage per frame, any scene size).
 * A view change switches to `bitmap` (capturing the layer canvas if the last frame was `full`);
 * `settle()` after the gesture goes back to full quality: synchronously when at most `syncLimit`
 * objects are in view, otherwise progressively into a back buffer in time slices of `sliceMs`
 * per animation frame (input keeps flowing), swapped in when complete.
 */
import Konva from 'konva';
import type { ObjectId, Label, LabelId } from '@annotkit/core';
import { visibleImageRect } from '../canvas/view.js';
import type { ViewTransform } from '../canvas/view.js';
import type { SceneIndex, SceneItem } from '../scene/sceneIndex.js';
import { drawBatches } from './batches.js';
import { createMaskCache, drawMasks, nativeMaskSink, splitMasks } from './masks.js';
import type { MaskCache, MaskSink } from './masks.js';
import type { BatchStats } from './batches.js';
import { nativeSink } from './sink.js';
import type { DrawSink } from './sink.js';
import type { DisplayConfig } from './styles.js';

/** What the static layer reads from its canvas on every draw. */
export interface StaticScene {
  readonly view: ViewTransform;
  readonly width: number;
  readonly height: number;
  readonly index: SceneIndex;
  readonly config: DisplayConfig;
  readonly label: (id: LabelId) => Label | undefined;
  /** Objects not drawn by the static layer (hidden, selected, edited). */
  readonly skip: (id: ObjectId) => boolean;
  /** Text label of an object (see render/batches.ts). */
  readonly text?: (item: SceneItem) => string;
}

/** Tuning of the static layer. */
export interface StaticLayerOptions {
  /** Largest number of objects in view drawn synchronously. Defaults to 5000. */
  readonly syncLimit?: number;
  /** Time budget per animation frame of a progressive redraw, in ms. Defaults to 8. */
  readonly sliceMs?: number;
  /** Objects drawn between two clock checks of a progressive redraw. Defaults to 1000. */
  readonly chunk?: number;
}

/** The static layer of one canvas. */
export interface StaticLayer {
  readonly layer: Konva.Layer;
  /** Current mode (see the module comment). */
  readonly mode: 'full' | 'bitmap';
  /** True while a progressive redraw is running. */
  readonly progressive: boolean;
  /** Stats of the last full-quality draw (sync or progressive). */
  readonly lastStats: BatchStats | undefined;
  /** The canvas's mask bitmap cache (masks are drawn as pixels, under the vector batches). */
  readonly masks: MaskCache;
  /** The view changed during a gesture: show the cached bitmap transformed. */
  viewChanged(): void;
  /** Redraw at full quality (after a gesture, or when the scene changed). */
  settle(): void;
  /** Runs a pending progressive redraw to completion now (tests, benchmarks). */
  finishProgressive(): void;
  /** Releases the bitmaps and stops pending work. */
  destroy(): void;
}

/**
 * Creates the static layer. `requestDraw` asks the canvas to redraw the layer on the next
 * animation frame.
 */
export function createStaticLayer(
  scene: () => StaticScene,
  requestDraw: () => void,
  options: StaticLayerOptions = {},
): StaticLayer {
  const syncLimit = options.syncLimit ?? 5000;
  const sliceMs = options.sliceMs ?? 8;
  const chunk = options.chunk ?? 1000;
  let mode: 'full' | 'bitmap' = 'full';
  let renderedView: ViewTransform | undefined;
  let cache: HTMLCanvasElement | undefined = document.createElement('canvas');
  let back: HTMLCanvasElement | undefined = document.createElement('canvas');
  let cacheView: ViewTransform | undefined;
  let lastStats: BatchStats | undefined;
  let job: { view: ViewTransform; items: SceneItem[]; next: number; stats: number } | undefined;
  let raf = 0;
  const masks = createMaskCache();
  /** Masks first (as bitmaps), then the vector batches; stats count both. */
  const drawScene = (
    sink: DrawSink & MaskSink,
    s: StaticScene,
    view: ViewTransform,
    items: readonly SceneItem[],
  ): BatchStats => {
    const split = splitMasks(items);
    const drawn = drawMasks(sink, masks, { ...s, view, items: split.masks });
    const st = drawBatches(sink, { ...s, view, items: split.others });
    return { batches: st.batches, objects: st.objects + drawn };
  };

  const layer = new Konva.Layer({ listening: false });
  const pixelRatio = (): number => layer.getCanvas().getPixelRatio();

  const shape = new Konva.Shape({
    listening: false,
    perfectDrawEnabled: false,
    sceneFunc: (ctx) => {
      const s = scene();
      if (mode === 'full') {
        const items = s.index.search(visibleImageRect(s.view, s.width, s.height));
        lastStats = drawScene(ctx as unknown as DrawSink & MaskSink, s, s.view, items);
        renderedView = s.view;
        masks.prune((id, g) => {
          const it = s.index.get(id);
          return it !== undefined && it.shape.geometry === g;
        });
        return;
      }
      if (!cache || !cacheView || cache.width === 0) return;
      const k = s.view.scale / cacheView.scale;
      const dx = s.view.offsetX - cacheView.offsetX * k;
      const dy = s.view.offsetY - cacheView.offsetY * k;
      const pr = cache.width / Math.max(1, s.width);
      // Nearest-neighbour while the view moves: about half the cost of a smoothed blit on a
      // CPU rasteriser, and the full-quality redraw follows when the gesture settles.
      ctx.setAttr('imageSmoothingEnabled', k === 1);
      ctx.drawImage(
        cache,
        0,
        0,
        cache.width,
        cache.height,
        dx,
        dy,
        (cache.width / pr) * k,
        (cache.height / pr) * k,
      );
    },
  });
  layer.add(shape);

  const sizeTo = (c: HTMLCanvasElement, s: StaticScene): CanvasRenderingContext2D => {
    const pr = pixelRatio();
    const w = Math.max(1, Math.round(s.width * pr));
    const h = Math.max(1, Math.round(s.height * pr));
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('2D canvas context unavailable');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    return ctx;
  };

  const capture = (): void => {
    if (!cache || !renderedView) return;
    const s = scene();
    const ctx = sizeTo(cache, s);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer.getCanvas()._canvas, 0, 0);
    cacheView = renderedView;
  };

  const cancelJob = (): void => {
    job = undefined;
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
  };

  const step = (budgetMs: number): void => {
    if (!job || !back) return;
    const s = scene();
    const ctx = back.getContext('2d');
    if (!ctx) return;
    const sink = { ...nativeSink(ctx), drawImage: nativeMaskSink(ctx).drawImage };
    const t0 = performance.now();
    while (job.next < job.items.length) {
      const end = Math.min(job.items.length, job.next + chunk);
      const st = drawScene(sink, s, job.view, job.items.slice(job.next, end));
      job.stats += st.objects;
      job.next = end;
      if (performance.now() - t0 >= budgetMs) break;
    }
    if (job.next < job.items.length) {
      raf = requestAnimationFrame(() => step(sliceMs));
      return;
    }
    // Done: the back buffer becomes the bitmap shown.
    const done = job;
    job = undefined;
    raf = 0;
    [cache, back] = [back, cache];
    cacheView = done.view;
    lastStats = { batches: -1, objects: done.stats };
    mode = 'bitmap';
    requestDraw();
  };

  return {
    layer,
    get mode() {
      return mode;
    },
    get progressive() {
      return job !== undefined;
    },
    get lastStats() {
      return lastStats;
    },
    masks,
    viewChanged() {
      cancelJob();
      if (mode === 'full') {
        capture();
        mode = 'bitmap';
      }
      requestDraw();
    },
    settle() {
      cancelJob();
      const s = scene();
      const items = s.index.search(visibleImageRect(s.view, s.width, s.height));
      if (items.length <= syncLimit) {
        mode = 'full';
        requestDraw();
        return;
      }
      if (!back) return;
      sizeTo(back, s);
      job = { view: s.view, items, next: 0, stats: 0 };
      if (mode === 'full') {
        // Keep showing what is on screen until the new bitmap is complete.
        capture();
        mode = 'bitmap';
      }
      raf = requestAnimationFrame(() => step(sliceMs));
    },
    finishProgressive() {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      step(Infinity);
    },
    destroy() {
      cancelJob();
      for (const c of [cache, back]) {
        if (c) {
          c.width = 0;
          c.height = 0;
        }
      }
      cache = undefined;
      back = undefined;
      masks.destroy();
      layer.destroy();
    },
  };
}
