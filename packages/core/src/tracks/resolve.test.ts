import { expect } from 'chai';
import { AnnotkitError } from '../errors.js';
import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type { Geometry, Keyframe, TrackObject } from '../model/records.js';
import { createTrackResolver, resolveTrack } from './index.js';

const box = (x: number, rotation = 0): Geometry => ({
  type: 'rectangle',
  points: [x, 0, x + 10, 10],
  rotation,
});

function kf(frame: number, x: number, extra: Partial<Keyframe> = {}): Keyframe {
  return {
    frame,
    geometry: box(x),
    outside: false,
    occluded: false,
    zOrder: 0,
    attributes: {},
    ...extra,
  };
}

function track(keyframes: Keyframe[], attributes = {}): TrackObject {
  return {
    kind: 'track',
    id: 1 as ObjectId,
    label: 1 as LabelId,
    attributes,
    group: 0,
    source: 'manual',
    keyframes,
  };
}

const A = 10 as AttributeId; // immutable
const M = 11 as AttributeId; // mutable

describe('resolveTrack', () => {
  const t = track(
    [
      kf(10, 0, { occluded: true, zOrder: 2, attributes: { [M]: 'a' } }),
      kf(20, 100, { attributes: { [M]: 'b' } }),
      kf(30, 200, { outside: true, zOrder: 5 }),
      kf(40, 300),
    ],
    { [A]: 'fixed' },
  );

  it('before the first keyframe: outside, with the first keyframe geometry', () => {
    const r = resolveTrack(t, 3);
    expect(r.outside).to.equal(true);
    expect(r.keyframe).to.equal(false);
    expect(r.geometry).to.equal(t.keyframes[0].geometry);
    expect(r.attributes).to.deep.equal({ [A]: 'fixed', [M]: 'a' });
  });

  it('on a keyframe: that keyframe', () => {
    const r = resolveTrack(t, 20);
    expect(r).to.deep.equal({
      geometry: t.keyframes[1].geometry,
      outside: false,
      occluded: false,
      zOrder: 0,
      attributes: { [A]: 'fixed', [M]: 'b' },
      keyframe: true,
    });
    expect(r.geometry).to.equal(t.keyframes[1].geometry);
  });

  it('between keyframes: geometry interpolated, the rest held from the left', () => {
    const r = resolveTrack(t, 15);
    expect(r.geometry).to.deep.equal(box(50));
    expect(r.occluded).to.equal(true);
    expect(r.zOrder).to.equal(2);
    expect(r.outside).to.equal(false);
    expect(r.keyframe).to.equal(false);
    expect(r.attributes).to.deep.equal({ [A]: 'fixed', [M]: 'a' });
    expect(resolveTrack(t, 12).geometry).to.deep.equal(box(20));
  });

  it('after an outside keyframe: outside, geometry held until the next keyframe', () => {
    const r = resolveTrack(t, 35);
    expect(r.outside).to.equal(true);
    expect(r.zOrder).to.equal(5);
    expect(r.geometry).to.equal(t.keyframes[2].geometry);
    // A mutable attribute missing from keyframe 30 keeps its latest earlier value (CVAT).
    expect(r.attributes).to.deep.equal({ [A]: 'fixed', [M]: 'b' });
    // Back in view on the next keyframe.
    expect(resolveTrack(t, 40).outside).to.equal(false);
  });

  it('after the last keyframe: the last keyframe held', () => {
    const r = resolveTrack(t, 1000);
    expect(r.geometry).to.equal(t.keyframes[3].geometry);
    expect(r.outside).to.equal(false);
    expect(r.keyframe).to.equal(false);
  });

  it('a single-keyframe track is outside before and held after', () => {
    const one = track([kf(5, 7)]);
    expect(resolveTrack(one, 4).outside).to.equal(true);
    expect(resolveTrack(one, 5).keyframe).to.equal(true);
    expect(resolveTrack(one, 6).geometry).to.equal(one.keyframes[0].geometry);
  });

  it('rejects tracks without keyframes and with mixed shape types', () => {
    expect(() => resolveTrack(track([]), 0)).to.throw(AnnotkitError);
    const mixed = track([kf(0, 0), { ...kf(10, 0), geometry: { type: 'points', points: [1, 1] } }]);
    let caught: unknown;
    try {
      resolveTrack(mixed, 5);
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(AnnotkitError);
    expect((caught as AnnotkitError).code).to.equal('keyframes');
  });

  it('passes interpolation options through (alignStart)', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    const poly = track([
      { ...kf(0, 0), geometry: { type: 'polygon', points: square } },
      { ...kf(10, 0), geometry: { type: 'polygon', points: [10, 10, 0, 10, 0, 0, 10, 0] } },
    ]);
    const aligned = resolveTrack(poly, 5, { interpolate: { alignStart: true } });
    expect(aligned.geometry).to.deep.equal({ type: 'polygon', points: square });
    expect(resolveTrack(poly, 5).geometry).not.to.deep.equal({ type: 'polygon', points: square });
  });
});

describe('createTrackResolver', () => {
  const t = track([kf(0, 0, { attributes: { [M]: 'x' } }), kf(10, 100), kf(20, 0)]);

  it('gives the same answers as resolveTrack on every frame', () => {
    const resolver = createTrackResolver();
    for (let f = -3; f < 25; f++) {
      expect(resolver.resolve(t, f), `frame ${f}`).to.deep.equal(resolveTrack(t, f));
    }
  });

  it('reuses prepared values for the same record and recomputes for an edited record', () => {
    const resolver = createTrackResolver();
    const first = resolver.resolve(t, 5);
    // The attributes in effect from keyframe 0 are prepared once and shared.
    expect(resolver.resolve(t, 6).attributes).to.equal(first.attributes);
    expect(resolveTrack(t, 6).attributes).not.to.equal(first.attributes);
    // An edit is a new record: the cache of the old one does not apply.
    const edited: TrackObject = { ...t, keyframes: [kf(0, 0), kf(10, 200), kf(20, 0)] };
    expect(resolver.resolve(edited, 5).geometry).to.deep.equal(box(100));
    expect(resolver.resolve(t, 5).geometry).to.deep.equal(box(50));
  });

  it('keeps separate caches per resolver', () => {
    const a = createTrackResolver();
    const b = createTrackResolver({ interpolate: { alignStart: true } });
    expect(a.resolve(t, 5).attributes).not.to.equal(b.resolve(t, 5).attributes);
    expect(a.resolve(t, 5)).to.deep.equal(b.resolve(t, 5));
  });
});
