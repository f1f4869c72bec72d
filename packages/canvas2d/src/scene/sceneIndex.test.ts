import { expect } from 'chai';
import fc from 'fast-check';
import { objectId } from '@annotkit/core';
import type { ShapeObject } from '@annotkit/core';
import { CAR, PERSON, polygon, rect, shape, testDoc, track } from '../testing/testDoc.js';
import { createSceneIndex } from './sceneIndex.js';

describe('scene index and hit testing', () => {
  it('picks the smallest area among overlapping hits (small box inside a big one)', () => {
    const doc = testDoc([
      shape(1, CAR, rect(0, 0, 500, 500)),
      shape(2, CAR, rect(100, 100, 150, 150)),
    ]);
    const index = createSceneIndex();
    index.load(doc, 0);
    expect(index.hitTest(120, 120)).to.equal(objectId(2));
    expect(index.hitTest(300, 300)).to.equal(objectId(1));
    expect(index.hitTest(600, 600)).to.equal(undefined);
  });

  it('uses the exact shape distance, not just the bounds', () => {
    // A triangle: its bounding box contains (90, 10), the triangle does not.
    const doc = testDoc([shape(1, CAR, polygon(0, 0, 100, 100, 0, 100))]);
    const index = createSceneIndex();
    index.load(doc, 0);
    expect(index.hitTest(10, 90)).to.equal(objectId(1));
    expect(index.hitTest(90, 10)).to.equal(undefined);
    // …unless the tolerance reaches the hypotenuse (distance ≈ 56.6 px).
    expect(index.hitTest(90, 10, { tolerance: 57 })).to.equal(objectId(1));
  });

  it('ignores hidden objects and, unless asked, locked ones', () => {
    const doc = testDoc([
      shape(1, CAR, rect(0, 0, 500, 500)),
      shape(2, CAR, rect(100, 100, 150, 150)),
    ]);
    const index = createSceneIndex();
    index.load(doc, 0);
    index.hidden.add(objectId(2));
    expect(index.hitTest(120, 120)).to.equal(objectId(1));
    index.locked.add(objectId(1));
    expect(index.hitTest(120, 120)).to.equal(undefined);
    expect(index.hitTest(120, 120, { includeLocked: true })).to.equal(objectId(1));
    expect(index.inside({ minX: -1, minY: -1, maxX: 600, maxY: 600 })).to.deep.equal([]);
  });

  it('only indexes objects visible on the frame, tracks interpolated', () => {
    const doc = testDoc([
      shape(1, CAR, rect(0, 0, 10, 10), { frame: 3 }),
      track(2, rect(0, 0, 100, 100), rect(100, 0, 200, 100)),
    ]);
    const index = createSceneIndex();
    index.load(doc, 5);
    expect(index.size).to.equal(1);
    const t = index.get(objectId(2));
    expect(t?.minX).to.be.closeTo(50, 1e-9);
    expect(t?.maxX).to.be.closeTo(150, 1e-9);
    index.load(doc, 3);
    expect(index.size).to.equal(2);
    // Back to a frame without the shape: it leaves the index, the track is re-resolved.
    index.load(doc, 5);
    expect(index.size).to.equal(1);
    expect(index.get(objectId(1))).to.equal(undefined);
    expect(index.all().map((it) => it.shape.id)).to.deep.equal([objectId(2)]);
    expect(index.get(objectId(2))?.minX).to.be.closeTo(50, 1e-9);
    expect(index.hitTest(5, 5)).to.equal(undefined);
    index.load(null, 5);
    expect(index.size).to.equal(0);
  });

  it('applies document changes incrementally and reports what changed', () => {
    const doc = testDoc([shape(1, CAR, rect(0, 0, 10, 10)), shape(2, CAR, rect(50, 50, 60, 60))]);
    const index = createSceneIndex();
    index.load(doc, 0);
    const seen: unknown[] = [];
    doc.subscribe((e) => seen.push(index.applyChange(e, 0)));
    doc.transact((tx) => {
      const o = tx.object(objectId(1)) as ShapeObject;
      tx.put({ ...o, geometry: rect(200, 200, 220, 220) });
    });
    expect(seen.pop()).to.deep.equal([objectId(1)]);
    expect(index.hitTest(5, 5)).to.equal(undefined);
    expect(index.hitTest(210, 210)).to.equal(objectId(1));
    doc.transact((tx) => tx.remove({ kind: 'shape', id: objectId(2) }));
    expect(seen.pop()).to.deep.equal([objectId(2)]);
    expect(index.size).to.equal(1);
    // A shape added on another frame does not touch this frame.
    doc.transact((tx) => tx.add(shape(3, PERSON, rect(0, 0, 5, 5), { frame: 4 })));
    expect(seen.pop()).to.deep.equal([]);
    expect(index.size).to.equal(1);
  });

  it('agrees with a linear scan on random boxes (property)', () => {
    const box = fc
      .tuple(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
      )
      .map(([x, y, w, h]) => rect(x, y, x + w, y + h));
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 800 }),
        (boxes, px, py) => {
          const doc = testDoc(boxes.map((g, i) => shape(i + 1, CAR, g)));
          const index = createSceneIndex();
          index.load(doc, 0);
          // Linear scan: among boxes containing the point, the smallest area, then the higher id.
          let best: { id: number; area: number } | undefined;
          boxes.forEach((g, i) => {
            const [x1, y1, x2, y2] = (g as { readonly points: readonly number[] }).points;
            if (px < x1 || px > x2 || py < y1 || py > y2) return;
            const area = (x2 - x1) * (y2 - y1);
            if (!best || area < best.area || (area === best.area && i + 1 > best.id))
              best = { id: i + 1, area };
          });
          expect(index.hitTest(px, py)).to.equal(best ? objectId(best.id) : undefined);
        },
      ),
      { numRuns: 100 },
    );
  });
});
