/**
 * The overlay layer: grid and crosshair, drawn above every other layer by ONE Konva.Shape in
 * stage px (so they rotate with the view). Both are cheap (a few hundred line segments at most)
 * and redrawn only when the view, the pointer (crosshair) or their settings change.
 */
import Konva from 'konva';
import type { Point, ViewTransform } from '../canvas/view.js';
import type { DrawSink } from '../render/sink.js';

/** Grid settings. */
export interface GridConfig {
  /** Draw the grid. Defaults to false. */
  readonly enabled: boolean;
  /** Cell side in image px, > 0. Defaults to 100. */
  readonly size: number;
  /** CSS colour of the lines. Defaults to `'#ffffff'`. */
  readonly color: string;
  /** Opacity of the lines in [0, 1]. Defaults to 0.5. */
  readonly opacity: number;
}

/** The defaults listed on `GridConfig`. */
export const DEFAULT_GRID: GridConfig = {
  enabled: false,
  size: 100,
  color: '#ffffff',
  opacity: 0.5,
};

/** Crosshair settings. */
export interface CrosshairConfig {
  /** Draw a crosshair through the pointer. Defaults to false. */
  readonly enabled: boolean;
  /** CSS colour of the lines. Defaults to `'#ffff00'`. */
  readonly color: string;
}

/** The defaults listed on `CrosshairConfig`. */
export const DEFAULT_CROSSHAIR: CrosshairConfig = { enabled: false, color: '#ffff00' };

/** Grid lines closer than this many screen px are thinned (every 2nd, 4th, … line drawn). */
export const MIN_GRID_SPACING = 4;

/** What the overlay reads on every draw. */
export interface OverlayScene {
  readonly view: ViewTransform;
  /** Stage size in px. */
  readonly width: number;
  readonly height: number;
  readonly grid: GridConfig;
  readonly crosshair: CrosshairConfig;
  /** Pointer in stage px, or undefined when outside. */
  readonly pointer: Point | undefined;
}

/**
 * The grid line positions (stage px) along one axis: multiples of the cell size (image px)
 * whose screen position lies in `[0, extent]`, thinned to at least `MIN_GRID_SPACING` px apart.
 */
export function gridLines(size: number, scale: number, offset: number, extent: number): number[] {
  if (!(size > 0) || !(scale > 0)) return [];
  let step = size;
  while (step * scale < MIN_GRID_SPACING) step *= 2;
  const first = Math.ceil(-offset / scale / step) * step;
  const out: number[] = [];
  for (let v = first; v * scale + offset <= extent; v += step) out.push(v * scale + offset);
  return out;
}

/** Draws the grid and the crosshair of `s` onto `sink` (stage px). */
export function drawOverlay(sink: DrawSink, s: OverlayScene): void {
  const { view, width, height } = s;
  if (s.grid.enabled) {
    sink.setAttr('globalAlpha', s.grid.opacity);
    sink.setAttr('strokeStyle', s.grid.color);
    sink.setAttr('lineWidth', 1);
    sink.setLineDash([]);
    sink.beginPath();
    for (const x of gridLines(s.grid.size, view.scale, view.offsetX, width)) {
      sink.moveTo(x, 0);
      sink.lineTo(x, height);
    }
    for (const y of gridLines(s.grid.size, view.scale, view.offsetY, height)) {
      sink.moveTo(0, y);
      sink.lineTo(width, y);
    }
    sink.stroke();
    sink.setAttr('globalAlpha', 1);
  }
  if (s.crosshair.enabled && s.pointer) {
    sink.setAttr('strokeStyle', s.crosshair.color);
    sink.setAttr('lineWidth', 1);
    sink.setLineDash([]);
    sink.beginPath();
    sink.moveTo(s.pointer.x, 0);
    sink.lineTo(s.pointer.x, height);
    sink.moveTo(0, s.pointer.y);
    sink.lineTo(width, s.pointer.y);
    sink.stroke();
  }
}

/** Name of the overlay layer node (to find it among the stage's layers). */
export const OVERLAY_LAYER_NAME = 'annotkit-overlay';

/** Creates the overlay layer; `scene` is read on every draw. */
export function createOverlayLayer(scene: () => OverlayScene): Konva.Layer {
  const layer = new Konva.Layer({ listening: false, name: OVERLAY_LAYER_NAME });
  layer.add(
    new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => drawOverlay(ctx as unknown as DrawSink, scene()),
    }),
  );
  return layer;
}
