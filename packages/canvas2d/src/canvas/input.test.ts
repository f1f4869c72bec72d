import { expect } from 'chai';
import { objectId } from '@annotkit/core';
import { createTestCanvas } from '../testing/testCanvas.js';
import type { TestCanvas } from '../testing/testCanvas.js';
import { createDrawPolyTool } from '../tools/draw-poly/drawPolyTool.js';
import { CAR, rect, shape, testDoc } from '../testing/testDoc.js';

describe('canvas input (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('zooms with the wheel about the pointer', () => {
    t = createTestCanvas({ document: testDoc() });
    t.canvas.dispatchInput({ type: 'wheel', x: 100, y: 50, deltaY: -500 });
    expect(t.canvas.view).to.deep.equal({ scale: 2, offsetX: -100, offsetY: -50 });
  });

  it('pans with space-drag and the middle button without touching the tool', () => {
    t = createTestCanvas({ document: testDoc([shape(1, CAR, rect(0, 0, 50, 50))]) });
    t.key(' ');
    // keyup of the helper released space; hold it by sending keydown only.
    t.canvas.dispatchInput({ type: 'keydown', key: ' ' });
    t.drag([10, 10], [40, 30]);
    t.canvas.dispatchInput({ type: 'keyup', key: ' ' });
    expect(t.canvas.view).to.deep.equal({ scale: 1, offsetX: 30, offsetY: 20 });
    t.expectSelection([]).expectObjects([{ geometry: rect(0, 0, 50, 50) }]);
    t.pointerDown(0, 0, { button: 1 }).pointerMove(-10, 0).pointerUp(-10, 0, { button: 1 });
    expect(t.canvas.view.offsetX).to.equal(20);
  });

  it('reports tool states and transactions as events', () => {
    t = createTestCanvas({ document: testDoc() });
    const states: string[] = [];
    const names: (string | undefined)[] = [];
    t.canvas.on('toolstate', (e) => states.push(`${e.tool}:${e.state}`));
    t.canvas.on('transaction', (e) => names.push(e.transaction.options.name));
    t.setTool(createDrawPolyTool({ label: CAR, type: 'polyline' }));
    t.click(0, 0).click(10, 10).key('Enter');
    expect(states).to.deep.equal([
      'draw-polyline:idle',
      'draw-polyline:creating',
      'draw-polyline:idle',
    ]);
    expect(names).to.deep.equal(['create']);
  });

  it('changing the frame clears the selection and shows that frame', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, rect(0, 0, 50, 50)),
        shape(2, CAR, rect(0, 0, 50, 50), { frame: 1 }),
      ]),
    });
    t.click(10, 10).expectSelection([objectId(1)]);
    t.canvas.setFrame(1);
    t.expectSelection([])
      .click(10, 10)
      .expectSelection([objectId(2)]);
    expect(() => t.canvas.setFrame(99)).to.throw(/frame/);
    expect(t.canvas.frame).to.equal(1);
  });
});
