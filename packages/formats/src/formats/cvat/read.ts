/**
 * CVAT XML (for images 1.1 and for video 1.1) → DocumentData.
 *
 * Follows CVAT's task importer: track rows with `keyframe="0"` are dropped (CVAT re-interpolates
 * from keyframes), skeleton elements must carry `outside`/`occluded`. Skeleton tracks are rebuilt
 * with one keyframe wherever the skeleton or any element has one; element values at frames
 * where only another element has a keyframe are interpolated linearly (points), holding through
 * `outside`, as CVAT does.
 */
import { labelId, objectId } from '@annotkit/core';
import type {
  AnnotationObject,
  AttributeValues,
  DocumentData,
  FrameInfo,
  Geometry,
  JsonObject,
  Label,
  LabelId,
  Keyframe,
  MediaKind,
  SkeletonElement,
  Source,
} from '@annotkit/core';
import type { ImportOptions, ImportResult } from '../../codec/types.js';
import {
  DOCUMENT_SCHEMA_VERSION,
  UNLABELED,
  checkAborted,
  parseError,
  parseSource,
} from '../../util/document.js';
import { createLabelBuilder } from '../../util/labels.js';
import type { LabelBuilder, LabelDraft, SublabelDraft } from '../../util/labels.js';
import {
  parseXml,
  xmlAttr,
  xmlAttrs,
  xmlChild,
  xmlChildText,
  xmlChildren,
  xmlText,
} from '../../util/xml.js';
import type { XmlNode } from '../../util/xml.js';
import { allowShapeType, readCvatLabels } from './meta.js';

/** Element names of CVAT shapes, in the order CVAT lists them. */
export const CVAT_SHAPE_TAGS = [
  'box',
  'polygon',
  'polyline',
  'points',
  'ellipse',
  'cuboid',
  'mask',
  'skeleton',
] as const;
/** Children of `<image>` read as annotations. */
const IMAGE_CHILD_TAGS = [...CVAT_SHAPE_TAGS, 'tag'] as const;
/**
 * Attribute names of a `<cuboid>`, in the order of the 8 points (16 numbers) of core's
 * `CuboidGeometry`: front face then back face, each top-left, bottom-left, top-right, bottom-right.
 * The writer uses the same list, so the two cannot drift apart.
 */
export const CUBOID_KEYS = [
  'xtl1',
  'ytl1',
  'xbl1',
  'ybl1',
  'xtr1',
  'ytr1',
  'xbr1',
  'ybr1',
  'xtl2',
  'ytl2',
  'xbl2',
  'ybl2',
  'xtr2',
  'ytr2',
  'xbr2',
  'ybr2',
] as const;

interface Ctx {
  readonly file: string | undefined;
  readonly labels: LabelBuilder;
  /** Path of the element being read, for error messages. */
  path: (string | number)[];
  /**
   * Points `path` at `annotations.image[i].<tag>[k]` without building the array: it is built only
   * when read (on an error), which keeps the per-shape cost of a large file down.
   */
  shapeAt(i: number, tag: string, k: number): void;
}

function createCtx(file: string | undefined, labels: LabelBuilder): Ctx {
  let fixed: (string | number)[] = [];
  let image = -1;
  let tag = '';
  let index = 0;
  return {
    file,
    labels,
    get path() {
      return image >= 0 ? ['annotations', 'image', image, tag, index] : fixed;
    },
    set path(p) {
      image = -1;
      fixed = p;
    },
    shapeAt(i, t, k) {
      image = i;
      tag = t;
      index = k;
    },
  };
}

function num(node: XmlNode, key: string, ctx: Ctx, dflt?: number): number {
  const raw = xmlAttrs(node)[key];
  if (raw === undefined) {
    if (dflt !== undefined) return dflt;
    throw parseError(`missing attribute "${key}"`, ctx.file, [...ctx.path, key]);
  }
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) {
    throw parseError(`"${raw}" is not a number`, ctx.file, [...ctx.path, key]);
  }
  return v;
}

function int(node: XmlNode, key: string, ctx: Ctx, dflt: number): number {
  const v = num(node, key, ctx, dflt);
  if (!Number.isInteger(v))
    throw parseError(`"${v}" is not an integer`, ctx.file, [...ctx.path, key]);
  return v;
}

function flag(node: XmlNode, key: string, ctx: Ctx, dflt?: boolean): boolean {
  const raw = xmlAttrs(node)[key];
  if (raw === undefined) {
    if (dflt !== undefined) return dflt;
    throw parseError(`missing attribute "${key}"`, ctx.file, [...ctx.path, key]);
  }
  const v = raw.toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false' || v === '') return false;
  throw parseError(`"${raw}" is not 0 or 1`, ctx.file, [...ctx.path, key]);
}

function parsePoints(raw: string | undefined, ctx: Ctx, min: number): number[] {
  if (raw === undefined)
    throw parseError('missing attribute "points"', ctx.file, [...ctx.path, 'points']);
  const out: number[] = [];
  // One pass with indexOf instead of split(';') + split(','): no array per point.
  let i = 0;
  const n = raw.length;
  while (i < n) {
    let end = raw.indexOf(';', i);
    if (end === -1) end = n;
    const c = raw.indexOf(',', i);
    if (c === -1 || c >= end) {
      if (raw.slice(i, end).trim() !== '') badPoint(raw.slice(i, end), ctx);
    } else {
      const xs = raw.slice(i, c);
      const x = Number(xs);
      const ys = raw.slice(c + 1, end);
      const y = Number(ys);
      if (xs.trim() === '' || ys.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y))
        badPoint(raw.slice(i, end), ctx);
      out.push(x, y);
    }
    i = end + 1;
  }
  if (out.length < min * 2) {
    throw parseError(`needs at least ${min} points, has ${out.length / 2}`, ctx.file, [
      ...ctx.path,
      'points',
    ]);
  }
  return out;
}

function badPoint(pair: string, ctx: Ctx): never {
  throw parseError(`"${pair}" is not a point x,y`, ctx.file, [...ctx.path, 'points']);
}

function source(node: XmlNode, ctx: Ctx): Source {
  const raw = xmlAttr(node, 'source');
  const s = parseSource(raw);
  if (s === undefined) {
    ctx.labels.warnings.add('source', `unknown source "${raw}" read as manual`, { file: ctx.file });
    return 'manual';
  }
  return s;
}

function resolveLabel(node: XmlNode, ctx: Ctx): LabelDraft {
  const name = xmlAttr(node, 'label');
  if (name === undefined || name === '') {
    ctx.labels.warnings.add(
      'label-missing',
      `annotations without a label were given the label "${UNLABELED}"`,
      { file: ctx.file },
    );
    return ctx.labels.label(UNLABELED, ctx.file);
  }
  return ctx.labels.label(name, ctx.file);
}

/** Reads `<attribute name="…">value</attribute>` children into values keyed by attribute id. */
function readAttributes(node: XmlNode, owner: SublabelDraft, ctx: Ctx): Record<number, string> {
  const out: Record<number, string> = {};
  for (const a of xmlChildren(node, 'attribute')) {
    const name = xmlAttr(a, 'name');
    if (name === undefined || name === '') continue;
    const spec = ctx.labels.attribute(owner, name, undefined, ctx.file);
    let v = xmlText(a);
    if (spec.inputType === 'checkbox') {
      const low = v.toLowerCase();
      v =
        low === 'true' ||
        (low !== 'false' && low !== '' && Number(low) !== 0 && !Number.isNaN(Number(low)))
          ? 'true'
          : 'false';
    } else if (spec.inputType === 'select' || spec.inputType === 'radio') {
      if (!spec.values.includes(v)) {
        ctx.labels.warnings.add(
          'attribute-value',
          `value "${v}" of "${name}" is not declared; added it to the values`,
          { file: ctx.file },
        );
        spec.values.push(v);
      }
    } else if (spec.inputType === 'number') {
      const n = Number(v);
      const [min, max] = [Number(spec.values[0]), Number(spec.values[1])];
      if (v.trim() === '' || !Number.isFinite(n)) {
        ctx.labels.warnings.add(
          'attribute-value',
          `value "${v}" of number attribute "${name}" is not a number; the attribute became text`,
          { file: ctx.file },
        );
        spec.inputType = 'text';
      } else if (n < min || n > max) {
        ctx.labels.warnings.add(
          'attribute-value',
          `value ${v} of "${name}" is outside [${min}, ${max}]; widened the range`,
          { file: ctx.file },
        );
        spec.values[0] = String(Math.min(min, n));
        spec.values[1] = String(Math.max(max, n));
      }
    }
    out[spec.id] = v;
  }
  return out;
}

/** Geometry of a non-skeleton shape element. */
function readGeometry(tag: string, node: XmlNode, ctx: Ctx): Geometry {
  switch (tag) {
    case 'box':
      return {
        type: 'rectangle',
        points: [
          num(node, 'xtl', ctx),
          num(node, 'ytl', ctx),
          num(node, 'xbr', ctx),
          num(node, 'ybr', ctx),
        ],
        rotation: num(node, 'rotation', ctx, 0),
      };
    case 'polygon':
      return { type: 'polygon', points: parsePoints(xmlAttr(node, 'points'), ctx, 3) };
    case 'polyline':
      return { type: 'polyline', points: parsePoints(xmlAttr(node, 'points'), ctx, 2) };
    case 'points':
      return { type: 'points', points: parsePoints(xmlAttr(node, 'points'), ctx, 1) };
    case 'ellipse':
      return {
        type: 'ellipse',
        cx: num(node, 'cx', ctx),
        cy: num(node, 'cy', ctx),
        rx: num(node, 'rx', ctx),
        ry: num(node, 'ry', ctx),
        rotation: num(node, 'rotation', ctx, 0),
      };
    case 'cuboid':
      return { type: 'cuboid', points: CUBOID_KEYS.map((k) => num(node, k, ctx)) };
    case 'mask': {
      const raw = xmlAttr(node, 'rle') ?? '';
      const rle = raw.split(',').map((s) => Number(s));
      if (raw.trim() === '' || rle.some((n) => !Number.isInteger(n) || n < 0)) {
        throw parseError('rle must be comma-separated non-negative integers', ctx.file, [
          ...ctx.path,
          'rle',
        ]);
      }
      const left = int(node, 'left', ctx, NaN);
      const top = int(node, 'top', ctx, NaN);
      const width = int(node, 'width', ctx, NaN);
      const height = int(node, 'height', ctx, NaN);
      let sum = 0;
      for (const r of rle) sum += r;
      if (width < 1 || height < 1 || sum !== width * height) {
        throw parseError(
          `rle covers ${sum} pixels, the ${width}×${height} box has ${width * height}`,
          ctx.file,
          [...ctx.path, 'rle'],
        );
      }
      return { type: 'mask', rle, left, top, right: left + width - 1, bottom: top + height - 1 };
    }
    default:
      throw parseError(`unknown shape <${tag}>`, ctx.file, ctx.path);
  }
}

interface ElementRow {
  readonly frame: number;
  readonly keyframe: boolean;
  readonly outside: boolean;
  readonly occluded: boolean;
  readonly x: number;
  readonly y: number;
  readonly attributes: Record<number, string>;
}

function readElement(
  p: XmlNode,
  sub: SublabelDraft,
  ctx: Ctx,
): Omit<ElementRow, 'frame' | 'keyframe'> {
  const pts = parsePoints(xmlAttr(p, 'points'), ctx, 1);
  return {
    x: pts[0],
    y: pts[1],
    outside: flag(p, 'outside', ctx),
    occluded: flag(p, 'occluded', ctx),
    attributes: readAttributes(p, sub, ctx),
  };
}

function skeletonElementsOf(
  node: XmlNode,
  label: LabelDraft,
  ctx: Ctx,
): Map<SublabelDraft, Omit<ElementRow, 'frame' | 'keyframe'>> {
  const out = new Map<SublabelDraft, Omit<ElementRow, 'frame' | 'keyframe'>>();
  const base = ctx.path;
  xmlChildren(node, 'points').forEach((p, i) => {
    ctx.path = [...base, 'points', i];
    const sub = ctx.labels.sublabel(label, xmlAttr(p, 'label') ?? '', ctx.file);
    out.set(sub, readElement(p, sub, ctx));
  });
  ctx.path = base;
  return out;
}

function toElements(
  label: LabelDraft,
  byName: Map<SublabelDraft, Omit<ElementRow, 'frame' | 'keyframe'>>,
  ctx: Ctx,
): SkeletonElement[] {
  return label.sublabels.map((s) => {
    const e = byName.get(s);
    if (!e) {
      ctx.labels.warnings.add(
        'skeleton-element-missing',
        `skeleton "${label.name}" misses point "${s.name}"; added it as outside`,
        { file: ctx.file },
      );
      return { label: labelId(s.id), x: 0, y: 0, occluded: false, outside: true, attributes: {} };
    }
    return {
      label: labelId(s.id),
      x: e.x,
      y: e.y,
      occluded: e.occluded,
      outside: e.outside,
      attributes: e.attributes as AttributeValues,
    };
  });
}

/** Splits attribute values into immutable (track) and mutable (keyframe) ones. */
function splitMutable(
  label: LabelDraft,
  values: Record<number, string>,
): [Record<number, string>, Record<number, string>] {
  const imm: Record<number, string> = {};
  const mut: Record<number, string> = {};
  for (const a of label.attributes) {
    const v = values[a.id];
    if (v === undefined) continue;
    if (a.mutable) mut[a.id] = v;
    else imm[a.id] = v;
  }
  return [imm, mut];
}

/** Parses a whole CVAT XML text. */
export function readCvatXml(
  text: string,
  file: string | undefined,
  options: ImportOptions = {},
): ImportResult {
  const root = parseXml(text, 'annotations', { file });
  const labels = createLabelBuilder(options.labels ?? []);
  const ctx = createCtx(file, labels);
  const meta = xmlChild(root, 'meta');
  readCvatLabels(meta, labels, file);
  const task = xmlChild(meta, 'task') ?? xmlChild(meta, 'job') ?? xmlChild(meta, 'project');
  const mode = xmlChildText(task, 'mode') ?? '';
  const startFrame = Number(xmlChildText(task, 'start_frame') ?? '0') || 0;
  const stepMatch = /step\s*=\s*(\d+)/.exec(xmlChildText(task, 'frame_filter') ?? '');
  const step = stepMatch ? Math.max(1, Number(stepMatch[1])) : 1;
  const original = xmlChild(task, 'original_size') ?? xmlChild(meta, 'original_size');
  const ow = Number(xmlChildText(original, 'width') ?? '0') || 0;
  const oh = Number(xmlChildText(original, 'height') ?? '0') || 0;

  const images = xmlChildren(root, 'image');
  const tracks = xmlChildren(root, 'track');
  const frames: FrameInfo[] = [];
  const frameOf = new Map<number, number>();
  let kind: MediaKind = 'images';
  const cvatMeta: Record<string, JsonObject[string]> = {
    mode: mode === '' ? (images.length > 0 ? 'annotation' : 'interpolation') : mode,
  };
  if (images.length > 0) {
    const sorted = images
      .map((im, i) => {
        ctx.path = ['annotations', 'image', i];
        return { im, id: int(im, 'id', ctx, i), i };
      })
      .sort((a, b) => a.id - b.id);
    sorted.forEach(({ im, id, i }) => {
      ctx.path = ['annotations', 'image', i];
      if (frameOf.has(id)) throw parseError(`image id ${id} twice`, file, [...ctx.path, 'id']);
      frameOf.set(id, frames.length);
      frames.push({
        name: xmlAttr(im, 'name') ?? `frame_${String(id).padStart(6, '0')}`,
        width: int(im, 'width', ctx, 0),
        height: int(im, 'height', ctx, 0),
      });
    });
    if (sorted.some((s, k) => s.id !== k)) cvatMeta.frameIds = sorted.map((s) => s.id);
  } else {
    kind = 'video';
    let count = Number(xmlChildText(task, 'size') ?? 'NaN');
    if (!Number.isInteger(count) || count < 0) {
      let maxFrame = startFrame;
      tracks.forEach((t) => {
        for (const tag of CVAT_SHAPE_TAGS)
          for (const r of xmlChildren(t, tag))
            maxFrame = Math.max(maxFrame, Number(xmlAttrs(r).frame ?? 0) || 0);
      });
      count = Math.floor((maxFrame - startFrame) / step) + 1;
    }
    for (let i = 0; i < count; i++) {
      const abs = startFrame + i * step;
      frameOf.set(abs, i);
      frames.push({ name: `frame_${String(abs).padStart(6, '0')}`, width: ow, height: oh });
    }
    cvatMeta.startFrame = startFrame;
    cvatMeta.step = step;
  }
  // CVAT's files put <source> under <meta> after <task> (some descriptions put it in <task>).
  const sourceName = xmlChildText(meta, 'source') ?? xmlChildText(task, 'source');
  if (sourceName) cvatMeta.source = sourceName;

  const objects: AnnotationObject[] = [];
  let nextId = 1;
  const frameIndex = (abs: number): number => {
    const f = frameOf.get(abs);
    if (f === undefined)
      throw parseError(`frame ${abs} is not a frame of the task`, file, [...ctx.path, 'frame']);
    return f;
  };

  images.forEach((im, i) => {
    checkAborted(options.signal);
    ctx.path = ['annotations', 'image', i];
    const frame = frameOf.get(int(im, 'id', ctx, i)) as number;
    for (const tag of IMAGE_CHILD_TAGS) {
      xmlChildren(im, tag).forEach((node, k) => {
        ctx.shapeAt(i, tag, k);
        const label = resolveLabel(node, ctx);
        // Objects are written as full literals in one key order (no spread of a common part):
        // spreading made every object a slow clone and cost more than the XML parse itself.
        const id = objectId(nextId++);
        const lid = labelId(label.id);
        const group = int(node, 'group_id', ctx, 0);
        const src = source(node, ctx);
        if (tag === 'tag') {
          allowShapeType(label, 'tag', labels.warnings, file);
          objects.push({
            kind: 'tag',
            id,
            label: lid,
            frame,
            attributes: readAttributes(node, label, ctx),
            group,
            source: src,
          });
          return;
        }
        let geometry: Geometry;
        if (tag === 'skeleton') {
          allowShapeType(label, 'skeleton', labels.warnings, file);
          if (label.type !== 'skeleton')
            throw parseError(`label "${label.name}" is not a skeleton`, file, [
              ...ctx.path,
              'label',
            ]);
          geometry = {
            type: 'skeleton',
            elements: toElements(label, skeletonElementsOf(node, label, ctx), ctx),
          };
        } else {
          geometry = readGeometry(tag, node, ctx);
          allowShapeType(label, geometry.type, labels.warnings, file);
        }
        const zOrder = int(node, 'z_order', ctx, 0);
        const occluded = flag(node, 'occluded', ctx, false);
        objects.push({
          kind: 'shape',
          id,
          label: lid,
          frame,
          geometry,
          attributes: readAttributes(node, label, ctx),
          group,
          zOrder,
          occluded,
          source: src,
        });
      });
    }
  });

  tracks.forEach((t, i) => {
    checkAborted(options.signal);
    ctx.path = ['annotations', 'track', i];
    const label = resolveLabel(t, ctx);
    const common = {
      id: objectId(nextId++),
      label: labelId(label.id),
      group: int(t, 'group_id', ctx, 0),
      source: source(t, ctx),
    };
    const tag = CVAT_SHAPE_TAGS.find((s) => xmlChildren(t, s).length > 0);
    if (tag === undefined) {
      labels.warnings.add('empty-track', 'a track without shapes was skipped', { file });
      nextId--;
      return;
    }
    const type = tag === 'box' ? 'rectangle' : tag;
    allowShapeType(label, type, labels.warnings, file);
    const base = ctx.path;
    const rows = xmlChildren(t, tag);
    const keyIdx: number[] = [];
    rows.forEach((r, k) => {
      ctx.path = [...base, tag, k];
      if (flag(r, 'keyframe', ctx)) keyIdx.push(k);
    });
    if (keyIdx.length === 0) {
      labels.warnings.add('no-keyframes', 'a track without keyframes was skipped', { file });
      nextId--;
      return;
    }
    let trackAttrs: Record<number, string> = {};
    const keyframes: Keyframe[] = [];
    const rowFrame = (r: XmlNode, k: number): number => {
      ctx.path = [...base, tag, k];
      return frameIndex(int(r, 'frame', ctx, NaN));
    };
    if (tag !== 'skeleton') {
      keyIdx.forEach((idx, k) => {
        const r = rows[idx];
        const frame = rowFrame(r, idx);
        const [imm, mut] = splitMutable(label, readAttributes(r, label, ctx));
        if (k === 0) trackAttrs = imm;
        keyframes.push({
          frame,
          geometry: readGeometry(tag, r, ctx),
          outside: flag(r, 'outside', ctx, false),
          occluded: flag(r, 'occluded', ctx, false),
          zOrder: int(r, 'z_order', ctx, 0),
          attributes: mut,
        });
      });
    } else {
      if (label.type !== 'skeleton')
        throw parseError(`label "${label.name}" is not a skeleton`, file, [...base, 'label']);
      const elementRows = new Map<SublabelDraft, ElementRow[]>();
      const parentRows: { frame: number; keyframe: boolean; node: XmlNode }[] = [];
      rows.forEach((r, k) => {
        const frame = rowFrame(r, k);
        const keyframe = flag(r, 'keyframe', ctx);
        parentRows.push({ frame, keyframe, node: r });
        xmlChildren(r, 'points').forEach((p, j) => {
          ctx.path = [...base, tag, k, 'points', j];
          const sub = labels.sublabel(label, xmlAttr(p, 'label') ?? '', file);
          const list = elementRows.get(sub) ?? [];
          list.push({
            frame,
            keyframe: flag(p, 'keyframe', ctx, keyframe),
            ...readElement(p, sub, ctx),
          });
          elementRows.set(sub, list);
        });
      });
      // Old form: one nested <track> per element.
      xmlChildren(t, 'track').forEach((et, j) => {
        ctx.path = [...base, 'track', j];
        const sub = labels.sublabel(label, xmlAttr(et, 'label') ?? '', file);
        const list = elementRows.get(sub) ?? [];
        xmlChildren(et, 'points').forEach((p, k) => {
          ctx.path = [...base, 'track', j, 'points', k];
          list.push({
            frame: frameIndex(int(p, 'frame', ctx, NaN)),
            keyframe: flag(p, 'keyframe', ctx),
            ...readElement(p, sub, ctx),
          });
        });
        elementRows.set(sub, list);
      });
      const parentKeys = parentRows.filter((r) => r.keyframe).sort((a, b) => a.frame - b.frame);
      const frameSet = new Set(parentKeys.map((r) => r.frame));
      for (const list of elementRows.values())
        for (const r of list) if (r.keyframe) frameSet.add(r.frame);
      const kfFrames = [...frameSet].sort((a, b) => a - b);
      kfFrames.forEach((frame, k) => {
        const parent = [...parentKeys].reverse().find((r) => r.frame <= frame) ?? parentKeys[0];
        ctx.path = [...base, tag, rows.indexOf(parent.node)];
        const [imm, mut] = splitMutable(label, readAttributes(parent.node, label, ctx));
        if (k === 0) trackAttrs = imm;
        const elements: SkeletonElement[] = label.sublabels.map((s) =>
          elementAt(s, elementRows.get(s) ?? [], frame),
        );
        keyframes.push({
          frame,
          geometry: { type: 'skeleton', elements },
          outside: flag(parent.node, 'outside', ctx, false),
          occluded: flag(parent.node, 'occluded', ctx, false),
          zOrder: int(parent.node, 'z_order', ctx, 0),
          attributes: mut,
        });
      });
    }
    keyframes.sort((a, b) => a.frame - b.frame);
    const unique = keyframes.filter((kf, k) => k === 0 || keyframes[k - 1].frame !== kf.frame);
    if (unique.length !== keyframes.length)
      labels.warnings.add(
        'duplicate-keyframe',
        'a track had two keyframes on one frame; kept the first',
        { file },
      );
    objects.push({
      kind: 'track',
      id: common.id,
      label: common.label,
      attributes: trackAttrs,
      group: common.group,
      source: common.source,
      keyframes: unique,
    });
  });

  const builtLabels = labels.build();
  padSkeletons(builtLabels, objects, () =>
    labels.warnings.add(
      'skeleton-element-missing',
      'a skeleton point first seen after the skeleton was read; added it as outside there',
      { file },
    ),
  );
  const document: DocumentData = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    media: { kind, frames },
    labels: builtLabels,
    objects,
    meta: { cvat: cvatMeta },
  };
  return { document, warnings: labels.warnings.list() };
}

/**
 * A `<points>` element may name a sublabel that the label schema did not declare; it is created
 * when met, so skeletons read before it lack that element. Gives every skeleton (shapes and
 * track keyframes) one element per sublabel of its label, in sublabel order, adding missing ones
 * as outside points.
 */
function padSkeletons(
  builtLabels: readonly Label[],
  objects: AnnotationObject[],
  warn: () => void,
): void {
  const byId = new Map(builtLabels.filter((l) => l.sublabels?.length).map((l) => [l.id, l]));
  if (byId.size === 0) return;
  const pad = (label: LabelId, g: Geometry): Geometry => {
    const subs = byId.get(label)?.sublabels ?? [];
    if (g.type !== 'skeleton' || g.elements.length >= subs.length) return g;
    warn();
    const have = new Map(g.elements.map((e) => [e.label, e]));
    const elements = subs.map(
      (sub): SkeletonElement =>
        have.get(sub.id) ?? {
          label: sub.id,
          x: 0,
          y: 0,
          occluded: false,
          outside: true,
          attributes: {},
        },
    );
    return { ...g, elements };
  };
  // Only skeletons that miss points are copied: the pass must not cost a copy per object.
  objects.forEach((o, i) => {
    if (o.kind === 'tag' || !byId.has(o.label)) return;
    if (o.kind === 'shape') {
      const geometry = pad(o.label, o.geometry);
      if (geometry !== o.geometry) objects[i] = { ...o, geometry };
    } else {
      const geometries = o.keyframes.map((k) => pad(o.label, k.geometry));
      if (geometries.some((g, k) => g !== o.keyframes[k]!.geometry)) {
        objects[i] = {
          ...o,
          keyframes: o.keyframes.map((k, j) => ({ ...k, geometry: geometries[j]! })),
        };
      }
    }
  });
}

function elementAt(s: SublabelDraft, rows: ElementRow[], frame: number): SkeletonElement {
  const keys = rows.filter((r) => r.keyframe).sort((a, b) => a.frame - b.frame);
  const at = keys.find((r) => r.frame === frame);
  const mk = (r: {
    x: number;
    y: number;
    occluded: boolean;
    outside: boolean;
    attributes: Record<number, string>;
  }): SkeletonElement => ({
    label: labelId(s.id),
    x: r.x,
    y: r.y,
    occluded: r.occluded,
    outside: r.outside,
    attributes: r.attributes as AttributeValues,
  });
  if (at) return mk(at);
  let left: ElementRow | undefined;
  let right: ElementRow | undefined;
  for (const r of keys) {
    if (r.frame < frame) left = r;
    else if (r.frame > frame && right === undefined) right = r;
  }
  if (!left)
    return right
      ? mk({ ...right, outside: true })
      : { label: labelId(s.id), x: 0, y: 0, occluded: false, outside: true, attributes: {} };
  if (!right || left.outside) return mk(left);
  const t = (frame - left.frame) / (right.frame - left.frame);
  return mk({ ...left, x: left.x + (right.x - left.x) * t, y: left.y + (right.y - left.y) * t });
}
