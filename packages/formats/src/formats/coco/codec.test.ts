import { expect } from 'chai';
import { isAnnotkitError, validateDocumentData } from '@annotkit/core';
import type { AnnotationObject, DocumentData, ShapeObject } from '@annotkit/core';
import { treeFromMap, treeFromOutput } from '../../tree/memory.js';
import { cocoCodec, cocoKeypointsCodec } from './codec.js';
import { fixtureTree } from '../../util/testFixtures.js';
import { sampleDocument } from './sample.js';

const BASE = 'coco/cvat-ai-datumaro';

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

async function expectError(p: Promise<unknown>, code: string): Promise<Error> {
  try {
    await p;
  } catch (e) {
    expect(isAnnotkitError(e, code as never), String(e)).to.equal(true);
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('COCO 1.0 import of the fixtures', () => {
  it('coco_instances: boxes, polygons with attributes, uncompressed RLE', async () => {
    const tree = await fixtureTree(`${BASE}/coco_instances`, [
      'annotations/instances_train.json',
      'annotations/instances_val.json',
      'images/train/a.jpg',
      'images/val/b.jpg',
    ]);
    expect(await cocoCodec.detect(tree)).to.be.greaterThan(0.9);
    expect(await cocoKeypointsCodec.detect(tree)).to.equal(0);
    const { document: doc, warnings } = await cocoCodec.import(tree);
    expect(warnings).to.deep.equal([]);
    expect(doc.media.frames).to.deep.equal([
      { name: 'a.jpg', width: 10, height: 5 },
      { name: 'b.jpg', width: 5, height: 10 },
    ]);
    expect(doc.meta.subsets).to.deep.equal(['train', 'val']);
    expect(doc.labels.map((l) => l.name)).to.deep.equal(['a', 'b', 'c']);
    expect(countByType(doc.objects)).to.deep.equal({ rectangle: 1, polygon: 1, mask: 1 });
    const [box, poly, mask] = shapes(doc);
    expect(box.frame).to.equal(0);
    expect(box.geometry).to.deep.equal({ type: 'rectangle', points: [2, 2, 5, 3], rotation: 0 });
    expect(poly.geometry).to.deep.equal({ type: 'polygon', points: [0, 0, 1, 0, 1, 2, 0, 2] });
    const a = doc.labels[0];
    expect(a.attributes.map((s) => [s.name, s.inputType])).to.deep.equal([
      ['x', 'number'],
      ['y', 'text'],
    ]);
    expect(poly.attributes[a.attributes[0].id]).to.equal('1');
    expect(poly.attributes[a.attributes[1].id]).to.equal('hello');
    // counts [0, 20, 30] over 10×5 (h×w), column-major: the two left columns.
    expect(mask.geometry).to.deep.equal({
      type: 'mask',
      rle: [0, 20],
      left: 0,
      top: 0,
      right: 1,
      bottom: 9,
    });
    expect(mask.label).to.equal(doc.labels[1].id);
  });

  it('coco_person_keypoints: skeletons, grouped polygon and mask, bbox dropped', async () => {
    const tree = await fixtureTree(`${BASE}/coco_person_keypoints`, [
      'annotations/person_keypoints_train.json',
      'annotations/person_keypoints_val.json',
    ]);
    expect(await cocoKeypointsCodec.detect(tree)).to.be.greaterThan(0.9);
    expect(await cocoCodec.detect(tree)).to.equal(0);
    const { document: doc, warnings } = await cocoKeypointsCodec.import(tree);
    expect(warnings.map((w) => w.code)).to.deep.equal([
      'keypoint-names-missing',
      'keypoint-names-missing',
    ]);
    // A skeleton label holds skeletons only: the grouped polygon/mask get companion labels.
    expect(doc.labels.map((l) => [l.name, l.type, l.sublabels?.map((s) => s.name)])).to.deep.equal([
      ['a', 'skeleton', ['a_1', 'a_2', 'a_3']],
      ['b', 'skeleton', ['b_1', 'b_2', 'b_3']],
      ['a_instance', 'any', undefined],
      ['b_instance', 'any', undefined],
    ]);
    expect(() => validateDocumentData(doc)).to.not.throw();
    expect(doc.labels[0].edges).to.deep.equal([
      [doc.labels[0].sublabels![0].id, doc.labels[0].sublabels![1].id],
      [doc.labels[0].sublabels![1].id, doc.labels[0].sublabels![2].id],
    ]);
    expect(countByType(doc.objects)).to.deep.equal({ skeleton: 3, polygon: 1, mask: 1 });
    const sk = shapes(doc).filter((s) => s.geometry.type === 'skeleton');
    const g0 = sk[0].geometry;
    if (g0.type !== 'skeleton') throw new Error('skeleton expected');
    expect(g0.elements.map((e) => [e.x, e.y, e.outside, e.occluded])).to.deep.equal([
      [0, 0, true, false],
      [0, 2, false, true],
      [4, 1, false, false],
    ]);
    // The val polygon and its skeleton share a group.
    const poly = shapes(doc).find((s) => s.geometry.type === 'polygon')!;
    expect(poly.group).to.not.equal(0);
    expect(sk[1].group).to.equal(poly.group);
  });

  for (const [dir, files, expected] of [
    ['coco_stuff', ['annotations/stuff_train.json', 'annotations/stuff_val.json'], { mask: 2 }],
    ['coco_labels', ['annotations/labels_train.json', 'annotations/labels_val.json'], { tag: 3 }],
    [
      'coco_image_info',
      ['annotations/image_info_train.json', 'annotations/image_info_val.json'],
      {},
    ],
    ['coco_captions', ['annotations/captions_train.json', 'annotations/captions_val.json'], {}],
    [
      'coco_panoptic',
      [
        'annotations/panoptic_train.json',
        'annotations/panoptic_val.json',
        'annotations/panoptic_train/a.png',
        'annotations/panoptic_val/b.png',
      ],
      { mask: 3 },
    ],
  ] as const) {
    it(`${dir}: imports with exact counts`, async () => {
      const tree = await fixtureTree(`${BASE}/${dir}`, files);
      expect(await cocoCodec.detect(tree)).to.be.greaterThan(0.9);
      const { document: doc, warnings } = await cocoCodec.import(tree);
      expect(doc.media.frames.length).to.equal(2);
      expect(countByType(doc.objects)).to.deep.equal(expected);
      if (dir === 'coco_captions') {
        expect(warnings.map((w) => [w.code, w.count ?? 1])).to.deep.equal([
          ['caption-skipped', 1],
          ['caption-skipped', 2],
        ]);
      }
      if (dir === 'coco_panoptic') {
        expect(warnings).to.deep.equal([]);
        // b.png: segment 7 = columns 0-1, segment 20 = columns 2-3 (5×10 image).
        const [a, b7, b20] = shapes(doc);
        expect(a.geometry).to.deep.include({ left: 0, top: 0, right: 4, bottom: 4 });
        expect(b7.geometry).to.deep.equal({
          type: 'mask',
          rle: [0, 20],
          left: 0,
          top: 0,
          right: 1,
          bottom: 9,
        });
        expect(b20.geometry).to.deep.equal({
          type: 'mask',
          rle: [0, 20],
          left: 2,
          top: 0,
          right: 3,
          bottom: 9,
        });
        expect([b7.label, b20.label]).to.deep.equal([doc.labels[0].id, doc.labels[1].id]);
      }
      if (dir === 'coco_stuff') {
        // counts [10, 10, 5, 10, 15] over 5×10 (h×w), column-major: columns 2-3 and 5-6 set.
        // (The file's own bbox [2, 0, 4, 4] is hand-written and disagrees with its counts.)
        const m = shapes(doc)[0].geometry;
        expect(m).to.deep.equal({
          type: 'mask',
          rle: [0, 2, 1, 4, 1, 4, 1, 4, 1, 4, 1, 2],
          left: 2,
          top: 0,
          right: 6,
          bottom: 4,
        });
      }
    });
  }
});

describe('COCO 1.0 export', () => {
  it('round-trips the instances fixture', async () => {
    const tree = await fixtureTree(`${BASE}/coco_instances`, [
      'annotations/instances_train.json',
      'annotations/instances_val.json',
    ]);
    const first = await cocoCodec.import(tree);
    const out = await cocoCodec.export(first.document);
    expect([...out.tree.keys()].sort()).to.deep.equal([
      'annotations/instances_train.json',
      'annotations/instances_val.json',
    ]);
    expect(out.dropped).to.deep.equal([]);
    const val = JSON.parse(out.tree.get('annotations/instances_val.json') as string);
    expect(val.images).to.have.length(1);
    expect(val.annotations[1]).to.deep.include({
      iscrowd: 1,
      area: 20,
      bbox: [0, 0, 2, 10],
      segmentation: { size: [10, 5], counts: [0, 20, 30] },
    });
    const second = await cocoCodec.import(treeFromOutput(out.tree));
    expect(second.document.media).to.deep.equal(first.document.media);
    expect(second.document.labels).to.deep.equal(first.document.labels);
    expect(
      shapes(second.document).map((s) => [s.frame, s.label, s.geometry, s.attributes]),
    ).to.deep.equal(
      shapes(first.document).map((s) => [s.frame, s.label, s.geometry, s.attributes]),
    );
  });

  it('CVAT-style document → COCO → document keeps what COCO can hold', async () => {
    const doc = sampleDocument();
    const out = await cocoCodec.export(doc);
    const dropped = Object.fromEntries(out.dropped.map((d) => [d.what, d.count]));
    expect(dropped).to.deep.equal({ tags: 1, 'polyline shapes': 1, 'skeleton shapes': 1 });
    for (const d of out.dropped) expect(d.reason).to.be.a('string').and.not.equal('');
    const json = JSON.parse(out.tree.get('annotations/instances_default.json') as string);
    // pycocotools' needs: the three lists, bbox [x,y,w,h], area, iscrowd, RLE size [h, w].
    expect(json.categories.map((c: { id: number }) => c.id)).to.deep.equal([1, 2, 3]);
    for (const a of json.annotations) {
      expect(a.bbox).to.have.length(4);
      expect(a.area).to.be.a('number');
      expect(a.iscrowd === 0 || a.iscrowd === 1).to.equal(true);
      if (!Array.isArray(a.segmentation)) expect(a.segmentation.size).to.deep.equal([40, 60]);
      for (const p of Array.isArray(a.segmentation) ? a.segmentation : []) {
        expect(p.length).to.be.at.least(6);
      }
    }
    const back = await cocoCodec.import(treeFromOutput(out.tree));
    const types = countByType(back.document.objects);
    // rectangle, polygon, mask, ellipse→mask, track (3 keyframes rebuilt)
    expect(types).to.deep.equal({ rectangle: 1, polygon: 1, mask: 2, track: 1 });
    const rect = shapes(back.document).find((s) => s.geometry.type === 'rectangle')!;
    expect(rect.geometry).to.deep.equal({ type: 'rectangle', points: [1, 2, 11, 8], rotation: 30 });
    expect(rect.occluded).to.equal(true);
    const srcMask = doc.objects.find(
      (o) => o.kind === 'shape' && o.geometry.type === 'mask',
    ) as ShapeObject;
    const mask = shapes(back.document).find(
      (s) => s.geometry.type === 'mask' && s.frame === srcMask.frame,
    )!;
    expect(mask.geometry).to.deep.equal(srcMask.geometry);
    const track = back.document.objects.find((o) => o.kind === 'track');
    if (!track || track.kind !== 'track') throw new Error('track expected');
    expect(track.keyframes.map((k) => [k.frame, k.outside])).to.deep.equal([
      [0, false],
      [2, false],
      [3, true],
    ]);
    expect(track.keyframes[1].geometry).to.deep.equal({
      type: 'rectangle',
      points: [20, 20, 30, 30],
      rotation: 0,
    });
  });

  it('exports skeletons to COCO Keypoints with v flags and a bbox around present points', async () => {
    const doc = sampleDocument();
    const out = await cocoKeypointsCodec.export(doc);
    const json = JSON.parse(out.tree.get('annotations/person_keypoints_default.json') as string);
    expect(json.categories).to.deep.equal([
      {
        id: 3,
        name: 'person',
        supercategory: '',
        keypoints: ['nose', 'l', 'r'],
        skeleton: [
          [1, 2],
          [1, 3],
        ],
      },
    ]);
    expect(json.annotations).to.have.length(1);
    expect(json.annotations[0]).to.deep.include({
      keypoints: [5, 5, 2, 9, 7, 1, 1, 1, 0],
      num_keypoints: 2,
      bbox: [5, 5, 4, 2],
      area: 8,
    });
    const back = await cocoKeypointsCodec.import(treeFromOutput(out.tree));
    expect(countByType(back.document.objects)).to.deep.equal({ skeleton: 1 });
    expect(back.document.labels[0].sublabels!.map((s) => s.name)).to.deep.equal(['nose', 'l', 'r']);
  });
});

describe('COCO 1.0 bad input', () => {
  const images = '"images":[{"id":1,"file_name":"a.jpg","width":4,"height":4}]';
  const cats = '"categories":[{"id":1,"name":"a"}]';
  const file = 'annotations/instances_default.json';

  it('truncated JSON names file and line', async () => {
    const tree = treeFromMap({ [file]: `{\n${images},\n${cats},\n"annotations":[{"id":1,` });
    const e = (await expectError(cocoCodec.import(tree), 'parse')) as Error & {
      file: string;
      line: number;
    };
    expect(e.file).to.equal(file);
    expect(e.line).to.equal(4);
  });

  it('wrong types name the JSON path', async () => {
    const tree = treeFromMap({
      [file]: `{${images},${cats},"annotations":[{"id":1,"image_id":1,"category_id":1,"segmentation":[],"bbox":["x",0,1,1]}]}`,
    });
    const e = (await expectError(cocoCodec.import(tree), 'invalid-type')) as Error & {
      path: unknown;
    };
    expect(e.path).to.deep.equal(['annotations', 0, 'bbox', 0]);
    expect(e.message).to.contain(file).and.contain('annotations[0].bbox[0]');
    const t2 = treeFromMap({ [file]: `{"images":{},${cats}}` });
    const e2 = (await expectError(cocoCodec.import(t2), 'invalid-type')) as Error & {
      path: unknown;
    };
    expect(e2.path).to.deep.equal(['images']);
  });

  it('RLE that does not cover the image, and huge nesting, are typed errors', async () => {
    const bad = `{${images},${cats},"annotations":[{"id":1,"image_id":1,"category_id":1,"iscrowd":1,"segmentation":{"size":[4,4],"counts":[1000000000,5]}}]}`;
    await expectError(cocoCodec.import(treeFromMap({ [file]: bad })), 'invalid-geometry');
    // Deep nesting is parsed (natively, without recursion in our readers) and rejected by type.
    const deep = `{${images},${cats},"annotations":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    const e = (await expectError(
      cocoCodec.import(treeFromMap({ [file]: deep })),
      'invalid-type',
    )) as Error & {
      path: unknown;
    };
    expect(e.path).to.deep.equal(['annotations', 0]);
  });

  it('usable odd data gives warnings, not failures', async () => {
    const odd = `{${images},${cats},"annotations":[
      {"id":1,"image_id":9,"category_id":1,"bbox":[0,0,1,1]},
      {"id":2,"image_id":1,"category_id":7,"bbox":[0,0,1,1]},
      {"id":3,"image_id":1,"category_id":1,"segmentation":[[0,0,1,1]],"bbox":[0,0,1,1]}]}`;
    const { document: doc, warnings } = await cocoCodec.import(treeFromMap({ [file]: odd }));
    expect(doc.objects).to.have.length(0);
    expect(warnings.map((w) => w.code)).to.deep.equal([
      'unknown-image',
      'no-label',
      'degenerate-polygon',
    ]);
  });
});
