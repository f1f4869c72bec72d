import { expect } from 'chai';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, testDoc } from '../../testing/testDoc.js';
import { createDrawPolyTool } from './drawPolyTool.js';

describe('draw polygon/polyline tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('draws a polygon by clicks and Enter, one undo step', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: CAR, type: 'polygon' }),
    });
    t.click(10, 10).expectToolState('creating').click(100, 10).click(100, 100);
    t.expectObjects([]).key('Enter').expectToolState('idle');
    t.expectObjects([{ geometry: { type: 'polygon', points: [10, 10, 100, 10, 100, 100] } }]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo()
      .expectObjects([])
      .redo()
      .expectObjects([{ geometry: { type: 'polygon', points: [10, 10, 100, 10, 100, 100] } }]);
  });

  it('finishes on double-click without a duplicate last vertex', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: PERSON, type: 'polyline' }),
    });
    t.click(0, 0).click(50, 0).doubleClick(50, 50);
    t.expectObjects([
      { label: PERSON, geometry: { type: 'polyline', points: [0, 0, 50, 0, 50, 50] } },
    ]);
  });

  it('Backspace removes the last vertex; Escape cancels', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: CAR, type: 'polygon' }),
    });
    t.click(0, 0).click(10, 0).click(99, 99).key('Backspace').click(10, 10).key('Enter');
    t.expectObjects([{ geometry: { type: 'polygon', points: [0, 0, 10, 0, 10, 10] } }]);
    t.click(1, 1).click(2, 2).key('Escape').expectToolState('idle').key('Enter');
    expect(t.doc.objects()).to.have.length(1);
    // Backspace on the only vertex goes back to idle.
    t.click(5, 5).key('Backspace').expectToolState('idle');
  });

  it('does not finish with too few vertices', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: CAR, type: 'polygon' }),
    });
    t.click(0, 0).click(10, 0).key('Enter').expectToolState('creating').expectObjects([]);
    t.click(10, 10)
      .key('Enter')
      .expectObjects([{ geometry: { type: 'polygon', points: [0, 0, 10, 0, 10, 10] } }]);
  });

  it('switching tools cancels a shape in progress', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: CAR, type: 'polygon' }),
    });
    t.click(0, 0).click(10, 0).click(10, 10);
    t.setTool(createDrawPolyTool({ label: CAR, type: 'polyline' }))
      .key('Enter')
      .expectObjects([]);
  });
});
