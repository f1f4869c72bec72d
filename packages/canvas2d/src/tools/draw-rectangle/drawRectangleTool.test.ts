import { expect } from 'chai';
import { objectId } from '@annotkit/core';
import type { Transaction } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, COLOR_ATTR, rect, shape, testDoc } from '../../testing/testDoc.js';
import { createDrawRectangleTool } from './drawRectangleTool.js';

describe('draw rectangle tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('creates one rectangle from a drag, as one undo step', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawRectangleTool({ label: CAR }) });
    t.expectToolState('idle')
      .drag([300, 200], [100, 50])
      .expectToolState('idle')
      .expectObjects([
        {
          kind: 'shape',
          label: CAR,
          frame: 0,
          geometry: rect(100, 50, 300, 200),
          attributes: { [COLOR_ATTR]: 'red' },
          source: 'manual',
          zOrder: 1,
        },
      ]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo()
      .expectObjects([])
      .redo()
      .expectObjects([{ geometry: rect(100, 50, 300, 200) }]);
  });

  it('creates a rectangle from two clicks (CVAT "by 2 points")', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawRectangleTool({ label: CAR }) });
    t.click(10, 20).expectToolState('second-corner').pointerMove(40, 60);
    // The preview is on the interactive layer; nothing is in the document yet.
    t.expectObjects([]);
    expect(t.canvas.stage.find('.preview')).to.have.length(0); // built on the next render
    t.canvas.flush();
    expect(t.canvas.stage.find('.preview')).to.have.length(1);
    t.click(40, 60)
      .expectObjects([{ geometry: rect(10, 20, 40, 60) }])
      .expectToolState('idle');
  });

  it('maps screen to image pixels through the view', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawRectangleTool({ label: CAR }) });
    t.canvas.setView({ scale: 2, offsetX: 100, offsetY: 50 });
    t.drag([100, 50], [300, 250]).expectObjects([{ geometry: rect(0, 0, 100, 100) }]);
  });

  it('Escape cancels with nothing dispatched; a zero-size box is not created', () => {
    t = createTestCanvas({ document: testDoc(), tool: createDrawRectangleTool({ label: CAR }) });
    const seen: Transaction[] = [];
    t.canvas.on('transaction', (e) => seen.push(e.transaction));
    t.pointerDown(10, 10).pointerMove(50, 50).key('Escape').expectToolState('idle');
    t.pointerUp(50, 50).expectObjects([]);
    t.click(10, 10).click(10, 80).expectToolState('second-corner').expectObjects([]);
    t.key('Escape').expectToolState('idle');
    expect(seen).to.have.length(0);
  });

  it('stacks new rectangles on top and passes transactions to the host hook', () => {
    const doc = testDoc([shape(7, CAR, rect(0, 0, 5, 5), { zOrder: 4 })]);
    const seen: Transaction[] = [];
    t = createTestCanvas({
      document: doc,
      tool: createDrawRectangleTool({ label: CAR }),
      // Controlled mode: the host records and rejects every transaction.
      dispatchTransaction: (tr) => seen.push(tr),
    });
    t.drag([100, 100], [200, 200]);
    expect(seen).to.have.length(1);
    expect(seen[0].options).to.deep.include({ origin: 'user', history: 'record' });
    expect(seen[0].change.added[0]).to.deep.include({ zOrder: 5 });
    t.expectObjects([{ id: objectId(7) }]);
    // Applying it is the host's decision.
    doc.apply(seen[0].change, seen[0].options);
    expect(doc.objects()).to.have.length(2);
  });
});
