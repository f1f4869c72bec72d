/**
 * Pascal VOC 1.1 and Segmentation mask 1.1 export.
 *
 * VOC: `Annotations/<id>.xml` (boxes, unrotated, CVAT's writer order), `ImageSets/Main` lists and
 * per-label tag lists, masks to `SegmentationClass`/`SegmentationObject` PNGs, `labelmap.txt` in
 * document label order with `background` first and VOC palette colours by position. Polygons are
 * not written, as in CVAT (VOC has no polygon type).
 *
 * Parts and actions: the core model has neither, so a VOC import keeps its label map's parts and
 * actions in `meta.vocLayout` (`{ [label]: { parts, actions } }`). When present, the label map is
 * written with them, a box whose label is a part of the label of a box in the same group is
 * written as that object's `<part>`, and attributes named as the label's actions go to
 * `<actions>`. Without it (a document from another format, as from a CVAT task) every box is its
 * own object, which is what CVAT writes.
 *
 * Segmentation mask: boxes, polygons, ellipses and masks rasterised into the two PNGs painted with
 * the labels' own colours; `labelmap.txt` sorted by name with `background` (black) first.
 */
import type { DocumentData, FrameInfo, LabelId } from '@annotkit/core';
import type { ExportOptions, ExportResult, OutputTree } from '../../codec/types.js';
import { parseHexColor, vocColor } from '../../png/palette.js';
import { escapeXmlText } from '../../util/xml.js';
import { frameSubsets } from '../coco/docBuilder.js';
import { attributeDict, DroppedTally, frameItems, labelIndex } from '../coco/dropped.js';
import type { FrameItem } from '../coco/dropped.js';
import { IMAGE_EXT, stripExt } from '../yolo/common.js';
import { writeLabelMap } from './labelmap.js';
import type { LabelMapEntry } from './labelmap.js';
import { paintFrame } from './segmentation.js';

function itemId(fr: FrameInfo): string {
  return IMAGE_EXT.test(fr.name) ? stripExt(fr.name) : fr.name;
}

function pyFloat(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** Action names become element names: only plain XML names are written that way. */
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

interface VocLayout {
  readonly parts: readonly string[];
  readonly actions: readonly string[];
}

/** `meta.vocLayout` checked entry by entry (it comes from files): anything malformed is ignored. */
function vocLayoutOf(doc: DocumentData): Map<string, VocLayout> {
  const out = new Map<string, VocLayout>();
  const raw = doc.meta.vocLayout;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  for (const [name, entry] of Object.entries(raw)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const e = entry as { parts?: unknown; actions?: unknown };
    out.set(name, { parts: strings(e.parts), actions: strings(e.actions) });
  }
  return out;
}

function bndbox(points: readonly number[], indent: string): string {
  const [x1, y1, x2, y2] = points;
  return (
    `${indent}<bndbox>\n${indent}  <xmin>${pyFloat(x1)}</xmin>\n${indent}  <ymin>${pyFloat(y1)}</ymin>\n` +
    `${indent}  <xmax>${pyFloat(x2)}</xmax>\n${indent}  <ymax>${pyFloat(y2)}</ymax>\n${indent}</bndbox>\n`
  );
}

function lists(tree: OutputTree, dir: string, bySubset: Map<string, string[]>): void {
  for (const [subset, ids] of bySubset)
    tree.set(`ImageSets/${dir}/${subset}.txt`, ids.map((i) => `${i}\n`).join(''));
}

/** Exports Pascal VOC 1.1. */
export function exportVoc(doc: DocumentData, options: ExportOptions = {}): ExportResult {
  const dropped = new DroppedTally();
  const tree: OutputTree = new Map();
  const subsets = frameSubsets(doc, options.subset ?? 'default');
  const labels = labelIndex(doc);
  const layout = vocLayoutOf(doc);
  const entries: LabelMapEntry[] = [];
  if (!doc.labels.some((l) => l.name === 'background'))
    entries.push({ name: 'background', color: [0, 0, 0], parts: [], actions: [] });
  for (const l of doc.labels) {
    const { parts = [], actions = [] } = layout.get(l.name) ?? {};
    entries.push({ name: l.name, color: vocColor(entries.length), parts, actions });
  }
  const colorByName = new Map<string, readonly [number, number, number]>(
    entries.map((e) => [e.name, e.color ?? [0, 0, 0]]),
  );
  tree.set('labelmap.txt', writeLabelMap(entries));
  const { items } = frameItems(doc);
  const perFrame: FrameItem[][] = doc.media.frames.map(() => []);
  const masks: FrameItem[][] = doc.media.frames.map(() => []);
  const tracks = doc.objects.filter((o) => o.kind === 'track').length;
  dropped.add(
    'track links',
    'VOC has no tracks; track frames are written as separate objects',
    tracks,
  );
  for (const it of items) {
    const t = it.geometry.type;
    if (t === 'rectangle') perFrame[it.frame].push(it);
    else if (t === 'mask') masks[it.frame].push(it);
    else dropped.add(`${t} shapes`, 'Pascal VOC stores boxes, tags and masks only');
  }
  const main = new Map<string, string[]>();
  const seg = new Map<string, string[]>();
  doc.media.frames.forEach((fr, f) => {
    const id = itemId(fr);
    const subset = subsets[f];
    (main.get(subset) ?? main.set(subset, []).get(subset)!).push(id);
    let xml = '<annotation>\n';
    xml += `  <folder>${escapeXmlText(id.includes('_') ? id.slice(0, id.indexOf('_')) : '')}</folder>\n`;
    xml += `  <filename>${escapeXmlText(IMAGE_EXT.test(fr.name) ? fr.name : `${fr.name}.jpg`)}</filename>\n`;
    xml +=
      '  <source>\n    <database>Unknown</database>\n    <annotation>Unknown</annotation>\n    <image>Unknown</image>\n  </source>\n';
    xml += `  <size>\n    <width>${fr.width}</width>\n    <height>${fr.height}</height>\n    <depth></depth>\n  </size>\n`;
    xml += `  <segmented>${masks[f].length > 0 ? 1 : 0}</segmented>\n`;
    // Part boxes nested into their group's owner: owner item → its parts.
    const partsOf = new Map<FrameItem, FrameItem[]>();
    const nested = new Set<FrameItem>();
    if (layout.size > 0) {
      const byGroup = new Map<number, FrameItem[]>();
      for (const it of perFrame[f]) {
        if (it.group !== 0)
          (byGroup.get(it.group) ?? byGroup.set(it.group, []).get(it.group)!).push(it);
      }
      for (const members of byGroup.values()) {
        for (const owner of members) {
          const ownParts = layout.get(labels.get(owner.label)?.name ?? '')?.parts ?? [];
          if (ownParts.length === 0 || nested.has(owner)) continue;
          const list = members.filter(
            (m) =>
              m !== owner && !nested.has(m) && ownParts.includes(labels.get(m.label)?.name ?? ''),
          );
          if (list.length === 0) continue;
          partsOf.set(owner, list);
          for (const m of list) nested.add(m);
        }
      }
    }
    for (const it of perFrame[f]) {
      const g = it.geometry;
      if (g.type !== 'rectangle' || nested.has(it)) continue;
      if (Math.abs(g.rotation % 360) > 1e-5)
        dropped.add('rectangle rotation', 'VOC boxes are axis-aligned; written unrotated');
      const label = labels.get(it.label);
      const attrs = label ? attributeDict(label.attributes, it.attributes) : {};
      const flag = (k: string): number => (attrs[k] === true || attrs[k] === 1 ? 1 : 0);
      xml += `  <object>\n    <name>${escapeXmlText(label?.name ?? '')}</name>\n`;
      if (typeof attrs.pose === 'string') xml += `    <pose>${escapeXmlText(attrs.pose)}</pose>\n`;
      xml += `    <truncated>${flag('truncated')}</truncated>\n    <occluded>${it.occluded ? 1 : 0}</occluded>\n    <difficult>${flag('difficult')}</difficult>\n`;
      xml += bndbox(g.points, '    ');
      for (const part of partsOf.get(it) ?? []) {
        if (part.geometry.type !== 'rectangle') continue;
        xml += `    <part>\n      <name>${escapeXmlText(labels.get(part.label)?.name ?? '')}</name>\n`;
        xml += bndbox(part.geometry.points, '      ');
        xml += '    </part>\n';
      }
      const actions = layout.get(label?.name ?? '')?.actions ?? [];
      const acted = actions.filter((a) => XML_NAME.test(a) && Object.hasOwn(attrs, a));
      if (acted.length > 0) {
        xml += '    <actions>\n';
        for (const a of acted) xml += `      <${a}>${flag(a)}</${a}>\n`;
        xml += '    </actions>\n';
      }
      const rest = Object.entries(attrs).filter(
        ([k]) => k !== 'truncated' && k !== 'difficult' && k !== 'pose' && !acted.includes(k),
      );
      if (rest.length > 0) {
        xml += '    <attributes>\n';
        for (const [k, v] of rest) {
          const s = typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
          xml += `      <attribute>\n        <name>${escapeXmlText(k)}</name>\n        <value>${escapeXmlText(s)}</value>\n      </attribute>\n`;
        }
        xml += '    </attributes>\n';
      }
      xml += '  </object>\n';
    }
    xml += '</annotation>\n';
    tree.set(`Annotations/${id}.xml`, xml);
    const png = paintFrame(
      masks[f],
      fr.width,
      fr.height,
      (l) => colorByName.get(labels.get(l)?.name ?? '') ?? ([0, 0, 0] as const),
      dropped,
    );
    if (png) {
      tree.set(`SegmentationClass/${id}.png`, png.cls);
      tree.set(`SegmentationObject/${id}.png`, png.obj);
      (seg.get(subset) ?? seg.set(subset, []).get(subset)!).push(id);
    }
  });
  lists(tree, 'Main', main);
  lists(tree, 'Segmentation', seg);
  // Tags: one list per label and subset, "<id>  1" / "<id> -1" for every item.
  const tagged = new Map<number, Set<number>>();
  for (const o of doc.objects) {
    if (o.kind !== 'tag') continue;
    (tagged.get(o.label) ?? tagged.set(o.label, new Set()).get(o.label)!).add(o.frame);
  }
  for (const [label, frames] of tagged) {
    const name = labels.get(label)?.name ?? '';
    for (const [subset] of main) {
      let text = '';
      doc.media.frames.forEach((fr, f) => {
        if (subsets[f] === subset) text += `${itemId(fr)} ${frames.has(f) ? ' 1' : '-1'}\n`;
      });
      tree.set(`ImageSets/Main/${name}_${subset}.txt`, text);
    }
  }
  return { tree, dropped: dropped.list() };
}

/** Exports Segmentation mask 1.1. */
export function exportSegmentationMask(
  doc: DocumentData,
  options: ExportOptions = {},
): ExportResult {
  const dropped = new DroppedTally();
  const tree: OutputTree = new Map();
  const subsets = frameSubsets(doc, options.subset ?? 'default');
  const sorted = [...doc.labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: LabelMapEntry[] = [];
  if (!doc.labels.some((l) => l.name === 'background'))
    entries.push({ name: 'background', color: [0, 0, 0], parts: [], actions: [] });
  const colorOf = new Map<LabelId, readonly [number, number, number]>();
  const used = new Map<string, string>();
  for (const l of sorted) {
    const c = parseHexColor(l.color) ?? [0, 0, 0];
    const key = c.join(',');
    const other = used.get(key);
    if (other !== undefined)
      dropped.add(
        `label "${l.name}" distinct colour`,
        `it shares its colour with "${other}" and merges with it on import`,
      );
    used.set(key, l.name);
    entries.push({ name: l.name, color: c, parts: [], actions: [] });
    colorOf.set(l.id, c);
  }
  tree.set('labelmap.txt', writeLabelMap(entries));
  const { items, tags } = frameItems(doc);
  dropped.add('tags', 'segmentation masks hold pixels only', tags);
  const tracks = doc.objects.filter((o) => o.kind === 'track').length;
  dropped.add('track links', 'written as per-frame masks without track ids', tracks);
  const perFrame: FrameItem[][] = doc.media.frames.map(() => []);
  for (const it of items) {
    const t = it.geometry.type;
    if (t === 'rectangle' || t === 'polygon' || t === 'ellipse' || t === 'mask')
      perFrame[it.frame].push(it);
    else dropped.add(`${t} shapes`, 'only area shapes can be painted into masks');
  }
  const seg = new Map<string, string[]>();
  doc.media.frames.forEach((fr, f) => {
    const id = itemId(fr);
    (seg.get(subsets[f]) ?? seg.set(subsets[f], []).get(subsets[f])!).push(id);
    const png = paintFrame(
      perFrame[f],
      fr.width,
      fr.height,
      (l) => colorOf.get(l) ?? [0, 0, 0],
      dropped,
    );
    if (png) {
      tree.set(`SegmentationClass/${id}.png`, png.cls);
      tree.set(`SegmentationObject/${id}.png`, png.obj);
    }
  });
  lists(tree, 'Segmentation', seg);
  return { tree, dropped: dropped.list() };
}
