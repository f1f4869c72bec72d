import { expect } from 'chai';
import fc from 'fast-check';
import { maskArea, objectId, polygonToMask, shapeDefinition } from '@annotkit/core';
import type { AnnotationObject, Geometry, PolygonGeometry } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, polygon, shape, testDoc } from '../../testing/testDoc.js';
import { joinGeometry } from './join.js';
import { createJoinTool } from './joinTool.js';

const square = (x: number, y: number, s: number): Geometry =>
  polygon(x, y, x + s, y, x + s, y + s, x, y + s);
const polygonArea = (g: Geometry): number => shapeDefinition('polygon').area(g as PolygonGeometry);
const only = (t: TestCanvas): AnnotationObject => {
  const all = t.doc.objects();
  expect(all).to.have.length(1);
  return all[0];
};
const geometryOf = (o: AnnotationObject): Geometry => {
  if (o.kind !== 'shape') throw new Error('expected a shape');
  return o.geometry;
};

describe('join tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('joins two overlapping polygons into their union: one transaction, one undo step', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, square(100, 100, 100), { zOrder: 2 }),
        shape(2, CAR, square(150, 150, 100), { zOrder: 5, attributes: {} }),
      ]),
      tool: createJoinTool(),
    });
    t.click(110, 110)
      .expectToolState('collecting')
      .expectSelection([objectId(1)]);
    t.click(240, 240).expectSelection([objectId(1), objectId(2)]);
    t.key('Enter').expectToolState('idle');
    const joined = only(t);
    expect(joined.id).to.equal(3);
    expect(polygonArea(geometryOf(joined))).to.be.closeTo(10000 + 10000 - 2500, 1e-6);
    // Attributes from the first picked, the highest zOrder.
    t.expectObjects([
      { label: CAR, zOrder: 5, attributes: shape(1, CAR, square(0, 0, 1)).attributes },
    ]);
    t.expectSelection([objectId(3)]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo().expectObjects([
      { id: objectId(1), geometry: square(100, 100, 100) },
      { id: objectId(2), geometry: square(150, 150, 100) },
    ]);
    t.redo();
    expect(polygonArea(geometryOf(only(t)))).to.be.closeTo(17500, 1e-6);
  });

  it('refuses a union that is not connected (stays collecting), Escape cancels', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, square(0, 0, 50)), shape(2, CAR, square(300, 300, 50))]),
      tool: createJoinTool(),
    });
    t.click(10, 10).click(310, 310).key('Enter').expectToolState('collecting');
    expect(t.doc.objects()).to.have.length(2);
    expect(t.history.state().undoDepth).to.equal(0);
    t.key('Escape').expectToolState('idle').expectSelection([]);
  });

  it('ignores objects of another label and toggles a picked one off', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, square(0, 0, 50)),
        shape(2, PERSON, square(40, 0, 50)),
        shape(3, CAR, square(45, 40, 50)),
      ]),
      tool: createJoinTool(),
    });
    t.click(10, 10)
      .click(80, 20)
      .expectSelection([objectId(1)]);
    t.click(80, 80).expectSelection([objectId(1), objectId(3)]);
    t.click(80, 80).expectSelection([objectId(1)]);
    t.click(10, 10).expectToolState('idle').expectSelection([]);
  });

  it('joins masks (and a polygon) by bitmap union; disconnected masks are fine', () => {
    const a = polygonToMask([0, 0, 40, 0, 40, 40, 0, 40]);
    const b = polygonToMask([30, 30, 70, 30, 70, 70, 30, 70]);
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, a), shape(2, CAR, b), shape(3, CAR, square(200, 200, 20))]),
      tool: createJoinTool(),
    });
    t.click(5, 5).click(65, 65).click(210, 210).doubleClick(210, 210);
    // The double-click's clicks toggled object 3 off and on again; the dblclick joined.
    const g = geometryOf(only(t));
    expect(g.type).to.equal('mask');
    if (g.type !== 'mask') return;
    expect(maskArea(g)).to.equal(1600 + 1600 - 100 + 400);
    expect([g.left, g.top, g.right, g.bottom]).to.deep.equal([0, 0, 219, 219]);
    t.undo();
    expect(t.doc.objects()).to.have.length(3);
  });

  it('union area of two overlapping axis-aligned squares is a + b − overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (x, y, s1, s2) => {
          const a = square(0, 0, s1);
          const b = square(x, y, s2);
          const ox = Math.max(0, Math.min(s1, x + s2) - Math.max(0, x));
          const oy = Math.max(0, Math.min(s1, y + s2) - Math.max(0, y));
          const r = joinGeometry([a, b]);
          if (ox > 0 && oy > 0) {
            expect('geometry' in r && polygonArea(r.geometry)).to.be.closeTo(
              s1 * s1 + s2 * s2 - ox * oy,
              1e-6,
            );
          } else if (ox === 0 && oy === 0 && (x > s1 || y > s1)) {
            expect(r).to.deep.equal({ refused: 'disconnected' });
          }
        },
      ),
    );
  });

  it('refuses a union with a hole', () => {
    // Four bars around a hole in the middle.
    const r = joinGeometry([
      polygon(0, 0, 30, 0, 30, 10, 0, 10),
      polygon(20, 0, 30, 0, 30, 30, 20, 30),
      polygon(0, 20, 30, 20, 30, 30, 0, 30),
      polygon(0, 0, 10, 0, 10, 30, 0, 30),
    ]);
    expect(r).to.deep.equal({ refused: 'holes' });
  });
});
