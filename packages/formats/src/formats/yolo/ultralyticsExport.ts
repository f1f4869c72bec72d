/**
 * Ultralytics YOLO export (detect, segment, pose, OBB): `data.yaml` + `labels/<subset>/<stem>.txt`.
 * The YAML is written for Ultralytics to train on it as is: `names` as an index map, `train` and
 * `val` as image directories (a missing `val` subset points at the train images), no `path` (so
 * the YAML's own folder is the root). Images are not part of a document: put them in
 * `images/<subset>/` next to the labels.
 */
import { maskToPolygons } from '@annotkit/core';
import type { DocumentData, Label } from '@annotkit/core';
import type { ExportOptions, ExportResult, OutputTree } from '../../codec/types.js';
import { frameSubsets } from '../coco/docBuilder.js';
import { DroppedTally, frameItems } from '../coco/dropped.js';
import { IMAGE_EXT, stripExt } from './common.js';
import { boxToYolo, cornersToYolo, f6 } from './lines.js';
import type { YoloTask } from './lines.js';
import { writeYamlSubset } from './yaml.js';
import type { YamlValue } from './yaml.js';

const KEEPS: Record<YoloTask, string> = {
  detect: 'Ultralytics detection stores axis-aligned boxes only',
  segment: 'Ultralytics segmentation stores polygons only',
  pose: 'Ultralytics pose stores skeletons only',
  obb: 'Ultralytics OBB stores (rotated) boxes only',
};

/** Exports `doc` as an Ultralytics dataset of `task`. */
export function exportUltralytics(
  doc: DocumentData,
  task: YoloTask,
  options: ExportOptions = {},
): ExportResult {
  const dropped = new DroppedTally();
  const subsets = frameSubsets(doc, options.subset ?? 'train').map((s) =>
    s === 'default' ? 'train' : s,
  );
  const classLabels: Label[] =
    task === 'pose' ? doc.labels.filter((l) => (l.sublabels?.length ?? 0) > 0) : [...doc.labels];
  const classOf = new Map<number, number>();
  classLabels.forEach((l, i) => classOf.set(l.id, i));
  const kpt = Math.max(0, ...classLabels.map((l) => l.sublabels?.length ?? 0));
  const { items, tags } = frameItems(doc);
  dropped.add('tags', KEEPS[task], tags);
  const tracks = doc.objects.filter((o) => o.kind === 'track').length;
  dropped.add('track links', 'written as per-frame objects without track ids', tracks);
  const lines: string[][] = doc.media.frames.map(() => []);
  for (const it of items) {
    const g = it.geometry;
    const fr = doc.media.frames[it.frame];
    const w = fr.width || 1;
    const h = fr.height || 1;
    const cls = classOf.get(it.label);
    let out: string | undefined;
    if (task === 'detect' && g.type === 'rectangle') {
      if (Math.abs(g.rotation % 360) > 1e-5) {
        dropped.add('rotated rectangles', 'detection boxes are axis-aligned; use the OBB format');
        continue;
      }
      out = boxToYolo(g.points, w, h).map(f6).join(' ');
    } else if (task === 'obb' && g.type === 'rectangle') {
      out = cornersToYolo(g.points, g.rotation, w, h).map(f6).join(' ');
    } else if (task === 'segment' && (g.type === 'polygon' || g.type === 'mask')) {
      // Masks become one polygon per 8-connected component (outer outline; holes are filled).
      const polys = g.type === 'polygon' ? [g.points] : maskToPolygons(g);
      const rows: string[] = [];
      for (const p of polys) {
        const v: string[] = [];
        for (let i = 0; i < p.length; i += 2) v.push(f6(p[i] / w), f6(p[i + 1] / h));
        rows.push(v.join(' '));
      }
      if (cls !== undefined && rows.length > 0) {
        for (let r = 0; r < rows.length - 1; r++) lines[it.frame].push(`${cls} ${rows[r]}`);
        out = rows[rows.length - 1];
      }
    } else if (task === 'pose' && g.type === 'skeleton' && cls !== undefined) {
      const subs = classLabels[cls].sublabels ?? [];
      const v: string[] = [];
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < kpt; i++) {
        const e = i < subs.length ? g.elements.find((x) => x.label === subs[i].id) : undefined;
        if (!e) {
          v.push('0.000000', '0.000000', '0');
          continue;
        }
        const vis = e.outside ? 0 : e.occluded ? 1 : 2;
        v.push(f6(e.x / w), f6(e.y / h), String(vis));
        if (vis !== 0) {
          minX = Math.min(minX, e.x);
          minY = Math.min(minY, e.y);
          maxX = Math.max(maxX, e.x);
          maxY = Math.max(maxY, e.y);
        }
      }
      const box = minX === Infinity ? [0, 0, 0, 0] : boxToYolo([minX, minY, maxX, maxY], w, h);
      out = `${box.map(f6).join(' ')} ${v.join(' ')}`;
    }
    if (out === undefined || cls === undefined) {
      dropped.add(`${g.type} shapes`, KEEPS[task]);
      continue;
    }
    lines[it.frame].push(`${cls} ${out}`);
  }
  const tree: OutputTree = new Map();
  const seen = new Set<string>();
  doc.media.frames.forEach((fr, i) => {
    const stem = IMAGE_EXT.test(fr.name) ? stripExt(fr.name) : fr.name;
    seen.add(subsets[i]);
    tree.set(`labels/${subsets[i]}/${stem}.txt`, lines[i].map((l) => `${l}\n`).join(''));
  });
  const names: { [k: string]: YamlValue } = {};
  classLabels.forEach((l, i) => (names[String(i)] = l.name));
  const entries: [string, YamlValue][] = [];
  if (task === 'pose') entries.push(['kpt_shape', [String(kpt), '3']]);
  entries.push(['names', names]);
  const order = [...seen].sort((a, b) =>
    a === 'train' ? -1 : b === 'train' ? 1 : a.localeCompare(b),
  );
  for (const s of order) entries.push([s, `images/${s}`]);
  if (!seen.has('val') && !seen.has('validation'))
    entries.push(['val', `images/${order[0] ?? 'train'}`]);
  tree.set('data.yaml', writeYamlSubset(entries));
  return { tree, dropped: dropped.list() };
}
