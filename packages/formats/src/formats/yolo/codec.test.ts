import { expect } from 'chai';
import { isAnnotkitError } from '@annotkit/core';
import type { AnnotationObject, DocumentData, Geometry, ShapeObject } from '@annotkit/core';
import type { Codec, ImportWarning } from '../../codec/types.js';
import { treeFromMap, treeFromOutput } from '../../tree/memory.js';
import { sampleDocument } from '../coco/sample.js';
import { fixtureTree } from '../../util/testFixtures.js';
import {
  ultralyticsClassifyCodec,
  ultralyticsDetectCodec,
  ultralyticsObbCodec,
  ultralyticsPoseCodec,
  ultralyticsSegmentCodec,
  yoloCodec,
} from './codec.js';
import { parseYamlSubset } from './yaml.js';

const DM = 'cvat-ai-datumaro';
const ALL: Codec[] = [
  yoloCodec,
  ultralyticsDetectCodec,
  ultralyticsSegmentCodec,
  ultralyticsPoseCodec,
  ultralyticsObbCodec,
  ultralyticsClassifyCodec,
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
function close(a: readonly number[], b: readonly number[], eps = 1e-3): void {
  expect(a.length).to.equal(b.length);
  a.forEach((x, i) => expect(x).to.be.closeTo(b[i], eps, `[${i}] of ${a.join(',')}`));
}
function pts(g: Geometry): readonly number[] {
  if (!('points' in g)) throw new Error(`${g.type} has no points`);
  return g.points;
}
function warned(ws: readonly ImportWarning[], code: string): number {
  return ws.filter((w) => w.code === code).reduce((s, w) => s + (w.count ?? 1), 0);
}
async function best(tree: Awaited<ReturnType<typeof fixtureTree>>): Promise<string> {
  const scores = await Promise.all(ALL.map(async (c) => [c.id, await c.detect(tree)] as const));
  scores.sort((a, b) => b[1] - a[1]);
  expect(scores[0][1]).to.be.greaterThan(scores[1][1]);
  return scores[0][0];
}

describe('YOLO 1.1 and Ultralytics import of the fixtures', () => {
  it('YOLO 1.1: boxes with sizes from the JPEG header', async () => {
    const tree = await fixtureTree(`yolo_1.1/${DM}/yolo`, [
      'obj.data',
      'obj.names',
      'train.txt',
      'obj_train_data/1.jpg',
      'obj_train_data/1.txt',
    ]);
    expect(await best(tree)).to.equal('yolo-1.1');
    const { document: doc, warnings } = await yoloCodec.import(tree);
    expect(warnings).to.deep.equal([]);
    expect(doc.media.frames).to.deep.equal([{ name: '1.jpg', width: 15, height: 10 }]);
    expect(doc.labels).to.have.length(10);
    const [a, b] = shapes(doc);
    expect(a.label).to.equal(doc.labels[2].id);
    close(pts(a.geometry), [0, 2, 4, 4]);
    expect(b.label).to.equal(doc.labels[4].id);
    close(pts(b.geometry), [3, 3, 5, 6]);
  });

  const detectVariants = [
    'yolov8_detection',
    'yolov8_detection_with_list_of_imgs',
    'yolov8_detection_with_list_of_names',
    'yolov8_detection_with_subset_txt',
  ];
  for (const v of detectVariants) {
    it(`Ultralytics detect: ${v}`, async () => {
      const files = ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'];
      if (v.endsWith('subset_txt')) files.push('train.txt');
      const tree = await fixtureTree(`ultralytics_detect/${DM}/${v}`, files);
      expect(await best(tree)).to.equal('ultralytics-detect-1.0');
      const { document: doc, warnings } = await ultralyticsDetectCodec.import(tree);
      expect(warnings).to.deep.equal([]);
      expect(doc.media.frames).to.deep.equal([{ name: '1.jpg', width: 15, height: 10 }]);
      expect(doc.meta.subsets).to.deep.equal(['train']);
      expect(doc.labels.map((l) => l.name)).to.deep.equal(
        Array.from({ length: 10 }, (_, i) => `label_${i}`),
      );
      expect(countByType(doc.objects)).to.deep.equal({ rectangle: 2 });
      close(pts(shapes(doc)[1].geometry), [3, 3, 5, 6]);
    });
  }

  it('Ultralytics segment, OBB and pose (Datumaro sets)', async () => {
    const files = ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'];
    const seg = await fixtureTree(`ultralytics_segment/${DM}/yolov8_segmentation`, files);
    expect(await best(seg)).to.equal('ultralytics-segment-1.0');
    const s = (await ultralyticsSegmentCodec.import(seg)).document;
    expect(countByType(s.objects)).to.deep.equal({ polygon: 2 });
    close(pts(shapes(s)[0].geometry), [1.5, 1, 6, 1, 6, 5]);

    const obb = await fixtureTree(`ultralytics_obb/${DM}/yolov8_oriented_boxes`, files);
    expect(await best(obb)).to.equal('ultralytics-obb-1.0');
    const o = await ultralyticsObbCodec.import(obb);
    expect(countByType(o.document.objects)).to.deep.equal({ rectangle: 2 });
    const r0 = shapes(o.document)[0].geometry;
    if (r0.type !== 'rectangle') throw new Error('rectangle expected');
    close(r0.points, [1, 2, 4, 6]);
    expect(r0.rotation).to.be.closeTo(30, 1e-3);
    expect(warned(o.warnings, 'out-of-image')).to.equal(1); // -0.009808 in the second line

    for (const v of ['yolov8_pose', 'yolov8_pose_two_values_per_point']) {
      const pose = await fixtureTree(`ultralytics_pose/${DM}/${v}`, files);
      expect(await best(pose)).to.equal('ultralytics-pose-1.0');
      const p = (await ultralyticsPoseCodec.import(pose)).document;
      expect(p.labels.map((l) => [l.name, l.type, l.sublabels?.length])).to.deep.equal([
        ['skeleton_label', 'skeleton', 3],
      ]);
      expect(countByType(p.objects)).to.deep.equal({ skeleton: 1 });
      const g = shapes(p)[0].geometry;
      if (g.type !== 'skeleton') throw new Error('skeleton expected');
      close(
        g.elements.flatMap((e) => [e.x, e.y]),
        [1.5, 2, 4.5, 4, 7.5, 6],
      );
      expect(g.elements.every((e) => !e.outside && !e.occluded)).to.equal(true);
    }
  });

  it('Ultralytics classification folders', async () => {
    const tree = await fixtureTree(`ultralytics_classify/${DM}/yolov8_classification`, [
      'train/label_0/1.jpg',
      'train/label_0/2.jpg',
      'train/label_1/3.jpg',
    ]);
    expect(await best(tree)).to.equal('ultralytics-classify-1.0');
    const { document: doc } = await ultralyticsClassifyCodec.import(tree);
    expect(doc.media.frames.map((f) => [f.name, f.width, f.height])).to.deep.equal([
      ['1.jpg', 15, 10],
      ['2.jpg', 15, 10],
      ['3.jpg', 15, 10],
    ]);
    expect(doc.labels.map((l) => [l.name, l.type])).to.deep.equal([
      ['label_0', 'tag'],
      ['label_1', 'tag'],
    ]);
    expect(countByType(doc.objects)).to.deep.equal({ tag: 3 });
  });

  const hub: [string, string, string[], Codec, Record<string, number>, number][] = [
    ['ultralytics_detect', 'coco8', ['coco8.yaml'], ultralyticsDetectCodec, { rectangle: 30 }, 0],
    [
      'ultralytics_segment',
      'coco8-seg',
      ['coco8-seg.yaml'],
      ultralyticsSegmentCodec,
      { polygon: 30 },
      0,
    ],
    [
      'ultralytics_pose',
      'coco8-pose',
      ['coco8-pose.yaml'],
      ultralyticsPoseCodec,
      { skeleton: 21 },
      0,
    ],
    ['ultralytics_obb', 'dota8', ['dota8.yaml'], ultralyticsObbCodec, { rectangle: 133 }, 17],
  ];
  const hubLabels: Record<string, string[]> = {
    coco8: [
      'train/000000000009',
      'train/000000000025',
      'train/000000000030',
      'train/000000000034',
      'val/000000000036',
      'val/000000000042',
      'val/000000000049',
      'val/000000000061',
    ],
    'coco8-pose': [
      'train/000000000036',
      'train/000000000049',
      'train/000000000077',
      'train/000000000086',
      'val/000000000110',
      'val/000000000113',
      'val/000000000136',
      'val/000000000151',
    ],
    dota8: [
      'train/P0861__1024__0___1648',
      'train/P1053__1024__0___90',
      'train/P1142__1024__0___824',
      'train/P1161__1024__3296___1648',
      'val/P1470__1024__3296___1648',
      'val/P1571__1024__2976___0',
      'val/P1580__1024__824___824',
      'val/P1724__1024__0___824',
    ],
  };
  hubLabels['coco8-seg'] = hubLabels.coco8;
  for (const [fmt, name, extra, codec, expected, oor] of hub) {
    it(`Ultralytics hub ${name}: labels without images`, async () => {
      const tree = await fixtureTree(`${fmt}/ultralytics-hub/${name}`, [
        ...extra,
        ...hubLabels[name].map((p) => `labels/${p}.txt`),
      ]);
      expect(await best(tree)).to.equal(codec.id);
      const { document: doc, warnings } = await codec.import(tree);
      expect(doc.media.frames).to.have.length(8);
      expect(doc.meta.subsets).to.deep.equal([
        'train',
        'train',
        'train',
        'train',
        'val',
        'val',
        'val',
        'val',
      ]);
      expect(doc.media.frames[0]).to.deep.equal({
        name: hubLabels[name][0].slice(6),
        width: 0,
        height: 0,
      });
      expect(countByType(doc.objects)).to.deep.equal(expected);
      expect(warned(warnings, 'missing-image')).to.equal(1);
      expect(warned(warnings, 'out-of-image')).to.equal(oor);
      if (name === 'coco8') {
        expect(doc.labels).to.have.length(80);
        // Normalised coordinates kept: 45 0.479492 0.688771 0.955609 0.5955
        const g = shapes(doc)[0].geometry;
        close(
          pts(g),
          [
            0.479492 - 0.955609 / 2,
            0.688771 - 0.5955 / 2,
            0.479492 + 0.955609 / 2,
            0.688771 + 0.5955 / 2,
          ],
          1e-9,
        );
        expect(shapes(doc)[0].label).to.equal(doc.labels[45].id);
      }
      if (name === 'coco8-pose') expect(doc.labels[0].sublabels).to.have.length(17);
    });
  }
});

describe('YOLO export', () => {
  it('round-trips YOLO 1.1 and reports what it cannot hold', async () => {
    const doc = sampleDocument();
    const out = await yoloCodec.export(doc);
    expect(out.tree.get('obj.data')).to.equal(
      'classes = 3\ntrain = data/train.txt\nnames = data/obj.names\nbackup = backup/\n',
    );
    expect(out.tree.get('train.txt')).to.equal(
      'data/obj_train_data/img0.png\ndata/obj_train_data/img1.png\ndata/obj_train_data/img2.png\ndata/obj_train_data/img3.png\n',
    );
    const d = Object.fromEntries(out.dropped.map((x) => [x.what, x.count]));
    expect(d).to.deep.equal({
      tags: 1,
      'track links': 1,
      'rotated rectangles': 1,
      'polygon shapes': 1,
      'mask shapes': 1,
      'ellipse shapes': 1,
      'polyline shapes': 1,
      'skeleton shapes': 1,
    });
    // Frames 0-2 of the track: box at [10,10,20,20] → [15,15,25,25] → [20,20,30,30] on 60×40.
    expect(out.tree.get('obj_train_data/img1.txt')).to.equal(
      '0 0.333333 0.500000 0.166667 0.250000\n',
    );
    // Re-import with the images' sizes known from the original document's frames.
    const files = new Map(out.tree);
    for (const f of doc.media.frames) files.set(`obj_train_data/${f.name}`, pngHeader(60, 40));
    const back = await yoloCodec.import(treeFromMap(files), { labels: doc.labels });
    expect(back.warnings).to.deep.equal([]);
    expect(back.document.labels).to.deep.equal(doc.labels);
    expect(countByType(back.document.objects)).to.deep.equal({ rectangle: 3 });
    close(pts(shapes(back.document)[1].geometry), [15, 15, 25, 25], 1e-4);
  });

  it('Ultralytics detect/segment/OBB/pose exports re-import to the same geometry', async () => {
    const doc = sampleDocument();
    const withImages = (
      tree: Map<string, Uint8Array | string>,
    ): Map<string, Uint8Array | string> => {
      for (const f of doc.media.frames) tree.set(`images/train/${f.name}`, pngHeader(60, 40));
      return tree;
    };
    const obb = await ultralyticsObbCodec.export(doc);
    const yaml = parseYamlSubset(obb.tree.get('data.yaml') as string, 'data.yaml');
    expect(yaml).to.deep.equal(
      Object.assign(Object.create(null), {
        names: Object.assign(Object.create(null), { 0: 'car', 1: 'road', 2: 'person' }),
        train: 'images/train',
        val: 'images/train',
      }),
    );
    const o = await ultralyticsObbCodec.import(treeFromMap(withImages(new Map(obb.tree))), {
      labels: doc.labels,
    });
    const rot = shapes(o.document).find(
      (s) => s.frame === 0 && (s.geometry as { rotation?: number }).rotation !== 0,
    )!;
    if (rot.geometry.type !== 'rectangle') throw new Error('rectangle expected');
    close(rot.geometry.points, [1, 2, 11, 8], 1e-4);
    expect(rot.geometry.rotation).to.be.closeTo(30, 1e-4);

    const seg = await ultralyticsSegmentCodec.export(doc);
    const s = await ultralyticsSegmentCodec.import(treeFromMap(withImages(new Map(seg.tree))), {
      labels: doc.labels,
    });
    // The polygon, plus the mask traced to its pixel outline.
    expect(countByType(s.document.objects)).to.deep.equal({ polygon: 2 });
    close(pts(shapes(s.document)[0].geometry), [10, 10, 30, 10, 30, 25, 12, 30], 1e-4);
    expect(pts(shapes(s.document)[1].geometry).length).to.be.at.least(8);
    expect(seg.dropped.find((x) => x.what === 'mask shapes')).to.equal(undefined);

    const pose = await ultralyticsPoseCodec.export(doc);
    expect(pose.tree.get('labels/train/img0.txt')).to.equal(
      '0 0.116667 0.150000 0.066667 0.050000 0.083333 0.125000 2 0.150000 0.175000 1 0.016667 0.025000 0\n',
    );
    const p = await ultralyticsPoseCodec.import(treeFromMap(withImages(new Map(pose.tree))), {
      labels: doc.labels,
    });
    const g = shapes(p.document)[0].geometry;
    if (g.type !== 'skeleton') throw new Error('skeleton expected');
    expect(g.elements.map((e) => [e.outside, e.occluded])).to.deep.equal([
      [false, false],
      [false, true],
      [true, false],
    ]);

    const det = await ultralyticsDetectCodec.export(doc);
    const dd = Object.fromEntries(det.dropped.map((x) => [x.what, x.count]));
    expect(dd['rotated rectangles']).to.equal(1);
    const dt = await ultralyticsDetectCodec.import(treeFromMap(withImages(new Map(det.tree))), {
      labels: doc.labels,
    });
    expect(countByType(dt.document.objects)).to.deep.equal({ rectangle: 3 });
  });

  it('classification round-trips tags through labels.json', async () => {
    const doc = sampleDocument();
    const out = await ultralyticsClassifyCodec.export(doc);
    const back = await ultralyticsClassifyCodec.import(treeFromOutput(out.tree));
    expect(countByType(back.document.objects)).to.deep.equal({ tag: 1 });
    expect(back.document.labels.map((l) => l.name)).to.deep.equal(['car']);
    expect(out.dropped.find((d) => d.what === 'image files')?.count).to.equal(4);
  });
});

describe('YOLO bad input', () => {
  it('names file and line for malformed label lines', async () => {
    const base = {
      'data.yaml': 'names: [a]\ntrain: images/train\n',
      'images/train/x.png': pngHeader(10, 10),
    };
    for (const [text, line] of [
      ['0 0.5 0.5 0.1 0.1\n0 0.5 zz 0.1 0.1\n', 2],
      ['0 0.5 0.5 0.1\n', 1],
      ['\n\n7 0.5 0.5 0.1 0.1\n', 3],
    ] as const) {
      try {
        await ultralyticsDetectCodec.import(treeFromMap({ ...base, 'labels/train/x.txt': text }));
        throw new Error('expected an error');
      } catch (e) {
        expect(isAnnotkitError(e, 'parse'), String(e)).to.equal(true);
        expect((e as { file: string }).file).to.equal('labels/train/x.txt');
        expect((e as { line: number }).line).to.equal(line);
      }
    }
  });

  it('reads data.yaml variants: Roboflow order, extra keys, missing val, quoted names', async () => {
    const yaml = [
      '# exported from somewhere',
      'train: ../train/images',
      'val: ',
      'test: ../test/images',
      'nc: 2',
      'names: [\'a b\', "c: d"]',
      'roboflow:',
      '  workspace: w',
      '  version: 3',
    ].join('\n');
    const tree = treeFromMap({
      'ds/data.yaml': yaml,
      'ds/train/images/p.png': pngHeader(20, 10),
      'ds/train/labels/p.txt': '1 0.5 0.5 0.5 0.5\n',
      'ds/test/images/q.png': pngHeader(20, 10),
    });
    const { document: doc, warnings } = await ultralyticsDetectCodec.import(tree);
    expect(warnings).to.deep.equal([]);
    expect(doc.labels.map((l) => l.name)).to.deep.equal(['a b', 'c: d']);
    expect(doc.media.frames.map((f) => f.name)).to.deep.equal(['p.png', 'q.png']);
    expect(doc.meta.subsets).to.deep.equal(['train', 'test']);
    close(pts(shapes(doc)[0].geometry), [5, 2.5, 15, 7.5]);
  });

  it('rejects YAML it cannot read with file and line', () => {
    try {
      parseYamlSubset('names:\n  0: a\n   1: b\n', 'd.yaml');
      throw new Error('expected an error');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as { line: number }).line).to.equal(3);
    }
  });
});

/** A minimal PNG header (signature + IHDR) for image-size reading. */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, w);
  dv.setUint32(20, h);
  b[24] = 8;
  b[25] = 2;
  return b;
}
