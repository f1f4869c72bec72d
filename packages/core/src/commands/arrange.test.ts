import { expect } from 'chai';
import type { ShapeObject, TrackObject } from '../model/records.js';
import { frameState } from '../queries/frameState.js';
import { group, ungroup, zOrder } from './arrange.js';
import { expectCode, kf, oid, rect, run, shape, stateOf, tag, testDoc, track } from './testDoc.js';

describe('group and ungroup', () => {
  it('assigns max + 1 as the new group, and ungroup resets to 0', () => {
    const doc = testDoc([
      shape(1, 0, rect(0, 0), { group: 4 }),
      shape(2, 0, rect(0, 0)),
      track(3, [kf(0, rect(0, 0))]),
    ]);
    run(group([oid(2), oid(3)]), doc);
    expect((doc.object(oid(2)) as ShapeObject).group).to.equal(5);
    expect((doc.object(oid(3)) as TrackObject).group).to.equal(5);
    run(ungroup([oid(1), oid(2)]), doc);
    expect(doc.objects().map((o) => o.group)).to.deep.equal([0, 0, 5]);
  });

  it('group needs two objects; ungroup needs a grouped one', () => {
    const doc = testDoc([shape(1, 0, rect(0, 0)), shape(2, 0, rect(0, 0))]);
    expect(group([oid(1)])(stateOf(doc))).to.equal(false);
    expect(group([oid(1), oid(7)])(stateOf(doc))).to.equal(false);
    expect(ungroup([oid(1), oid(2)])(stateOf(doc))).to.equal(false);
    expect(group([oid(1), oid(2)])(stateOf(doc))).to.equal(true);
  });
});

describe('zOrder', () => {
  const layers = (doc: ReturnType<typeof testDoc>, frame: number): number[][] =>
    frameState(doc, frame).objects.map((o) => [o.id, o.zOrder]);

  it('moves objects forward and backward by one layer in one change', () => {
    const doc = testDoc([shape(1, 0, rect(0, 0)), shape(2, 0, rect(0, 0), { zOrder: 1 })]);
    const tr = run(zOrder([oid(1), oid(2)], 'forward', 0), doc);
    expect(tr.change.updated).to.have.length(2);
    expect(layers(doc, 0)).to.deep.equal([
      [1, 1],
      [2, 2],
    ]);
    run(zOrder([oid(2)], 'backward', 0), doc);
    expect(layers(doc, 0)).to.deep.equal([
      [1, 1],
      [2, 1],
    ]);
  });

  it('brings to front and sends to back keeping the selection order; tracks get a keyframe', () => {
    const doc = testDoc([
      shape(1, 5, rect(0, 0), { zOrder: 3 }),
      shape(2, 5, rect(0, 0), { zOrder: -1 }),
      shape(3, 5, rect(0, 0), { zOrder: 0 }),
      track(4, [kf(0, rect(0, 0), { zOrder: 1 })]),
      shape(5, 6, rect(0, 0), { zOrder: 100 }),
    ]);
    run(zOrder([oid(4), oid(2)], 'front', 5), doc);
    expect(layers(doc, 5)).to.deep.equal([
      [3, 0],
      [1, 3],
      [2, 4],
      [4, 5],
    ]);
    const t = doc.object(oid(4)) as TrackObject;
    expect(t.keyframes.map((k) => [k.frame, k.zOrder])).to.deep.equal([
      [0, 1],
      [5, 5],
    ]);
    expect(zOrder([oid(4), oid(2)], 'front', 5)(stateOf(doc))).to.equal(false);
    run(zOrder([oid(1)], 'back', 5), doc);
    expect(layers(doc, 5)[0]).to.deep.equal([1, -1]);
  });

  it('is false for objects not drawn on the frame and throws on a bad frame', () => {
    const doc = testDoc([shape(1, 5, rect(0, 0)), tag(2, 5), track(3, [kf(7, rect(0, 0))])]);
    expect(zOrder([oid(1)], 'forward', 4)(stateOf(doc))).to.equal(false);
    expect(zOrder([oid(2)], 'forward', 5)(stateOf(doc))).to.equal(false);
    expect(zOrder([oid(3)], 'forward', 5)(stateOf(doc))).to.equal(false);
    expect(zOrder([oid(1)], 'front', 5)(stateOf(doc))).to.equal(false);
    expect(zOrder([], 'forward', 5)(stateOf(doc))).to.equal(false);
    expectCode(() => zOrder([oid(1)], 'forward', 99)(stateOf(doc)), 'frame-range');
  });
});
