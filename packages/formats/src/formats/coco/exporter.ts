/**
 * COCO 1.0 export: `annotations/instances_<subset>.json` and
 * `annotations/person_keypoints_<subset>.json`, shaped as CVAT writes them and loadable by
 * pycocotools (`images`, `annotations`, `categories`; `bbox = [x, y, w, h]`; RLE
 * `size = [h, w]`, column-major, uncompressed counts with `iscrowd: 1`).
 *
 * Decisions (see CONTEXT.md): one COCO annotation per CVAT group (ungrouped shapes are one
 * each); a group holding a mask or ellipse is merged into one crowd RLE; category ids are
 * `1 + index` over top-level labels (sublabels are not listed, so a re-import does not turn them
 * into labels); tracks become one annotation per visible frame with `track_id`/`keyframe`.
 */
import type { DocumentData, Geometry, Label, MaskGeometry } from '@annotkit/core';
import type { ExportOptions, ExportResult, OutputTree } from '../../codec/types.js';
import { fillGeometry } from '../segmask/raster.js';
import { frameSubsets } from './docBuilder.js';
import { attributeDict, DroppedTally, frameItems, labelIndex } from './dropped.js';
import type { FrameItem } from './dropped.js';
import { bitsToMask, cocoBbox, maskArea, maskToCoco } from './rle.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const INFO = {
  contributor: '',
  date_created: '',
  description: '',
  url: '',
  version: '',
  year: '',
};
const LICENSES = [{ name: '', id: 0, url: '' }];

/** Which COCO file to write. */
export type CocoKind = 'instances' | 'keypoints';

/** Exports `doc` as COCO instances or keypoints files, one per subset. */
export function exportCoco(
  doc: DocumentData,
  kind: CocoKind,
  options: ExportOptions = {},
): ExportResult {
  const dropped = new DroppedTally();
  const labels = labelIndex(doc);
  const catIds = new Map<number, number>();
  const categories: Record<string, Json>[] = [];
  doc.labels.forEach((l, i) => {
    catIds.set(l.id, i + 1);
    if (kind === 'instances') {
      categories.push({ id: i + 1, name: l.name, supercategory: '' });
    } else if (l.sublabels && l.sublabels.length > 0) {
      const index = new Map(l.sublabels.map((s, k) => [s.id as number, k + 1]));
      categories.push({
        id: i + 1,
        name: l.name,
        supercategory: '',
        keypoints: l.sublabels.map((s) => s.name),
        skeleton: (l.edges ?? []).map(([a, b]) => [index.get(a) ?? 0, index.get(b) ?? 0]),
      });
    }
  });
  const subsets = frameSubsets(doc, options.subset ?? 'default');
  const { items, tags } = frameItems(doc);
  dropped.add('tags', 'COCO instances/keypoints have no image-level labels', tags);
  // Group items by (frame, group); ungrouped items stand alone.
  const units: (FrameItem | FrameItem[])[] = [];
  const groups = new Map<string, FrameItem[]>();
  for (const it of items) {
    if (it.group === 0) units.push(it);
    else {
      const key = `${it.frame}:${it.group}`;
      const g = groups.get(key);
      if (g) g.push(it);
      else {
        const list = [it];
        groups.set(key, list);
        units.push(list);
      }
    }
  }
  const perSubset = new Map<string, { images: Json[]; annotations: Json[] }>();
  for (let f = 0; f < doc.media.frames.length; f++) {
    const fr = doc.media.frames[f];
    let s = perSubset.get(subsets[f]);
    if (!s) perSubset.set(subsets[f], (s = { images: [], annotations: [] }));
    s.images.push({
      id: f + 1,
      width: fr.width,
      height: fr.height,
      file_name: fr.name,
      license: 0,
      flickr_url: '',
      coco_url: '',
      date_captured: 0,
    });
  }
  let nextId = 1;
  for (let u = 0; u < units.length; u++) {
    if (options.signal?.aborted) break;
    const u0 = units[u];
    const unit = Array.isArray(u0) ? u0 : [u0];
    const frame = unit[0].frame;
    const fr = doc.media.frames[frame];
    const ann =
      kind === 'instances'
        ? instanceAnnotation(unit, fr.width, fr.height, dropped)
        : keypointAnnotation(unit, labels, fr.width, fr.height, dropped);
    if (!ann) continue;
    const lead = ann.lead;
    const label = labels.get(lead.label);
    const out: Record<string, Json> = {
      id: nextId++,
      image_id: frame + 1,
      category_id: catIds.get(lead.label) ?? 0,
      segmentation: ann.segmentation,
      area: ann.area,
      bbox: ann.bbox,
      iscrowd: ann.iscrowd,
    };
    const attrs: Record<string, Json> = label
      ? attributeDict(label.attributes, lead.attributes)
      : {};
    attrs.occluded = lead.occluded;
    if (lead.geometry.type === 'rectangle') attrs.rotation = lead.geometry.rotation;
    if (lead.trackId !== undefined) {
      attrs.track_id = lead.trackId;
      attrs.keyframe = lead.keyframe ?? true;
    }
    out.attributes = attrs;
    if (lead.score !== undefined) out.score = lead.score;
    if (ann.keypoints) {
      out.keypoints = ann.keypoints;
      out.num_keypoints = ann.numKeypoints ?? 0;
    }
    perSubset.get(subsets[frame])!.annotations.push(out);
    if (options.onProgress && u % 4096 === 0) options.onProgress(u / units.length);
  }
  const tree: OutputTree = new Map();
  const prefix = kind === 'instances' ? 'instances' : 'person_keypoints';
  for (const [subset, s] of perSubset) {
    const file = {
      licenses: LICENSES,
      info: INFO,
      categories,
      images: s.images,
      annotations: s.annotations,
    };
    tree.set(`annotations/${prefix}_${subset}.json`, JSON.stringify(file));
  }
  options.onProgress?.(1);
  return { tree, dropped: dropped.list() };
}

interface Ann {
  lead: FrameItem;
  segmentation: Json;
  area: number;
  bbox: number[];
  iscrowd: 0 | 1;
  keypoints?: number[];
  numKeypoints?: number;
}

function polygonArea(p: readonly number[]): number {
  let a = 0;
  for (let i = 0, j = p.length - 2; i < p.length; j = i, i += 2) {
    a += (p[j] + p[i]) * (p[j + 1] - p[i + 1]);
  }
  return Math.abs(a) / 2;
}

function pointsBounds(
  p: readonly number[],
  b: number[] = [Infinity, Infinity, -Infinity, -Infinity],
): number[] {
  for (let i = 0; i + 1 < p.length; i += 2) {
    if (p[i] < b[0]) b[0] = p[i];
    if (p[i + 1] < b[1]) b[1] = p[i + 1];
    if (p[i] > b[2]) b[2] = p[i];
    if (p[i + 1] > b[3]) b[3] = p[i + 1];
  }
  return b;
}

function geometryArea(g: Geometry): number {
  switch (g.type) {
    case 'rectangle':
      return Math.abs((g.points[2] - g.points[0]) * (g.points[3] - g.points[1]));
    case 'polygon':
      return polygonArea(g.points);
    case 'ellipse':
      return Math.PI * g.rx * g.ry;
    case 'mask':
      return maskArea(g);
    default:
      return 0;
  }
}

const INSTANCE_TYPES = new Set(['rectangle', 'polygon', 'mask', 'ellipse']);

function instanceAnnotation(
  unit: FrameItem[],
  w: number,
  h: number,
  dropped: DroppedTally,
): Ann | undefined {
  // Fast path for the common case: one ungrouped polygon.
  if (unit.length === 1 && unit[0].geometry.type === 'polygon') {
    const p = unit[0].geometry.points;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i];
      const y = p[i + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    return {
      lead: unit[0],
      segmentation: [p as number[]],
      area: polygonArea(p),
      bbox: [x0, y0, x1 - x0, y1 - y0],
      iscrowd: 0,
    };
  }
  const parts: FrameItem[] = [];
  for (const it of unit) {
    if (INSTANCE_TYPES.has(it.geometry.type)) parts.push(it);
    else
      dropped.add(
        `${it.geometry.type} shapes`,
        'COCO instances hold boxes, polygons and masks only',
      );
  }
  if (parts.length === 0) return undefined;
  let lead = parts[0];
  if (parts.length > 1) {
    let best = -1;
    for (const p of parts) {
      const a = geometryArea(p.geometry);
      if (a > best) {
        best = a;
        lead = p;
      }
    }
  }
  const g = lead.geometry;
  const crowd = parts.some((p) => p.geometry.type === 'mask' || p.geometry.type === 'ellipse');
  if (crowd) {
    let mask: MaskGeometry | undefined;
    if (parts.length === 1 && g.type === 'mask') mask = g;
    else {
      const bits = new Uint8Array(w * h);
      for (const p of parts) fillGeometry(p.geometry, bits, w, h, 1);
      mask = bitsToMask(bits, w, h, 0, 0);
    }
    if (!mask) {
      dropped.add('empty masks', 'the mask has no pixel inside the image');
      return undefined;
    }
    const { counts, area, clipped } = maskToCoco(mask, h, w);
    if (clipped > 0)
      dropped.add('mask pixels outside the image', 'COCO RLE covers the image only', clipped);
    return {
      lead,
      segmentation: { size: [h, w], counts },
      area,
      bbox: cocoBbox(counts, h),
      iscrowd: 1,
    };
  }
  if (g.type === 'rectangle' && parts.length === 1) {
    const [x1, y1, x2, y2] = g.points;
    return {
      lead,
      segmentation: [],
      area: (x2 - x1) * (y2 - y1),
      bbox: [x1, y1, x2 - x1, y2 - y1],
      iscrowd: 0,
    };
  }
  const polys: number[][] = [];
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  let area = 0;
  let boxes = 0;
  for (const p of parts) {
    if (p.geometry.type === 'polygon') {
      polys.push(p.geometry.points as number[]);
      pointsBounds(p.geometry.points, b);
      area += polygonArea(p.geometry.points);
    } else boxes++;
  }
  if (polys.length === 0) {
    // A group of boxes only: the largest box stands for the group.
    const [x1, y1, x2, y2] = (g as { points: readonly number[] }).points;
    dropped.add('rectangle shapes', 'COCO keeps one box per group', parts.length - 1);
    return {
      lead,
      segmentation: [],
      area: (x2 - x1) * (y2 - y1),
      bbox: [x1, y1, x2 - x1, y2 - y1],
      iscrowd: 0,
    };
  }
  dropped.add('rectangle shapes', 'grouped with polygons, COCO keeps the polygons', boxes);
  return {
    lead,
    segmentation: polys,
    area,
    bbox: [b[0], b[1], b[2] - b[0], b[3] - b[1]],
    iscrowd: 0,
  };
}

function keypointAnnotation(
  unit: FrameItem[],
  labels: Map<number, Label>,
  w: number,
  h: number,
  dropped: DroppedTally,
): Ann | undefined {
  const skel = unit.find((it) => it.geometry.type === 'skeleton');
  if (!skel || skel.geometry.type !== 'skeleton') {
    for (const it of unit) {
      dropped.add(
        `${it.geometry.type} shapes`,
        'COCO Keypoints holds skeletons and their grouped geometry only',
      );
    }
    return undefined;
  }
  const label = labels.get(skel.label);
  const subs = label?.sublabels ?? [];
  const keypoints: number[] = [];
  let num = 0;
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const sub of subs) {
    const e = skel.geometry.elements.find((x) => x.label === sub.id);
    const v = !e || e.outside ? 0 : e.occluded ? 1 : 2;
    keypoints.push(e ? e.x : 0, e ? e.y : 0, v);
    if (v !== 0 && e) {
      num++;
      pointsBounds([e.x, e.y], b);
    }
  }
  const others = unit.filter((it) => it !== skel);
  let geom: Ann | undefined;
  if (others.length > 0) geom = instanceAnnotation(others, w, h, dropped);
  if (geom) return { ...geom, lead: skel, keypoints, numKeypoints: num };
  const bbox = num > 0 ? [b[0], b[1], b[2] - b[0], b[3] - b[1]] : [0, 0, 0, 0];
  return {
    lead: skel,
    segmentation: [],
    area: bbox[2] * bbox[3],
    bbox,
    iscrowd: 0,
    keypoints,
    numKeypoints: num,
  };
}
