/**
 * YOLO label lines: parsing (one object per line, whitespace-separated, coordinates normalised by
 * image width/height) and the geometry conversions shared by YOLO 1.1 and the Ultralytics tasks.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { Geometry, LabelId, SkeletonElement } from '@annotkit/core';
import { rectangleCorners } from '../segmask/raster.js';

/** The Ultralytics tasks that use label files. */
export type YoloTask = 'detect' | 'segment' | 'pose' | 'obb';

/** One parsed line: class id, numbers after it, and its 1-based line number. */
export interface YoloLine {
  readonly cls: number;
  readonly values: number[];
  readonly line: number;
}

/** Parses a label file. Throws `parse` naming file and line for a non-numeric field. */
export function parseLabelFile(text: string, file: string): YoloLine[] {
  const out: YoloLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    if (s === '' || s.startsWith('#')) continue;
    const parts = s.split(/\s+/);
    const cls = Number(parts[0]);
    if (!Number.isInteger(cls) || cls < 0) {
      throw new AnnotkitError(ErrorCode.Parse, `class id "${parts[0]}" is not an integer ≥ 0`, {
        file,
        line: i + 1,
      });
    }
    const values = new Array<number>(parts.length - 1);
    for (let k = 1; k < parts.length; k++) {
      const v = Number(parts[k]);
      if (!Number.isFinite(v) || parts[k] === '') {
        throw new AnnotkitError(ErrorCode.Parse, `field ${k + 1} "${parts[k]}" is not a number`, {
          file,
          line: i + 1,
        });
      }
      values[k - 1] = v;
    }
    out.push({ cls, values, line: i + 1 });
  }
  return out;
}

/** Guesses the task of label lines from their field counts (`undefined` when mixed/empty). */
export function guessTask(lines: readonly YoloLine[]): YoloTask | undefined {
  let task: YoloTask | undefined;
  for (const l of lines) {
    const n = l.values.length;
    const t: YoloTask = n === 4 || n === 5 ? 'detect' : n === 8 || n === 9 ? 'obb' : 'segment';
    if (task === undefined) task = t;
    else if (task !== t) return undefined;
  }
  return task;
}

/** True when any normalised coordinate of `values` is outside [0, 1]. */
export function outOfRange(values: readonly number[], count: number): boolean {
  for (let i = 0; i < count; i++) if (values[i] < 0 || values[i] > 1) return true;
  return false;
}

/** Box `cx cy w h` (normalised) → rectangle in pixels. */
export function boxFromYolo(v: readonly number[], w: number, h: number): Geometry {
  const [cx, cy, bw, bh] = v;
  return {
    type: 'rectangle',
    points: [(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h],
    rotation: 0,
  };
}

/** Rectangle points (pixels) → `cx cy w h` normalised. */
export function boxToYolo(p: readonly number[], w: number, h: number): number[] {
  return [(p[0] + p[2]) / 2 / w, (p[1] + p[3]) / 2 / h, (p[2] - p[0]) / w, (p[3] - p[1]) / h];
}

/** Normalised `x y …` → pixel points. */
export function pointsFromYolo(
  v: readonly number[],
  count: number,
  w: number,
  h: number,
): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i += 2) {
    out[i] = v[i] * w;
    out[i + 1] = v[i + 1] * h;
  }
  return out;
}

/**
 * Four corners (pixels, in the order tl, tr, br, bl of the unrotated box) → rotated rectangle.
 * Width is the first edge, height the second, rotation the first edge's angle in degrees in
 * [0, 360). Exact inverse of `rectangleCorners` for true rectangles.
 */
export function rotatedBoxFromCorners(c: readonly number[]): Geometry {
  const cx = (c[0] + c[2] + c[4] + c[6]) / 4;
  const cy = (c[1] + c[3] + c[5] + c[7]) / 4;
  const bw = Math.hypot(c[2] - c[0], c[3] - c[1]);
  const bh = Math.hypot(c[4] - c[2], c[5] - c[3]);
  let rotation = (Math.atan2(c[3] - c[1], c[2] - c[0]) * 180) / Math.PI;
  rotation = ((rotation % 360) + 360) % 360;
  if (Math.abs(rotation - 360) < 1e-9) rotation = 0;
  return {
    type: 'rectangle',
    points: [cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2],
    rotation,
  };
}

/** Rotated rectangle → its four corners normalised (tl, tr, br, bl). */
export function cornersToYolo(
  points: readonly number[],
  rotation: number,
  w: number,
  h: number,
): number[] {
  const c = rectangleCorners(points, rotation);
  for (let i = 0; i < 8; i += 2) {
    c[i] /= w;
    c[i + 1] /= h;
  }
  return c;
}

/**
 * Pose values after the box: `N × dims` numbers → skeleton elements for `sublabels` (missing
 * points are outside). `dims` is 2 (all visible) or 3 (`v`: 0 absent, 1 occluded, 2 visible;
 * Ultralytics' own files write `2.000000`, so integral floats are accepted).
 */
export function skeletonFromYolo(
  v: readonly number[],
  dims: number,
  sublabels: readonly LabelId[],
  w: number,
  h: number,
  file: string,
  line: number,
): SkeletonElement[] {
  return sublabels.map((label, i) => {
    const o = 4 + i * dims;
    if (o + dims > v.length)
      return { label, x: 0, y: 0, occluded: false, outside: true, attributes: {} };
    const vis = dims === 3 ? v[o + 2] : 2;
    if (vis !== 0 && vis !== 1 && vis !== 2) {
      throw new AnnotkitError(ErrorCode.Parse, `keypoint visibility ${vis} is not 0, 1 or 2`, {
        file,
        line,
      });
    }
    return {
      label,
      x: v[o] * w,
      y: v[o + 1] * h,
      occluded: vis === 1,
      outside: vis === 0,
      attributes: {},
    };
  });
}

/** Formats a number as `%.6f`. */
export function f6(x: number): string {
  return x.toFixed(6);
}
