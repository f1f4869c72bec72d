/**
 * Deterministic sample documents for the core benchmarks. Everything is generated in code from a
 * seeded generator, so every run measures the same input.
 */
import { attributeId, labelId, objectId } from '@annotkit/core';
import type {
  DocumentInit,
  Geometry,
  Keyframe,
  Label,
  ShapeObject,
  TrackObject,
} from '@annotkit/core';

/** A small seeded PRNG (mulberry32); returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Frame size of the generated media, in pixels. */
export const FRAME_WIDTH = 1920;
/** Frame height of the generated media, in pixels. */
export const FRAME_HEIGHT = 1080;

/** Two labels (`car` for boxes, `person` for polygons), each with one mutable select attribute. */
export function benchLabels(): Label[] {
  const spec = (id: number) => ({
    id: attributeId(id),
    name: 'state',
    inputType: 'select' as const,
    mutable: true,
    values: ['moving', 'parked'],
    default: 'moving',
  });
  return [
    {
      kind: 'label',
      id: labelId(1),
      name: 'car',
      color: '#ff6b6b',
      type: 'any',
      attributes: [spec(1)],
    },
    {
      kind: 'label',
      id: labelId(2),
      name: 'person',
      color: '#4dabf7',
      type: 'any',
      attributes: [spec(2)],
    },
  ];
}

function polygon(rand: () => number, cx: number, cy: number, radius: number, n: number): Geometry {
  const points: number[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    const r = radius * (0.7 + 0.3 * rand());
    points.push(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
  }
  return { type: 'polygon', points };
}

function box(cx: number, cy: number, w: number, h: number, rotation: number): Geometry {
  return { type: 'rectangle', points: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], rotation };
}

/** Options of `trackDocument`. */
export interface TrackDocumentOptions {
  /** Number of tracks, half 16-vertex polygons and half boxes. Defaults to 10,000. */
  readonly tracks?: number;
  /** Number of video frames. Defaults to 1,000. */
  readonly frames?: number;
  /** Frames between keyframes; keyframes sit on multiples of it. Defaults to 100. */
  readonly keyframeEvery?: number;
  /** Vertices per polygon. Defaults to 16. */
  readonly vertices?: number;
}

/**
 * A video document of interpolated tracks: even ids are polygons, odd ids are boxes, keyframes on
 * every multiple of `keyframeEvery`, and every object moves between keyframes.
 */
export function trackDocument(options: TrackDocumentOptions = {}): DocumentInit {
  const trackCount = options.tracks ?? 10_000;
  const frameCount = options.frames ?? 1_000;
  const every = options.keyframeEvery ?? 100;
  const vertices = options.vertices ?? 16;
  const rand = seededRandom(42);
  const objects: TrackObject[] = [];
  for (let i = 0; i < trackCount; i++) {
    const isPolygon = i % 2 === 0;
    const keyframes: Keyframe[] = [];
    for (let frame = 0; frame < frameCount; frame += every) {
      const cx = 100 + rand() * (FRAME_WIDTH - 200);
      const cy = 100 + rand() * (FRAME_HEIGHT - 200);
      keyframes.push({
        frame,
        geometry: isPolygon
          ? polygon(rand, cx, cy, 20 + rand() * 60, vertices)
          : box(cx, cy, 40 + rand() * 100, 30 + rand() * 80, rand() * 40 - 20),
        outside: false,
        occluded: rand() < 0.1,
        zOrder: 0,
        attributes: { [isPolygon ? 2 : 1]: rand() < 0.5 ? 'moving' : 'parked' },
      });
    }
    objects.push({
      kind: 'track',
      id: objectId(i + 1),
      label: labelId(isPolygon ? 2 : 1),
      attributes: {},
      group: 0,
      source: 'manual',
      keyframes,
    });
  }
  return {
    media: {
      kind: 'video',
      frames: Array.from({ length: frameCount }, (_, f) => ({
        name: `frame_${String(f).padStart(6, '0')}.jpg`,
        width: FRAME_WIDTH,
        height: FRAME_HEIGHT,
        timestamp: f / 25,
      })),
    },
    labels: benchLabels(),
    objects,
  };
}

/** An image document with `count` rectangles on frame 0 (for edit and history benchmarks). */
export function boxesDocument(count: number): DocumentInit {
  const rand = seededRandom(7);
  const objects: ShapeObject[] = [];
  for (let i = 0; i < count; i++) {
    const cx = 100 + rand() * (FRAME_WIDTH - 200);
    const cy = 100 + rand() * (FRAME_HEIGHT - 200);
    objects.push({
      kind: 'shape',
      id: objectId(i + 1),
      label: labelId(1),
      attributes: { 1: 'moving' },
      group: 0,
      source: 'manual',
      frame: 0,
      geometry: box(cx, cy, 50, 40, 0),
      zOrder: 0,
      occluded: false,
    });
  }
  return {
    media: {
      kind: 'images',
      frames: [{ name: 'a.jpg', width: FRAME_WIDTH, height: FRAME_HEIGHT }],
    },
    labels: benchLabels(),
    objects,
  };
}

/** `shape` moved by `(dx, dy)` pixels; a new record, as an edit would make. */
export function movedBox(shape: ShapeObject, dx: number, dy: number): ShapeObject {
  const g = shape.geometry;
  if (g.type !== 'rectangle') throw new Error('movedBox expects a rectangle');
  const [x1, y1, x2, y2] = g.points;
  return { ...shape, geometry: { ...g, points: [x1 + dx, y1 + dy, x2 + dx, y2 + dy] } };
}
