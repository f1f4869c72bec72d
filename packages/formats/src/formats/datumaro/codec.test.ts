import { expect } from 'chai';
import type { DocumentData, ShapeObject } from '@annotkit/core';
import { isAnnotkitError } from '@annotkit/core';
import { treeFromMap } from '../../tree/memory.js';
import { fixtureTree } from '../../util/testFixtures.js';
import { cvatImagesCodec } from '../cvat/codec.js';
import { datumaroCodec } from './codec.js';

const ROOT = 'datumaro/cvat-ai-datumaro';
const kindOf = (o: DocumentData['objects'][number]) =>
  o.kind === 'shape'
    ? o.geometry.type
    : o.kind === 'track'
      ? `track:${o.keyframes[0].geometry.type}`
      : 'tag';
function countBy(d: DocumentData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of d.objects) out[kindOf(o)] = (out[kindOf(o)] ?? 0) + 1;
  return out;
}

describe('Datumaro 1.0', () => {
  it('imports "diverse" (4 subsets) with exact counts', async () => {
    const tree = await fixtureTree(`${ROOT}/diverse`, [
      'annotations/default.json',
      'annotations/test.json',
      'annotations/train.json',
      'annotations/val.json',
      'images/train/100.jpg',
    ]);
    expect(await datumaroCodec.detect(tree)).to.be.greaterThan(0.9);
    const { document: d, warnings } = await datumaroCodec.import(tree);
    expect(d.media.frames.map((f) => f.name)).to.deep.equal([
      '42',
      '43.qq',
      '1',
      '42',
      '100.jpg',
      '21',
      '2',
    ]);
    expect(d.media.frames[1]).to.include({ width: 4, height: 2 });
    expect(d.media.frames[4]).to.include({ width: 6, height: 10 });
    expect(d.meta.subsets).to.deep.equal([
      'default',
      'default',
      'test',
      'test',
      'train',
      'train',
      'val',
    ]);
    expect(d.labels.map((l) => l.name)).to.deep.equal([
      'cat0',
      'cat1',
      'cat2',
      'cat3',
      'cat4',
      'unlabeled',
      'label_5',
    ]);
    expect(countBy(d)).to.deep.equal({
      cuboid3d: 1,
      tag: 2,
      rectangle: 3,
      points: 1,
      mask: 1,
      polyline: 1,
      polygon: 1,
    });
    const mask = d.objects.find(
      (o) => o.kind === 'shape' && o.geometry.type === 'mask',
    ) as ShapeObject;
    expect(mask.geometry).to.deep.equal({
      type: 'mask',
      rle: [0, 6],
      left: 0,
      top: 0,
      right: 2,
      bottom: 1,
    });
    const box = d.objects.find(
      (o) => o.kind === 'shape' && o.geometry.type === 'rectangle',
    ) as ShapeObject;
    expect(box.geometry).to.deep.equal({ type: 'rectangle', points: [1, 2, 4, 6], rotation: 0 });
    expect(box.zOrder).to.equal(1);
    expect(warnings.find((w) => w.code === 'unsupported-annotation')?.count).to.equal(3);
    const again = await datumaroCodec.import(treeFromMap((await datumaroCodec.export(d)).tree));
    expect(again.document).to.deep.equal(d);
  });

  it('imports a skeleton with element order, edges and per-point attributes', async () => {
    const tree = await fixtureTree(`${ROOT}/with_skeleton`, [
      'annotations/default.json',
      'images/default/100.jpg',
    ]);
    const { document: d } = await datumaroCodec.import(tree);
    const sk = d.labels[0];
    expect(sk.type).to.equal('skeleton');
    expect(sk.sublabels?.map((s) => s.name)).to.deep.equal([
      'point1-label',
      'point3-label',
      'point2-label',
    ]);
    const name = (id: number) => sk.sublabels?.find((s) => s.id === id)?.name;
    expect(sk.edges?.map(([a, b]) => [name(a), name(b)])).to.deep.equal([
      ['point3-label', 'point2-label'],
      ['point1-label', 'point3-label'],
    ]);
    const g = (d.objects[0] as ShapeObject).geometry as Extract<
      ShapeObject['geometry'],
      { type: 'skeleton' }
    >;
    expect(g.elements.map((e) => [e.x, e.y, e.outside])).to.deep.equal([
      [0.9, 3.53, false],
      [2.45, 7.6, false],
      [5.2, 2.5, false],
    ]);
    const cb = sk.sublabels?.[1].attributes[0];
    expect(cb).to.include({ name: 'point3-attribute-checkbox', inputType: 'checkbox' });
    expect(g.elements[1].attributes[cb?.id as number]).to.equal('true');
    const again = await datumaroCodec.import(treeFromMap((await datumaroCodec.export(d)).tree));
    expect(again.document).to.deep.equal(d);
  });

  it('imports a point-cloud dataset with a 3D cuboid', async () => {
    const tree = await fixtureTree(`${ROOT}/with_pcd`, ['annotations/default.json']);
    const { document: d } = await datumaroCodec.import(tree);
    expect(d.media.kind).to.equal('pointcloud');
    expect(d.media.frames.length).to.equal(3);
    expect((d.objects[0] as ShapeObject).geometry).to.deep.equal({
      type: 'cuboid3d',
      position: [0.84, -0.22, 0.64],
      rotation: [0, 0, 0],
      scale: [1, 1, 1],
    });
  });

  it('CVAT XML → Datumaro → CVAT XML keeps shapes, labels and attributes', async () => {
    const cvat = (
      await cvatImagesCodec.import(
        await fixtureTree('cvat_for_images/cvat-ai-datumaro/for_images', ['train.xml']),
      )
    ).document;
    const dm = await datumaroCodec.export(cvat);
    expect(dm.dropped).to.deep.equal([]);
    const back = (await datumaroCodec.import(treeFromMap(dm.tree))).document;
    const xml = await cvatImagesCodec.export(back);
    const final = (await cvatImagesCodec.import(treeFromMap(xml.tree))).document;
    const view = (d: DocumentData) =>
      d.objects.map((o) => {
        const l = d.labels.find((x) => x.id === o.label);
        const attrs = Object.entries(o.attributes).map(([k, v]) => [
          l?.attributes.find((a) => a.id === Number(k))?.name,
          v,
        ]);
        if (o.kind !== 'shape') return [o.kind, l?.name, attrs];
        const g =
          o.geometry.type === 'skeleton'
            ? o.geometry.elements.map((e) => [
                l?.sublabels?.find((s) => s.id === e.label)?.name,
                e.x,
                e.y,
                e.outside,
                e.occluded,
              ])
            : o.geometry;
        return [o.frame, l?.name, g, o.occluded, o.zOrder, o.group, attrs.sort()];
      });
    expect(view(final)).to.deep.equal(view(cvat));
    expect(final.media).to.deep.equal(cvat.media);
  });

  it('drops __proto__ keys and rejects malformed JSON with a line', async () => {
    const evil =
      '{"categories":{"label":{"labels":[{"name":"a","parent":"","attributes":[]}]}},"items":[{"id":"x","annotations":[{"id":0,"type":"label","label_id":0,"group":0,"attributes":{"__proto__":{"polluted":1}}}]}],"__proto__":{"polluted":1}}';
    const { document: d, warnings } = await datumaroCodec.import(
      treeFromMap({ 'annotations/default.json': evil }),
    );
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(d.objects.length).to.equal(1);
    expect(d.labels[0].attributes.length).to.equal(0);
    expect(warnings.find((w) => w.code === 'forbidden-key')?.count).to.equal(2);
    try {
      await datumaroCodec.import(
        treeFromMap({ 'annotations/default.json': '{"categories": {},\n "items": [,]}' }),
      );
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as { line?: number }).line).to.equal(2);
    }
  });
});
