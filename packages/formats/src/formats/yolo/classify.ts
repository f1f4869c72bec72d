/**
 * Ultralytics YOLO Classification: `<subset>/<class>/<image>` folders (`no_label` = untagged),
 * plus CVAT's optional `<subset>/labels.json` (`{"<item id>": {"labels": [...], "path": ...}}`),
 * which wins when present. Tags only.
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
import { DroppedTally } from '../coco/dropped.js';
import { parseJsonText } from '../coco/json.js';
import { IMAGE_EXT, readImageSize, stripExt } from './common.js';

interface ClassImage {
  readonly root: string;
  readonly subset: string;
  readonly cls: string;
  readonly file: string;
  readonly path: string;
}

/** Images laid out as `[root/]<subset>/<class>/<file>`, using the shallowest such layout. */
export function findClassImages(tree: FileTree): ClassImage[] {
  const images = tree.paths().filter((p) => IMAGE_EXT.test(p));
  if (images.length === 0) return [];
  const depth = Math.min(...images.map((p) => p.split('/').length));
  if (depth < 3) return [];
  const out: ClassImage[] = [];
  for (const p of images) {
    const parts = p.split('/');
    if (parts.length !== depth) continue;
    const n = parts.length;
    out.push({
      root: parts.slice(0, n - 3).join('/'),
      subset: parts[n - 3],
      cls: parts[n - 2],
      file: parts[n - 1],
      path: p,
    });
  }
  return out;
}

/** Imports a classification dataset as one frame per image with its tags. */
export async function importClassify(
  tree: FileTree,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const images = findClassImages(tree);
  const keys = images.map((i) => `${i.root}\u0000${i.subset}`);
  for (const p of tree.paths()) {
    const m = /^(?:(.*)\/)?([^/]+)\/labels\.json$/.exec(p);
    if (m) keys.push(`${m[1] ?? ''}\u0000${m[2]}`);
  }
  if (keys.length === 0) {
    throw new AnnotkitError(
      ErrorCode.Parse,
      'no <subset>/<class>/<image> folders or labels.json found',
    );
  }
  const b = new DocBuilder(options.labels);
  const subsets = [...new Set(keys)];
  for (const key of subsets) {
    const [root, subset] = key.split('\u0000');
    const dir = root === '' ? subset : `${root}/${subset}`;
    const inSubset = images.filter((i) => i.root === root && i.subset === subset);
    const jsonPath = `${dir}/labels.json`;
    if (tree.has(jsonPath)) {
      const json = parseJsonText(await tree.readText(jsonPath), jsonPath);
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new AnnotkitError(ErrorCode.InvalidType, 'expected an object', { file: jsonPath });
      }
      for (const [id, entry] of Object.entries(json as Record<string, unknown>)) {
        const e = entry as { labels?: unknown; path?: unknown };
        if (!Array.isArray(e?.labels) || typeof e.path !== 'string') {
          throw new AnnotkitError(ErrorCode.InvalidType, 'expected {labels: [...], path: "..."}', {
            file: jsonPath,
            path: [id],
          });
        }
        const size = await readImageSize(tree, `${dir}/${e.path}`);
        if (!size) b.warn('missing-image', 'images listed in labels.json are missing', jsonPath);
        const name = e.path.slice(e.path.lastIndexOf('/') + 1);
        const frame = b.frame(
          `${id}${name.slice(stripExt(name).length)}`,
          size?.width ?? 0,
          size?.height ?? 0,
          subset,
        );
        for (const l of e.labels)
          if (typeof l === 'string') b.tag(frame, b.label(l, 'tag', jsonPath));
      }
      continue;
    }
    const byName = new Map<string, number>();
    for (const img of inSubset) {
      let frame = byName.get(img.file);
      if (frame === undefined) {
        const size = await readImageSize(tree, img.path);
        if (!size)
          b.warn('unreadable-image', 'image sizes could not be read from their headers', img.path);
        frame = b.frame(img.file, size?.width ?? 0, size?.height ?? 0, subset);
        byName.set(img.file, frame);
      }
      if (img.cls !== 'no_label') b.tag(frame, b.label(img.cls, 'tag', img.path));
    }
  }
  return b.finish();
}

/**
 * Exports tags as `<subset>/labels.json`. The class folders hold image files, which a document
 * does not have: their count is reported in `dropped` so the host can copy the images.
 */
export function exportClassify(doc: DocumentData, options: ExportOptions = {}): ExportResult {
  const dropped = new DroppedTally();
  const subsets = frameSubsets(doc, options.subset ?? 'train').map((s) =>
    s === 'default' ? 'train' : s,
  );
  const names = new Map(doc.labels.map((l) => [l.id as number, l.name]));
  const tags: string[][] = doc.media.frames.map(() => []);
  let shapes = 0;
  for (const o of doc.objects) {
    if (o.kind === 'tag') tags[o.frame].push(names.get(o.label) ?? '');
    else shapes++;
  }
  dropped.add('shapes and tracks', 'classification stores image-level tags only', shapes);
  const per = new Map<string, Record<string, { labels: string[]; path: string }>>();
  doc.media.frames.forEach((fr, i) => {
    let m = per.get(subsets[i]);
    if (!m) per.set(subsets[i], (m = {}));
    const file = fr.name.slice(fr.name.lastIndexOf('/') + 1);
    m[stripExt(file)] = { labels: tags[i], path: `${tags[i][0] ?? 'no_label'}/${file}` };
  });
  dropped.add(
    'image files',
    'images are not part of the document; copy them to <subset>/<class>/',
    doc.media.frames.length,
  );
  const tree: OutputTree = new Map();
  for (const [subset, m] of per) tree.set(`${subset}/labels.json`, JSON.stringify(m, null, 1));
  return { tree, dropped: dropped.list() };
}
