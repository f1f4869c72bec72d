/**
 * Brushing a mask with the browser's own mouse (Playwright through `sendMouse`): DOM pointer
 * events → canvas listeners → brush tool → one transaction on Enter.
 */
import { expect } from 'chai';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { maskArea, maskHasPixel } from '@annotkit/core';
import { createCanvas2D } from '../../canvas/createCanvas2D.js';
import { CAR, testDoc } from '../../testing/testDoc.js';
import { createBrushTool } from './brushTool.js';

describe('mask brush with the real mouse (Playwright)', () => {
  afterEach(() => resetMouse());

  it('paints a stroke, erases across it, and commits one mask on Enter', async () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:40px;top:30px;width:400px;height:300px';
    document.body.appendChild(container);
    const doc = testDoc();
    const brush = createBrushTool({ label: CAR, size: 9, tip: 'square' });
    const canvas = createCanvas2D(container, { document: doc, tool: brush });
    try {
      const r = container.getBoundingClientRect();
      const at = (x: number, y: number): [number, number] => [
        Math.round(r.left + x),
        Math.round(r.top + y),
      ];
      await sendMouse({ type: 'move', position: at(50, 100) });
      await sendMouse({ type: 'down' });
      for (let x = 60; x <= 250; x += 10) await sendMouse({ type: 'move', position: at(x, 100) });
      await sendMouse({ type: 'up' });
      expect(canvas.tool.state).to.equal('editing');
      // Erase a vertical band across the stroke.
      brush.setMode('eraser');
      await sendMouse({ type: 'move', position: at(150, 60) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(150, 100) });
      await sendMouse({ type: 'move', position: at(150, 140) });
      await sendMouse({ type: 'up' });
      expect(doc.objects()).to.have.length(0);
      expect(document.activeElement).to.equal(container);
      await sendKeys({ press: 'Enter' });
      const objects = doc.objects();
      expect(objects).to.have.length(1);
      const o = objects[0];
      if (o.kind !== 'shape' || o.geometry.type !== 'mask') throw new Error('not a mask shape');
      const g = o.geometry;
      // A 9 px square tip from x = 50 to 250 at y = 100: pixels 46..254 × 96..104, minus the
      // erased columns 146..154.
      expect([g.left, g.top, g.right, g.bottom]).to.deep.equal([46, 96, 254, 104]);
      expect(maskArea(g)).to.equal((209 - 9) * 9);
      expect(maskHasPixel(g, 100, 100)).to.equal(true);
      expect(maskHasPixel(g, 150, 100)).to.equal(false);
      expect(canvas.tool.state).to.equal('idle');
    } finally {
      canvas.destroy();
      container.remove();
    }
  });
});
