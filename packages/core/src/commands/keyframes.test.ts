import { expect } from 'chai';
import type { ShapeObject, TrackObject } from '../model/records.js';
import { setOccluded, setOutside, toggleKeyframe } from './keyframes.js';
import {
  A,
  expectCode,
  kf,
  oid,
  rect,
  run,
  shape,
  stateOf,
  tag,
  testDoc,
  track,
} from './testDoc.js';

const frames = (t: TrackObject): number[] => t.keyframes.map((k) => k.frame);

describe('toggleKeyframe', () => {
  it('adds a keyframe with the resolved state and removes it again', () => {
    const doc = testDoc([
      track(1, [kf(0, rect(0, 0), { attributes: { [A.speed]: '7' } }), kf(10, rect(100, 0))], {
        source: 'auto',
      }),
    ]);
    run(toggleKeyframe(oid(1), 5), doc);
    let t = doc.object(oid(1)) as TrackObject;
    expect(frames(t)).to.deep.equal([0, 5, 10]);
    expect(t.keyframes[1]).to.deep.equal(kf(5, rect(50, 0), { attributes: { [A.speed]: '7' } }));
    expect(t.source).to.equal('semi-auto');
    run(toggleKeyframe(oid(1), 5), doc);
    t = doc.object(oid(1)) as TrackObject;
    expect(frames(t)).to.deep.equal([0, 10]);
  });

  it('cannot remove the last keyframe and does not apply to shapes', () => {
    const doc = testDoc([track(1, [kf(3, rect(0, 0))]), shape(2, 3, rect(0, 0))]);
    expect(toggleKeyframe(oid(1), 3)(stateOf(doc))).to.equal(false);
    expect(toggleKeyframe(oid(1), 4)(stateOf(doc))).to.equal(true);
    expect(toggleKeyframe(oid(2), 3)(stateOf(doc))).to.equal(false);
    expect(toggleKeyframe(oid(9), 3)(stateOf(doc))).to.equal(false);
    expectCode(() => toggleKeyframe(oid(1), 1.5)(stateOf(doc)), 'frame-range');
  });

  it('a keyframe before the first one is an outside keyframe', () => {
    const doc = testDoc([track(1, [kf(3, rect(0, 0))])]);
    run(toggleKeyframe(oid(1), 1), doc);
    const t = doc.object(oid(1)) as TrackObject;
    expect(frames(t)).to.deep.equal([1, 3]);
    expect(t.keyframes[0]!.outside).to.equal(true);
  });
});

describe('setOutside', () => {
  it('hides a track from a frame on, creating a keyframe there, and shows it again', () => {
    const doc = testDoc([track(1, [kf(0, rect(0, 0)), kf(10, rect(100, 0))])]);
    run(setOutside(oid(1), 4, true), doc);
    let t = doc.object(oid(1)) as TrackObject;
    expect(frames(t)).to.deep.equal([0, 4, 10]);
    expect(t.keyframes[1]!.outside).to.equal(true);
    expect(t.keyframes[1]!.geometry).to.deep.equal(rect(40, 0));
    expect(setOutside(oid(1), 6, true)(stateOf(doc))).to.equal(false);
    run(setOutside(oid(1), 4, false), doc);
    t = doc.object(oid(1)) as TrackObject;
    expect(t.keyframes[1]!.outside).to.equal(false);
  });

  it('is false for shapes and tags (they have no outside state)', () => {
    const doc = testDoc([shape(1, 0, rect(0, 0)), tag(2, 0)]);
    expect(setOutside(oid(1), 0, true)(stateOf(doc))).to.equal(false);
    expect(setOutside(oid(2), 0, true)(stateOf(doc))).to.equal(false);
  });
});

describe('setOccluded', () => {
  it('sets a shape occluded on its frame only', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0))]);
    expect(setOccluded(oid(1), 3, true)(stateOf(doc))).to.equal(false);
    run(setOccluded(oid(1), 2, true), doc);
    expect((doc.object(oid(1)) as ShapeObject).occluded).to.equal(true);
    expect(setOccluded(oid(1), 2, true)(stateOf(doc))).to.equal(false);
  });

  it('on a track creates a keyframe holding occluded until the next keyframe', () => {
    const doc = testDoc([track(1, [kf(0, rect(0, 0)), kf(10, rect(100, 0))])]);
    run(setOccluded(oid(1), 3, true), doc);
    const t = doc.object(oid(1)) as TrackObject;
    expect(frames(t)).to.deep.equal([0, 3, 10]);
    expect(t.keyframes.map((k) => k.occluded)).to.deep.equal([false, true, false]);
    expect(setOccluded(oid(1), 5, true)(stateOf(doc))).to.equal(false);
  });
});
