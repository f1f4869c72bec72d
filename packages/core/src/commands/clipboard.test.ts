import { expect } from 'chai';
import type { ShapeObject, TagObject } from '../model/records.js';
import { copyObjects, paste, propagate } from './clipboard.js';
import {
  A,
  type L,
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

describe('copyObjects and paste', () => {
  it('copies shapes, tags and a track position as plain records and pastes them with new ids', () => {
    const doc = testDoc([
      shape(1, 2, rect(0, 0), { attributes: { [A.color]: 'blue' }, score: 0.5, source: 'auto' }),
      tag(2, 2, { attributes: { [A.weather]: 'rain' } }),
      track(3, [kf(0, rect(0, 0), { attributes: { [A.speed]: '4' } }), kf(4, rect(40, 0))], {
        attributes: { [A.color]: 'blue' },
      }),
    ]);
    const clip = copyObjects(doc, [oid(1), oid(2), oid(3)], 2);
    expect(JSON.parse(JSON.stringify(clip))).to.deep.equal(clip);
    expect(clip.map((r) => r.kind)).to.deep.equal(['shape', 'tag', 'shape']);
    const fromTrack = clip[2] as Omit<ShapeObject, 'id'>;
    expect(fromTrack.geometry).to.deep.equal(rect(20, 0));
    expect(fromTrack.attributes).to.deep.equal({ [A.color]: 'blue', [A.speed]: '4' });
    const tr = run(paste(clip, 9, { dx: 5, dy: -1 }), doc);
    const added = tr.change.added as (ShapeObject | TagObject)[];
    expect(added).to.have.length(3);
    expect(new Set(added.map((o) => o.id)).size).to.equal(3);
    for (const o of added) expect([1, 2, 3]).to.not.include(o.id);
    expect(added.map((o) => o.frame)).to.deep.equal([9, 9, 9]);
    expect((added[0] as ShapeObject).geometry).to.deep.equal(rect(5, -1));
    expect((added[0] as ShapeObject).score).to.equal(0.5);
    expect((added[1] as TagObject).attributes).to.deep.equal({ [A.weather]: 'rain' });
    expect((added[2] as ShapeObject).geometry).to.deep.equal(rect(25, -1));
    expect(doc.objects()).to.have.length(6);
  });

  it('copy throws for missing ids and outside tracks; paste of nothing is false', () => {
    const doc = testDoc([track(3, [kf(5, rect(0, 0))])]);
    expectCode(() => copyObjects(doc, [oid(8)], 0), 'unknown-object');
    expectCode(() => copyObjects(doc, [oid(3)], 2), 'unsupported');
    expect(paste([], 0)(stateOf(doc))).to.equal(false);
    const clip = copyObjects(doc, [oid(3)], 6);
    expectCode(() => paste(clip, 20)(stateOf(doc)), 'frame-range');
    expectCode(() => paste(clip, 0, { dx: NaN, dy: 0 })(stateOf(doc)), 'not-finite');
    expectCode(
      () => paste([{ ...clip[0]!, label: 42 as typeof L.car }], 0)(stateOf(doc)),
      'unknown-label',
    );
  });
});

describe('propagate', () => {
  it('copies a shape onto every frame of the range, skipping frames outside the media', () => {
    const doc = testDoc([shape(1, 17, rect(1, 1), { zOrder: 2 })]);
    const tr = run(propagate(oid(1), 17, 25), doc);
    const added = tr.change.added as ShapeObject[];
    expect(added.map((s) => s.frame)).to.deep.equal([18, 19]);
    for (const s of added) {
      expect(s.geometry).to.deep.equal(rect(1, 1));
      expect(s.zOrder).to.equal(2);
    }
  });

  it('copies a track position backwards as shapes', () => {
    const doc = testDoc([track(1, [kf(0, rect(0, 0)), kf(10, rect(100, 0))])]);
    const tr = run(propagate(oid(1), 5, 2), doc);
    const added = tr.change.added as ShapeObject[];
    expect(added.map((s) => [s.kind, s.frame])).to.deep.equal([
      ['shape', 2],
      ['shape', 3],
      ['shape', 4],
    ]);
    expect(added[0]!.geometry).to.deep.equal(rect(50, 0));
  });

  it('is false for an empty range, another frame or an outside track', () => {
    const doc = testDoc([shape(1, 19, rect(0, 0)), track(2, [kf(3, rect(0, 0))])]);
    expect(propagate(oid(1), 19, 19)(stateOf(doc))).to.equal(false);
    expect(propagate(oid(1), 19, 40)(stateOf(doc))).to.equal(false);
    expect(propagate(oid(1), 18, 10)(stateOf(doc))).to.equal(false);
    expect(propagate(oid(2), 1, 5)(stateOf(doc))).to.equal(false);
    expect(propagate(oid(2), 3, 5)(stateOf(doc))).to.equal(true);
    expectCode(() => propagate(oid(1), 19, 2.5)(stateOf(doc)), 'invalid-type');
  });
});
