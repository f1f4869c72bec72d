import { expect } from 'chai';
import { isAnnotkitError } from '@annotkit/core';
import type { AnnotationObject, DocumentData, ShapeObject } from '@annotkit/core';
import { treeFromMap, treeFromOutput } from '../../tree/memory.js';
import { decodePng, encodeRgbPng, pixelColors } from '../../png/png.js';
import { packRgb, vocColor } from '../../png/palette.js';
import { maskArea } from '../coco/rle.js';
import { sampleDocument } from '../coco/sample.js';
import { fixtureTree } from '../../util/testFixtures.js';
import { segmentationMaskCodec } from '../segmask/codec.js';
import { vocCodec } from './codec.js';

const VOC = 'pascal_voc/cvat-ai-datumaro';
const SEG = 'segmentation_mask/cvat-ai-datumaro';
const MAIN_LABELS = [
  'aeroplane',
  'background',
  'bicycle',
  'bird',
  'boat',
  'bottle',
  'bus',
  'car',
  'cat',
  'chair',
  'cow',
  'diningtable',
  'dog',
  'horse',
  'ignored',
  'motorbike',
  'person',
  'pottedplant',
  'sheep',
  'sofa',
  'train',
  'tvmonitor',
];

function shapes(doc: DocumentData): ShapeObject[] {
  return doc.objects.filter((o): o is ShapeObject => o.kind === 'shape');
}
function countByType(objects: readonly AnnotationObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of objects) {
    const k = o.kind === 'shape' ? o.geometry.type : o.kind;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
function attrs(doc: DocumentData, o: ShapeObject): Record<string, string> {
  const l = doc.labels.find((x) => x.id === o.label)!;
  return Object.fromEntries(
    l.attributes
      .filter((a) => o.attributes[a.id] !== undefined)
      .map((a) => [a.name, o.attributes[a.id]]),
  );
}

describe('Pascal VOC 1.1 import of the fixtures', () => {
  it('voc_dataset1: boxes, parts, actions, class lists and segmentation PNGs', async () => {
    const files = [
      'Annotations/2007_000001.xml',
      ...['Action', 'Layout', 'Segmentation'].flatMap((d) => [
        `ImageSets/${d}/test.txt`,
        `ImageSets/${d}/train.txt`,
      ]),
      'ImageSets/Main/test.txt',
      'ImageSets/Main/train.txt',
      ...MAIN_LABELS.map((l) => `ImageSets/Main/${l}_train.txt`),
      'JPEGImages/2007_000001.jpg',
      'JPEGImages/2007_000002.jpg',
      'SegmentationClass/2007_000001.png',
      'SegmentationObject/2007_000001.png',
    ];
    const tree = await fixtureTree(`${VOC}/voc_dataset1`, files);
    expect(await vocCodec.detect(tree)).to.be.greaterThan(0.9);
    expect(await segmentationMaskCodec.detect(tree)).to.be.lessThan(0.5);
    const { document: doc, warnings } = await vocCodec.import(tree);
    expect(warnings).to.deep.equal([]);
    expect(doc.media.frames).to.deep.equal([
      { name: '2007_000002.jpg', width: 20, height: 10 },
      { name: '2007_000001.jpg', width: 20, height: 10 },
    ]);
    expect(doc.meta.subsets).to.deep.equal(['test', 'train']);
    expect(doc.labels).to.have.length(22 + 3); // default VOC map + parts head/hand/foot
    expect(countByType(doc.objects)).to.deep.equal({ rectangle: 3, mask: 1, tag: 11 });
    const [cat, person, head, mask] = shapes(doc);
    expect(cat.geometry).to.deep.equal({ type: 'rectangle', points: [1, 2, 3, 4], rotation: 0 });
    expect(attrs(doc, cat)).to.deep.equal({
      truncated: 'true',
      difficult: 'false',
      pose: 'Unspecified',
    });
    expect(attrs(doc, person)).to.include({ other: 'true', jumping: 'false', walking: 'true' });
    expect(head.geometry).to.deep.equal({
      type: 'rectangle',
      points: [5.5, 6, 7.5, 8],
      rotation: 0,
    });
    expect(head.group).to.equal(person.group).and.not.equal(0);
    // Whole image is class 2 (bicycle), instance 1.
    expect(mask.label).to.equal(doc.labels.find((l) => l.name === 'bicycle')!.id);
    expect(mask.geometry).to.deep.equal({
      type: 'mask',
      rle: [0, 200],
      left: 0,
      top: 0,
      right: 19,
      bottom: 9,
    });
  });

  it('voc_dataset1 round trip keeps parts nested and actions as actions', async () => {
    const files = [
      'Annotations/2007_000001.xml',
      'ImageSets/Main/test.txt',
      'ImageSets/Main/train.txt',
      'ImageSets/Layout/train.txt',
    ];
    const tree = await fixtureTree(`${VOC}/voc_dataset1`, files);
    const { document: doc } = await vocCodec.import(tree);
    const { tree: out, dropped } = await vocCodec.export(doc);
    expect(dropped).to.deep.equal([]);
    const text = (v: Uint8Array | string | undefined): string =>
      typeof v === 'string' ? v : new TextDecoder().decode(v);
    const xml = text(out.get('Annotations/2007_000001.xml'));
    // The head box is the person's <part>, not an object of its own.
    expect(xml.match(/<object>/g)).to.have.length(2);
    expect(xml).to.match(/<part>\s*<name>head<\/name>\s*<bndbox>\s*<xmin>5.5<\/xmin>/);
    expect(xml).to.match(/<actions>\s*<other>1<\/other>\s*<jumping>0<\/jumping>/);
    expect(xml).to.not.match(/<name>jumping<\/name>/);
    const map = text(out.get('labelmap.txt'));
    expect(map).to.match(/^person:[\d,]+:head,hand,foot:[a-z,]*jumping/m);
    const again = (await vocCodec.import(treeFromOutput(out))).document;
    const [, person, head] = shapes(again);
    expect(again.labels.find((l) => l.id === head.label)!.name).to.equal('head');
    expect(head.group).to.equal(person.group).and.not.equal(0);
    expect(attrs(again, person)).to.include({ other: 'true', jumping: 'false', walking: 'true' });
  });

  it('a malformed vocLayout in meta is ignored, and odd action names stay attributes', async () => {
    const doc = sampleDocument();
    const person = doc.labels[0]!;
    const odd: DocumentData = {
      ...doc,
      meta: { vocLayout: { [person.name]: { parts: 'head', actions: ['a b', 7] }, x: null } },
    };
    const xml = [...(await vocCodec.export(odd)).tree.entries()]
      .filter(([p]) => p.startsWith('Annotations/'))
      .map(([, v]) => (typeof v === 'string' ? v : new TextDecoder().decode(v as Uint8Array)))
      .join('');
    expect(xml).to.not.include('<part>');
    expect(xml).to.not.include('<actions>');
  });

  it('voc_dataset2: labelmap, an object-less "@" item, no sizes', async () => {
    const files = [
      'labelmap.txt',
      ...['@', 'a', 'b', 'c', 'd'].map((i) => `Annotations/${i}.xml`),
      'ImageSets/Main/trainval.txt',
      'ImageSets/Segmentation/trainval.txt',
      'ImageSets/Action/trainval.txt',
      'ImageSets/Layout/trainval.txt',
      ...MAIN_LABELS.map((l) => `ImageSets/Main/${l}_trainval.txt`),
    ];
    const tree = await fixtureTree(`${VOC}/voc_dataset2`, files);
    expect(await vocCodec.detect(tree)).to.be.greaterThan(0.9);
    const { document: doc } = await vocCodec.import(tree);
    expect(doc.media.frames.map((f) => f.name)).to.deep.equal([
      '@.jpg',
      'a.jpg',
      'b.jpg',
      'c.jpg',
      'd.jpg',
    ]);
    expect(doc.labels).to.have.length(22);
    expect(doc.labels[1]).to.include({ name: 'aeroplane', color: '#800000' });
    expect(countByType(doc.objects)).to.deep.equal({ rectangle: 4 });
    const a = shapes(doc)[0];
    expect([doc.labels.find((l) => l.id === a.label)!.name, a.occluded, a.geometry]).to.deep.equal([
      'background',
      true,
      { type: 'rectangle', points: [1, 2, 4, 6], rotation: 0 },
    ]);
  });

  it('voc_dataset3: comment lines in lists', async () => {
    const tree = await fixtureTree(`${VOC}/voc_dataset3`, [
      'Annotations/2007_000001.xml',
      'ImageSets/Main/train.txt',
      'JPEGImages/2007_000001.jpg',
    ]);
    const { document: doc } = await vocCodec.import(tree);
    expect(doc.media.frames).to.deep.equal([{ name: '2007_000001.jpg', width: 20, height: 10 }]);
    expect(countByType(doc.objects)).to.deep.equal({ rectangle: 1 });
  });

  it('segmentation_mask fixtures', async () => {
    const t1 = await fixtureTree(`${SEG}/voc_dataset1`, [
      'ImageSets/Segmentation/test.txt',
      'ImageSets/Segmentation/train.txt',
      'JPEGImages/2007_000001.jpg',
      'SegmentationClass/2007_000001.png',
      'SegmentationObject/2007_000001.png',
    ]);
    expect(await segmentationMaskCodec.detect(t1)).to.be.greaterThan(await vocCodec.detect(t1));
    const d1 = (await segmentationMaskCodec.import(t1)).document;
    expect(d1.media.frames).to.deep.equal([
      { name: '2007_000002', width: 0, height: 0 },
      { name: '2007_000001.jpg', width: 20, height: 10 },
    ]);
    expect(countByType(d1.objects)).to.deep.equal({ mask: 1 });
    const t2 = await fixtureTree(`${SEG}/voc_dataset2`, [
      'ImageSets/Segmentation/trainval.txt',
      'labelmap.txt',
    ]);
    const d2 = (await segmentationMaskCodec.import(t2)).document;
    expect(d2.media.frames).to.have.length(0); // the list file is empty
    expect(d2.labels).to.have.length(22);
    expect(d2.objects).to.have.length(0);
  });
});

describe('Pascal VOC and Segmentation mask export', () => {
  it('VOC: boxes, masks and tags round-trip; polygons are reported dropped', async () => {
    const doc = sampleDocument();
    const out = await vocCodec.export(doc);
    const d = Object.fromEntries(out.dropped.map((x) => [x.what, x.count]));
    expect(d).to.deep.equal({
      'track links': 1,
      'polygon shapes': 1,
      'ellipse shapes': 1,
      'polyline shapes': 1,
      'skeleton shapes': 1,
      'rectangle rotation': 1,
    });
    expect(out.tree.get('labelmap.txt')).to.equal(
      '# label:color_rgb:parts:actions\nbackground:0,0,0::\ncar:128,0,0::\nroad:0,128,0::\nperson:128,128,0::\n',
    );
    expect(out.tree.get('ImageSets/Main/car_default.txt')).to.equal(
      'img0  1\nimg1 -1\nimg2 -1\nimg3 -1\n',
    );
    expect(out.tree.get('ImageSets/Segmentation/default.txt')).to.equal('img1\n');
    const back = await vocCodec.import(treeFromOutput(out.tree));
    expect(countByType(back.document.objects)).to.deep.equal({ rectangle: 4, mask: 1, tag: 1 });
    const m = shapes(back.document).find((s) => s.geometry.type === 'mask')!;
    expect(m.geometry).to.deep.equal(
      doc.objects[2].kind === 'shape' ? doc.objects[2].geometry : undefined,
    );
    const parked = shapes(back.document).find((s) => s.frame === 0 && s.occluded)!;
    // truncated/difficult are VOC fields, so they come back as attributes of their own.
    expect(attrs(back.document, parked)).to.deep.equal({
      parked: 'true',
      truncated: 'false',
      difficult: 'false',
    });
  });

  it('Segmentation mask: rasterises area shapes with label colours, re-imports as masks', async () => {
    const doc = sampleDocument();
    const out = await segmentationMaskCodec.export(doc);
    expect(out.tree.get('labelmap.txt')).to.equal(
      '# label:color_rgb:parts:actions\nbackground:0,0,0::\ncar:255,0,0::\nperson:0,0,255::\nroad:0,255,0::\n',
    );
    const cls = decodePng(out.tree.get('SegmentationClass/img1.png') as Uint8Array);
    const colors = pixelColors(cls);
    expect(colors[12 * 60 + 20]).to.equal(0xff0000); // inside the polygon
    expect(colors[21 * 60 + 41]).to.equal(0x00ff00); // inside the mask
    const obj = pixelColors(decodePng(out.tree.get('SegmentationObject/img1.png') as Uint8Array));
    // polygon, mask and the track's interpolated box: three instances
    expect(new Set(obj)).to.deep.equal(new Set([0, 1, 2, 3].map((k) => packRgb(...vocColor(k)))));
    const back = await segmentationMaskCodec.import(treeFromOutput(out.tree));
    const masks = shapes(back.document);
    // frame 0: rotated box, track box; frame 1: polygon, mask, track box; frame 2: ellipse, track box
    expect(masks.map((s) => s.frame)).to.deep.equal([0, 0, 1, 1, 1, 2, 2]);
    const srcMask = doc.objects[2];
    const m = masks.find(
      (s) => s.frame === 1 && back.document.labels.find((l) => l.id === s.label)!.name === 'road',
    )!;
    expect(m.geometry).to.deep.equal(srcMask.kind === 'shape' ? srcMask.geometry : undefined);
    // The polygon (area 355 px², partly covered by the later track box) and the box itself.
    const areas = masks
      .filter((s) => s.frame === 1 && s !== m)
      .map((s) => (s.geometry.type === 'mask' ? maskArea(s.geometry) : 0));
    expect(areas.sort((a, b) => a - b)).to.deep.equal([100, areas[1]]);
    expect(areas[1]).to.be.within(200, 300);
  });
});

describe('Pascal VOC bad input', () => {
  it('malformed XML and bad numbers name the file', async () => {
    const t = treeFromMap({
      'ImageSets/Main/train.txt': 'x\n',
      'Annotations/x.xml': '<annotation>\n<object>\n<name>cat</name>\n</annotation>',
    });
    try {
      await vocCodec.import(t);
      throw new Error('expected an error');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse'), String(e)).to.equal(true);
      expect((e as { file: string }).file).to.equal('Annotations/x.xml');
      expect((e as { line: number }).line).to.be.a('number');
    }
    const t2 = treeFromMap({
      'Annotations/x.xml':
        '<annotation><object><name>cat</name><bndbox><xmin>a</xmin><ymin>1</ymin><xmax>2</xmax><ymax>3</ymax></bndbox></object></annotation>',
    });
    try {
      await vocCodec.import(t2);
      throw new Error('expected an error');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse'), String(e)).to.equal(true);
      expect(String(e)).to.contain('xmin');
    }
  });

  it('labelmap lines and unknown mask colours are typed errors', async () => {
    const bad = treeFromMap({
      'labelmap.txt': '# h\ncar:1,2\n',
      'ImageSets/Segmentation/a.txt': 'x\n',
    });
    try {
      await segmentationMaskCodec.import(bad);
      throw new Error('expected an error');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as { line: number }).line).to.equal(2);
    }
    const png = encodeRgbPng(2, 1, Uint8Array.from([9, 9, 9, 0, 0, 0]));
    const t = treeFromMap({
      'labelmap.txt': 'background:0,0,0::\ncar:1,2,3::\n',
      'ImageSets/Segmentation/a.txt': 'x\n',
      'SegmentationClass/x.png': png,
    });
    try {
      await segmentationMaskCodec.import(t);
      throw new Error('expected an error');
    } catch (e) {
      expect(isAnnotkitError(e, 'unknown-label'), String(e)).to.equal(true);
      expect((e as { file: string }).file).to.equal('SegmentationClass/x.png');
    }
  });
});
