/**
 * DocumentData → LabelMe 3.0: `<subset>/<image stem>.xml` per frame and `<subset>/Masks/…png`
 * RGBA masks (object pixels (255, 203, 0, 153)). Keeps boxes (as 4-point `bounding_box`
 * polygons), polygons and masks; groups become part hierarchies.
 */
import type { AttributeSpec, DocumentData, Geometry, ShapeObject } from '@annotkit/core';
import { encode } from 'fast-png';
import type { DroppedReport, ExportOptions, OutputTree } from '../../codec/types.js';
import { fmt2 } from '../../util/labels.js';
import { escapeXmlText } from '../../util/xml.js';
import { maskToBits } from '../coco/rle.js';
import { escapeLabelmeAttribute } from './read.js';

function attrString(
  values: Readonly<Record<number, string>>,
  specs: Map<number, AttributeSpec>,
): string {
  const parts: string[] = [];
  for (const k in values) {
    const spec = specs.get(Number(k));
    if (!spec) continue;
    const v = values[Number(k)];
    const name = escapeLabelmeAttribute(spec.name);
    if (spec.inputType === 'checkbox') parts.push(v === 'true' ? name : `${name}=false`);
    else if (
      v === 'true' ||
      v === 'false' ||
      (v.trim() !== '' && Number.isFinite(Number(v))) ||
      v.trim() !== v
    ) {
      parts.push(`${name}="${escapeLabelmeAttribute(v)}"`);
    } else parts.push(`${name}=${escapeLabelmeAttribute(v)}`);
  }
  return parts.join(', ');
}

/** Writes the document as LabelMe XML files and mask PNGs. */
export function writeLabelme(
  doc: DocumentData,
  options: ExportOptions = {},
): { tree: OutputTree; dropped: DroppedReport[] } {
  const fallback = options.subset ?? 'default';
  const raw = doc.meta.subsets;
  const names = new Map<number, string>();
  const specs = new Map<number, AttributeSpec>();
  for (const l of doc.labels) {
    names.set(l.id, l.name);
    for (const a of l.attributes) specs.set(a.id, a);
  }
  const perFrame: ShapeObject[][] = doc.media.frames.map(() => []);
  const dropped = new Map<string, { count: number; reason: string }>();
  const drop = (what: string, reason: string) => {
    const e = dropped.get(what) ?? { count: 0, reason };
    e.count++;
    dropped.set(what, e);
  };
  for (const o of doc.objects) {
    if (o.kind === 'shape') {
      const t = o.geometry.type;
      if (t === 'rectangle' || t === 'polygon' || t === 'mask') {
        perFrame[o.frame]?.push(o);
        if (t === 'rectangle' && o.geometry.rotation !== 0)
          drop('box rotation', 'LabelMe boxes are axis-aligned');
      } else drop(`${t} shapes`, 'LabelMe 3.0 holds boxes, polygons and masks only');
    } else drop(o.kind === 'tag' ? 'tags' : 'tracks', 'LabelMe 3.0 has no tags or tracks');
  }
  const tree: OutputTree = new Map();
  const usedStems = new Set<string>();
  doc.media.frames.forEach((f, i) => {
    const subset =
      Array.isArray(raw) && typeof raw[i] === 'string' && raw[i] !== ''
        ? (raw[i] as string)
        : fallback;
    const base = f.name.slice(f.name.lastIndexOf('/') + 1);
    const folder = f.name.includes('/') ? f.name.slice(0, f.name.lastIndexOf('/')) : '';
    let stem = f.name.replace(/\.[^./]*$/, '').replace(/\//g, '_');
    while (usedStems.has(`${subset}/${stem}`)) stem += '_';
    usedStems.add(`${subset}/${stem}`);
    const out: string[] = ['<annotation>\n'];
    out.push(
      `  <filename>${escapeXmlText(base)}</filename>\n  <folder>${escapeXmlText(folder)}</folder>\n`,
    );
    out.push(
      '  <source>\n    <sourceImage></sourceImage>\n    <sourceAnnotation>AnnotKit</sourceAnnotation>\n  </source>\n',
    );
    out.push(
      `  <imagesize>\n    <nrows>${f.height}</nrows>\n    <ncols>${f.width}</ncols>\n  </imagesize>\n`,
    );
    const shapes = perFrame[i];
    const leaders = new Map<number, number>();
    const members = new Map<number, number[]>();
    shapes.forEach((o, k) => {
      if (o.group === 0) return;
      if (!leaders.has(o.group)) leaders.set(o.group, k);
      else members.set(o.group, [...(members.get(o.group) ?? []), k]);
    });
    shapes.forEach((o, k) => {
      const g: Geometry = o.geometry;
      out.push('  <object>\n');
      out.push(
        `    <name>${escapeXmlText(names.get(o.label) ?? '')}</name>\n    <deleted>0</deleted>\n    <verified>0</verified>\n`,
      );
      out.push(
        `    <occluded>${o.occluded ? 'yes' : 'no'}</occluded>\n    <date></date>\n    <id>${k}</id>\n`,
      );
      const isLeader = o.group !== 0 && leaders.get(o.group) === k;
      const has = isLeader ? (members.get(o.group) ?? []).join(',') : '';
      const partOf = o.group !== 0 && !isLeader ? String(leaders.get(o.group)) : '';
      out.push(
        `    <parts>\n      <hasparts>${has}</hasparts>\n      <ispartof>${partOf}</ispartof>\n    </parts>\n`,
      );
      if (g.type === 'rectangle') {
        const [x1, y1, x2, y2] = g.points;
        out.push('    <type>bounding_box</type>\n    <polygon>\n');
        for (const [x, y] of [
          [x1, y1],
          [x2, y1],
          [x2, y2],
          [x1, y2],
        ])
          out.push(
            `      <pt>\n        <x>${fmt2(x)}</x>\n        <y>${fmt2(y)}</y>\n      </pt>\n`,
          );
        out.push('      <username></username>\n    </polygon>\n');
      } else if (g.type === 'polygon') {
        out.push('    <polygon>\n');
        for (let p = 0; p < g.points.length; p += 2)
          out.push(
            `      <pt>\n        <x>${fmt2(g.points[p])}</x>\n        <y>${fmt2(g.points[p + 1])}</y>\n      </pt>\n`,
          );
        out.push('      <username></username>\n    </polygon>\n');
      } else if (g.type === 'mask') {
        const maskName = `${stem}_mask_${k}.png`;
        if (f.width === 0 || f.height === 0) {
          drop('masks on frames of unknown size', 'LabelMe masks are PNGs of the image size');
        } else {
          const rgba = new Uint8Array(f.width * f.height * 4);
          const bits = maskToBits(g);
          const mw = g.right - g.left + 1;
          for (let y = g.top; y <= g.bottom; y++) {
            for (let x = g.left; x <= g.right; x++) {
              if (
                !bits[(y - g.top) * mw + (x - g.left)] ||
                x < 0 ||
                y < 0 ||
                x >= f.width ||
                y >= f.height
              )
                continue;
              rgba.set([255, 203, 0, 153], (y * f.width + x) * 4);
            }
          }
          tree.set(
            `${subset}/Masks/${maskName}`,
            encode({ width: f.width, height: f.height, data: rgba, channels: 4, depth: 8 }),
          );
        }
        out.push(`    <segm>\n      <mask>${escapeXmlText(maskName)}</mask>\n`);
        out.push(
          `      <box>\n        <xmin>${fmt2(g.left)}</xmin>\n        <ymin>${fmt2(g.top)}</ymin>\n        <xmax>${fmt2(g.right)}</xmax>\n        <ymax>${fmt2(g.bottom)}</ymax>\n      </box>\n`,
        );
        out.push('      <username></username>\n    </segm>\n');
      }
      out.push(
        `    <attributes>${escapeXmlText(attrString(o.attributes, specs))}</attributes>\n  </object>\n`,
      );
    });
    out.push('</annotation>\n');
    tree.set(`${subset}/${stem}.xml`, out.join(''));
  });
  return {
    tree,
    dropped: [...dropped].map(([what, e]) => ({ what, count: e.count, reason: e.reason })),
  };
}
