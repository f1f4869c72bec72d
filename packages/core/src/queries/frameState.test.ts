import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '../errors.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import { createDocument } from '../document/createDocument.js';
import type { AnnotationDocument } from '../document/types.js';
import { commandFromSeed, commandSeedArbitrary } from '../commands/randomCommands.js';
import { runCommand } from '../commands/run.js';
import { removeObjects, updateGeometry } from '../commands/objects.js';
import { setOutside } from '../commands/keyframes.js';
import { A, L, kf, oid, rect, shape, stateOf, tag, testDoc, track } from '../commands/testDoc.js';
import { frameState, resolveFrameUncached } from './frameState.js';

const summary = (doc: AnnotationDocument, frame: number, includeOutside = false) =>
  frameState(doc, frame, { includeOutside }).objects.map((o) => [o.id, o.kind, o.outside]);

function expectSameAsUncached(doc: AnnotationDocument): void {
  for (let f = 0; f < doc.media.frames.length; f++) {
    for (const includeOutside of [false, true]) {
      expect(frameState(doc, f, { includeOutside }), `frame ${f}`).to.deep.equal(
        resolveFrameUncached(doc, f, { includeOutside }),
      );
    }
  }
}

describe('frameState', () => {
  it('resolves shapes, tags and tracks of a frame, sorted by zOrder then id', () => {
    const doc = testDoc([
      shape(7, 3, rect(0, 0), { zOrder: 2, score: 0.25, source: 'auto' }),
      shape(2, 3, rect(0, 0), { zOrder: 2 }),
      shape(3, 4, rect(0, 0)),
      tag(5, 3, { attributes: { [A.weather]: 'rain' } }),
      track(
        9,
        [kf(0, rect(0, 0), { zOrder: -1, attributes: { [A.speed]: '3' } }), kf(10, rect(100, 0))],
        { attributes: { [A.color]: 'blue' }, group: 6 },
      ),
    ]);
    const state = frameState(doc, 3);
    expect(state.frame).to.equal(3);
    expect(state.objects.map((o) => o.id)).to.deep.equal([9, 5, 2, 7]);
    const [t, g, , s] = state.objects;
    expect(t).to.deep.equal({
      id: 9,
      kind: 'track',
      label: L.car,
      frame: 3,
      geometry: rect(30, 0),
      outside: false,
      occluded: false,
      zOrder: -1,
      attributes: { [A.color]: 'blue', [A.speed]: '3' },
      keyframe: false,
      group: 6,
      source: 'manual',
    });
    expect(g!.geometry).to.equal(undefined);
    expect(g!.attributes).to.deep.equal({ [A.weather]: 'rain' });
    expect(s!.score).to.equal(0.25);
    expect(s!.keyframe).to.equal(true);
    expect(frameState(doc, 10).objects[0]!.keyframe).to.equal(true);
  });

  it('omits outside tracks unless includeOutside is set', () => {
    const doc = testDoc([
      track(1, [kf(5, rect(0, 0)), kf(8, rect(0, 0), { outside: true })]),
      shape(2, 2, rect(0, 0)),
    ]);
    expect(summary(doc, 2)).to.deep.equal([[2, 'shape', false]]);
    expect(summary(doc, 2, true)).to.deep.equal([
      [1, 'track', true],
      [2, 'shape', false],
    ]);
    expect(summary(doc, 6)).to.deep.equal([[1, 'track', false]]);
    expect(summary(doc, 9)).to.deep.equal([]);
    expect(summary(doc, 9, true)).to.deep.equal([[1, 'track', true]]);
  });

  it('throws frame-range outside the media', () => {
    const doc = testDoc();
    for (const f of [-1, 20, 1.5, NaN]) {
      expect(() => frameState(doc, f))
        .to.throw()
        .that.satisfies((e: unknown) => isAnnotkitError(e, 'frame-range'));
    }
  });

  it('reflects every edit, and keeps cached frames that an edit does not touch', () => {
    const doc = testDoc([
      shape(1, 2, rect(0, 0)),
      shape(2, 6, rect(0, 0)),
      track(3, [kf(4, rect(0, 0)), kf(8, rect(80, 0))]),
    ]);
    // The frame cache keeps the two most recent frames.
    const f2 = frameState(doc, 2);
    expect(frameState(doc, 2)).to.equal(f2);
    const f3 = frameState(doc, 3);
    frameState(doc, 6);
    // A track change invalidates frames from its first keyframe (4) on, not frame 3.
    runCommand(setOutside(oid(3), 6, true), stateOf(doc));
    expect(frameState(doc, 3)).to.equal(f3);
    const f6 = frameState(doc, 6);
    // A shape change invalidates its own frame only.
    runCommand(updateGeometry(oid(1), 2, rect(5, 5)), stateOf(doc));
    expect(frameState(doc, 6)).to.equal(f6);
    expect(frameState(doc, 2).objects[0]!.geometry).to.deep.equal(rect(5, 5));
    expect(summary(doc, 6)).to.deep.equal([[2, 'shape', false]]);
    expect(summary(doc, 5)).to.deep.equal([[3, 'track', false]]);
    runCommand(removeObjects([oid(2)]), stateOf(doc));
    expect(summary(doc, 6)).to.deep.equal([]);
    doc.transact((tx) => tx.add(shape(10, 6, rect(1, 1))));
    expect(summary(doc, 6)).to.deep.equal([[10, 'shape', false]]);
    expectSameAsUncached(doc);
  });

  it('keeps documents apart', () => {
    const a = testDoc([shape(1, 0, rect(0, 0))]);
    const b = testDoc([shape(1, 0, rect(9, 9))]);
    expect(frameState(a, 0).objects[0]!.geometry).to.deep.equal(rect(0, 0));
    expect(frameState(b, 0).objects[0]!.geometry).to.deep.equal(rect(9, 9));
    runCommand(removeObjects([oid(1)]), stateOf(a));
    expect(frameState(a, 0).objects).to.have.length(0);
    expect(frameState(b, 0).objects).to.have.length(1);
  });

  it('agrees with resolveFrameUncached on random documents', () => {
    fc.assert(
      fc.property(documentDataArbitrary({ maxFrames: 8, maxObjects: 12 }), (data) => {
        expectSameAsUncached(createDocument(data));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with resolveFrameUncached after random edits (cache warm between edits)', () => {
    fc.assert(
      fc.property(
        documentDataArbitrary({ maxFrames: 6, maxObjects: 8 }),
        fc.array(commandSeedArbitrary(), { minLength: 1, maxLength: 30 }),
        (data, seeds) => {
          const doc = createDocument(data);
          expectSameAsUncached(doc);
          for (const seed of seeds) {
            const cmd = commandFromSeed(doc, seed);
            if (!cmd) continue;
            try {
              runCommand(cmd, stateOf(doc));
            } catch (e) {
              if (!isAnnotkitError(e, 'merge-overlap')) throw e;
            }
            expectSameAsUncached(doc);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
