import { expect } from 'chai';
import fc from 'fast-check';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, polygon, rect, shape, testDoc } from '../../testing/testDoc.js';
import { createEditTool } from './editTool.js';

const TRI_POINTS = [100, 100, 200, 100, 200, 200];
const TRI = polygon(...TRI_POINTS);

/** A canvas with a triangle (id 1) selected under the edit tool. */
function triangle(extra: Parameters<typeof testDoc>[0] = [], snapRadius = 0): TestCanvas {
  const t = createTestCanvas({
    document: testDoc([shape(1, CAR, TRI), ...extra]),
    tool: createEditTool({ snapRadius }),
  });
  return t.click(180, 120).expectSelection([1 as never]);
}

describe('edit tool: vertex editing (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('draws vertex and midpoint handles as circles on the interactive layer', () => {
    t = triangle();
    t.canvas.flush();
    const stage = t.canvas.stage;
    expect(stage.find('.handle-vertex')).to.have.length(3);
    expect(stage.find('.handle-midpoint')).to.have.length(3);
    expect(stage.find('.handle-vertex')[0].getClassName()).to.equal('Circle');
  });

  it('drags a vertex: one transaction at pointer-up, undo/redo', () => {
    t = triangle();
    t.pointerDown(200, 100).pointerMove(220, 90).expectToolState('dragging');
    t.expectObjects([{ geometry: TRI }])
      .pointerMove(250, 80)
      .pointerUp(250, 80);
    t.expectToolState('idle').expectObjects([{ geometry: polygon(100, 100, 250, 80, 200, 200) }]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo().expectObjects([{ geometry: TRI }]);
    t.redo().expectObjects([{ geometry: polygon(100, 100, 250, 80, 200, 200) }]);
  });

  it('Escape during a vertex drag cancels it; a click on a vertex changes nothing', () => {
    t = triangle();
    t.pointerDown(200, 100).pointerMove(250, 80).key('Escape').expectToolState('idle');
    t.pointerUp(250, 80)
      .click(200, 100)
      .expectObjects([{ geometry: TRI }]);
    expect(t.history.state().undoDepth).to.equal(0);
  });

  it('inserts a vertex by dragging an edge midpoint (or clicking it)', () => {
    t = triangle();
    // Midpoint of edge 0–1 is (150, 100).
    t.drag([150, 100], [150, 60]).expectObjects([
      { geometry: polygon(100, 100, 150, 60, 200, 100, 200, 200) },
    ]);
    t.undo().expectObjects([{ geometry: TRI }]);
    // Click the midpoint of edge 2–0, (150, 150).
    t.click(150, 150).expectObjects([
      { geometry: polygon(100, 100, 200, 100, 200, 200, 150, 150) },
    ]);
    expect(t.history.state().undoDepth).to.equal(1);
  });

  it('deletes a vertex by Alt-click or Delete while hovered; refuses below the minimum', () => {
    t = triangle();
    t.drag([150, 100], [150, 60]); // 4 vertices now
    t.click(150, 60, { altKey: true });
    t.expectObjects([{ geometry: TRI }]);
    // Triangle: at the minimum, both ways are refused and the object is NOT deleted.
    t.click(200, 200, { altKey: true }).pointerMove(200, 200).key('Delete');
    t.expectObjects([{ geometry: TRI }]);
    expect(t.history.state().undoDepth).to.equal(2);
    t.undo()
      .pointerMove(150, 60)
      .key('Delete')
      .expectObjects([{ geometry: TRI }]);
    // Away from the vertices, Delete removes the selected object (select tool behaviour).
    t.pointerMove(500, 500).key('Delete').expectObjects([]);
  });

  it('snaps a dragged vertex to another object within the radius', () => {
    t = triangle([shape(2, PERSON, rect(300, 300, 400, 400))], 10);
    t.drag([200, 200], [306, 296]);
    t.expectObjects([{ geometry: polygon(100, 100, 200, 100, 300, 300) }, {}]);
  });

  it('moves points of a points object and refuses to delete its last point', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, PERSON, { type: 'points', points: [10, 10, 50, 50] })]),
      tool: createEditTool(),
    });
    t.click(10, 10)
      .expectSelection([1 as never])
      .drag([50, 50], [60, 70]);
    t.click(10, 10, { altKey: true }).click(60, 70, { altKey: true });
    t.expectObjects([{ geometry: { type: 'points', points: [60, 70] } }]);
  });

  it('undo restores any vertex drag exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: -80, max: 80 }),
        fc.integer({ min: -80, max: 80 }),
        (v, dx, dy) => {
          fc.pre(Math.hypot(dx, dy) >= 5);
          const tc = triangle();
          try {
            const [x, y] = [TRI_POINTS[2 * v], TRI_POINTS[2 * v + 1]];
            tc.drag([x, y], [x + dx, y + dy]);
            const moved = [...TRI_POINTS];
            moved[2 * v] += dx;
            moved[2 * v + 1] += dy;
            tc.expectObjects([{ geometry: polygon(...moved) }]);
            tc.undo().expectObjects([{ geometry: TRI }]);
          } finally {
            tc.destroy();
          }
        },
      ),
      { numRuns: 25 },
    );
    t = triangle();
  });
});

describe('edit tool: ellipse, cuboid, skeleton (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('resizes an ellipse radius and rotates it with its handle', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, { type: 'ellipse', cx: 200, cy: 200, rx: 50, ry: 30, rotation: 0 }),
      ]),
      tool: createEditTool(),
    });
    t.click(200, 200).drag([250, 200], [280, 200]);
    t.expectObjects([
      { geometry: { type: 'ellipse', cx: 200, cy: 200, rx: 80, ry: 30, rotation: 0 } },
    ]);
    // Rotation handle: 24 screen px above the top of the ry axis.
    t.drag([200, 146], [300, 200]);
    t.expectObjects([
      { geometry: { type: 'ellipse', cx: 200, cy: 200, rx: 80, ry: 30, rotation: 90 } },
    ]);
    expect(t.history.state().undoDepth).to.equal(2);
    t.undo()
      .undo()
      .expectObjects([
        { geometry: { type: 'ellipse', cx: 200, cy: 200, rx: 50, ry: 30, rotation: 0 } },
      ]);
  });

  it('drags a cuboid face (its 4 points) and an edge (its 2 points)', () => {
    const front = [100, 100, 100, 200, 200, 100, 200, 200];
    const back = [140, 60, 140, 160, 240, 60, 240, 160];
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, { type: 'cuboid', points: [...front, ...back] })]),
      tool: createEditTool(),
    });
    // Select by clicking inside, then drag the back face's centre (190, 110).
    t.click(150, 150).drag([190, 110], [200, 100]);
    const back2 = back.map((v, i) => v + (i % 2 === 0 ? 10 : -10));
    t.expectObjects([{ geometry: { type: 'cuboid', points: [...front, ...back2] } }]);
    // Front right edge (points 2 and 3) midpoint is (200, 150).
    t.drag([200, 150], [210, 150]);
    const front2 = [100, 100, 100, 200, 210, 100, 210, 200];
    t.expectObjects([{ geometry: { type: 'cuboid', points: [...front2, ...back2] } }]);
    t.undo()
      .undo()
      .expectObjects([{ geometry: { type: 'cuboid', points: [...front, ...back] } }]);
  });
});
