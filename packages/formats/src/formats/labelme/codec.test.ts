import { expect } from 'chai';
import type { DocumentData, ShapeObject } from '@annotkit/core';
import { treeFromMap } from '../../tree/memory.js';
import { fixtureTree } from '../../util/testFixtures.js';
import { labelmeCodec } from './codec.js';
import { parseLabelmeAttributes } from './read.js';

const DIR = 'labelme_3.0/cvat-ai-datumaro/labelme_dataset';
const FILES = [
  'img1.xml',
  'img1.png',
  'Masks/img1_mask_1.png',
  'Masks/img1_mask_5.png',
  'Scribbles/img1_scribble_1.png',
  'Scribbles/img1_scribble_5.png',
];

describe('LabelMe 3.0', () => {
  it('imports the fixture with exact counts, masks and groups', async () => {
    const tree = await fixtureTree(DIR, FILES);
    expect(await labelmeCodec.detect(tree)).to.be.greaterThan(0.8);
    const { document: d } = await labelmeCodec.import(tree);
    expect(d.media.frames).to.deep.equal([{ name: 'img1.png', width: 102, height: 77 }]);
    expect(d.labels.map((l) => l.name)).to.deep.equal([
      'window',
      'license plate',
      'o1',
      'q1',
      'b1',
      'm1',
      'hg',
    ]);
    const shapes = d.objects as ShapeObject[];
    expect(shapes.map((o) => o.geometry.type)).to.deep.equal([
      'polygon',
      'mask',
      'polygon',
      'polygon',
      'rectangle',
      'mask',
      'polygon',
    ]);
    expect(shapes.map((o) => o.group)).to.deep.equal([0, 0, 1, 1, 1, 2, 2]);
    expect(shapes.map((o) => o.occluded)).to.deep.equal([
      false,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(shapes[4].geometry).to.deep.equal({
      type: 'rectangle',
      points: [13, 19, 23, 30],
      rotation: 0,
    });
    expect(shapes[1].geometry).to.include({ left: 58, top: 67, right: 62, bottom: 68 });
    expect(shapes[5].geometry).to.include({ left: 55, top: 14, right: 69, bottom: 23 });
    const o1 = d.labels[2].attributes[0];
    expect(o1).to.include({ name: 'a1', inputType: 'checkbox' });
    expect(shapes[2].attributes[o1.id]).to.equal('true');
    expect(d.labels[6].attributes[0].name).to.equal('gfd lkj lkj hi');
  });

  it('round-trips import → export → import (masks through PNG)', async () => {
    const a = (await labelmeCodec.import(await fixtureTree(DIR, FILES))).document;
    const out = await labelmeCodec.export(a);
    expect(out.dropped).to.deep.equal([]);
    expect([...out.tree.keys()].sort()).to.deep.equal([
      'default/Masks/img1_mask_1.png',
      'default/Masks/img1_mask_5.png',
      'default/img1.xml',
    ]);
    const b = (await labelmeCodec.import(treeFromMap(out.tree))).document;
    expect(b).to.deep.equal(a);
  });

  it('parses escaped attribute strings', () => {
    expect(parseLabelmeAttributes('a=1, b="x, y", c, d=t\\,u')).to.deep.equal([
      ['a', '1'],
      ['b', 'x, y'],
      ['c', true],
      ['d', 't,u'],
    ]);
  });

  it('reports what it cannot hold', async () => {
    const doc: DocumentData = {
      schemaVersion: 1,
      media: { kind: 'images', frames: [{ name: 'a.jpg', width: 10, height: 10 }] },
      labels: [
        { kind: 'label', id: 1 as never, name: 'x', color: '#ff0000', type: 'any', attributes: [] },
      ],
      objects: [
        {
          kind: 'shape',
          id: 1 as never,
          label: 1 as never,
          frame: 0,
          geometry: { type: 'points', points: [1, 2] },
          zOrder: 0,
          occluded: false,
          group: 0,
          source: 'manual',
          attributes: {},
        },
        {
          kind: 'tag',
          id: 2 as never,
          label: 1 as never,
          frame: 0,
          group: 0,
          source: 'manual',
          attributes: {},
        },
      ],
      meta: {},
    };
    const out = await labelmeCodec.export(doc);
    expect(out.dropped).to.deep.equal([
      {
        what: 'points shapes',
        count: 1,
        reason: 'LabelMe 3.0 holds boxes, polygons and masks only',
      },
      { what: 'tags', count: 1, reason: 'LabelMe 3.0 has no tags or tracks' },
    ]);
  });
});
