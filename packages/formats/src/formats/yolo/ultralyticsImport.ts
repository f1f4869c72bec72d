/**
 * Ultralytics YOLO import (detect, segment, pose, OBB). Finds the dataset YAML, resolves every
 * subset (a directory, a `.txt` list or a YAML list; `images/<subset>` and Roboflow's
 * `<subset>/images` orders; a leading `data/` or `./` is stripped), then reads each image's label
 * file (last `images` path component → `labels`, extension → `.txt`). Label files whose image is
 * not in the tree are still read: the frame gets size 0×0 and the coordinates stay normalised,
 * with a `missing-image` warning.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { LabelId } from '@annotkit/core';
import type { FileTree, ImportOptions, ImportResult } from '../../codec/types.js';
import { DocBuilder } from '../coco/docBuilder.js';
import { foldTracks } from '../coco/tracks.js';
import type { TrackMark } from '../coco/tracks.js';
import { addLines, dirname, IMAGE_EXT, joinPath, readImageSize, stripExt } from './common.js';
import type { ClassTable } from './common.js';
import { parseLabelFile } from './lines.js';
import type { YoloTask } from './lines.js';
import { parseYamlSubset } from './yaml.js';
import type { YamlValue } from './yaml.js';

/** Upper bound on `kpt_shape[0]`: keeps a hostile data.yaml from allocating huge skeletons. */
const MAX_KEYPOINTS = 1000;

/** Top-level YAML keys that are never subsets (CVAT's reserved keys plus Ultralytics' extras). */
const NOT_SUBSETS = new Set([
  'names',
  'path',
  'kpt_shape',
  'flip_idx',
  'backup',
  'classes',
  'nc',
  'download',
  'roboflow',
  'yaml_file',
  'channels',
]);

/** Picks the dataset YAML: the shallowest `*.yaml`/`*.yml`, `data.yaml` first on ties. */
export function findYaml(tree: FileTree): string | undefined {
  let best: string | undefined;
  let bestKey = '';
  for (const p of tree.paths()) {
    if (!/\.ya?ml$/i.test(p)) continue;
    const depth = p.split('/').length;
    const key = `${String(depth).padStart(3, '0')}${/(^|\/)data\.ya?ml$/i.test(p) ? '0' : '1'}${p}`;
    if (best === undefined || key < bestKey) {
      best = p;
      bestKey = key;
    }
  }
  return best;
}

/** Class names from `names` as a list or an index map (map keys sorted numerically). */
export function readNames(names: YamlValue | undefined, file: string): string[] {
  if (Array.isArray(names)) return names.map((n) => (typeof n === 'string' ? n : String(n)));
  if (names && typeof names === 'object') {
    return Object.keys(names)
      .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
      .map((k) => String(names[k] ?? ''));
  }
  throw new AnnotkitError(ErrorCode.InvalidType, '"names" must be a list or a map', {
    file,
    path: ['names'],
  });
}

/** Label path for an image path: last `images` component → `labels`, extension → `.txt`. */
export function labelPathFor(image: string): string {
  const parts = image.split('/');
  const i = parts.lastIndexOf('images');
  if (i >= 0 && i < parts.length - 1) parts[i] = 'labels';
  return `${stripExt(parts.join('/'))}.txt`;
}

function cleanEntry(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  if (s.startsWith('./')) s = s.slice(2);
  if (s.startsWith('data/')) s = s.slice(5);
  return s;
}

interface Item {
  readonly subset: string;
  /** Image path in the tree (may be absent from it). */
  readonly image: string;
  readonly label: string;
  /** Frame name: path below the subset's image folder. */
  readonly name: string;
}

function framePart(path: string, dir: string): string {
  return dir !== '' && path.startsWith(`${dir}/`)
    ? path.slice(dir.length + 1)
    : path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves a YAML path against the YAML's folder. Roboflow writes `../train/images` next to a
 * root-level YAML; when the literal path holds nothing, the `../` parts are dropped.
 */
function resolveEntry(paths: readonly string[], root: string, entry: string): string {
  const literal = joinPath(root, entry);
  const exists = (p: string): boolean => paths.some((x) => x === p || x.startsWith(`${p}/`));
  if (exists(literal) || !entry.startsWith('../')) return literal;
  const trimmed = joinPath(root, entry.replace(/^(\.\.\/)+/, ''));
  const labels = labelPathFor(`${trimmed}/x`).slice(0, -'/x.txt'.length);
  return exists(trimmed) || exists(labels) ? trimmed : literal;
}

/** Resolves all subsets' items. */
function collectItems(
  tree: FileTree,
  root: string,
  config: { [k: string]: YamlValue },
  listText: Map<string, string>,
): Item[] {
  const items: Item[] = [];
  const seen = new Set<string>();
  const paths = tree.paths();
  const add = (subset: string, image: string, dir: string): void => {
    // An image listed by two subsets (e.g. `val` pointing at the train images) is read once.
    if (seen.has(image)) return;
    seen.add(image);
    items.push({ subset, image, label: labelPathFor(image), name: framePart(image, dir) });
  };
  for (const key of Object.keys(config)) {
    if (NOT_SUBSETS.has(key)) continue;
    const value = config[key];
    const entries =
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((v): v is string => typeof v === 'string')
          : [];
    for (const raw of entries) {
      const rel = resolveEntry(paths, root, cleanEntry(raw));
      if (/\.txt$/i.test(rel)) {
        const text = listText.get(rel);
        if (text === undefined) continue;
        for (const line of text.split('\n')) {
          if (line.trim() === '') continue;
          const img = joinPath(root, cleanEntry(line));
          add(key, img, joinPath(dirname(img)));
        }
      } else if (IMAGE_EXT.test(rel)) {
        add(key, rel, dirname(rel));
      } else {
        // A directory: its images, plus label files whose image is missing.
        const labelsDir = labelPathFor(`${rel}/x`).slice(0, -'/x.txt'.length);
        const images = new Map<string, string>();
        for (const p of paths) {
          if (p.startsWith(`${rel}/`) && IMAGE_EXT.test(p)) images.set(labelPathFor(p), p);
        }
        for (const img of images.values()) add(key, img, rel);
        if (labelsDir !== rel) {
          for (const p of paths) {
            if (p.startsWith(`${labelsDir}/`) && p.endsWith('.txt') && !images.has(p)) {
              const stem = stripExt(p.slice(labelsDir.length + 1));
              if (seen.has(p)) continue;
              seen.add(p);
              items.push({ subset: key, image: `${rel}/${stem}`, label: p, name: stem });
            }
          }
        }
      }
    }
  }
  return items;
}

/** Imports an Ultralytics dataset of the given task. */
export async function importUltralytics(
  tree: FileTree,
  task: YoloTask,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const yamlPath = findYaml(tree);
  if (!yamlPath) throw new AnnotkitError(ErrorCode.Parse, 'no data.yaml found');
  const config = parseYamlSubset(await tree.readText(yamlPath), yamlPath);
  const root = dirname(yamlPath);
  const names = readNames(config.names, yamlPath);
  const b = new DocBuilder(options.labels);
  const table: { -readonly [K in keyof ClassTable]: ClassTable[K] } & { labels: LabelId[] } = {
    labels: [],
  };
  if (task === 'pose') {
    const kpt = config.kpt_shape;
    const n = Array.isArray(kpt) ? Number(kpt[0]) : NaN;
    const d = Array.isArray(kpt) ? Number(kpt[1]) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_KEYPOINTS || (d !== 2 && d !== 3)) {
      throw new AnnotkitError(
        ErrorCode.InvalidType,
        `pose datasets need kpt_shape: [points (1…${MAX_KEYPOINTS}), 2 or 3]`,
        {
          file: yamlPath,
          path: ['kpt_shape'],
        },
      );
    }
    table.dims = d;
    table.sublabels = [];
    for (const name of names) {
      const id = b.label(name, 'skeleton', yamlPath);
      table.labels.push(id);
      const known = b.sublabels(id);
      const pointNames = Array.from({ length: n }, (_, i) => `${name}_point_${i + 1}`);
      table.sublabels.push(known.length >= n ? known.slice(0, n) : b.skeleton(id, pointNames, []));
    }
  } else {
    for (const name of names) table.labels.push(b.label(name, 'any', yamlPath));
  }
  const listText = new Map<string, string>();
  for (const p of tree.paths()) {
    if (/\.txt$/i.test(p) && !/(^|\/)labels\//.test(p)) listText.set(p, await tree.readText(p));
  }
  const items = collectItems(tree, root, config, listText);
  const marks = new Map<number, TrackMark>();
  let missing = 0;
  for (let i = 0; i < items.length; i++) {
    if (options.signal?.aborted) throw new AnnotkitError(ErrorCode.Aborted, 'import aborted');
    const it = items[i];
    const size = await readImageSize(tree, it.image);
    if (!size) missing++;
    const frame = b.frame(it.name, size?.width ?? 0, size?.height ?? 0, it.subset);
    if (!tree.has(it.label)) continue;
    const lines = parseLabelFile(await tree.readText(it.label), it.label);
    const fail = (line: number, message: string): never => {
      throw new AnnotkitError(ErrorCode.Parse, message, { file: it.label, line });
    };
    addLines(
      b,
      lines,
      task,
      table,
      frame,
      size?.width ?? 1,
      size?.height ?? 1,
      it.label,
      marks,
      fail,
    );
    if (options.onProgress && i % 256 === 0) options.onProgress(i / items.length);
  }
  if (missing > 0) {
    b.warn(
      'missing-image',
      `${missing} images are not in the dataset: sizes unknown, coordinates kept normalised`,
      yamlPath,
    );
  }
  foldTracks(b, marks, b.subsets.length);
  options.onProgress?.(1);
  return b.finish();
}
