/**
 * LabelMe 3.0 (MIT CSAIL XML) → DocumentData. One `<annotation>` XML per image; a nested XML's
 * first folder is its subset. Masks (`<segm>`) are read from `Masks/` PNGs (any non-zero channel
 * is foreground) and kept as masks. Part hierarchies (`hasparts`/`ispartof`) become groups.
 */
import { decodePng } from '../../png/png.js';
import { AnnotkitError, ErrorCode, labelId, objectId } from '@annotkit/core';
import type { AnnotationObject, DocumentData, FrameInfo, Geometry } from '@annotkit/core';
import type { FileTree, ImportOptions, ImportResult } from '../../codec/types.js';
import {
  DOCUMENT_SCHEMA_VERSION,
  UNLABELED,
  checkAborted,
  parseError,
} from '../../util/document.js';
import { imageSize } from '../../util/imageSize.js';
import { createLabelBuilder } from '../../util/labels.js';
import type { LabelDraft } from '../../util/labels.js';
import { parseXml, xmlChild, xmlChildText, xmlChildren } from '../../util/xml.js';
import type { XmlNode } from '../../util/xml.js';
import { bitsToMask } from '../coco/rle.js';

/** LabelMe XML files in a tree: `.xml` files whose root is `<annotation>`. */
export async function findLabelmeFiles(tree: FileTree): Promise<string[]> {
  const out: string[] = [];
  for (const p of tree.paths()) {
    if (!p.toLowerCase().endsWith('.xml')) continue;
    const size = tree.size(p);
    if (size !== undefined && size > 64 * 1024 * 1024) continue;
    const head = (await tree.readText(p)).slice(0, 2048);
    if (/<annotation[\s>]/.test(head) && /<(filename|object|imagesize)[\s>]/.test(head))
      out.push(p);
  }
  return out;
}

/**
 * Splits LabelMe's attribute string `a=1, b="x, y", c` into pairs: `\\` escapes the next
 * character, double quotes protect commas, and a bare name means `true`.
 */
export function parseLabelmeAttributes(s: string): [string, string | boolean][] {
  const out: [string, string | boolean][] = [];
  let name = '';
  let value = '';
  let inValue = false;
  let inQuotes = false;
  let quoted = false;
  const flush = () => {
    const n = name.trim();
    if (n !== '') out.push([n, inValue ? (quoted ? value : value.trim()) : true]);
    name = '';
    value = '';
    inValue = false;
    quoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      if (inValue) value += s[++i];
      else name += s[++i];
    } else if (c === '"' && inValue) {
      inQuotes = !inQuotes;
      quoted = true;
    } else if (c === ',' && !inQuotes) flush();
    else if (c === '=' && !inValue) inValue = true;
    else if (inValue) value += c;
    else name += c;
  }
  flush();
  return out;
}

/** Escapes one name or value for LabelMe's attribute string. */
export function escapeLabelmeAttribute(s: string): string {
  return s.replace(/[\\=",]/g, (c) => `\\${c}`);
}

/** `<imagesize>` `ncols`/`nrows`: absent or empty is 0 (unknown), else an integer ≥ 0. */
function sizeField(size: XmlNode | undefined, name: string, file: string): number {
  const text = xmlChildText(size, name)?.trim() ?? '';
  if (text === '') return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    throw new AnnotkitError(ErrorCode.Parse, `<imagesize><${name}> is not a size: "${text}"`, {
      file,
      path: ['imagesize', name],
    });
  }
  return n;
}

function idList(s: string | undefined): number[] {
  return (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number)
    .filter(Number.isInteger);
}

/** Imports a LabelMe dataset. */
export async function readLabelme(
  tree: FileTree,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const files = (await findLabelmeFiles(tree)).sort();
  if (files.length === 0) {
    // Name the XML file that was closest to being one (the format was chosen, not detected).
    const xml = tree.paths().find((p) => p.toLowerCase().endsWith('.xml'));
    throw parseError(
      xml === undefined
        ? 'no LabelMe XML in the dataset'
        : 'not a LabelMe annotation: no <annotation> root with <filename>, <imagesize> or <object>',
      xml,
      [],
    );
  }
  const b = createLabelBuilder(options.labels ?? []);
  const warnings = b.warnings;
  const frames: FrameInfo[] = [];
  const subsets: string[] = [];
  const objects: AnnotationObject[] = [];
  let nextId = 1;
  let nextGroup = 1;
  for (const file of files) {
    checkAborted(options.signal);
    const root = parseXml(await tree.readText(file), 'annotation', { file });
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const subset = file.includes('/') ? file.slice(0, file.indexOf('/')) : 'default';
    const filename =
      xmlChildText(root, 'filename') ?? file.slice(dir.length).replace(/\.xml$/i, '');
    const size = xmlChild(root, 'imagesize');
    let width = sizeField(size, 'ncols', file);
    let height = sizeField(size, 'nrows', file);
    if ((width === 0 || height === 0) && tree.has(dir + filename)) {
      const s = imageSize(await tree.read(dir + filename));
      if (s) ({ width, height } = s);
    }
    if (width === 0 || height === 0)
      warnings.add('missing-image', 'images without size and without an image file have size 0×0', {
        file,
      });
    const frame = frames.length;
    frames.push({ name: filename, width, height });
    subsets.push(subset);
    // Groups: roots (hasparts and no ispartof) start a group that spreads to their parts.
    const objs = xmlChildren(root, 'object');
    const parts = new Map<number, number[]>();
    const roots: number[] = [];
    for (const o of objs) {
      const id = Number(xmlChildText(o, 'id') ?? 'NaN');
      const p = xmlChild(o, 'parts');
      const has = idList(xmlChildText(p, 'hasparts'));
      const isPart = idList(xmlChildText(p, 'ispartof'));
      parts.set(id, has);
      if (has.length > 0 && isPart.length === 0) roots.push(id);
    }
    const groupOf = new Map<number, number>();
    for (const r of roots) {
      const g = nextGroup++;
      const stack = [r];
      while (stack.length > 0) {
        const id = stack.pop() as number;
        if (groupOf.has(id)) continue;
        groupOf.set(id, g);
        stack.push(...(parts.get(id) ?? []));
      }
    }
    for (let k = 0; k < objs.length; k++) {
      const o: XmlNode = objs[k];
      const path = ['annotation', 'object', k];
      if ((xmlChildText(o, 'deleted') ?? '0').trim() === '1') continue;
      const name = xmlChildText(o, 'name') ?? '';
      const label: LabelDraft = name === '' ? b.label(UNLABELED, file) : b.label(name, file);
      const occluded = (xmlChildText(o, 'occluded') ?? 'no').trim() === 'yes';
      const poly = xmlChild(o, 'polygon');
      const segm = xmlChild(o, 'segm');
      let geometry: Geometry | undefined;
      if (poly !== undefined) {
        const pts: number[] = [];
        xmlChildren(poly, 'pt').forEach((pt, i) => {
          const x = Number(xmlChildText(pt, 'x'));
          const y = Number(xmlChildText(pt, 'y'));
          if (!Number.isFinite(x) || !Number.isFinite(y))
            throw parseError('a point needs numeric x and y', file, [...path, 'polygon', 'pt', i]);
          pts.push(x, y);
        });
        if ((xmlChildText(o, 'type') ?? '').trim() === 'bounding_box') {
          const xs = pts.filter((_, i) => i % 2 === 0);
          const ys = pts.filter((_, i) => i % 2 === 1);
          geometry = {
            type: 'rectangle',
            points: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
            rotation: 0,
          };
        } else {
          if (pts.length < 6)
            throw parseError('a polygon needs at least 3 points', file, [...path, 'polygon']);
          geometry = { type: 'polygon', points: pts };
        }
      } else if (segm !== undefined) {
        const maskName = xmlChildText(segm, 'mask') ?? '';
        const maskPath = `${dir}Masks/${maskName}`;
        if (maskName === '' || !tree.has(maskPath)) {
          warnings.add('missing-mask', 'masks whose PNG is missing were skipped', { file });
          continue;
        }
        // decodePng types corrupt files (AnnotkitError with the file) and unpacks 1/2/4-bit rows.
        const png = decodePng(await tree.read(maskPath), { file: maskPath });
        const ch = png.channels;
        const bits = new Uint8Array(png.width * png.height);
        const data = png.data;
        for (let i = 0; i < bits.length; i++) {
          for (let c = 0; c < ch; c++) {
            if (data[i * ch + c] !== 0) {
              bits[i] = 1;
              break;
            }
          }
        }
        const m = bitsToMask(bits, png.width, png.height, 0, 0);
        if (!m) {
          warnings.add('empty-mask', 'empty masks were skipped', { file });
          continue;
        }
        geometry = m;
      } else {
        warnings.add('no-geometry', 'objects without polygon or mask were skipped', { file });
        continue;
      }
      const attrs: Record<number, string> = {};
      for (const [an, v] of parseLabelmeAttributes(xmlChildText(o, 'attributes') ?? '')) {
        if (an === 'occluded' || an === 'username') continue;
        const spec = b.attribute(
          label,
          an,
          typeof v === 'boolean' || v === 'true' || v === 'false' ? true : v,
          file,
        );
        attrs[spec.id] =
          typeof v === 'boolean' ? 'true' : spec.inputType === 'checkbox' ? v.toLowerCase() : v;
      }
      const id = Number(xmlChildText(o, 'id') ?? 'NaN');
      objects.push({
        id: objectId(nextId++),
        kind: 'shape',
        label: labelId(label.id),
        frame,
        geometry,
        zOrder: 0,
        occluded,
        group: groupOf.get(id) ?? 0,
        source: 'manual',
        attributes: attrs,
      });
    }
  }
  const document: DocumentData = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    media: { kind: 'images', frames },
    labels: b.build(),
    objects,
    meta: subsets.some((s) => s !== 'default') ? { subsets } : {},
  };
  return { document, warnings: warnings.list() };
}
