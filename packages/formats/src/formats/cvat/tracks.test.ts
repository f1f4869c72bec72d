import { expect } from 'chai';
import { labelId, objectId, resolveTrack } from '@annotkit/core';
import type { DocumentData, Geometry, TrackObject } from '@annotkit/core';
import { fmt2 } from '../../util/labels.js';
import { parseXml, xmlAttr, xmlChildren } from '../../util/xml.js';
import { cvatImagesCodec, cvatVideoCodec } from './codec.js';

const kf = (frame: number, geometry: Geometry, outside = false) => ({
  frame,
  geometry,
  outside,
  occluded: false,
  zOrder: 0,
  attributes: {},
});

/** A polygon track whose vertex count changes (CVAT's polyshape matching) and a rotating box. */
function videoDoc(): DocumentData {
  const poly: TrackObject = {
    kind: 'track',
    id: objectId(1),
    label: labelId(1),
    attributes: {},
    group: 0,
    source: 'manual',
    keyframes: [
      kf(1, { type: 'polygon', points: [10, 10, 40, 10, 40, 30, 10, 30] }),
      kf(7, { type: 'polygon', points: [20, 12, 45, 15, 50, 30, 35, 40, 22, 35, 18, 25] }),
      kf(9, { type: 'polygon', points: [20, 12, 45, 15, 50, 30] }, true),
      kf(12, { type: 'polygon', points: [5, 5, 15, 5, 15, 15] }),
    ],
  };
  const box: TrackObject = {
    kind: 'track',
    id: objectId(2),
    label: labelId(1),
    attributes: {},
    group: 0,
    source: 'manual',
    keyframes: [
      kf(0, { type: 'rectangle', points: [0, 0, 10, 10], rotation: 350 }),
      kf(10, { type: 'rectangle', points: [20, 20, 40, 30], rotation: 20 }),
    ],
  };
  return {
    schemaVersion: 1,
    media: {
      kind: 'video',
      frames: Array.from({ length: 15 }, (_, i) => ({
        name: `frame_${String(i).padStart(6, '0')}`,
        width: 64,
        height: 48,
      })),
    },
    labels: [
      {
        kind: 'label',
        id: labelId(1),
        name: 'thing',
        color: '#ff0000',
        type: 'any',
        attributes: [],
      },
    ],
    objects: [poly, box],
    meta: {},
  };
}

function expectedPoints(g: Geometry): string {
  if (g.type === 'polygon') {
    const out: string[] = [];
    for (let i = 0; i < g.points.length; i += 2)
      out.push(`${fmt2(g.points[i])},${fmt2(g.points[i + 1])}`);
    return out.join(';');
  }
  if (g.type === 'rectangle')
    return `${g.points.map(fmt2).join(' ')} r${g.rotation === 0 ? '' : fmt2(g.rotation)}`;
  throw new Error(g.type);
}

describe('CVAT for video export writes every track frame as core resolves it', () => {
  it('interpolated rows equal resolveTrack, outside runs are omitted', async () => {
    const doc = videoDoc();
    const xml = (await cvatVideoCodec.export(doc)).tree.get('annotations.xml') as string;
    const root = parseXml(xml, 'annotations');
    const tracks = xmlChildren(root, 'track');
    expect(tracks).to.have.length(2);
    doc.objects.forEach((o, i) => {
      const track = o as TrackObject;
      const tag = track.keyframes[0].geometry.type === 'polygon' ? 'polygon' : 'box';
      const rows = xmlChildren(tracks[i], tag);
      const frames: number[] = [];
      for (const r of rows) {
        const frame = Number(xmlAttr(r, 'frame'));
        frames.push(frame);
        const s = resolveTrack(track, frame);
        expect(xmlAttr(r, 'keyframe'), `frame ${frame}`).to.equal(s.keyframe ? '1' : '0');
        expect(xmlAttr(r, 'outside'), `frame ${frame}`).to.equal(s.outside ? '1' : '0');
        const got =
          tag === 'polygon'
            ? xmlAttr(r, 'points')
            : `${['xtl', 'ytl', 'xbr', 'ybr'].map((k) => xmlAttr(r, k)).join(' ')} r${xmlAttr(r, 'rotation') ?? ''}`;
        expect(got, `frame ${frame}`).to.equal(expectedPoints(s.geometry));
      }
      // Every frame from the first keyframe on where the track is visible, plus outside keyframes.
      const want: number[] = [];
      for (let f = track.keyframes[0].frame; f < 15; f++) {
        const s = resolveTrack(track, f);
        if (!s.outside || s.keyframe) want.push(f);
      }
      expect(frames).to.deep.equal(want);
    });
    // The polygon changes vertex count between keyframes 1 and 7: frame 4 is CVAT's polyshape
    // interpolation, not a held copy of the left keyframe.
    const mid = resolveTrack(doc.objects[0] as TrackObject, 4).geometry;
    expect(mid.type === 'polygon' && mid.points.join()).to.not.equal('10,10,40,10,40,30,10,30');
    // The box turns from 350° to 20° through 0° (shortest arc): 5° at frame 5.
    expect(xml).to.include('<box frame="5" keyframe="0" outside="0" occluded="0"');
    expect(xml).to.match(/<box frame="5" [^>]*rotation="5.00"/);
  });

  it('CVAT for images writes the visible frames of tracks at the same positions', async () => {
    const doc = videoDoc();
    const xml = (await cvatImagesCodec.export(doc)).tree.get('annotations.xml') as string;
    const images = xmlChildren(parseXml(xml, 'annotations'), 'image');
    const track = doc.objects[0] as TrackObject;
    for (const f of [1, 4, 7, 8, 9, 10, 12, 14]) {
      const s = resolveTrack(track, f);
      const polys = xmlChildren(images[f], 'polygon');
      if (s.outside) expect(polys, `frame ${f}`).to.have.length(0);
      else expect(xmlAttr(polys[0], 'points'), `frame ${f}`).to.equal(expectedPoints(s.geometry));
    }
  });
});
