/**
 * Real input: the browser's own mouse, driven through Playwright by web-test-runner's
 * `sendMouse`, goes through the canvas's DOM listeners into the tools.
 */
import { expect } from 'chai';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { createDrawRectangleTool } from '../tools/draw-rectangle/drawRectangleTool.js';
import { CAR, rect, testDoc } from '../testing/testDoc.js';
import { createCanvas2D } from './createCanvas2D.js';

describe('real mouse (Playwright)', () => {
  afterEach(() => resetMouse());

  it('draws a rectangle by dragging with the real mouse', async () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:40px;top:30px;width:400px;height:300px';
    document.body.appendChild(container);
    const doc = testDoc();
    const canvas = createCanvas2D(container, {
      document: doc,
      tool: createDrawRectangleTool({ label: CAR }),
    });
    try {
      const r = container.getBoundingClientRect();
      const at = (x: number, y: number): [number, number] => [
        Math.round(r.left + x),
        Math.round(r.top + y),
      ];
      await sendMouse({ type: 'move', position: at(50, 60) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(120, 100) });
      await sendMouse({ type: 'move', position: at(250, 200) });
      await sendMouse({ type: 'up' });
      const objects = doc.objects();
      expect(objects).to.have.length(1);
      expect(objects[0]).to.deep.include({
        kind: 'shape',
        label: CAR,
        frame: 0,
        geometry: rect(50, 60, 250, 200),
      });
      expect(canvas.tool.state).to.equal('idle');
      // Keys are scoped to the focused canvas: Escape on it cancels a second rectangle.
      await sendMouse({ type: 'move', position: at(10, 10) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(30, 30) });
      expect(document.activeElement).to.equal(container);
      container.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await sendMouse({ type: 'up' });
      expect(doc.objects()).to.have.length(1);
    } finally {
      canvas.destroy();
      container.remove();
    }
  });
});
