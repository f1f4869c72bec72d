import { expect } from 'chai';
import type { Geometry, ShapeObject, TrackObject } from '../model/records.js';
import { frameState } from '../queries/frameState.js';
import type { ResolvedObject } from '../queries/types.js';
import { mergeIntoTrack, shapeToTrack, splitTrack, trackToShapes } from './tracks.js';
import {
  A,
  L,
  expectCode,
  kf,
  mask,
  oid,
  rect,
  run,
  shape,
  stateOf,
  tag,
  testDoc,
  track,
} from './testDoc.js';

const only = <T>(xs: readonly T[]): T => {
  expect(xs).to.have.length(1);
  return xs[0]!;
};

const numbers = (g: Geometry | undefined): number[] =>
  g && 'points' in g
    ? [...g.points]
    : g
      ? Object.values(g).filter((v) => typeof v === 'number')
      : [];

describe('mergeIntoTrack', () => {
  it('turns shapes into keyframes with an outside keyframe after each, unless occupied', () => {
    const doc = testDoc([
      shape(1, 2, rect(0, 0), { attributes: { [A.color]: 'blue', [A.speed]: '10' } }),
      shape(2, 3, rect(10, 0), { attributes: { [A.speed]: '20' }, zOrder: 4 }),
      shape(3, 7, rect(20, 0), { occluded: true }),
    ]);
    const tr = run(mergeIntoTrack([oid(1), oid(2), oid(3)]), doc);
    expect(tr.change.removed.map((r) => r.id).sort()).to.deep.equal([1, 2, 3]);
    const t = only(tr.change.added) as TrackObject;
    expect(doc.objects()).to.have.length(1);
    expect(t.kind).to.equal('track');
    expect(t.attributes).to.deep.equal({ [A.color]: 'blue' });
    expect(t.keyframes).to.deep.equal([
      kf(2, rect(0, 0), { attributes: { [A.speed]: '10' } }),
      kf(3, rect(10, 0), { attributes: { [A.speed]: '20' }, zOrder: 4 }),
      kf(4, rect(10, 0), { attributes: { [A.speed]: '20' }, zOrder: 4, outside: true }),
      kf(7, rect(20, 0), { occluded: true }),
      kf(8, rect(20, 0), { occluded: true, outside: true }),
    ]);
  });

  it('merges tracks and shapes and keeps what each showed on every frame', () => {
    const a = track(1, [
      kf(0, rect(0, 0)),
      kf(4, rect(40, 0)),
      kf(6, rect(40, 0), { outside: true }),
    ]);
    const b = track(2, [kf(5, rect(0, 0), { outside: true }), kf(9, rect(90, 0))]);
    const c = shape(3, 7, rect(70, 70));
    const doc = testDoc([a, b, c]);
    const before = Array.from({ length: 20 }, (_, f) => frameState(doc, f).objects);
    run(mergeIntoTrack([oid(1), oid(2), oid(3)]), doc);
    for (let f = 0; f < 20; f++) {
      const was = before[f]!;
      const now = frameState(doc, f).objects;
      expect(now.length, `frame ${f}`).to.equal(was.length);
      if (was.length === 1) {
        expect(numbers(now[0]!.geometry), `frame ${f}`).to.deep.equal(numbers(was[0]!.geometry));
      }
    }
  });

  it('throws merge-overlap for two visible objects on one frame (false without dispatch)', () => {
    const doc = testDoc([
      track(1, [kf(0, rect(0, 0)), kf(10, rect(100, 0))]),
      shape(2, 5, rect(0, 0)),
      shape(3, 12, rect(0, 0)),
      shape(4, 12, rect(5, 5)),
    ]);
    expect(mergeIntoTrack([oid(1), oid(2)])(stateOf(doc))).to.equal(false);
    expectCode(() => run(mergeIntoTrack([oid(1), oid(2)]), doc), 'merge-overlap');
    expectCode(() => run(mergeIntoTrack([oid(3), oid(4)]), doc), 'merge-overlap');
    expect(doc.objects()).to.have.length(4);
  });

  it('rejects mixed labels, mixed types, tags and single objects', () => {
    const doc = testDoc([
      shape(1, 0, rect(0, 0)),
      shape(2, 1, rect(0, 0), { label: L.bike }),
      shape(3, 2, rect(0, 0), { label: L.any }),
      shape(4, 3, { type: 'points', points: [1, 1] }, { label: L.any }),
      tag(5, 4),
      tag(6, 5),
    ]);
    expect(mergeIntoTrack([oid(1), oid(2)])(stateOf(doc))).to.equal(false);
    expect(mergeIntoTrack([oid(3), oid(4)])(stateOf(doc))).to.equal(false);
    expect(mergeIntoTrack([oid(5), oid(6)])(stateOf(doc))).to.equal(false);
    expect(mergeIntoTrack([oid(1)])(stateOf(doc))).to.equal(false);
    expect(mergeIntoTrack([oid(1), oid(1)])(stateOf(doc))).to.equal(false);
    expect(mergeIntoTrack([oid(1), oid(9)])(stateOf(doc))).to.equal(false);
  });

  it('merges masks into a mask track', () => {
    const doc = testDoc([
      shape(1, 0, mask(0, 0), { label: L.seg }),
      shape(2, 1, mask(5, 5), { label: L.seg }),
    ]);
    const tr = run(mergeIntoTrack([oid(1), oid(2)]), doc);
    const t = only(tr.change.added) as TrackObject;
    expect(t.keyframes.map((k) => [k.frame, k.outside])).to.deep.equal([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });
});

describe('splitTrack', () => {
  const resolved = (o: ResolvedObject | undefined): unknown =>
    o && {
      geometry: numbers(o.geometry),
      occluded: o.occluded,
      zOrder: o.zOrder,
      attributes: o.attributes,
    };

  it('ends the earlier part with an outside copy and starts the later part at the frame', () => {
    const original = track(
      1,
      [
        kf(0, rect(0, 0), { attributes: { [A.speed]: '1' } }),
        kf(8, rect(80, 40), { zOrder: 3, attributes: { [A.speed]: '2' } }),
        kf(16, rect(0, 0), { occluded: true }),
      ],
      { attributes: { [A.color]: 'blue' }, group: 2 },
    );
    const doc = testDoc([original]);
    const before = Array.from({ length: 20 }, (_, f) => only(frameState(doc, f).objects));
    const tr = run(splitTrack(oid(1), 11), doc);
    const later = only(tr.change.added) as TrackObject;
    const earlier = doc.object(oid(1)) as TrackObject;
    expect(earlier.keyframes.map((k) => [k.frame, k.outside])).to.deep.equal([
      [0, false],
      [8, false],
      [11, true],
    ]);
    expect(later.keyframes.map((k) => [k.frame, k.outside])).to.deep.equal([
      [11, false],
      [16, false],
    ]);
    expect(later.attributes).to.deep.equal(original.attributes);
    expect(later.group).to.equal(2);
    for (let f = 0; f < 20; f++) {
      const objs = frameState(doc, f).objects;
      const o = only(objs);
      expect(o.id, `frame ${f}`).to.equal(f < 11 ? 1 : later.id);
      const want = before[f]!;
      expect(resolved({ ...o, geometry: undefined }), `frame ${f}`).to.deep.equal(
        resolved({ ...want, geometry: undefined }),
      );
      const got = numbers(o.geometry);
      numbers(want.geometry).forEach((v, i) => expect(got[i]).to.be.closeTo(v, 1e-9));
    }
  });

  it('is false at or before the first keyframe, where the track is outside, and for shapes', () => {
    const doc = testDoc([
      track(1, [kf(2, rect(0, 0)), kf(5, rect(0, 0), { outside: true })]),
      shape(2, 0, rect(0, 0)),
    ]);
    expect(splitTrack(oid(1), 2)(stateOf(doc))).to.equal(false);
    expect(splitTrack(oid(1), 1)(stateOf(doc))).to.equal(false);
    expect(splitTrack(oid(1), 6)(stateOf(doc))).to.equal(false);
    expect(splitTrack(oid(1), 3)(stateOf(doc))).to.equal(true);
    expect(splitTrack(oid(2), 3)(stateOf(doc))).to.equal(false);
    expectCode(() => splitTrack(oid(1), 30)(stateOf(doc)), 'frame-range');
  });
});

describe('shapeToTrack and trackToShapes', () => {
  it('converts a shape into a one-keyframe track, attributes split by mutability', () => {
    const doc = testDoc([
      shape(1, 4, rect(1, 2), { attributes: { [A.color]: 'blue', [A.speed]: '3' }, zOrder: 2 }),
    ]);
    const tr = run(shapeToTrack(oid(1)), doc);
    const t = only(tr.change.added) as TrackObject;
    expect(t.attributes).to.deep.equal({ [A.color]: 'blue' });
    expect(t.keyframes).to.deep.equal([
      kf(4, rect(1, 2), { attributes: { [A.speed]: '3' }, zOrder: 2 }),
    ]);
    expect(doc.object(oid(1))).to.equal(undefined);
    expect(shapeToTrack(t.id)(stateOf(doc))).to.equal(false);
  });

  it('converts a track into one shape per visible keyframe', () => {
    const doc = testDoc([
      track(
        1,
        [
          kf(1, rect(0, 0), { attributes: { [A.speed]: '5' } }),
          kf(3, rect(9, 9), { outside: true }),
          kf(6, rect(3, 3), { occluded: true, attributes: { [A.speed]: '6' } }),
        ],
        { attributes: { [A.color]: 'blue' } },
      ),
    ]);
    const tr = run(trackToShapes(oid(1)), doc);
    const shapes = tr.change.added as ShapeObject[];
    expect(shapes.map((s) => [s.frame, s.occluded, s.attributes])).to.deep.equal([
      [1, false, { [A.color]: 'blue', [A.speed]: '5' }],
      [6, true, { [A.color]: 'blue', [A.speed]: '6' }],
    ]);
    expect(doc.objects()).to.have.length(2);
    expect(trackToShapes(shapes[0]!.id)(stateOf(doc))).to.equal(false);
  });

  it('trackToShapes is false for a track that is never visible', () => {
    const doc = testDoc([track(1, [kf(1, rect(0, 0), { outside: true })])]);
    expect(trackToShapes(oid(1))(stateOf(doc))).to.equal(false);
  });
});
