/**
 * COCO 1.0 import: instances (polygons, RLE in both forms, boxes, custom attributes), person
 * keypoints (skeletons), and the other Datumaro COCO tasks that share the schema (stuff, labels,
 * image_info, captions, panoptic PNG segments). One reader for all of them: the
 * file name prefix decides what an annotation becomes.
 *
 * Hot loop note: 100k annotations must import within 2× of `JSON.parse`, so field checks are
 * inline `typeof` tests and error paths are only built when something is wrong.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { AttributeValues, LabelId, SkeletonElement } from '@annotkit/core';
import type { FileTree, ImportOptions, ImportResult } from '../../codec/types.js';
import { DocBuilder } from './docBuilder.js';
import { JsonReader, parseJsonText } from './json.js';
import { decodePng } from '../../png/png.js';
import { bitsToMask, cocoToMask, decodeCocoString } from './rle.js';
import { foldTracks } from './tracks.js';
import type { TrackMark } from './tracks.js';

/** COCO file kinds by their Datumaro file-name prefix. */
export const CocoTask = {
  Instances: 'instances',
  PersonKeypoints: 'person_keypoints',
  Stuff: 'stuff',
  Labels: 'labels',
  ImageInfo: 'image_info',
  Captions: 'captions',
  Panoptic: 'panoptic',
} as const;
export type CocoTask = (typeof CocoTask)[keyof typeof CocoTask];

const TASK_RE =
  /(?:^|\/)(person_keypoints|instances|stuff|labels|image_info|captions|panoptic)_([^/]+)\.json$/i;

/** A COCO annotation file found in a tree: its path, task and subset. */
export interface CocoFile {
  readonly path: string;
  readonly task: CocoTask;
  readonly subset: string;
  /** True for a lone JSON whose name does not say what it is. */
  readonly guessed?: boolean;
}

/** Lists the COCO annotation files of a tree (a lone `.json` counts as instances `default`). */
export function findCocoFiles(tree: FileTree): CocoFile[] {
  const out: CocoFile[] = [];
  const jsons: string[] = [];
  for (const p of tree.paths()) {
    if (!p.toLowerCase().endsWith('.json')) continue;
    jsons.push(p);
    const m = TASK_RE.exec(p);
    if (m) out.push({ path: p, task: m[1].toLowerCase() as CocoTask, subset: m[2] });
  }
  if (out.length === 0 && jsons.length === 1) {
    out.push({ path: jsons[0], task: CocoTask.Instances, subset: 'default', guessed: true });
  }
  return out;
}

/** Attribute names CVAT stores as shape fields rather than label attributes. */
const RESERVED = new Set(['occluded', 'rotation', 'track_id', 'keyframe', 'outside', 'z_order']);

interface FileContext {
  readonly b: DocBuilder;
  readonly r: JsonReader;
  readonly file: string;
  readonly task: CocoTask;
  readonly frames: Map<number, number>;
  readonly cats: Map<number, LabelId>;
  readonly marks: Map<number, TrackMark>;
  readonly kpBase: Map<number, number>;
}

/**
 * Imports the COCO files of `tree` whose task is in `tasks`. Throws `AnnotkitError` naming the
 * file and JSON path on malformed input; usable-but-odd data gives warnings.
 */
export async function importCoco(
  tree: FileTree,
  tasks: readonly CocoTask[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const files = findCocoFiles(tree).filter((f) => tasks.includes(f.task));
  if (files.length === 0) {
    throw new AnnotkitError(ErrorCode.Parse, `no COCO ${tasks.join('/')} annotation file found`);
  }
  const b = new DocBuilder(options.labels);
  const marks = new Map<number, TrackMark>();
  for (let fi = 0; fi < files.length; fi++) {
    if (options.signal?.aborted) throw new AnnotkitError(ErrorCode.Aborted, 'import aborted');
    const f = files[fi];
    const root = parseJsonText(await tree.readText(f.path), f.path);
    const panoptic = readFile(b, root, f, marks);
    if (panoptic) await readPanoptic(tree, panoptic);
    options.onProgress?.((fi + 1) / files.length);
  }
  foldTracks(b, marks, b.subsets.length);
  return b.finish();
}

function readFile(
  b: DocBuilder,
  root: unknown,
  f: CocoFile,
  marks: Map<number, TrackMark>,
): { ctx: FileContext; anns: unknown[] } | undefined {
  const r = new JsonReader(f.path);
  const obj = r.object(root, []);
  const ctx: FileContext = {
    b,
    r,
    file: f.path,
    task: f.task,
    frames: new Map(),
    cats: new Map(),
    marks,
    kpBase: new Map(),
  };
  readCategories(ctx, r.optArray(obj.categories, ['categories']), obj.annotations);
  const images = r.array(obj.images, ['images']);
  for (let i = 0; i < images.length; i++) {
    const im = r.object(images[i], ['images', i]);
    const id = r.int(im.id, ['images', i, 'id']);
    const name = r.string(im.file_name, ['images', i, 'file_name']);
    const w = im.width === undefined ? 0 : r.int(im.width, ['images', i, 'width']);
    const h = im.height === undefined ? 0 : r.int(im.height, ['images', i, 'height']);
    if (ctx.frames.has(id))
      r.fail(['images', i, 'id'], `duplicate image id ${id}`, ErrorCode.DuplicateId);
    ctx.frames.set(id, b.frame(name, w, h, f.subset));
  }
  const anns = r.optArray(obj.annotations, ['annotations']);
  if (f.task === CocoTask.Panoptic) return { ctx, anns };
  for (let i = 0; i < anns.length; i++) readAnnotation(ctx, anns[i], i);
  return undefined;
}

/**
 * COCO panoptic: each annotation names a PNG in `panoptic_<subset>/` whose pixels hold segment
 * ids as `R + 256·G + 65536·B`; every `segments_info` entry becomes one mask.
 */
async function readPanoptic(
  tree: FileTree,
  p: { ctx: FileContext; anns: unknown[] },
): Promise<void> {
  const { ctx, anns } = p;
  const { r, b } = ctx;
  const dir = ctx.file.replace(/\.json$/i, '');
  for (let i = 0; i < anns.length; i++) {
    const a = r.object(anns[i], ['annotations', i]);
    const frame = ctx.frames.get(r.int(a.image_id, ['annotations', i, 'image_id']));
    if (frame === undefined) {
      b.warn('unknown-image', 'annotations refer to an image id that is not in "images"', ctx.file);
      continue;
    }
    const png = `${dir}/${r.string(a.file_name, ['annotations', i, 'file_name'])}`;
    if (!tree.has(png)) {
      b.warn('missing-mask', 'panoptic PNGs named by annotations are missing', ctx.file);
      continue;
    }
    const img = decodePng(await tree.read(png), { file: png });
    if (img.channels < 3) {
      throw new AnnotkitError(ErrorCode.InvalidType, 'panoptic PNGs must be RGB', { file: png });
    }
    const { width: w, height: h, data, channels } = img;
    const segIds = new Map<number, Uint8Array>();
    const segs = r.array(a.segments_info, ['annotations', i, 'segments_info']);
    for (let k = 0; k < segs.length; k++) {
      const s = r.object(segs[k], ['annotations', i, 'segments_info', k]);
      segIds.set(r.int(s.id, ['annotations', i, 'segments_info', k, 'id']), new Uint8Array(w * h));
    }
    for (let px = 0; px < w * h; px++) {
      const o = px * channels;
      const bits = segIds.get(data[o] + 256 * data[o + 1] + 65536 * data[o + 2]);
      if (bits) bits[px] = 1;
    }
    for (let k = 0; k < segs.length; k++) {
      const s = segs[k] as Record<string, unknown>;
      const path = ['annotations', i, 'segments_info', k, 'category_id'];
      const label = ctx.cats.get(r.int(s.category_id, path));
      if (label === undefined) {
        b.warn('no-label', 'annotations without a known category were skipped', ctx.file);
        continue;
      }
      const mask = bitsToMask(segIds.get(s.id as number)!, w, h, 0, 0);
      if (mask) b.shape(frame, label, mask);
      else b.warn('empty-mask', 'panoptic segments without pixels were skipped', png);
    }
  }
}

function readCategories(ctx: FileContext, cats: unknown[], anns: unknown): void {
  const { r, b } = ctx;
  const keypoints = ctx.task === CocoTask.PersonKeypoints;
  // Keypoints: the widest triplet list per category decides the point count.
  const triplets = new Map<number, number>();
  if (keypoints && Array.isArray(anns)) {
    for (const a of anns) {
      if (
        typeof a === 'object' &&
        a !== null &&
        Array.isArray((a as { keypoints?: unknown }).keypoints)
      ) {
        const c = (a as { category_id?: unknown }).category_id;
        const n = Math.floor((a as { keypoints: unknown[] }).keypoints.length / 3);
        if (typeof c === 'number') triplets.set(c, Math.max(triplets.get(c) ?? 0, n));
      }
    }
  }
  for (let i = 0; i < cats.length; i++) {
    const c = r.object(cats[i], ['categories', i]);
    const id = r.int(c.id, ['categories', i, 'id']);
    const name = r.string(c.name, ['categories', i, 'name']);
    const tag = ctx.task === CocoTask.Labels;
    const label = b.label(name, tag ? 'tag' : keypoints ? 'skeleton' : 'any', ctx.file);
    ctx.cats.set(id, label);
    if (!keypoints) continue;
    const names = (r.optArray(c.keypoints, ['categories', i, 'keypoints']) as unknown[]).map(
      (n, k) => r.string(n, ['categories', i, 'keypoints', k]),
    );
    const count = Math.max(names.length, triplets.get(id) ?? 0);
    if (names.length < count) {
      b.warn(
        'keypoint-names-missing',
        `category "${name}" names fewer keypoints than its annotations hold`,
        ctx.file,
      );
      for (let k = names.length; k < count; k++) {
        let generated = `${name}_${k + 1}`;
        while (names.includes(generated)) generated += '_';
        names.push(generated);
      }
    }
    const seen = new Set<string>();
    names.forEach((n, k) => {
      if (seen.has(n))
        r.fail(
          ['categories', i, 'keypoints', k],
          `keypoint name "${n}" appears twice`,
          ErrorCode.DuplicateId,
        );
      seen.add(n);
    });
    const rawEdges = r.optArray(c.skeleton, ['categories', i, 'skeleton']).map((e, k) => {
      const pair = r.numbers(e, ['categories', i, 'skeleton', k]);
      if (pair.length !== 2)
        r.fail(
          ['categories', i, 'skeleton', k],
          'an edge has 2 point indices',
          ErrorCode.PointCount,
        );
      return [pair[0], pair[1]] as const;
    });
    // COCO numbers points from 1; some writers (Datumaro's tests) use 0.
    const base = rawEdges.some(([a, bb]) => a === 0 || bb === 0) ? 0 : 1;
    ctx.kpBase.set(id, base);
    const edges = rawEdges.map(([a, bb]) => [a - base, bb - base] as const);
    if (edges.some(([a, bb]) => a >= count || bb >= count)) {
      b.warn(
        'skeleton-edge-dropped',
        `category "${name}" has edges to missing keypoints`,
        ctx.file,
      );
    }
    b.skeleton(label, names, edges);
  }
}

function readAnnotation(ctx: FileContext, raw: unknown, i: number): void {
  const { r, b } = ctx;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    r.fail(['annotations', i], 'expected an object');
  const a = raw as Record<string, unknown>;
  const imageId = a.image_id;
  if (typeof imageId !== 'number') r.int(imageId, ['annotations', i, 'image_id']);
  const frame = ctx.frames.get(imageId as number);
  if (frame === undefined) {
    b.warn('unknown-image', 'annotations refer to an image id that is not in "images"', ctx.file);
    return;
  }
  if (ctx.task === CocoTask.Captions) {
    b.warn('caption-skipped', 'captions have no place in the document model', ctx.file);
    return;
  }
  const catId = a.category_id;
  if (typeof catId !== 'number') r.int(catId, ['annotations', i, 'category_id']);
  const label = ctx.cats.get(catId as number);
  if (label === undefined) {
    b.warn('no-label', 'annotations without a known category were skipped', ctx.file);
    return;
  }
  // Attributes: CVAT's custom dict plus top-level score.
  const attributes: Record<number, string> = {};
  let occluded = false;
  let rotation = 0;
  let trackId: number | undefined;
  let keyframe = true;
  const attrs = a.attributes;
  const custom =
    attrs === undefined || attrs === null
      ? undefined
      : r.object(attrs, ['annotations', i, 'attributes']);
  if (custom !== undefined) {
    for (const key in custom) {
      if (!Object.hasOwn(custom, key)) continue;
      const v = custom[key];
      if (RESERVED.has(key)) {
        if (key === 'occluded') occluded = v === true || v === 'true' || v === 1;
        else if (key === 'rotation') rotation = r.number(v, ['annotations', i, 'attributes', key]);
        else if (key === 'track_id') trackId = r.int(v, ['annotations', i, 'attributes', key]);
        else if (key === 'keyframe') keyframe = v === true || v === 'true' || v === 1;
        continue;
      }
      b.setAttribute(attributes, label, key, v);
    }
  }
  const score = typeof a.score === 'number' && Number.isFinite(a.score) ? a.score : undefined;
  if (ctx.task === CocoTask.Labels) {
    b.tag(frame, label, attributes as AttributeValues);
    return;
  }
  if (ctx.task === CocoTask.ImageInfo) return;
  const extra = { attributes: attributes as AttributeValues, occluded, score, group: 0 };
  const firstId = b.nextObjectId;
  if (ctx.task === CocoTask.PersonKeypoints && a.keypoints !== undefined) {
    // A polygon/mask of the same annotation stays, grouped with the skeleton; the bbox goes.
    if (!isEmptySegmentation(a.segmentation)) {
      extra.group = b.newGroup();
      const inst = b.instanceLabel(label);
      readSegmentation(ctx, a, i, frame, inst, {
        ...extra,
        attributes: attributesOn(b, custom, label, inst, extra.attributes),
      });
    }
    const kps = r.numbers(a.keypoints, ['annotations', i, 'keypoints']);
    if (kps.length % 3 !== 0)
      r.fail(
        ['annotations', i, 'keypoints'],
        'keypoints hold x, y, v triplets',
        ErrorCode.PointCount,
      );
    const subs = b.sublabels(label);
    const elements: SkeletonElement[] = subs.map((sub, k) => {
      const v = k * 3 < kps.length ? kps[k * 3 + 2] : 0;
      if (v !== 0 && v !== 1 && v !== 2)
        r.fail(['annotations', i, 'keypoints', k * 3 + 2], 'visibility must be 0, 1 or 2');
      return {
        label: sub,
        x: k * 3 < kps.length ? kps[k * 3] : 0,
        y: k * 3 < kps.length ? kps[k * 3 + 1] : 0,
        occluded: v === 1,
        outside: v === 0,
        attributes: {},
      };
    });
    b.shape(frame, label, { type: 'skeleton', elements }, extra);
  } else if (ctx.task === CocoTask.PersonKeypoints) {
    const target = b.instanceLabel(label);
    const onTarget = { ...extra, attributes: attributesOn(b, custom, label, target, attributes) };
    readSegmentation(ctx, a, i, frame, target, onTarget, rotation);
  } else {
    readSegmentation(ctx, a, i, frame, label, extra, rotation);
  }
  if (trackId !== undefined) {
    for (let id = firstId; id < b.nextObjectId; id++) ctx.marks.set(id, { trackId, keyframe });
  }
}

/**
 * The custom attributes of an annotation of `label` as values of `target`: the instance
 * geometry of a skeleton has its own label (see `DocBuilder.instanceLabel`), so the values are
 * resolved against that label's attributes. `own` holds them resolved against `label`.
 */
function attributesOn(
  b: DocBuilder,
  custom: Record<string, unknown> | undefined,
  label: LabelId,
  target: LabelId,
  own: AttributeValues,
): AttributeValues {
  if (target === label || custom === undefined) return own;
  const out: Record<number, string> = {};
  for (const key in custom) {
    if (Object.hasOwn(custom, key) && !RESERVED.has(key))
      b.setAttribute(out, target, key, custom[key]);
  }
  return out as AttributeValues;
}

function isEmptySegmentation(seg: unknown): boolean {
  if (seg === undefined || seg === null) return true;
  if (!Array.isArray(seg)) return false;
  return seg.length === 0 || (seg.length === 1 && Array.isArray(seg[0]) && seg[0].length === 0);
}

/** Adds the shapes of an annotation's `segmentation`, or a box from its `bbox` when empty. */
function readSegmentation(
  ctx: FileContext,
  a: Record<string, unknown>,
  i: number,
  frame: number,
  label: LabelId,
  extra: { attributes: AttributeValues; occluded: boolean; score?: number; group: number },
  rotation = 0,
): void {
  const { r, b } = ctx;
  const seg = a.segmentation;
  const polys = Array.isArray(seg) ? seg : undefined;
  if (isEmptySegmentation(seg)) {
    if (a.bbox === undefined) {
      b.warn('no-geometry', 'annotations without segmentation or bbox were skipped', ctx.file);
      return;
    }
    const bb = a.bbox as number[];
    if (
      !Array.isArray(bb) ||
      typeof bb[0] !== 'number' ||
      typeof bb[1] !== 'number' ||
      typeof bb[2] !== 'number' ||
      typeof bb[3] !== 'number' ||
      !Number.isFinite(bb[0] + bb[1] + bb[2] + bb[3])
    ) {
      r.numbers(a.bbox, ['annotations', i, 'bbox']);
    }
    if (bb.length !== 4)
      r.fail(['annotations', i, 'bbox'], 'bbox is [x, y, width, height]', ErrorCode.PointCount);
    if (bb[2] < 0 || bb[3] < 0)
      r.fail(
        ['annotations', i, 'bbox'],
        'bbox width and height must be ≥ 0',
        ErrorCode.InvalidGeometry,
      );
    b.shape(
      frame,
      label,
      { type: 'rectangle', points: [bb[0], bb[1], bb[0] + bb[2], bb[1] + bb[3]], rotation },
      extra,
    );
    return;
  }
  if (polys !== undefined) {
    let parts = 0;
    for (let k = 0; k < polys.length; k++) {
      const p = polys[k];
      if (!Array.isArray(p) || p.length % 2 !== 0 || p.length < 6) {
        if (Array.isArray(p) && p.every((x) => typeof x === 'number') && p.length % 2 === 0) {
          b.warn('degenerate-polygon', 'polygons with fewer than 3 points were skipped', ctx.file);
          continue;
        }
        r.numbers(p, ['annotations', i, 'segmentation', k]);
        r.fail(
          ['annotations', i, 'segmentation', k],
          'a polygon is an even list of ≥ 6 numbers',
          ErrorCode.PointCount,
        );
      }
      for (let j = 0; j < p.length; j++) {
        const x = p[j];
        if (typeof x !== 'number' || !Number.isFinite(x))
          r.number(x, ['annotations', i, 'segmentation', k, j]);
      }
      parts++;
    }
    if (parts > 1 && extra.group === 0) extra.group = b.newGroup();
    for (let k = 0; k < polys.length; k++) {
      const p = polys[k] as number[];
      if (p.length < 6) continue;
      b.shape(frame, label, { type: 'polygon', points: p }, extra);
    }
    return;
  }
  const so = r.object(seg, ['annotations', i, 'segmentation']);
  const size = r.numbers(so.size, ['annotations', i, 'segmentation', 'size']);
  if (size.length !== 2)
    r.fail(
      ['annotations', i, 'segmentation', 'size'],
      'size is [height, width]',
      ErrorCode.PointCount,
    );
  const [h, w] = size;
  const info = b.frameInfo(frame);
  if ((info.width !== 0 || info.height !== 0) && (info.width !== w || info.height !== h)) {
    b.warn('rle-size-mismatch', 'RLE size differs from the image size', ctx.file);
  }
  const path = ['annotations', i, 'segmentation', 'counts'];
  const counts =
    typeof so.counts === 'string'
      ? decodeCocoString(so.counts, ctx.file, path)
      : r.numbers(so.counts, path);
  const mask = cocoToMask(counts, h, w, ctx.file, path);
  if (!mask) {
    b.warn('empty-mask', 'empty RLE masks were skipped', ctx.file);
    return;
  }
  b.shape(frame, label, mask, extra);
}
