/**
 * Rotation with the browser's real mouse (Playwright through `sendMouse`): a rectangle dragged
 * on a view rotated by 90° lands on the image pixels that were under the pointer.
 */
import { expect } from 'chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { createCanvas2D } from '../canvas/createCanvas2D.js';
import { toImage } from '../canvas/view.js';
import { CAR, testDoc } from '../testing/testDoc.js';
import { createDrawRectangleTool } from '../tools/draw-rectangle/drawRectangleTool.js';
import { containerToStage } from './rotation.js';

describe('rotated view with the real mouse (Playwright)', () => {
  afterEach(() => resetMouse());

  it('draws a rectangle where the pointer is on a 90° rotated view', async () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:40px;top:30px;width:400px;height:300px';
    document.body.appendChild(container);
    const doc = testDoc();
    const canvas = createCanvas2D(container, {
      document: doc,
      tool: createDrawRectangleTool({ label: CAR }),
    });
    try {
      canvas.setRotation(90);
      const r = container.getBoundingClientRect();
      const at = (x: number, y: number): [number, number] => [r.left + x, r.top + y];
      await sendMouse({ type: 'move', position: at(100, 50) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(200, 100) });
      await sendMouse({ type: 'move', position: at(300, 250) });
      await sendMouse({ type: 'up' });
      const img = (x: number, y: number) =>
        toImage(canvas.view, containerToStage(90, 400, 300, { x, y }));
      const a = img(100, 50);
      const b = img(300, 250);
      const [o] = doc.objects();
      expect(o.kind === 'shape' && o.geometry.type).to.equal('rectangle');
      const pts = o.kind === 'shape' && o.geometry.type === 'rectangle' ? o.geometry.points : [];
      expect(pts[0]).to.be.closeTo(Math.min(a.x, b.x), 1e-6);
      expect(pts[1]).to.be.closeTo(Math.min(a.y, b.y), 1e-6);
      expect(pts[2]).to.be.closeTo(Math.max(a.x, b.x), 1e-6);
      expect(pts[3]).to.be.closeTo(Math.max(a.y, b.y), 1e-6);
    } finally {
      canvas.destroy();
      container.remove();
    }
  });
});
