/**
 * Pascal VOC import, shared by "PASCAL VOC 1.1" (all tasks) and "Segmentation mask 1.1" (the
 * segmentation PNGs only). Items come from `ImageSets/{Main,Segmentation,Action,Layout}/<subset>.txt`
 * and from `Annotations/*.xml` not listed anywhere (subset `default`). Masks are kept as masks
 * (CVAT converts them to polygons by default; a mask is the lossless choice).
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { AttributeValues, LabelId } from '@annotkit/core';
import type { FileTree, ImportOptions, ImportResult } from '../../codec/types.js';
import { decodePng } from '../../png/png.js';
import { packRgb, toHexColor, vocColor } from '../../png/palette.js';
import { parseXml, xmlChild, xmlChildren, xmlChildText, xmlChildTags } from '../../util/xml.js';
import type { XmlNode } from '../../util/xml.js';
import { DocBuilder } from '../coco/docBuilder.js';
import { bitsToMask } from '../coco/rle.js';
import { IMAGE_EXT, readImageSize } from '../yolo/common.js';
import { defaultLabelMap, parseLabelMap } from './labelmap.js';
import type { LabelMapEntry } from './labelmap.js';

/** Which VOC parts to read. */
export interface VocReadParts {
  readonly detection: boolean;
  readonly classification: boolean;
  readonly segmentation: boolean;
}

const TASK_DIRS = ['Main', 'Segmentation', 'Action', 'Layout'] as const;

/** Finds the VOC root: the shallowest folder holding `ImageSets`, `Annotations` or `Segmentation*`. */
export function findVocRoot(tree: FileTree): string | undefined {
  let best: string | undefined;
  for (const p of tree.paths()) {
    const m = /^(?:(.*)\/)?(ImageSets|Annotations|SegmentationClass|SegmentationObject)\//.exec(p);
    if (!m) continue;
    const root = m[1] ?? '';
    if (
      best === undefined ||
      root.split('/').length < best.split('/').length ||
      (root === '' && best !== '')
    )
      best = root;
  }
  return best;
}

function join(root: string, p: string): string {
  return root === '' ? p : `${root}/${p}`;
}

function checkbox(v: string | undefined, file: string, tag: string): boolean {
  if (v === undefined || v === '') return false;
  if (v === '0' || v === '1') return v === '1';
  throw new AnnotkitError(ErrorCode.Parse, `<${tag}> must be 0 or 1, not "${v}"`, {
    file,
    path: [tag],
  });
}

/** Imports a VOC tree. */
export async function importVoc(
  tree: FileTree,
  parts: VocReadParts,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const root = findVocRoot(tree);
  if (root === undefined) throw new AnnotkitError(ErrorCode.Parse, 'no Pascal VOC folders found');
  const b = new DocBuilder(options.labels);
  const mapPath = join(root, 'labelmap.txt');
  const labelMap: LabelMapEntry[] = tree.has(mapPath)
    ? parseLabelMap(await tree.readText(mapPath), mapPath)
    : defaultLabelMap();
  const byColor = new Map<number, LabelId>();
  const byIndex: LabelId[] = [];
  const partLabels = new Set(labelMap.flatMap((e) => e.parts));
  for (const e of labelMap) {
    const id = b.label(e.name, 'any', mapPath);
    if (e.color) {
      b.setColor(id, toHexColor(...e.color));
      const key = packRgb(...e.color);
      if (!byColor.has(key)) byColor.set(key, id);
    }
    byIndex.push(id);
  }
  for (const p of partLabels) b.label(p, 'any', mapPath);
  // Items per subset, in list order.
  const items = new Map<string, string>(); // id → subset
  const listed = tree
    .paths()
    .filter((p) => p.startsWith(join(root, 'ImageSets/')) && p.endsWith('.txt'));
  for (const dir of TASK_DIRS) {
    if (dir === 'Segmentation' ? !parts.segmentation : !(parts.detection || parts.classification))
      continue;
    for (const p of listed) {
      const m = new RegExp(`ImageSets/${dir}/([^/_]+)\\.txt$`).exec(p);
      if (!m) continue;
      for (const line of (await tree.readText(p)).split('\n')) {
        const id = line.trim().split(/\s+/)[0];
        if (id && !id.startsWith('#') && !items.has(id)) items.set(id, m[1]);
      }
    }
  }
  if (parts.detection) {
    for (const p of tree.paths()) {
      const m = /^(?:.*\/)?Annotations\/(.+)\.xml$/.exec(p);
      if (m && p.startsWith(join(root, 'Annotations/')) && !items.has(m[1]))
        items.set(m[1], 'default');
    }
  }
  const frames = new Map<string, number>();
  const images = new Map<string, string>();
  for (const p of tree.paths()) {
    if (p.startsWith(join(root, 'JPEGImages/')) && IMAGE_EXT.test(p)) {
      const rel = p.slice(join(root, 'JPEGImages/').length);
      images.set(rel.replace(/\.[^./]+$/, ''), p);
    }
  }
  for (const [id, subset] of items) {
    if (options.signal?.aborted) throw new AnnotkitError(ErrorCode.Aborted, 'import aborted');
    const xmlPath = join(root, `Annotations/${id}.xml`);
    const xml =
      parts.detection && tree.has(xmlPath)
        ? parseXml(await tree.readText(xmlPath), 'annotation', { file: xmlPath })
        : undefined;
    const image = images.get(id);
    let name = xml ? xmlChildText(xml, 'filename') : undefined;
    if (!name) name = image ? image.slice(image.lastIndexOf('/') + 1) : id;
    const size = xml ? xmlChild(xml, 'size') : undefined;
    let w = Number(xmlChildText(size, 'width') ?? 0) || 0;
    let h = Number(xmlChildText(size, 'height') ?? 0) || 0;
    if ((w === 0 || h === 0) && image) {
      const s = await readImageSize(tree, image);
      if (s) ({ width: w, height: h } = s);
    }
    const frame = b.frame(name, w, h, subset);
    frames.set(id, frame);
    if (xml) readObjects(b, xml, frame, xmlPath, partLabels);
    if (parts.segmentation) await readMasks(b, tree, root, id, frame, byColor, byIndex);
  }
  if (parts.classification) {
    for (const p of listed) {
      const m = /ImageSets\/Main\/(.+)_([^/_]+)\.txt$/.exec(p);
      if (!m) continue;
      const label = b.findLabel(m[1]) ?? b.label(m[1], 'tag', p);
      for (const line of (await tree.readText(p)).split('\n')) {
        const [id, flag] = line.trim().split(/\s+/);
        if (id && flag === '1' && frames.has(id)) b.tag(frames.get(id)!, label);
      }
    }
  }
  // Parts and actions of the label map, so that a VOC export can nest parts and write actions
  // again (the core model has no notion of either; see `vocLayoutOf` in the exporter).
  const layout: Record<string, { parts: string[]; actions: string[] }> = {};
  for (const e of labelMap) {
    if (e.parts.length > 0 || e.actions.length > 0)
      layout[e.name] = { parts: [...e.parts], actions: [...e.actions] };
  }
  return b.finish(Object.keys(layout).length > 0 ? { vocLayout: layout } : {});
}

function readObjects(
  b: DocBuilder,
  xml: XmlNode,
  frame: number,
  file: string,
  partLabels: Set<string>,
): void {
  for (const obj of xmlChildren(xml, 'object')) {
    const name = xmlChildText(obj, 'name') ?? '';
    if (name === '') throw new AnnotkitError(ErrorCode.Parse, '<object> without <name>', { file });
    let label = b.findLabel(name);
    if (label === undefined) {
      b.warn('label-created', 'object labels missing from the label map were created', file);
      label = b.label(name, 'any', file);
    }
    const objLabel = label;
    const attributes: Record<number, string> = {};
    const setAttr = (k: string, v: unknown): void => {
      const a = b.attribute(objLabel, k, v);
      attributes[a.id] = a.value;
    };
    const occluded = checkbox(xmlChildText(obj, 'occluded'), file, 'occluded');
    for (const k of ['truncated', 'difficult']) {
      const v = xmlChildText(obj, k);
      if (v !== undefined) setAttr(k, checkbox(v, file, k));
    }
    const pose = xmlChildText(obj, 'pose');
    if (pose !== undefined) setAttr('pose', pose);
    const actions = xmlChild(obj, 'actions');
    for (const act of xmlChildTags(actions))
      setAttr(act, checkbox(xmlChildText(actions, act), file, act));
    for (const at of xmlChildren(xmlChild(obj, 'attributes'), 'attribute')) {
      const k = xmlChildText(at, 'name');
      const v = xmlChildText(at, 'value') ?? '';
      if (k)
        setAttr(
          k,
          v === 'True' || v === 'true' ? true : v === 'False' || v === 'false' ? false : v,
        );
    }
    const box = readBox(xmlChild(obj, 'bndbox'), file);
    const objParts = xmlChildren(obj, 'part');
    const group = objParts.length > 0 ? b.newGroup() : 0;
    if (box)
      b.shape(frame, objLabel, box, { attributes: attributes as AttributeValues, occluded, group });
    for (const part of objParts) {
      const pname = xmlChildText(part, 'name') ?? '';
      if (!partLabels.has(pname) && b.findLabel(pname) === undefined) {
        b.warn('label-created', 'part labels not in the label map were created', file);
      }
      const pbox = readBox(xmlChild(part, 'bndbox'), file);
      if (pbox) b.shape(frame, b.label(pname, 'any', file), pbox, { group });
    }
  }
}

function readBox(node: XmlNode | undefined, file: string) {
  if (node === undefined) return undefined;
  const v = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => {
    const t = xmlChildText(node, k);
    const n = t === undefined ? NaN : Number(t);
    if (!Number.isFinite(n)) {
      throw new AnnotkitError(ErrorCode.Parse, `<bndbox><${k}> is not a number: "${t ?? ''}"`, {
        file,
        path: ['bndbox', k],
      });
    }
    return n;
  });
  return { type: 'rectangle' as const, points: v, rotation: 0 };
}

/** Reads `SegmentationObject` (instances) or, without it, `SegmentationClass` (one mask per class). */
async function readMasks(
  b: DocBuilder,
  tree: FileTree,
  root: string,
  id: string,
  frame: number,
  byColor: Map<number, LabelId>,
  byIndex: LabelId[],
): Promise<void> {
  const clsPath = join(root, `SegmentationClass/${id}.png`);
  const objPath = join(root, `SegmentationObject/${id}.png`);
  if (!tree.has(clsPath)) return;
  const cls = decodePng(await tree.read(clsPath), { file: clsPath });
  const { width: w, height: h } = cls;
  const n = w * h;
  const classOf = new Int32Array(n).fill(-1);
  const indexed = cls.channels === 1;
  const labels: LabelId[] = [];
  const labelIdx = new Map<number, number>();
  const VOID = packRgb(...vocColor(255));
  for (let i = 0; i < n; i++) {
    let key: number;
    let label: LabelId | undefined;
    if (indexed) {
      key = cls.data[i];
      if (key === 0 || key === 255) continue;
      label = byIndex[key];
    } else {
      const o = i * cls.channels;
      key = packRgb(cls.data[o], cls.data[o + 1], cls.data[o + 2]);
      if (key === 0 || key === VOID) continue;
      label = byColor.get(key);
    }
    if (label === undefined) {
      throw new AnnotkitError(
        ErrorCode.UnknownLabel,
        `colour/index ${key.toString(indexed ? 10 : 16)} is not in the label map`,
        { file: clsPath },
      );
    }
    let li = labelIdx.get(label);
    if (li === undefined) labelIdx.set(label, (li = labels.push(label) - 1));
    classOf[i] = li;
  }
  const groups = new Map<number, number[]>(); // instance key → pixel indices
  if (tree.has(objPath)) {
    const obj = decodePng(await tree.read(objPath), { file: objPath });
    if (obj.width !== w || obj.height !== h) {
      throw new AnnotkitError(
        ErrorCode.InvalidGeometry,
        'SegmentationObject and SegmentationClass sizes differ',
        { file: objPath },
      );
    }
    for (let i = 0; i < n; i++) {
      const o = i * obj.channels;
      const key =
        obj.channels === 1 ? obj.data[o] : packRgb(obj.data[o], obj.data[o + 1], obj.data[o + 2]);
      if (key === 0 || key === VOID || (obj.channels === 1 && key === 255)) continue;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (classOf[i] < 0) continue;
      let g = groups.get(classOf[i]);
      if (!g) groups.set(classOf[i], (g = []));
      g.push(i);
    }
  }
  for (const pixels of groups.values()) {
    const votes = new Map<number, number>();
    for (const i of pixels)
      if (classOf[i] >= 0) votes.set(classOf[i], (votes.get(classOf[i]) ?? 0) + 1);
    let best = -1;
    let bestVotes = 0;
    for (const [k, v] of votes) if (v > bestVotes) [best, bestVotes] = [k, v];
    if (best < 0) {
      b.warn('instance-without-class', 'instance pixels without a class were skipped', objPath);
      continue;
    }
    const bits = new Uint8Array(n);
    for (const i of pixels) bits[i] = 1;
    const mask = bitsToMask(bits, w, h, 0, 0);
    if (mask) b.shape(frame, labels[best], mask);
  }
}
