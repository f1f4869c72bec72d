/**
 * Shared pieces of the YOLO-family importers: path helpers, image lookup with header-read sizes,
 * and turning label lines into document shapes for one task.
 */
import type { Geometry, LabelId } from '@annotkit/core';
import type { FileTree } from '../../codec/types.js';
import { imageSize } from '../../util/imageSize.js';
import type { DocBuilder } from '../coco/docBuilder.js';
import type { TrackMark } from '../coco/tracks.js';
import {
  boxFromYolo,
  outOfRange,
  pointsFromYolo,
  rotatedBoxFromCorners,
  skeletonFromYolo,
} from './lines.js';
import type { YoloLine, YoloTask } from './lines.js';

/** File extensions treated as images. */
export const IMAGE_EXT = /\.(jpe?g|png|bmp|gif|webp|tiff?|jfif|ppm|pgm|dng|mpo|heic)$/i;

/** Directory part of a path (`''` at the root). */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Joins and normalises POSIX path parts (`.`/`..`/empty parts resolved, never above root). */
export function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Path without its extension. */
export function stripExt(p: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash ? p.slice(0, dot) : p;
}

/** Reads an image's size from its header; `undefined` when absent or unreadable. */
export async function readImageSize(
  tree: FileTree,
  path: string,
): Promise<{ width: number; height: number } | undefined> {
  if (!tree.has(path)) return undefined;
  const s = imageSize(await tree.read(path));
  return s ? { width: s.width, height: s.height } : undefined;
}

/** Per-label info the line converter needs. */
export interface ClassTable {
  /** Label id per class index. */
  readonly labels: LabelId[];
  /** Pose: sublabel ids per class index. */
  readonly sublabels?: LabelId[][];
  /** Pose: values per keypoint (2 or 3). */
  readonly dims?: number;
}

/** Number of values (after the class id) that carry geometry, without a trailing track id. */
function geometryCount(
  task: YoloTask,
  n: number,
  table: ClassTable,
  cls: number,
): number | undefined {
  switch (task) {
    case 'detect':
      return n === 4 || n === 5 ? 4 : undefined;
    case 'obb':
      return n === 8 || n === 9 ? 8 : undefined;
    case 'segment':
      return n >= 6 ? n - (n % 2) : undefined;
    case 'pose': {
      const k = (table.sublabels?.[cls]?.length ?? 0) * (table.dims ?? 3);
      return n === 4 + k || n === 5 + k ? 4 + k : undefined;
    }
  }
}

/**
 * Adds the shapes of one label file to `frame`. `w`/`h` are the image size, or 1×1 when the
 * image is missing (coordinates then stay normalised). Lines with the wrong field count are
 * `AnnotkitError`s (via `fail`); out-of-range coordinates are kept and warned about.
 */
export function addLines(
  b: DocBuilder,
  lines: readonly YoloLine[],
  task: YoloTask,
  table: ClassTable,
  frame: number,
  w: number,
  h: number,
  file: string,
  marks: Map<number, TrackMark>,
  fail: (line: number, message: string) => never,
): void {
  for (const l of lines) {
    const label = table.labels[l.cls];
    if (label === undefined) fail(l.line, `class ${l.cls} is not in the names list`);
    const n = l.values.length;
    const count = geometryCount(task, n, table, l.cls);
    if (count === undefined) fail(l.line, `${n + 1} fields do not fit a ${task} line`);
    const coords = task === 'pose' ? 4 : count;
    if (outOfRange(l.values, coords)) {
      b.warn(
        'out-of-image',
        'normalised coordinates outside [0, 1] were kept as they are',
        file,
        l.line,
      );
    }
    if ((task === 'detect' || task === 'pose') && (l.values[2] < 0 || l.values[3] < 0))
      fail(l.line, `box width and height must be ≥ 0, got ${l.values[2]} and ${l.values[3]}`);
    let geometry: Geometry;
    if (task === 'detect') geometry = boxFromYolo(l.values, w, h);
    else if (task === 'obb') geometry = rotatedBoxFromCorners(pointsFromYolo(l.values, 8, w, h));
    else if (task === 'segment')
      geometry = { type: 'polygon', points: pointsFromYolo(l.values, count, w, h) };
    else {
      const elements = skeletonFromYolo(
        l.values,
        table.dims ?? 3,
        table.sublabels?.[l.cls] ?? [],
        w,
        h,
        file,
        l.line,
      );
      geometry = { type: 'skeleton', elements };
    }
    const id = b.shape(frame, label, geometry);
    if (n > count) {
      const trackId = l.values[n - 1];
      if (!Number.isInteger(trackId)) fail(l.line, 'the track id column must be an integer');
      marks.set(id, { trackId, keyframe: true });
    }
  }
}
