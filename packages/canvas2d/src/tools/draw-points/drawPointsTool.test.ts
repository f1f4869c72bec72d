import { expect } from 'chai';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, polygon, shape, testDoc } from '../../testing/testDoc.js';
import { createDrawPathTool } from '../draw-path/drawPathTool.js';
import { createDrawExtremeRectangleTool } from '../draw-extreme-rectangle/drawExtremeRectangleTool.js';
import { createDrawPointsTool } from './drawPointsTool.js';

describe('draw points tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('clicks then Enter make ONE points object; one undo step', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawPointsTool({ label: PERSON }) });
    t.click(10, 20).expectToolState('creating').click(30, 40).click(50, 60);
    t.expectObjects([]).key('Enter').expectToolState('idle');
    const expected = [
      { label: PERSON, geometry: { type: 'points', points: [10, 20, 30, 40, 50, 60] } },
    ];
    t.expectObjects(expected as never);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo()
      .expectObjects([])
      .redo()
      .expectObjects(expected as never);
  });

  it('Escape cancels; Backspace drops the last point; Enter with no point does nothing', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawPointsTool({ label: PERSON }) });
    t.click(1, 1).click(2, 2).key('Escape').expectToolState('idle').key('Enter').expectObjects([]);
    t.click(5, 5).click(7, 7).key('Backspace').key('Enter');
    t.expectObjects([{ geometry: { type: 'points', points: [5, 5] } }]);
  });

  it('auto-finishes after maxPoints', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPointsTool({ label: PERSON, maxPoints: 2 }),
    });
    t.click(1, 1).click(2, 2).expectToolState('idle');
    t.expectObjects([{ geometry: { type: 'points', points: [1, 1, 2, 2] } }]);
  });

  it('snaps to an existing vertex within the radius (screen px), not beyond', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, polygon(100, 100, 200, 100, 200, 200))]),
      tool: createDrawPointsTool({ label: PERSON, snapRadius: 10 }),
    });
    t.click(105, 96).click(230, 100).key('Enter');
    t.expectObjects([{}, { geometry: { type: 'points', points: [100, 100, 230, 100] } }]);
  });

  it('the snap radius is in screen px: at 4× zoom 10 px reach 2.5 image px', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, polygon(100, 100, 200, 100, 200, 200))]),
      tool: createDrawPointsTool({ label: PERSON, snapRadius: 10 }),
    });
    t.canvas.setView({ scale: 4, offsetX: 0, offsetY: 0 });
    // (102, 100) and (104, 100) in image px.
    t.click(408, 400).click(416, 400).key('Enter');
    t.expectObjects([{}, { geometry: { type: 'points', points: [100, 100, 104, 100] } }]);
  });
});

describe('polygon/polyline with freehand and auto-finish (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('Shift-drag samples points and simplifies a straight run to its ends', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPathTool({ label: CAR, type: 'polyline' }),
    });
    t.drag([0, 0], [100, 0], { shiftKey: true }, 20).expectToolState('creating');
    t.key('Enter');
    t.expectObjects([{ geometry: { type: 'polyline', points: [0, 0, 100, 0] } }]);
    expect(t.history.state().undoDepth).to.equal(1);
  });

  it('freehand keeps the corners of a traced shape and mixes with clicks', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPathTool({ label: CAR, type: 'polygon' }),
    });
    t.pointerDown(0, 0, { shiftKey: true });
    for (let x = 5; x <= 100; x += 5) t.pointerMove(x, 0, { shiftKey: true });
    for (let y = 5; y <= 100; y += 5) t.pointerMove(100, y, { shiftKey: true });
    t.pointerUp(100, 100, { shiftKey: true }).click(0, 100).key('Enter');
    t.expectObjects([{ geometry: { type: 'polygon', points: [0, 0, 100, 0, 100, 100, 0, 100] } }]);
    t.undo().expectObjects([]);
  });

  it('auto-finishes after N points; Escape cancels a freehand run', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPathTool({ label: CAR, type: 'polygon', maxPoints: 4 }),
    });
    t.pointerDown(0, 0, { shiftKey: true }).pointerMove(50, 50, { shiftKey: true });
    t.key('Escape').expectToolState('idle').pointerUp(50, 50).expectToolState('idle');
    t.click(0, 0).click(10, 0).click(10, 10).expectObjects([]).click(0, 10);
    t.expectToolState('idle');
    t.expectObjects([{ geometry: { type: 'polygon', points: [0, 0, 10, 0, 10, 10, 0, 10] } }]);
  });
});

describe('rectangle by 4 extreme points (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('creates the box spanning the 4 clicks at the 4th; undo/redo', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawExtremeRectangleTool({ label: CAR }),
    });
    t.click(10, 50).click(40, 20).click(90, 45).expectObjects([]).click(50, 80);
    const box = [{ geometry: { type: 'rectangle', points: [10, 20, 90, 80], rotation: 0 } }];
    t.expectToolState('idle').expectObjects(box as never);
    t.undo()
      .expectObjects([])
      .redo()
      .expectObjects(box as never);
  });

  it('Escape cancels; 4 collinear points make no box and the 4th click is dropped', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawExtremeRectangleTool({ label: CAR }),
    });
    t.click(1, 1).click(2, 2).key('Escape').expectToolState('idle');
    t.click(0, 10).click(5, 10).click(9, 10).click(20, 10).expectToolState('creating');
    t.expectObjects([]).click(3, 30);
    t.expectObjects([{ geometry: { type: 'rectangle', points: [0, 10, 9, 30], rotation: 0 } }]);
  });
});
