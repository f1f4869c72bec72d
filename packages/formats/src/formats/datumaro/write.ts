/**
 * DocumentData → Datumaro 1.0 JSON, one `annotations/<subset>.json` per subset (from
 * `meta.subsets`, default `default`). Tracks are written as shapes on every visible frame with
 * `track_id` and `keyframe` attributes, as CVAT does.
 */
import type { AttributeSpec, DocumentData, Geometry } from '@annotkit/core';
import type { DroppedReport, ExportOptions, OutputTree } from '../../codec/types.js';
import { encodeCocoString, maskToCoco } from '../coco/rle.js';
import { createTrackResolver } from '@annotkit/core';
import { trackFrames } from '../../util/trackFrames.js';

type J = Record<string, unknown>;

function typed(spec: AttributeSpec | undefined, v: string): unknown {
  if (!spec) return v;
  if (spec.inputType === 'checkbox') return v === 'true';
  if (spec.inputType === 'number' && v.trim() !== '' && Number.isFinite(Number(v)))
    return Number(v);
  return v;
}

/** Writes the document as Datumaro JSON files. */
export function writeDatumaro(
  doc: DocumentData,
  options: ExportOptions = {},
): { tree: OutputTree; dropped: DroppedReport[] } {
  const fallback = options.subset ?? 'default';
  const raw = doc.meta.subsets;
  const subsetOf = (i: number) =>
    Array.isArray(raw) && typeof raw[i] === 'string' && raw[i] !== ''
      ? (raw[i] as string)
      : fallback;
  // Label indices: each label followed by its sublabels.
  const catLabels: J[] = [];
  const index = new Map<number, number>();
  const specs = new Map<number, AttributeSpec>();
  const attrNames = new Set<string>(['occluded']);
  const pointsItems: J[] = [];
  for (const l of doc.labels) {
    index.set(l.id, catLabels.length);
    catLabels.push({ name: l.name, parent: '', attributes: l.attributes.map((a) => a.name) });
    for (const a of l.attributes) {
      specs.set(a.id, a);
      attrNames.add(a.name);
    }
    for (const s of l.sublabels ?? []) {
      index.set(s.id, catLabels.length);
      catLabels.push({ name: s.name, parent: l.name, attributes: s.attributes.map((a) => a.name) });
      for (const a of s.attributes) {
        specs.set(a.id, a);
        attrNames.add(a.name);
      }
    }
    if (l.type === 'skeleton') {
      const subs = l.sublabels ?? [];
      const pos = new Map(subs.map((s, i) => [s.id as number, i + 1]));
      pointsItems.push({
        label_id: index.get(l.id),
        labels: subs.map((s) => s.name),
        joints: (l.edges ?? []).map(([a, b]) => [pos.get(a), pos.get(b)]),
      });
    }
  }
  const categories = {
    label: { labels: catLabels, attributes: [...attrNames].sort() },
    points: { items: pointsItems },
  };
  const attrs = (values: Readonly<Record<number, string>>): J => {
    const out: J = {};
    for (const k in values) {
      const spec = specs.get(Number(k));
      if (spec) out[spec.name] = typed(spec, values[Number(k)]);
    }
    return out;
  };
  const items: J[][] = doc.media.frames.map(() => []);
  const counts = { cuboids: 0, masks: 0, clipped: 0 };
  const ann = (
    frame: number,
    label: number,
    g: Geometry | undefined,
    a: J,
    group: number,
    zOrder: number,
  ): J | undefined => {
    const base: J = {
      id: 0,
      type: 'label',
      attributes: a,
      group,
      label_id: index.get(label) ?? null,
    };
    if (!g) return base;
    base.z_order = zOrder;
    switch (g.type) {
      case 'rectangle': {
        const [x1, y1, x2, y2] = g.points;
        a.rotation = g.rotation;
        return { ...base, type: 'bbox', bbox: [x1, y1, x2 - x1, y2 - y1] };
      }
      case 'polygon':
      case 'polyline':
        return { ...base, type: g.type, points: [...g.points] };
      case 'points':
        return {
          ...base,
          type: 'points',
          points: [...g.points],
          visibility: g.points.filter((_, i) => i % 2 === 0).map(() => 2),
        };
      case 'ellipse':
        if (g.rotation !== 0) a.rotation = g.rotation;
        return {
          ...base,
          type: 'ellipse',
          points: [g.cx - g.rx, g.cy - g.ry, g.cx + g.rx, g.cy + g.ry],
        };
      case 'mask': {
        const f = doc.media.frames[frame];
        if (!f || f.width === 0 || f.height === 0) {
          counts.masks++;
          return undefined;
        }
        const c = maskToCoco(g, f.height, f.width);
        if (c.clipped > 0) counts.clipped++;
        return {
          ...base,
          type: 'mask',
          rle: { counts: encodeCocoString(c.counts), size: [f.height, f.width] },
        };
      }
      case 'cuboid3d': {
        const { z_order: _z, ...rest } = base;
        return {
          ...rest,
          type: 'cuboid_3d',
          position: [...g.position],
          rotation: [...g.rotation],
          scale: [...g.scale],
        };
      }
      case 'skeleton':
        return {
          ...base,
          type: 'skeleton',
          points: g.elements.flatMap((e) => [e.x, e.y, e.outside ? 0 : e.occluded ? 1 : 2]),
          points_attributes: g.elements.map((e) => attrs(e.attributes)),
        };
      default:
        counts.cuboids++;
        return undefined;
    }
  };
  let trackIndex = 0;
  const resolver = createTrackResolver();
  for (const o of doc.objects) {
    if (o.kind === 'tag') {
      const a = ann(o.frame, o.label, undefined, attrs(o.attributes), o.group, 0);
      if (a) items[o.frame]?.push(a);
    } else if (o.kind === 'shape') {
      const a = ann(
        o.frame,
        o.label,
        o.geometry,
        { ...attrs(o.attributes), occluded: o.occluded },
        o.group,
        o.zOrder,
      );
      if (a) items[o.frame]?.push(a);
    } else {
      const tid = trackIndex++;
      for (const s of trackFrames(o, doc.media.frames.length, { resolver })) {
        const a = ann(
          s.frame,
          o.label,
          s.geometry,
          {
            ...attrs({ ...o.attributes, ...s.attributes }),
            occluded: s.occluded,
            track_id: tid,
            keyframe: s.keyframe,
          },
          o.group,
          s.zOrder,
        );
        if (a) items[s.frame]?.push(a);
      }
    }
  }
  const bySubset = new Map<string, J[]>();
  doc.media.frames.forEach((f, i) => {
    const subset = subsetOf(i);
    const list = bySubset.get(subset) ?? [];
    const dot = f.name.lastIndexOf('.');
    const slash = f.name.lastIndexOf('/');
    const id = dot > slash + 1 ? f.name.slice(0, dot) : f.name;
    const item: J = { id, annotations: items[i], attr: { frame: i } };
    if (doc.media.kind === 'pointcloud') item.point_cloud = { path: f.name };
    else if (f.width > 0 && f.height > 0) item.image = { path: f.name, size: [f.height, f.width] };
    list.push(item);
    bySubset.set(subset, list);
  });
  const tree: OutputTree = new Map();
  for (const [subset, list] of bySubset) {
    tree.set(`annotations/${subset}.json`, JSON.stringify({ info: {}, categories, items: list }));
  }
  const dropped: DroppedReport[] = [];
  if (counts.cuboids > 0)
    dropped.push({
      what: '2D cuboids',
      count: counts.cuboids,
      reason: 'Datumaro 1.0 has no 2D cuboid annotation',
    });
  if (counts.masks > 0)
    dropped.push({
      what: 'masks on frames of unknown size',
      count: counts.masks,
      reason: 'Datumaro masks are RLE over the whole image',
    });
  if (counts.clipped > 0)
    dropped.push({
      what: 'mask pixels outside the image',
      count: counts.clipped,
      reason: 'Datumaro masks cover the image only',
    });
  return { tree, dropped };
}
