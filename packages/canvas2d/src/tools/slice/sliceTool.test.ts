import { expect } from 'chai';
import fc from 'fast-check';
import { maskArea, polygonToMask, shapeDefinition } from '@annotkit/core';
import type { Geometry, PolygonGeometry } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, polygon, shape, testDoc } from '../../testing/testDoc.js';
import { sliceGeometry } from './slice.js';
import { createSliceTool } from './sliceTool.js';

const square = (x: number, y: number, s: number): Geometry =>
  polygon(x, y, x + s, y, x + s, y + s, x, y + s);
const area = (g: Geometry): number =>
  g.type === 'mask' ? maskArea(g) : shapeDefinition('polygon').area(g as PolygonGeometry);
const geometries = (t: TestCanvas): Geometry[] =>
  t.doc.objects().map((o) => (o.kind === 'shape' ? o.geometry : polygon()));

describe('slice tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('cuts a polygon in two with a drawn line: one transaction, one undo step', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, square(100, 100, 100), { zOrder: 3 })]),
      tool: createSliceTool(),
    });
    t.click(150, 150).expectToolState('cutting');
    t.click(150, 50).click(150, 250).key('Enter').expectToolState('idle');
    const gs = geometries(t);
    expect(gs).to.have.length(2);
    expect(gs.map(area).sort()).to.deep.equal([5000, 5000]);
    t.expectObjects([
      { id: 2 as never, label: CAR, zOrder: 3 },
      { id: 3 as never, label: CAR, zOrder: 3 },
    ]);
    expect(t.canvas.selection).to.have.length(2);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo().expectObjects([{ geometry: square(100, 100, 100) }]);
    t.redo();
    expect(geometries(t).map(area)).to.deep.equal([5000, 5000]);
  });

  it('a line that misses the object is refused; Backspace and Escape work', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, square(100, 100, 100))]),
      tool: createSliceTool(),
    });
    t.click(150, 150).click(300, 50).click(300, 250).key('Enter').expectToolState('cutting');
    expect(t.doc.objects()).to.have.length(1);
    // Replace the last vertex so the line crosses: a diagonal cut.
    t.key('Backspace').key('Backspace').click(50, 50).doubleClick(250, 250);
    expect(geometries(t).map(area).sort()).to.deep.equal([5000, 5000]);
    t.click(120, 180).expectToolState('cutting').key('Escape').expectToolState('idle');
    expect(t.doc.objects()).to.have.length(2);
  });

  it('cuts a mask along pixel centres into two masks', () => {
    const m = polygonToMask([100, 100, 200, 100, 200, 200, 100, 200]);
    t = createTestCanvas({ document: testDoc([shape(1, CAR, m)]), tool: createSliceTool() });
    t.click(150, 150).click(130, 50).click(130, 250).key('Enter');
    const gs = geometries(t);
    expect(gs.map((g) => g.type)).to.deep.equal(['mask', 'mask']);
    expect(gs.map(area).sort((a, b) => a - b)).to.deep.equal([3000, 7000]);
    t.undo().expectObjects([{ geometry: m }]);
  });

  it('pieces of a convex polygon add up to its area (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: -50, max: 150 }),
        (y0, y1, x) => {
          const g = square(0, 0, 100);
          const pieces = sliceGeometry(g, [x, y0 - 200, x + 1, y1 + 200]);
          const crosses = x > 0 && x + 1 < 100;
          if (crosses) {
            expect(pieces).to.have.length(2);
            const sum = (pieces ?? []).reduce((s, p) => s + area(p), 0);
            expect(sum).to.be.closeTo(10000, 1e-6);
          } else if (x + 1 < 0 || x > 100) {
            expect(pieces).to.equal(undefined);
          }
        },
      ),
    );
  });
});
