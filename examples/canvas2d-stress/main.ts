/**
 * Stress example: 100,000 polygons of 16 vertices in one frame of a document, shown by
 * `@annotkit/canvas2d`, with the frame time of pan/zoom measured live and by a scripted gesture.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, labelId, objectId } from '@annotkit/core';
import type { AnnotationObject, Label } from '@annotkit/core';
import { createCanvas2D } from '@annotkit/canvas2d';
import type { Canvas2D } from '@annotkit/canvas2d';

/** Number of polygons. */
const COUNT = 100_000;
/** Vertices per polygon. */
const VERTICES = 16;
/** Cell side in image px: one polygon per cell. */
const CELL = 24;
/** Frames of the scripted gesture. */
const GESTURE_FRAMES = 120;

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el;
};

/** A deterministic pseudo-random generator (mulberry32), so every load shows the same scene. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS: Label[] = ['#ff4d4d', '#4dff88', '#4da6ff', '#ffd24d'].map((color, i) => ({
  kind: 'label',
  id: labelId(i + 1),
  name: `class ${i + 1}`,
  color,
  type: 'any',
  attributes: [],
}));

function buildObjects(side: number): AnnotationObject[] {
  const rand = random(42);
  const objects: AnnotationObject[] = [];
  for (let i = 0; i < COUNT; i++) {
    const cx = (i % side) * CELL + CELL / 2;
    const cy = Math.floor(i / side) * CELL + CELL / 2;
    const points: number[] = [];
    for (let k = 0; k < VERTICES; k++) {
      const a = (2 * Math.PI * k) / VERTICES;
      const r = CELL * (0.25 + 0.2 * rand());
      points.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    objects.push({
      kind: 'shape',
      id: objectId(i + 1),
      label: LABELS[i % LABELS.length].id,
      frame: 0,
      geometry: { type: 'polygon', points },
      attributes: {},
      group: 0,
      zOrder: 0,
      occluded: false,
      source: 'auto',
    });
  }
  return objects;
}

/** The p-th percentile (0–100) of `values` (nearest rank). */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v: number): string => `${v.toFixed(1)} ms`;

/** Live frame times: the interval between animation frames while the view keeps changing. */
function watchFrames(canvas: Canvas2D, out: HTMLElement): void {
  const intervals: number[] = [];
  let last = 0;
  let raf = 0;
  let quietUntil = 0;
  const tick = (now: number): void => {
    if (last) intervals.push(now - last);
    if (intervals.length > 120) intervals.shift();
    last = now;
    out.textContent =
      `live pan/zoom: last ${ms(intervals[intervals.length - 1] ?? 0)}, ` +
      `median ${ms(percentile(intervals, 50))}, p95 ${ms(percentile(intervals, 95))} ` +
      `(${intervals.length} frames)`;
    raf = now < quietUntil ? requestAnimationFrame(tick) : 0;
    if (!raf) last = 0;
  };
  canvas.on('view', () => {
    quietUntil = performance.now() + 200;
    if (!raf) raf = requestAnimationFrame(tick);
  });
}

/** A scripted gesture: alternating small pans and zoom steps, one per animation frame. */
function runGesture(canvas: Canvas2D, out: HTMLElement): Promise<void> {
  const costs: number[] = [];
  const intervals: number[] = [];
  let last = 0;
  return new Promise((resolve) => {
    const step = (now: number): void => {
      if (last) intervals.push(now - last);
      last = now;
      const i = costs.length;
      const t0 = performance.now();
      if (i % 2 === 0) canvas.panBy(i % 4 === 0 ? 7 : -5, 3);
      else canvas.zoomTo(canvas.view.scale * (i % 4 === 1 ? 1.05 : 1 / 1.04));
      canvas.flush(false);
      costs.push(performance.now() - t0);
      if (costs.length < GESTURE_FRAMES) {
        requestAnimationFrame(step);
        return;
      }
      out.dataset.median = String(percentile(costs, 50));
      out.dataset.p95 = String(percentile(costs, 95));
      out.textContent =
        `gesture of ${GESTURE_FRAMES} frames: render per frame median ${ms(percentile(costs, 50))}, ` +
        `p95 ${ms(percentile(costs, 95))}; frame interval median ${ms(percentile(intervals, 50))}, ` +
        `p95 ${ms(percentile(intervals, 95))}`;
      resolve();
    };
    requestAnimationFrame(step);
  });
}

function main(): void {
  const side = Math.ceil(Math.sqrt(COUNT));
  const t0 = performance.now();
  const objects = buildObjects(side);
  const t1 = performance.now();
  const doc = createDocument({
    media: {
      kind: 'images',
      frames: [{ name: 'stress.png', width: side * CELL, height: side * CELL }],
    },
    labels: LABELS,
    objects,
  });
  const t2 = performance.now();
  const canvas = createCanvas2D(byId('stage'), { document: doc });
  canvas.fit();
  canvas.flush();
  const t3 = performance.now();
  const build = byId('build');
  build.textContent =
    `${COUNT.toLocaleString('en')} polygons × ${VERTICES} vertices: generated in ${ms(t1 - t0)}, ` +
    `document built in ${ms(t2 - t1)}, canvas created and first full draw in ${ms(t3 - t2)} ` +
    `(${canvas.stats.indexed.toLocaleString('en')} indexed).`;
  const frames = byId('frames');
  watchFrames(canvas, frames);
  const run = byId('run') as HTMLButtonElement;
  const fit = byId('fit') as HTMLButtonElement;
  const fill = byId('fill') as HTMLInputElement;
  run.addEventListener('click', () => {
    run.disabled = true;
    void runGesture(canvas, byId('gesture')).then(() => (run.disabled = false));
  });
  fit.addEventListener('click', () => canvas.fit());
  fill.addEventListener('change', () => canvas.configure({ fillOpacity: fill.checked ? 0.1 : 0 }));
  run.disabled = false;
  fit.disabled = false;
  document.body.dataset.ready = 'true';
}

// Let the "building…" text paint before the heavy work starts.
requestAnimationFrame(() => setTimeout(main, 0));
