/**
 * Structural conformance of our exports with what the real tools read (pycocotools, Ultralytics,
 * CVAT), checked against the rules in the format reference. These are structural checks of the
 * written files, not runs of the tools themselves (none of them runs in a browser).
 */
import { expect } from 'chai';
import type { OutputTree } from '../codec/types.js';
import { findCodec } from '../registry.js';
import { treeFromMap } from '../tree/memory.js';
import { CVAT_CROSS_SAMPLE } from './crossFormatSample.js';
import { parseYamlSubset } from './yolo/yaml.js';

async function sample() {
  const cvat = findCodec('cvat-images-1.1');
  if (!cvat) throw new Error('no CVAT codec');
  return (await cvat.import(treeFromMap({ 'annotations.xml': CVAT_CROSS_SAMPLE }))).document;
}

async function exportAs(id: string): Promise<OutputTree> {
  const c = findCodec(id);
  if (!c) throw new Error(`no codec ${id}`);
  return (await c.export(await sample())).tree;
}

function text(tree: OutputTree, path: string): string {
  const v = tree.get(path);
  if (typeof v !== 'string') throw new Error(`${path} is not text`);
  return v;
}

interface CocoAnn {
  id: number;
  image_id: number;
  category_id: number;
  bbox: number[];
  area: number;
  iscrowd: number;
  segmentation: number[][] | { size: [number, number]; counts: number[] | string };
  keypoints?: number[];
  num_keypoints?: number;
}

describe('conformance: COCO as pycocotools reads it', () => {
  it('lists, ids, bbox [x,y,w,h], area, iscrowd and column-major RLE of size [h, w]', async () => {
    const json = JSON.parse(text(await exportAs('coco-1.0'), 'annotations/instances_default.json'));
    for (const key of ['licenses', 'info']) expect(json).to.have.property(key);
    for (const key of ['images', 'annotations', 'categories'])
      expect(json[key], key).to.be.an('array');
    const catIds = json.categories.map((c: { id: number }) => c.id);
    expect(new Set(catIds).size).to.equal(catIds.length);
    for (const id of catIds) expect(Number.isInteger(id) && id > 0).to.equal(true);
    const images = new Map<number, { width: number; height: number; file_name: string }>(
      json.images.map((i: { id: number }) => [i.id, i]),
    );
    const anns = json.annotations as CocoAnn[];
    expect(new Set(anns.map((a) => a.id)).size).to.equal(anns.length);
    for (const a of anns) {
      expect(Number.isInteger(a.id) && a.id > 0).to.equal(true);
      expect(images.has(a.image_id), 'image_id').to.equal(true);
      expect(catIds).to.include(a.category_id);
      expect(a.bbox).to.have.length(4);
      expect(a.bbox[2]).to.be.at.least(0);
      expect(a.bbox[3]).to.be.at.least(0);
      expect(a.area).to.be.a('number').and.at.least(0);
      expect([0, 1]).to.include(a.iscrowd);
      const img = images.get(a.image_id)!;
      if (Array.isArray(a.segmentation)) {
        expect(a.iscrowd).to.equal(0);
        for (const p of a.segmentation) {
          expect(p.length % 2).to.equal(0);
          // pycocotools reads a 4-number list as a box: polygons need at least 3 points.
          expect(p.length).to.be.at.least(6);
        }
      } else {
        expect(a.iscrowd).to.equal(1);
        expect(a.segmentation.size).to.deep.equal([img.height, img.width]);
        const counts = a.segmentation.counts;
        expect(counts).to.be.an('array');
        expect((counts as number[]).reduce((s, v) => s + v, 0)).to.equal(img.height * img.width);
      }
    }
    // The box xtl=2 ytl=3 xbr=12 ybr=9 is written as [x, y, w, h].
    expect(anns.some((a) => a.bbox.join() === '2,3,10,6')).to.equal(true);
    // The CVAT mask (left 5, top 6, 4 × 3, row-major runs 3,2,2,3,1,1) decoded column-major.
    const h = 48;
    const set = new Set(
      [
        [8, 6],
        [5, 7],
        [8, 7],
        [5, 8],
        [6, 8],
        [8, 8],
      ].map(([x, y]) => `${x},${y}`),
    );
    const mask = anns.find((a) => {
      if (Array.isArray(a.segmentation)) return false;
      const cs = a.segmentation.counts as number[];
      const on: string[] = [];
      let k = 0;
      cs.forEach((c, i) => {
        if (i % 2 === 1)
          for (let j = 0; j < c; j++) on.push(`${Math.floor((k + j) / h)},${(k + j) % h}`);
        k += c;
      });
      return on.length === set.size && on.every((p) => set.has(p));
    });
    expect(mask, 'the mask, column-major').to.not.equal(undefined);
    expect(mask!.area).to.equal(6);
  });

  it('keypoints: categories with names and 1-based edges, x,y,v triplets and num_keypoints', async () => {
    const tree = await exportAs('coco-keypoints-1.0');
    const json = JSON.parse(text(tree, 'annotations/person_keypoints_default.json'));
    const person = json.categories.find((c: { name: string }) => c.name === 'person');
    expect(person.keypoints).to.deep.equal(['head', 'foot']);
    expect(person.skeleton).to.deep.equal([[1, 2]]);
    const ann = (json.annotations as CocoAnn[]).find((a) => a.category_id === person.id)!;
    expect(ann.keypoints).to.deep.equal([55, 5, 2, 55, 20, 1]);
    expect(ann.num_keypoints).to.equal(2);
    expect(ann.bbox).to.deep.equal([55, 5, 0, 15]);
    expect(ann.iscrowd).to.equal(0);
    expect(ann.area).to.equal(0);
  });
});

describe('conformance: Ultralytics datasets as the trainer reads them', () => {
  for (const id of [
    'ultralytics-detect-1.0',
    'ultralytics-segment-1.0',
    'ultralytics-pose-1.0',
    'ultralytics-obb-1.0',
  ]) {
    it(`${id}: train/val keys, paths inside the tree, normalised coordinates`, async () => {
      const tree = await exportAs(id);
      const yaml = parseYamlSubset(text(tree, 'data.yaml'), 'data.yaml');
      expect(yaml).to.have.property('train');
      expect(yaml).to.have.property('val');
      const names = yaml.names as Record<string, string> | string[];
      const classCount = Array.isArray(names) ? names.length : Object.keys(names).length;
      expect(classCount).to.be.greaterThan(0);
      const labelFiles = [...tree.keys()].filter((p) => p.endsWith('.txt'));
      expect(labelFiles.length).to.be.greaterThan(0);
      for (const key of ['train', 'val']) {
        const p = yaml[key];
        expect(p, key).to.be.a('string');
        const dir = p as string;
        expect(dir.startsWith('/') || dir.split('/').includes('..'), dir).to.equal(false);
        // Ultralytics finds labels by replacing the last /images/ with /labels/.
        const labels = dir.replace(/(^|\/)images(\/|$)/, '$1labels$2');
        expect(
          labelFiles.some((f) => f.startsWith(`${labels}/`)),
          `${key}: ${labels}`,
        ).to.equal(true);
      }
      for (const f of labelFiles) {
        for (const line of text(tree, f).split('\n')) {
          if (line.trim() === '') continue;
          const [cls, ...values] = line.trim().split(/\s+/).map(Number);
          expect(Number.isInteger(cls) && cls >= 0 && cls < classCount, line).to.equal(true);
          const coords =
            id === 'ultralytics-pose-1.0'
              ? values.filter((_, i) => i < 4 || (i - 4) % 3 !== 2)
              : values;
          for (const v of coords) expect(v >= 0 && v <= 1, `${f}: ${line}`).to.equal(true);
        }
      }
    });
  }
});

describe('conformance: CVAT XML as CVAT writes it', () => {
  it('document skeleton, <meta> order, element and attribute order', async () => {
    const xml = text(await exportAs('cvat-images-1.1'), 'annotations.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<annotations>\n')).to.equal(
      true,
    );
    expect(xml).to.include('  <version>1.1</version>\n  <meta>\n    <task>\n');
    // <task> children appear in CVAT's order (we write a subsequence of it).
    const cvatOrder = [
      'id',
      'name',
      'size',
      'mode',
      'overlap',
      'bugtracker',
      'created',
      'updated',
      'subset',
      'start_frame',
      'stop_frame',
      'frame_filter',
      'segments',
      'owner',
      'assignee',
      'labels',
      'original_size',
      'source',
    ];
    const task = xml.slice(xml.indexOf('<task>'), xml.indexOf('</task>'));
    const written = [...task.matchAll(/^ {6}<([a-z_]+)>/gm)].map((m) => m[1]);
    expect(written).to.include.members(['size', 'mode', 'start_frame', 'stop_frame', 'labels']);
    const positions = written.map((t) => cvatOrder.indexOf(t));
    expect(positions.every((p) => p >= 0)).to.equal(true);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    // Label fields in CVAT's order; skeleton points are labels with a <parent>.
    const label =
      /<label>\n\s+<name>head<\/name>\n\s+<color>#[0-9a-f]{6}<\/color>\n\s+<type>points<\/type>\n\s+<attributes>\n?\s*<\/attributes>\n\s+<parent>person<\/parent>/;
    expect(xml).to.match(label);
    // Element attribute order: label, source, occluded, geometry, z_order, group_id.
    const order: Record<string, string[]> = {
      box: [
        'label',
        'source',
        'occluded',
        'xtl',
        'ytl',
        'xbr',
        'ybr',
        'rotation',
        'z_order',
        'group_id',
      ],
      polygon: ['label', 'source', 'occluded', 'points', 'z_order', 'group_id'],
      polyline: ['label', 'source', 'occluded', 'points', 'z_order', 'group_id'],
      points: ['label', 'source', 'outside', 'occluded', 'points', 'z_order', 'group_id'],
      ellipse: [
        'label',
        'source',
        'occluded',
        'cx',
        'cy',
        'rx',
        'ry',
        'rotation',
        'z_order',
        'group_id',
      ],
      mask: [
        'label',
        'source',
        'occluded',
        'rle',
        'left',
        'top',
        'width',
        'height',
        'z_order',
        'group_id',
      ],
      tag: ['label', 'source', 'group_id'],
    };
    let checked = 0;
    for (const m of xml.matchAll(
      /^ {4,6}<(box|polygon|polyline|points|ellipse|mask|tag) ([^>]*)>/gm,
    )) {
      const names = [...m[2].matchAll(/([a-z_]+)="/g)].map((a) => a[1]);
      const ref = order[m[1]];
      const idx = names.map((n) => ref.indexOf(n));
      expect(
        idx.every((i) => i >= 0),
        `${m[1]}: ${names}`,
      ).to.equal(true);
      expect(
        [...idx].sort((a, b) => a - b),
        `${m[1]}: ${names}`,
      ).to.deep.equal(idx);
      checked++;
    }
    expect(checked).to.be.greaterThan(10);
    // rotation and group_id only when non-zero; masks as "r0, r1, …".
    expect(xml).to.match(/<box [^>]*rotation="30.00" z_order="0">/);
    expect(xml).to.not.match(/rotation="0/);
    expect(xml).to.not.match(/group_id="0"/);
    expect(xml).to.include('rle="3, 2, 2, 3, 1, 1" left="5" top="6" width="4" height="3"');
    // Within an image, tags come after shapes.
    const image0 = xml.slice(xml.indexOf('<image id="0"'), xml.indexOf('</image>'));
    expect(image0.lastIndexOf('<tag ')).to.be.greaterThan(image0.lastIndexOf('<polyline '));
  });
});
