/**
 * YOLO 1.1 (Darknet), as CVAT writes it: `obj.data` (`key = value` lines), `obj.names` (one
 * label per line, line index = class id), one list file per subset (`train.txt`, lines
 * `data/obj_train_data/<image>`), and `obj_<subset>_data/<image stem>.txt` label files with
 * `class cx cy w h` normalised lines. Boxes only.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { DocumentData } from '@annotkit/core';
import type {
  ExportOptions,
  ExportResult,
  FileTree,
  ImportOptions,
  ImportResult,
  OutputTree,
} from '../../codec/types.js';
import { DocBuilder, frameSubsets } from '../coco/docBuilder.js';
import { DroppedTally, frameItems } from '../coco/dropped.js';
import { foldTracks } from '../coco/tracks.js';
import type { TrackMark } from '../coco/tracks.js';
import { addLines, dirname, IMAGE_EXT, joinPath, readImageSize, stripExt } from './common.js';
import { boxToYolo, f6, parseLabelFile } from './lines.js';

/** Finds `obj.data` (the shallowest one). */
export function findObjData(tree: FileTree): string | undefined {
  let best: string | undefined;
  for (const p of tree.paths()) {
    if (
      /(^|\/)obj\.data$/i.test(p) &&
      (best === undefined || p.split('/').length < best.split('/').length)
    )
      best = p;
  }
  return best;
}

/** Parses `key = value` lines. */
export function parseObjData(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

function strip(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  if (s.startsWith('./')) s = s.slice(2);
  if (s.startsWith('data/')) s = s.slice(5);
  return s;
}

/** Imports a YOLO 1.1 dataset. */
export async function importDarknet(
  tree: FileTree,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const dataPath = findObjData(tree);
  if (!dataPath) throw new AnnotkitError(ErrorCode.Parse, 'no obj.data found');
  const root = dirname(dataPath);
  const data = parseObjData(await tree.readText(dataPath));
  const namesPath = joinPath(root, strip(data.get('names') ?? 'obj.names'));
  if (!tree.has(namesPath)) {
    throw new AnnotkitError(ErrorCode.Parse, 'the names file listed in obj.data is missing', {
      file: namesPath,
    });
  }
  const names = (await tree.readText(namesPath))
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const b = new DocBuilder(options.labels);
  const labels = names.map((n) => b.label(n, 'any', namesPath));
  const marks = new Map<number, TrackMark>();
  let missing = 0;
  for (const [key, value] of data) {
    if (key === 'classes' || key === 'names' || key === 'backup') continue;
    const listPath = joinPath(root, strip(value));
    let images: string[];
    if (tree.has(listPath)) {
      images = (await tree.readText(listPath))
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => joinPath(root, strip(l)));
    } else {
      const dir = joinPath(root, `obj_${key}_data`);
      images = tree.paths().filter((p) => p.startsWith(`${dir}/`) && IMAGE_EXT.test(p));
    }
    for (const image of images) {
      const size = await readImageSize(tree, image);
      if (!size) missing++;
      const rel = image.slice(root === '' ? 0 : root.length + 1);
      const name = rel.includes('/') ? rel.slice(rel.indexOf('/') + 1) : rel;
      const frame = b.frame(name, size?.width ?? 0, size?.height ?? 0, key);
      const labelPath = `${stripExt(image)}.txt`;
      if (!tree.has(labelPath)) continue;
      const lines = parseLabelFile(await tree.readText(labelPath), labelPath);
      const fail = (line: number, message: string): never => {
        throw new AnnotkitError(ErrorCode.Parse, message, { file: labelPath, line });
      };
      for (const l of lines)
        if (l.values.length !== 4)
          fail(l.line, `a YOLO 1.1 line has 5 fields, not ${l.values.length + 1}`);
      addLines(
        b,
        lines,
        'detect',
        { labels },
        frame,
        size?.width ?? 1,
        size?.height ?? 1,
        labelPath,
        marks,
        fail,
      );
    }
  }
  if (missing > 0) {
    b.warn(
      'missing-image',
      `${missing} images are not in the dataset: sizes unknown, coordinates kept normalised`,
      dataPath,
    );
  }
  foldTracks(b, marks, b.subsets.length);
  return b.finish();
}

/** Exports unrotated boxes as YOLO 1.1; everything else is reported in `dropped`. */
export function exportDarknet(doc: DocumentData, options: ExportOptions = {}): ExportResult {
  const dropped = new DroppedTally();
  const subsets = frameSubsets(doc, options.subset ?? 'train').map((s) =>
    s === 'default' ? 'train' : s,
  );
  const classOf = new Map<number, number>();
  doc.labels.forEach((l, i) => classOf.set(l.id, i));
  const { items, tags } = frameItems(doc);
  dropped.add('tags', 'YOLO stores boxes only', tags);
  const tracks = doc.objects.filter((o) => o.kind === 'track').length;
  dropped.add(
    'track links',
    'YOLO has no track ids; track frames are written as separate boxes',
    tracks,
  );
  const lines: string[][] = doc.media.frames.map(() => []);
  for (const it of items) {
    const g = it.geometry;
    if (g.type !== 'rectangle') {
      dropped.add(`${g.type} shapes`, 'YOLO stores boxes only');
      continue;
    }
    if (Math.abs(g.rotation % 360) > 1e-5) {
      dropped.add('rotated rectangles', 'YOLO boxes are axis-aligned');
      continue;
    }
    const fr = doc.media.frames[it.frame];
    const [cx, cy, w, h] = boxToYolo(g.points, fr.width || 1, fr.height || 1);
    lines[it.frame].push(`${classOf.get(it.label)} ${f6(cx)} ${f6(cy)} ${f6(w)} ${f6(h)}`);
  }
  const tree: OutputTree = new Map();
  const lists = new Map<string, string[]>();
  doc.media.frames.forEach((fr, i) => {
    const subset = subsets[i];
    const name = IMAGE_EXT.test(fr.name) ? fr.name : `${fr.name}.jpg`;
    const dir = `obj_${subset}_data`;
    tree.set(`${dir}/${stripExt(name)}.txt`, lines[i].map((l) => `${l}\n`).join(''));
    let list = lists.get(subset);
    if (!list) lists.set(subset, (list = []));
    list.push(`data/${dir}/${name}`);
  });
  let objData = `classes = ${doc.labels.length}\n`;
  for (const [subset, list] of lists) {
    tree.set(`${subset}.txt`, list.map((l) => `${l}\n`).join(''));
    objData += `${subset} = data/${subset}.txt\n`;
  }
  objData += 'names = data/obj.names\nbackup = backup/\n';
  tree.set('obj.data', objData);
  tree.set('obj.names', doc.labels.map((l) => `${l.name}\n`).join(''));
  return { tree, dropped: dropped.list() };
}
