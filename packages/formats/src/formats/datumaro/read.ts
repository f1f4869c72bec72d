/**
 * Datumaro 1.0 JSON → DocumentData. One `annotations/<subset>.json` per subset; frames are the
 * items of every subset in file order, with `meta.subsets` naming each frame's subset. Tracks are
 * rebuilt from `track_id` + `keyframe` attributes (CVAT's rule), with an outside keyframe after
 * each visible run.
 */
import { labelId, objectId } from '@annotkit/core';
import type {
  AnnotationObject,
  AttributeInputType,
  DocumentData,
  FrameInfo,
  Geometry,
  Keyframe,
  MediaKind,
  SkeletonElement,
} from '@annotkit/core';
import type { FileTree, ImportOptions, ImportResult } from '../../codec/types.js';
import {
  DOCUMENT_SCHEMA_VERSION,
  UNLABELED,
  checkAborted,
  parseError,
  parseSource,
} from '../../util/document.js';
import { imageSize } from '../../util/imageSize.js';
import { parseJsonSafe } from '../../util/json.js';
import { createLabelBuilder } from '../../util/labels.js';
import type { AttributeDraft, LabelBuilder, LabelDraft, SublabelDraft } from '../../util/labels.js';
import { cocoToMask, decodeCocoString } from '../coco/rle.js';

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
const RESERVED = new Set(['occluded', 'rotation', 'track_id', 'keyframe', 'outside', 'source']);

/** Datumaro annotation files in a tree: `…/annotations/<subset>.json`, or a lone JSON. */
export function findDatumaroFiles(tree: FileTree): string[] {
  const files = tree.paths().filter((p) => /(^|\/)annotations\/[^/]+\.json$/i.test(p));
  if (files.length > 0) {
    const depth = Math.min(...files.map((p) => p.split('/').length));
    return files.filter((p) => p.split('/').length === depth);
  }
  const json = tree.paths().filter((p) => p.toLowerCase().endsWith('.json'));
  return json.length === 1 ? json : [];
}

function subsetOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.json$/i, '');
}

function attrValueString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return JSON.stringify(v) ?? '';
}

function attrFor(b: LabelBuilder, owner: SublabelDraft, name: string, v: unknown): AttributeDraft {
  const found = owner.attrByName.get(name);
  if (found) {
    if (found.inputType === 'checkbox' && typeof v !== 'boolean') found.inputType = 'text';
    if (found.inputType === 'checkbox') found.values = ['false', 'true'];
    if (
      found.inputType !== 'checkbox' &&
      found.values.length === 2 &&
      found.values[0] === 'false' &&
      found.inputType === 'text'
    )
      found.values = [];
    return found;
  }
  const isBool = typeof v === 'boolean';
  const inputType: AttributeInputType = isBool ? 'checkbox' : 'text';
  return b.declareAttribute(owner, {
    name,
    inputType,
    mutable: false,
    values: isBool ? ['false', 'true'] : [],
    default: isBool ? 'false' : '',
  });
}

/** Imports a Datumaro dataset. */
export async function readDatumaro(
  tree: FileTree,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const files = findDatumaroFiles(tree);
  if (files.length === 0)
    throw parseError('no Datumaro annotations/<subset>.json in the dataset', undefined, []);
  const b = createLabelBuilder(options.labels ?? []);
  const warnings = b.warnings;
  const frames: FrameInfo[] = [];
  const subsets: string[] = [];
  const objects: AnnotationObject[] = [];
  let kind: MediaKind = 'images';
  let nextId = 1;
  interface TrackRow {
    frame: number;
    keyframe: boolean;
    kf: Keyframe;
    label: LabelDraft;
    attrs: Record<number, string>;
    group: number;
    source: AnnotationObject['source'];
  }
  const trackRows = new Map<string, TrackRow[]>();
  const pendingSizes: { frame: number; subset: string; name: string }[] = [];
  const root = files[0].includes('/annotations/')
    ? files[0].slice(0, files[0].lastIndexOf('/annotations/') + 1)
    : '';

  for (let fi = 0; fi < files.length; fi++) {
    checkAborted(options.signal);
    const file = files[fi];
    const data = parseJsonSafe(await tree.readText(file), {
      file,
      onDroppedKey: () =>
        warnings.add('forbidden-key', 'dropped keys named __proto__, constructor or prototype', {
          file,
        }),
    });
    if (!isObj(data) || !isObj(data.categories) || !Array.isArray(data.items)) {
      throw parseError('a Datumaro file needs "categories" and "items"', file, []);
    }
    const subset = subsetOf(file);
    // Labels: index in categories.label.labels → draft (sublabels resolve to their parent).
    const cat = isObj(data.categories.label) ? data.categories.label : {};
    const list = Array.isArray(cat.labels) ? cat.labels : [];
    const parentNames = new Set(
      list
        .filter(isObj)
        .map((l) => String(l.parent ?? ''))
        .filter((p) => p !== ''),
    );
    const byIndex: ({ label: LabelDraft; sub?: SublabelDraft } | undefined)[] = [];
    list.forEach((l, i) => {
      if (!isObj(l) || typeof l.name !== 'string' || l.name === '') {
        throw parseError('a label needs a name', file, [
          'categories',
          'label',
          'labels',
          i,
          'name',
        ]);
      }
      const parent = typeof l.parent === 'string' ? l.parent : '';
      if (parent === '') {
        const d = b.declare(l.name, { type: parentNames.has(l.name) ? 'skeleton' : 'any' });
        byIndex[i] = { label: d };
      } else {
        const p = b.declare(parent, { type: 'skeleton' });
        byIndex[i] = { label: p, sub: b.declareSublabel(p, l.name) };
      }
    });
    // Skeleton element order and edges from categories.points.
    const order = new Map<LabelDraft, SublabelDraft[]>();
    const pts =
      isObj(data.categories.points) && Array.isArray(data.categories.points.items)
        ? data.categories.points.items
        : [];
    for (const it of pts) {
      if (!isObj(it) || typeof it.label_id !== 'number') continue;
      const owner = byIndex[it.label_id];
      if (!owner || owner.sub || owner.label.type !== 'skeleton') continue;
      const names = Array.isArray(it.labels) ? it.labels.map(String) : [];
      const subs = names.map((n) => b.declareSublabel(owner.label, n));
      order.set(owner.label, subs);
      if (owner.label.edges.length === 0 && Array.isArray(it.joints)) {
        for (const j of it.joints) {
          if (!Array.isArray(j) || j.length !== 2) continue;
          const [x, y] = j.map(Number);
          const a = subs[x - 1];
          const c = subs[y - 1];
          if (a && c && a !== c) owner.label.edges.push([a.id, c.id]);
        }
      }
    }
    const labelOf = (v: unknown, path: (string | number)[]): LabelDraft => {
      if (v === null || v === undefined) {
        warnings.add(
          'label-missing',
          `annotations without a label were given the label "${UNLABELED}"`,
          { file },
        );
        return b.label(UNLABELED, file);
      }
      if (typeof v !== 'number' || !Number.isInteger(v))
        throw parseError('label_id must be an integer or null', file, path);
      const e = byIndex[v];
      if (e) return e.label;
      warnings.add(
        'label-created',
        `label_id ${v} is not in the categories; created label "label_${v}"`,
        { file },
      );
      return b.declare(`label_${v}`);
    };

    data.items.forEach((item, ii) => {
      const ip: (string | number)[] = ['items', ii];
      if (!isObj(item) || typeof item.id !== 'string')
        throw parseError('an item needs a string id', file, [...ip, 'id']);
      const frame = frames.length;
      const image = isObj(item.image) ? item.image : undefined;
      const pc = isObj(item.point_cloud) ? item.point_cloud : undefined;
      if (pc) kind = 'pointcloud';
      let width = 0;
      let height = 0;
      const size = image?.size;
      if (Array.isArray(size) && size.length === 2) {
        [height, width] = size.map(Number);
        if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
          throw parseError('image.size must be [height, width]', file, [...ip, 'image', 'size']);
        }
      }
      const name =
        typeof image?.path === 'string'
          ? image.path
          : typeof pc?.path === 'string'
            ? pc.path
            : item.id;
      frames.push({ name, width, height });
      subsets.push(subset);
      if (!pc && width === 0) pendingSizes.push({ frame, subset, name });
      const anns = Array.isArray(item.annotations) ? item.annotations : [];
      anns.forEach((ann, ai) => {
        const p = [...ip, 'annotations', ai];
        if (!isObj(ann) || typeof ann.type !== 'string')
          throw parseError('an annotation needs a type', file, p);
        const attrsIn = isObj(ann.attributes) ? ann.attributes : {};
        const group =
          typeof ann.group === 'number' && Number.isInteger(ann.group) && ann.group >= 0
            ? ann.group
            : 0;
        const zOrder =
          typeof ann.z_order === 'number' && Number.isInteger(ann.z_order) ? ann.z_order : 0;
        const occluded = attrsIn.occluded === true;
        const source =
          parseSource(typeof attrsIn.source === 'string' ? attrsIn.source : undefined) ?? 'manual';
        const num = (v: unknown, k: (string | number)[]): number => {
          if (typeof v !== 'number' || !Number.isFinite(v))
            throw parseError('expected a number', file, k);
          return v;
        };
        const nums = (v: unknown, k: (string | number)[]): number[] => {
          if (!Array.isArray(v)) throw parseError('expected a list of numbers', file, k);
          return v.map((x, i) => num(x, [...k, i]));
        };
        let geometry: Geometry | undefined;
        let label: LabelDraft;
        switch (ann.type) {
          case 'caption':
          case 'hash_key':
            warnings.add(
              'unsupported-annotation',
              `${ann.type} annotations have no counterpart and were skipped`,
              { file },
            );
            return;
          case 'label':
            label = labelOf(ann.label_id, [...p, 'label_id']);
            break;
          case 'bbox': {
            label = labelOf(ann.label_id, [...p, 'label_id']);
            const [x, y, w, h] = nums(ann.bbox, [...p, 'bbox']);
            geometry = {
              type: 'rectangle',
              points: [x, y, x + w, y + h],
              rotation: typeof attrsIn.rotation === 'number' ? attrsIn.rotation : 0,
            };
            break;
          }
          case 'polygon':
          case 'polyline':
          case 'points':
            label = labelOf(ann.label_id, [...p, 'label_id']);
            geometry = { type: ann.type, points: nums(ann.points, [...p, 'points']) };
            break;
          case 'ellipse': {
            label = labelOf(ann.label_id, [...p, 'label_id']);
            const [x1, y1, x2, y2] = nums(ann.points, [...p, 'points']);
            geometry = {
              type: 'ellipse',
              cx: (x1 + x2) / 2,
              cy: (y1 + y2) / 2,
              rx: Math.abs(x2 - x1) / 2,
              ry: Math.abs(y2 - y1) / 2,
              rotation: typeof attrsIn.rotation === 'number' ? attrsIn.rotation : 0,
            };
            break;
          }
          case 'mask': {
            label = labelOf(ann.label_id, [...p, 'label_id']);
            const rle = isObj(ann.rle) ? ann.rle : undefined;
            const sz = rle && Array.isArray(rle.size) ? rle.size : undefined;
            if (!rle || !sz || sz.length !== 2)
              throw parseError('mask needs rle {counts, size}', file, [...p, 'rle']);
            const [h, w] = nums(sz, [...p, 'rle', 'size']);
            const counts =
              typeof rle.counts === 'string'
                ? decodeCocoString(rle.counts, file, [...p, 'rle', 'counts'])
                : nums(rle.counts, [...p, 'rle', 'counts']);
            const m = cocoToMask(counts, h, w, file, [...p, 'rle', 'counts']);
            if (!m) {
              warnings.add('empty-mask', 'empty masks were skipped', { file });
              return;
            }
            geometry = m;
            break;
          }
          case 'cuboid_3d': {
            label = labelOf(ann.label_id, [...p, 'label_id']);
            const t3 = (k: string): [number, number, number] => {
              const v = nums(ann[k], [...p, k]);
              if (v.length !== 3) throw parseError(`${k} must have 3 numbers`, file, [...p, k]);
              return [v[0], v[1], v[2]];
            };
            geometry = {
              type: 'cuboid3d',
              position: t3('position'),
              rotation: t3('rotation'),
              scale: t3('scale'),
            };
            break;
          }
          case 'skeleton': {
            label = labelOf(ann.label_id, [...p, 'label_id']);
            const subs = order.get(label) ?? label.sublabels;
            const v = nums(ann.points, [...p, 'points']);
            const pa = Array.isArray(ann.points_attributes) ? ann.points_attributes : [];
            if (v.length % 3 !== 0 || v.length / 3 !== subs.length) {
              throw parseError(`skeleton needs ${subs.length} [x, y, v] triplets`, file, [
                ...p,
                'points',
              ]);
            }
            const bySub = new Map<SublabelDraft, SkeletonElement>();
            subs.forEach((s, k) => {
              const vis = v[k * 3 + 2];
              const av: Record<number, string> = {};
              const src = isObj(pa[k]) ? (pa[k] as J) : {};
              for (const [an, val] of Object.entries(src)) {
                if (RESERVED.has(an)) continue;
                av[attrFor(b, s, an, val).id] = attrValueString(val);
              }
              bySub.set(s, {
                label: labelId(s.id),
                x: v[k * 3],
                y: v[k * 3 + 1],
                outside: vis === 0,
                occluded: vis === 1,
                attributes: av,
              });
            });
            geometry = {
              type: 'skeleton',
              elements: label.sublabels.map(
                (s) =>
                  bySub.get(s) ?? {
                    label: labelId(s.id),
                    x: 0,
                    y: 0,
                    outside: true,
                    occluded: false,
                    attributes: {},
                  },
              ),
            };
            break;
          }
          default:
            warnings.add(
              'unsupported-annotation',
              `"${ann.type}" annotations are not supported and were skipped`,
              { file },
            );
            return;
        }
        const attrs: Record<number, string> = {};
        for (const [an, val] of Object.entries(attrsIn)) {
          if (RESERVED.has(an)) continue;
          attrs[attrFor(b, label, an, val).id] = attrValueString(val);
        }
        const tid = attrsIn.track_id;
        if (
          geometry &&
          (typeof tid === 'number' || typeof tid === 'string') &&
          attrsIn.keyframe !== undefined
        ) {
          const key = `${String(tid)}`;
          const rows = trackRows.get(key) ?? [];
          rows.push({
            frame,
            keyframe: attrsIn.keyframe === true,
            label,
            attrs,
            group,
            source,
            kf: { frame, geometry, outside: false, occluded, zOrder, attributes: {} },
          });
          trackRows.set(key, rows);
          return;
        }
        const common = {
          id: objectId(nextId++),
          label: labelId(label.id),
          group,
          source,
          attributes: attrs,
        };
        if (!geometry) objects.push({ ...common, kind: 'tag', frame });
        else objects.push({ ...common, kind: 'shape', frame, geometry, zOrder, occluded });
      });
    });
  }

  for (const rows of trackRows.values()) {
    rows.sort((a, c) => a.frame - c.frame);
    const label = rows[0].label;
    const keyframes: Keyframe[] = [];
    const imm: Record<number, string> = {};
    const isMutable = (id: number) => label.attributes.find((a) => a.id === id)?.mutable === true;
    for (const [k, v] of Object.entries(rows[0].attrs))
      if (!isMutable(Number(k))) imm[Number(k)] = v;
    rows.forEach((r, i) => {
      const mut: Record<number, string> = {};
      for (const [k, v] of Object.entries(r.attrs)) if (isMutable(Number(k))) mut[Number(k)] = v;
      if (r.keyframe || i === 0) keyframes.push({ ...r.kf, attributes: mut });
      const next = rows[i + 1];
      const end = next ? next.frame : frames.length;
      if (end > r.frame + 1 && r.frame + 1 < frames.length)
        keyframes.push({ ...r.kf, frame: r.frame + 1, outside: true, attributes: mut });
    });
    objects.push({
      id: objectId(nextId++),
      kind: 'track',
      label: labelId(label.id),
      group: rows[0].group,
      source: rows[0].source,
      attributes: imm,
      keyframes,
    });
  }

  // Image sizes the JSON does not state: read them from image headers when the images are there.
  for (const pend of pendingSizes) {
    const candidates = [`${root}images/${pend.subset}/${pend.name}`, `${root}images/${pend.name}`];
    const found = candidates.find((c) => tree.has(c));
    const sz = found ? imageSize(await tree.read(found)) : undefined;
    if (sz) frames[pend.frame] = { ...frames[pend.frame], width: sz.width, height: sz.height };
    else
      warnings.add(
        'missing-image',
        'items without image size and without an image file have size 0×0',
      );
  }

  const meta: Record<string, string[]> = {};
  if (subsets.some((s) => s !== 'default')) meta.subsets = subsets;
  const document: DocumentData = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    media: { kind, frames },
    labels: b.build(),
    objects,
    meta,
  };
  return { document, warnings: warnings.list() };
}
