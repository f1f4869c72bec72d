/**
 * Real input: editing a polygon vertex with the browser's own mouse (Playwright through
 * web-test-runner's `sendMouse`), through the canvas's DOM listeners into the edit tool.
 */
import { expect } from 'chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { createHistory } from '@annotkit/core';
import { createCanvas2D } from '../../canvas/createCanvas2D.js';
import { CAR, polygon, shape, testDoc } from '../../testing/testDoc.js';
import { createEditTool } from './editTool.js';

describe('real mouse (Playwright): polygon vertex editing', () => {
  afterEach(() => resetMouse());

  it('selects a polygon, drags one vertex, and undoes the drag in one step', async () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:40px;top:30px;width:400px;height:300px';
    document.body.appendChild(container);
    const doc = testDoc([shape(1, CAR, polygon(100, 100, 200, 100, 200, 200))]);
    const history = createHistory(doc);
    const canvas = createCanvas2D(container, { document: doc, tool: createEditTool() });
    try {
      const r = container.getBoundingClientRect();
      const at = (x: number, y: number): [number, number] => [
        Math.round(r.left + x),
        Math.round(r.top + y),
      ];
      // Click inside the triangle to select it.
      await sendMouse({ type: 'move', position: at(180, 120) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'up' });
      canvas.flush();
      expect(canvas.selection).to.deep.equal([1]);
      // Drag the vertex at (200, 100) to (250, 80).
      await sendMouse({ type: 'move', position: at(200, 100) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(225, 90) });
      await sendMouse({ type: 'move', position: at(250, 80) });
      await sendMouse({ type: 'up' });
      const geometry = (doc.objects()[0] as { geometry: unknown }).geometry;
      expect(geometry).to.deep.equal(polygon(100, 100, 250, 80, 200, 200));
      expect(history.state().undoDepth).to.equal(1);
      history.undo();
      expect((doc.objects()[0] as { geometry: unknown }).geometry).to.deep.equal(
        polygon(100, 100, 200, 100, 200, 200),
      );
    } finally {
      history.destroy();
      canvas.destroy();
      container.remove();
    }
  });
});
