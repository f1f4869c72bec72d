/**
 * Batched drawing of the static scene: objects are grouped by style and every style is drawn
 * as a few paths (`beginPath`, many `moveTo/lineTo`, one `fill`, one `stroke`) of at most
 * `PATH_RUN` objects each. Canvas cost is then dominated by rasterising, not by per-object state
 * changes or per-node overhead, and no path grows large enough to slow the rasteriser down.
 *
 * Trade-off: objects of different styles are painted batch by batch, so z-order is honoured
 * only within a style; with the low default fill opacity the difference is barely visible,
 * and the selected/hovered objects are always drawn on top by the interactive layer.
 */
import type { Label, LabelId, ObjectId } from '@annotkit/core';
import type { ViewTransform } from '../canvas/view.js';
import type { SceneItem } from '../scene/sceneIndex.js';
import { emitGeometry, isFillable } from './paths.js';
import type { EmitContext } from './paths.js';
import type { DrawSink } from './sink.js';
import { colorOf, withAlpha } from './styles.js';
import type { DisplayConfig } from './styles.js';

/**
 * Most objects in one path. Chromium's rasteriser slows down more than linearly with the
 * number of subpaths in one path, the more so the more they overlap. Measured in software
 * raster at 1280 × 720: 10k large overlapping polygons take ~1 s as one path and ~0.17 s drawn
 * one by one; 100k tiny ones ~120 s as one path, ~0.7 s one by one, ~1 s in paths of 100. In
 * this renderer (full-quality redraw of the pan/zoom benchmark's 100k polygons; a frame of the
 * core benchmark's 10k large tracks): unbounded style paths 528 / 305 ms, runs of 32
 * 448 / 283 ms, of 8 417 / 285 ms, of 1 559 / 263 ms.
 */
const PATH_RUN = 8;

/** Everything `drawBatches` reads. */
export interface BatchInput {
  readonly items: readonly SceneItem[];
  readonly view: ViewTransform;
  readonly config: DisplayConfig;
  readonly label: (id: LabelId) => Label | undefined;
  /** Objects not drawn here (hidden, or shown by the interactive layer). */
  readonly skip: (id: ObjectId) => boolean;
  /** Text label of an object (see view-features/objectText.ts). Defaults to `label #id`. */
  readonly text?: (item: SceneItem) => string;
}

/** What one call drew. */
export interface BatchStats {
  /** Number of style batches (paths). */
  readonly batches: number;
  /** Number of objects drawn. */
  readonly objects: number;
}

interface Batch {
  readonly color: string;
  readonly dashed: boolean;
  readonly fillable: boolean;
  readonly items: SceneItem[];
}

/** Groups items by style. Batches come in the order their first item appears. */
export function groupByStyle(input: BatchInput): Batch[] {
  const batches = new Map<string, Batch>();
  const { config } = input;
  for (const it of input.items) {
    const s = it.shape;
    if (input.skip(s.id)) continue;
    const color = colorOf(config.colorBy, s.id, s.label, s.group, input.label, config.colors);
    const fillable = isFillable(s.geometry.type);
    const key = `${color}|${s.occluded ? 1 : 0}|${fillable ? 1 : 0}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { color, dashed: s.occluded, fillable, items: [] }));
    b.items.push(it);
  }
  return [...batches.values()];
}

/** Draws the items batched by style onto `sink` in screen px. */
export function drawBatches(sink: DrawSink, input: BatchInput): BatchStats {
  const { config, view } = input;
  const ec: EmitContext = {
    view,
    tolerance: config.simplifyTolerance,
    pointSize: config.pointSize,
    label: input.label,
  };
  const batches = groupByStyle(input);
  let objects = 0;
  sink.setAttr('lineJoin', 'round');
  for (const b of batches) {
    sink.setLineDash(b.dashed ? [6, 4] : []);
    const fill = b.fillable && config.fillOpacity > 0 ? withAlpha(b.color, config.fillOpacity) : '';
    for (let start = 0; start < b.items.length; start += PATH_RUN) {
      const end = Math.min(start + PATH_RUN, b.items.length);
      sink.beginPath();
      for (let i = start; i < end; i++) {
        const s = b.items[i]!.shape;
        emitGeometry(sink, s.geometry, ec, s.label);
      }
      if (fill) {
        sink.setAttr('fillStyle', fill);
        sink.fill();
      }
      if (config.outlinedBorders !== false) {
        sink.setAttr('strokeStyle', config.outlinedBorders);
        sink.setAttr('lineWidth', config.strokeWidth + 2);
        sink.stroke();
      }
      sink.setAttr('strokeStyle', b.color);
      sink.setAttr('lineWidth', config.strokeWidth);
      sink.stroke();
    }
    objects += b.items.length;
  }
  if (config.showText && objects <= config.textLimit) drawText(sink, batches, input);
  return { batches: batches.length, objects };
}

function drawText(sink: DrawSink, batches: readonly Batch[], input: BatchInput): void {
  const { view, config } = input;
  sink.setLineDash([]);
  sink.setAttr('font', config.font);
  sink.setAttr('textBaseline', 'bottom');
  for (const b of batches) {
    sink.setAttr('fillStyle', b.color);
    for (const it of b.items) {
      const name = input.label(it.shape.label)?.name ?? '?';
      sink.fillText(
        input.text ? input.text(it) : `${name} #${it.shape.id}`,
        it.minX * view.scale + view.offsetX,
        it.minY * view.scale + view.offsetY - 2,
      );
    }
  }
}
