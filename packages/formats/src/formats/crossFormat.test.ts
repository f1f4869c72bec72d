/**
 * Cross-format round trips starting from a CVAT for images file: CVAT XML → X → CVAT XML keeps
 * what X can hold, and X's `dropped` report names the rest (what and how many).
 */
import { expect } from 'chai';
import { validateDocumentData } from '@annotkit/core';
import type { DocumentData, Geometry } from '@annotkit/core';
import type { Codec, DroppedReport, OutputTree } from '../codec/types.js';
import { encodeGreyPng } from '../png/png.js';
import { findCodec } from '../registry.js';
import { treeFromMap } from '../tree/memory.js';
import { CVAT_CROSS_SAMPLE } from './crossFormatSample.js';

function codec(id: string): Codec {
  const c = findCodec(id);
  if (!c) throw new Error(`no codec ${id}`);
  return c;
}

function coords(g: Geometry): string {
  const r = (v: number) => String(Math.round(v * 100) / 100);
  switch (g.type) {
    case 'rectangle':
      return `${g.points.map(r).join(',')}@${r(g.rotation)}`;
    case 'polygon':
    case 'polyline':
    case 'points':
    case 'cuboid':
      return g.points.map(r).join(',');
    case 'ellipse':
      return [g.cx, g.cy, g.rx, g.ry, g.rotation].map(r).join(',');
    case 'mask':
      return `${g.left},${g.top},${g.right},${g.bottom}:${g.rle.join(',')}`;
    case 'skeleton':
      return g.elements.map((e) => `${r(e.x)},${r(e.y)},${e.outside},${e.occluded}`).join(';');
    default:
      return g.type;
  }
}

/**
 * The content of a document as comparable lines: frame name, label name, geometry, attributes by
 * name (checkbox values as `true`/`false`), and the size of the object's group (0 = ungrouped),
 * sorted. Ids, colours and attribute specs are left out: formats renumber them.
 */
function content(doc: DocumentData, types?: readonly string[], withAttributes = true): string[] {
  const labelName = new Map<number, string>();
  const attrName = new Map<number, string>();
  for (const l of doc.labels) {
    labelName.set(l.id, l.name);
    for (const a of l.attributes) attrName.set(a.id, a.name);
  }
  const groupSize = new Map<string, number>();
  for (const o of doc.objects) {
    if (o.kind === 'shape' && o.group !== 0) {
      const k = `${o.frame}:${o.group}`;
      groupSize.set(k, (groupSize.get(k) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const o of doc.objects) {
    if (o.kind === 'track') continue;
    const type = o.kind === 'tag' ? 'tag' : o.geometry.type;
    if (types && !types.includes(type)) continue;
    const attrs = withAttributes
      ? Object.entries(o.attributes)
          .map(([k, v]) => `${attrName.get(Number(k))}=${v}`)
          .sort()
          .join(' ')
      : '';
    const group = o.kind === 'shape' && o.group !== 0 ? groupSize.get(`${o.frame}:${o.group}`) : 0;
    const geo = o.kind === 'tag' ? '' : coords(o.geometry);
    out.push(
      `${doc.media.frames[o.frame].name}|${labelName.get(o.label)}|${type}|${geo}|${attrs}|g${group}`,
    );
  }
  return out.sort();
}

function droppedCounts(dropped: readonly DroppedReport[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of dropped) {
    expect(d.reason, d.what).to.be.a('string').and.not.equal('');
    out[d.what] = (out[d.what] ?? 0) + d.count;
  }
  return out;
}

/** A 64 × 48 greyscale PNG: the sample's image size, for formats that read sizes from images. */
const IMAGE = encodeGreyPng(64, 48, new Uint8Array(64 * 48));

async function viaFormat(
  id: string,
  images: (name: string) => string | undefined = () => undefined,
): Promise<{ source: DocumentData; back: DocumentData; dropped: Record<string, number> }> {
  const cvat = codec('cvat-images-1.1');
  const source = (await cvat.import(treeFromMap({ 'annotations.xml': CVAT_CROSS_SAMPLE })))
    .document;
  validateDocumentData(source);
  const out = await codec(id).export(source);
  const tree: OutputTree = new Map(out.tree);
  for (const f of source.media.frames) {
    const p = images(f.name);
    if (p !== undefined) tree.set(p, IMAGE);
  }
  const mid = await codec(id).import(treeFromMap(tree));
  validateDocumentData(mid.document);
  const xml = await cvat.export(mid.document);
  const back = (await cvat.import(treeFromMap(xml.tree))).document;
  validateDocumentData(back);
  return { source, back, dropped: droppedCounts(out.dropped) };
}

describe('cross-format: CVAT XML → X → CVAT XML', () => {
  it('the sample imports from CVAT XML with one of everything', async () => {
    const doc = (
      await codec('cvat-images-1.1').import(treeFromMap({ 'annotations.xml': CVAT_CROSS_SAMPLE }))
    ).document;
    const types = content(doc).map((l) => l.split('|')[2]);
    expect(types.sort()).to.deep.equal(
      [
        ...['ellipse', 'mask', 'points', 'polyline', 'skeleton', 'tag'],
        ...['polygon', 'polygon', 'polygon', 'polygon'],
        ...['rectangle', 'rectangle', 'rectangle'],
      ].sort(),
    );
  });

  it('COCO keeps boxes (with rotation), polygons, masks, attributes and groups', async () => {
    const { source, back, dropped } = await viaFormat('coco-1.0');
    expect(dropped).to.deep.equal({
      tags: 1,
      'polyline shapes': 1,
      'points shapes': 1,
      'skeleton shapes': 1,
      // The box of the box+polygon group: COCO holds one geometry per annotation.
      'rectangle shapes': 1,
    });
    // Polygons and the mask come back as they were; the polygon of the box+polygon group is
    // now alone in its annotation, so it is ungrouped.
    const kept = content(source, ['polygon', 'mask']).map((l) =>
      l.startsWith('b.png|car|polygon|') ? l.replace(/\|g2$/, '|g0') : l,
    );
    const backLines = content(back);
    for (const line of kept) expect(backLines, line).to.include(line);
    // Both ungrouped boxes, one rotated, with their attributes.
    const boxes = content(source, ['rectangle']).filter((l) => l.endsWith('|g0'));
    expect(boxes).to.have.length(2);
    for (const line of boxes) expect(backLines, line).to.include(line);
    // The group of two polygons stays a group of two; the ellipse became a mask.
    expect(backLines.filter((l) => l.includes('|polygon|') && l.endsWith('|g2'))).to.have.length(2);
    expect(backLines.filter((l) => l.includes('|mask|'))).to.have.length(2);
    expect(backLines).to.have.length(2 + 4 + 2);
  });

  it('YOLO 1.1 keeps axis-aligned boxes and labels; names every other kind as dropped', async () => {
    const { source, back, dropped } = await viaFormat('yolo-1.1', (n) => `obj_train_data/${n}`);
    expect(dropped).to.deep.equal({
      tags: 1,
      'rotated rectangles': 1,
      'polygon shapes': 4,
      'polyline shapes': 1,
      'points shapes': 1,
      'ellipse shapes': 1,
      'mask shapes': 1,
      'skeleton shapes': 1,
    });
    const boxes = content(source, ['rectangle'], false).filter((l) => !l.includes('@30'));
    expect(content(back, undefined, false)).to.deep.equal(
      boxes.map((l) => l.replace(/\|g\d+$/, '|g0')),
    );
    expect(back.labels.map((l) => l.name)).to.include.members(['car', 'road', 'person']);
  });

  it('Ultralytics detection and segmentation keep boxes / polygons', async () => {
    const det = await viaFormat('ultralytics-detect-1.0', (n) => `images/train/${n}`);
    expect(det.dropped['rotated rectangles']).to.equal(1);
    expect(det.dropped['polygon shapes']).to.equal(4);
    const boxes = content(det.source, ['rectangle'], false).filter((l) => !l.includes('@30'));
    expect(content(det.back, undefined, false)).to.deep.equal(
      boxes.map((l) => l.replace(/\|g\d+$/, '|g0')),
    );
    const seg = await viaFormat('ultralytics-segment-1.0', (n) => `images/train/${n}`);
    expect(seg.dropped).to.deep.equal({
      tags: 1,
      'rectangle shapes': 3,
      'polyline shapes': 1,
      'points shapes': 1,
      'ellipse shapes': 1,
      'skeleton shapes': 1,
    });
    const backPolys = content(seg.back, ['polygon'], false).map((l) => l.replace(/\|g\d+$/, ''));
    // Every source polygon comes back (coordinates normalised and back, to 0.01 px); the mask,
    // two 4-connected blobs, became two polygons.
    for (const l of content(seg.source, ['polygon'], false)) {
      expect(backPolys).to.include(l.replace(/\|g\d+$/, ''));
    }
    expect(backPolys).to.have.length(4 + 2);
  });

  it('Pascal VOC keeps boxes, masks and tags', async () => {
    const { source, back, dropped } = await viaFormat('voc-1.1');
    expect(dropped).to.deep.equal({
      'polygon shapes': 4,
      'polyline shapes': 1,
      'points shapes': 1,
      'ellipse shapes': 1,
      'skeleton shapes': 1,
      'rectangle rotation': 1,
    });
    const backLines = content(back, undefined, false).map((l) => l.replace(/\|g\d+$/, ''));
    const boxes = content(source, ['rectangle'], false).map((l) =>
      l.replace('@30', '@0').replace(/\|g\d+$/, ''),
    );
    for (const l of boxes) expect(backLines).to.include(l);
    const mask = content(source, ['mask'], false)[0].replace(/\|g\d+$/, '');
    expect(backLines).to.include(mask);
    expect(backLines.filter((l) => l.includes('|tag|'))).to.deep.equal(['a.png|weather|tag||']);
  });

  it('Datumaro keeps everything', async () => {
    const { source, back, dropped } = await viaFormat('datumaro-1.0');
    expect(dropped).to.deep.equal({});
    expect(content(back)).to.deep.equal(content(source));
  });
});
