import { expect } from 'chai';
import type { AnnotationDocument } from '../document/types.js';
import { createHistory } from '../history/createHistory.js';
import type { AnnotationObject } from '../model/records.js';
import { group, ungroup, zOrder } from './arrange.js';
import { copyObjects, paste, propagate } from './clipboard.js';
import { setOccluded, setOutside, toggleKeyframe } from './keyframes.js';
import {
  changeLabel,
  createObject,
  removeObjects,
  setAttribute,
  updateGeometry,
} from './objects.js';
import { runCommand } from './run.js';
import { mergeIntoTrack, shapeToTrack, splitTrack, trackToShapes } from './tracks.js';
import type { Command } from './types.js';
import { A, L, kf, oid, rect, shape, stateOf, tag, testDoc, track } from './testDoc.js';

const objects = (): AnnotationObject[] => [
  shape(1, 2, rect(0, 0), { attributes: { [A.color]: 'blue' } }),
  shape(2, 3, rect(10, 0), { group: 3 }),
  track(3, [kf(0, rect(0, 0)), kf(10, rect(100, 0))]),
  tag(4, 2),
  shape(5, 8, rect(0, 0), { zOrder: 1 }),
];

const snapshot = (doc: AnnotationDocument): AnnotationObject[] =>
  [...doc.objects()].sort((a, b) => a.id - b.id);

const cases: [string, (doc: AnnotationDocument) => Command][] = [
  [
    'createObject',
    () =>
      createObject({
        kind: 'tag',
        label: L.scene,
        attributes: {},
        group: 0,
        source: 'manual',
        frame: 1,
      }),
  ],
  ['updateGeometry (shape)', () => updateGeometry(oid(1), 2, rect(4, 4))],
  ['updateGeometry (track)', () => updateGeometry(oid(3), 5, rect(4, 4))],
  ['removeObjects', () => removeObjects([oid(1), oid(3), oid(4)])],
  ['changeLabel', () => changeLabel([oid(1), oid(3)], L.bike)],
  ['setAttribute', () => setAttribute(oid(3), A.speed, '12', 4)],
  ['toggleKeyframe', () => toggleKeyframe(oid(3), 7)],
  ['setOutside', () => setOutside(oid(3), 7, true)],
  ['setOccluded', () => setOccluded(oid(1), 2, true)],
  ['mergeIntoTrack', () => mergeIntoTrack([oid(1), oid(2), oid(5)])],
  ['splitTrack', () => splitTrack(oid(3), 4)],
  ['group', () => group([oid(1), oid(3)])],
  ['ungroup', () => ungroup([oid(2)])],
  ['zOrder', () => zOrder([oid(3)], 'front', 8)],
  ['paste', (doc) => paste(copyObjects(doc, [oid(1), oid(3), oid(4)], 2), 9, { dx: 1, dy: 1 })],
  ['propagate', () => propagate(oid(3), 2, 6)],
  ['shapeToTrack', () => shapeToTrack(oid(1))],
  ['trackToShapes', () => trackToShapes(oid(3))],
];

describe('commands and history', () => {
  for (const [name, make] of cases) {
    it(`${name} is one undo step that undoes and redoes exactly`, () => {
      const doc = testDoc(objects());
      const history = createHistory(doc);
      const before = snapshot(doc);
      expect(runCommand(make(doc), stateOf(doc))).to.equal(true);
      const after = snapshot(doc);
      expect(after).to.not.deep.equal(before);
      expect(history.state().undoDepth).to.equal(1);
      expect(history.undo()).to.equal(true);
      expect(snapshot(doc)).to.deep.equal(before);
      expect(history.state().undoDepth).to.equal(0);
      expect(history.redo()).to.equal(true);
      expect(snapshot(doc)).to.deep.equal(after);
      history.destroy();
    });
  }

  it('runCommand hands the transaction to a custom dispatch (controlled mode)', () => {
    const doc = testDoc(objects());
    let seen = 0;
    const ok = runCommand(removeObjects([oid(1)]), stateOf(doc), (tr) => {
      seen++;
      expect(tr.change.removed.map((r) => r.id)).to.deep.equal([1]);
    });
    expect(ok).to.equal(true);
    expect(seen).to.equal(1);
    expect(doc.object(oid(1))).to.not.equal(undefined);
  });
});
