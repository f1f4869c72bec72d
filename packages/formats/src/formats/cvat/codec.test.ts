import { expect } from 'chai';
import type { DocumentData, ShapeObject, TrackObject } from '@annotkit/core';
import { isAnnotkitError } from '@annotkit/core';
import { treeFromMap } from '../../tree/memory.js';
import { fixtureTree } from '../../util/testFixtures.js';
import { cvatImagesCodec, cvatVideoCodec } from './codec.js';

const IMAGES = 'cvat_for_images/cvat-ai-datumaro/for_images';
const VIDEO = 'cvat_for_video/cvat-ai-datumaro/for_video';

function countBy<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}
const shapeType = (o: DocumentData['objects'][number]) =>
  o.kind === 'shape'
    ? o.geometry.type
    : o.kind === 'track'
      ? `track:${o.keyframes[0].geometry.type}`
      : 'tag';
const labelName = (d: DocumentData, id: number) => d.labels.find((l) => l.id === id)?.name;

describe('CVAT for images 1.1', () => {
  it('imports the fixture with exact counts and coordinates', async () => {
    const tree = await fixtureTree(IMAGES, ['train.xml', 'images/img0.jpg', 'images/img1.jpg']);
    expect(await cvatImagesCodec.detect(tree)).to.be.greaterThan(0.9);
    expect(await cvatVideoCodec.detect(tree)).to.be.lessThan(0.9);
    const { document: d, warnings } = await cvatImagesCodec.import(tree);
    expect(d.media.kind).to.equal('images');
    expect(d.media.frames).to.deep.equal([
      { name: 'img0.jpg', width: 8, height: 8 },
      { name: 'img1.jpg', width: 10, height: 10 },
    ]);
    expect(d.labels.map((l) => l.name)).to.deep.equal([
      'label1',
      'label2',
      'skeleton',
      'unlabeled',
    ]);
    const skel = d.labels[2];
    expect(skel.type).to.equal('skeleton');
    expect(skel.sublabels?.map((s) => s.name)).to.deep.equal(['1', '2', '3', '4']);
    expect(skel.edges?.map(([a, b]) => [labelName2(skel, a), labelName2(skel, b)])).to.deep.equal([
      ['3', '2'],
      ['1', '4'],
    ]);
    expect(d.labels[0].attributes.map((a) => [a.name, a.inputType])).to.deep.equal([
      ['a1', 'checkbox'],
      ['a2', 'radio'],
      ['a3', 'text'],
      ['a4', 'text'],
    ]);
    expect(countBy(d.objects, shapeType)).to.deep.equal({
      rectangle: 1,
      polyline: 1,
      skeleton: 2,
      polygon: 1,
      points: 1,
    });
    const box = d.objects.find(
      (o) => o.kind === 'shape' && o.geometry.type === 'rectangle',
    ) as ShapeObject;
    expect(box.geometry).to.deep.equal({ type: 'rectangle', points: [0, 2, 4, 4], rotation: 0 });
    expect(box.occluded).to.equal(true);
    expect(box.zOrder).to.equal(1);
    const a2 = d.labels[0].attributes[1];
    expect(box.attributes[a2.id]).to.equal('v3');
    const sk = d.objects.filter(
      (o) => o.kind === 'shape' && o.geometry.type === 'skeleton',
    ) as ShapeObject[];
    const g0 = sk[0].geometry as Extract<ShapeObject['geometry'], { type: 'skeleton' }>;
    expect(g0.elements.map((e) => [e.x, e.y, e.outside])).to.deep.equal([
      [1, 1, true],
      [2, 2, false],
      [3, 3, false],
      [4, 4, false],
    ]);
    expect(warnings.map((w) => w.code)).to.include('label-missing');
  });

  it('round-trips import → export → import', async () => {
    const tree = await fixtureTree(IMAGES, ['train.xml']);
    const a = (await cvatImagesCodec.import(tree)).document;
    const out = await cvatImagesCodec.export(a);
    expect(out.dropped).to.deep.equal([]);
    const xml = out.tree.get('annotations.xml') as string;
    expect(xml).to.match(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<annotations>\n {2}<version>1.1<\/version>/,
    );
    expect(xml).to.include(
      '<box label="label1" source="manual" occluded="1" xtl="0.00" ytl="2.00" xbr="4.00" ybr="4.00" z_order="1">',
    );
    const b = (await cvatImagesCodec.import(treeFromMap(out.tree))).document;
    expect(b).to.deep.equal(a);
  });
});

function labelName2(l: DocumentData['labels'][number], id: number): string | undefined {
  return l.sublabels?.find((s) => s.id === id)?.name;
}

describe('CVAT for video 1.1', () => {
  it('imports the fixture keeping only keyframes', async () => {
    const tree = await fixtureTree(VIDEO, [
      'annotations.xml',
      'images/frame_000010.png',
      'images/frame_000013.png',
    ]);
    expect(await cvatVideoCodec.detect(tree)).to.be.greaterThan(0.9);
    expect(await cvatImagesCodec.detect(tree)).to.be.lessThan(0.9);
    const { document: d } = await cvatVideoCodec.import(tree);
    expect(d.media.kind).to.equal('video');
    expect(d.media.frames.map((f) => f.name)).to.deep.equal([
      'frame_000010',
      'frame_000013',
      'frame_000016',
      'frame_000019',
    ]);
    expect(d.media.frames[0]).to.include({ width: 25, height: 20 });
    expect(d.labels.map((l) => l.name)).to.deep.equal(['klhg', 'z U k', 'II', 'skeleton']);
    expect(d.labels[0].attributes[0]).to.include({
      name: 'hgl',
      inputType: 'select',
      mutable: true,
    });
    expect(d.labels[0].attributes[0].values).to.deep.equal(['jk', 'hgkf']);
    const tracks = d.objects as TrackObject[];
    expect(
      tracks.map((t) => [labelName(d, t.label), t.keyframes.map((k) => k.frame)]),
    ).to.deep.equal([
      ['II', [0, 1, 2]],
      ['klhg', [0, 1]],
      ['II', [1, 2]],
      ['skeleton', [0, 1]],
    ]);
    expect(tracks[0].keyframes[0].geometry).to.deep.equal({
      type: 'rectangle',
      points: [3, 4, 10, 5],
      rotation: 0,
    });
    expect(tracks[0].keyframes[0].occluded).to.equal(true);
    expect(tracks[0].keyframes[1].outside).to.equal(true);
    const hgl = d.labels[0].attributes[0].id;
    expect(tracks[1].keyframes.map((k) => k.attributes[hgl])).to.deep.equal(['hgkf', 'jk']);
    const sk = tracks[3].keyframes[1].geometry as Extract<
      ShapeObject['geometry'],
      { type: 'skeleton' }
    >;
    expect(sk.elements.map((e) => e.outside)).to.deep.equal([false, false, true, false]);
    expect(sk.elements[0]).to.include({ x: 48.8, y: 111.77 });
  });

  it('round-trips import → export → import, writing interpolated frames with keyframe="0"', async () => {
    const tree = await fixtureTree(VIDEO, ['annotations.xml']);
    const a = (await cvatVideoCodec.import(tree)).document;
    const out = await cvatVideoCodec.export(a);
    const xml = out.tree.get('annotations.xml') as string;
    expect(xml).to.include('<frame_filter>step=3</frame_filter>');
    expect(xml).to.include(
      '<skeleton frame="19" keyframe="0" outside="0" occluded="0" z_order="0">',
    );
    const b = (await cvatVideoCodec.import(treeFromMap(out.tree))).document;
    expect(b).to.deep.equal(a);
  });
});

describe('CVAT XML safety', () => {
  it('rejects entity declarations (billion laughs) with a typed error', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<annotations><version>1.1</version><image id="0" name="&lol2;" width="1" height="1"/></annotations>';
    try {
      await cvatImagesCodec.import(treeFromMap({ 'annotations.xml': bomb }));
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as Error).message).to.include('annotations.xml');
    }
  });

  it('names file and line for malformed XML', async () => {
    const bad =
      '<annotations>\n<version>1.1</version>\n<image id="0" name="a" width="1" height="1">\n</annotations>';
    try {
      await cvatImagesCodec.import(treeFromMap({ 'annotations.xml': bad }));
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as { line?: number }).line).to.be.a('number');
    }
  });

  it('names the path of a bad number', async () => {
    const bad =
      '<annotations><version>1.1</version><image id="0" name="a" width="4" height="4"><box label="x" xtl="a" ytl="0" xbr="1" ybr="1"/></image></annotations>';
    try {
      await cvatImagesCodec.import(treeFromMap({ 'annotations.xml': bad }));
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse')).to.equal(true);
      expect((e as { path: unknown[] }).path).to.deep.equal([
        'annotations',
        'image',
        0,
        'box',
        0,
        'xtl',
      ]);
    }
  });
});
