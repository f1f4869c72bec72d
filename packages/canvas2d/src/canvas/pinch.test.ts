import { expect } from 'chai';
import { createCanvas2D } from './createCanvas2D.js';
import { createPinchTracker } from './pinch.js';
import { testDoc } from '../testing/testDoc.js';

describe('pinch zoom', () => {
  it('turns two moving touch pointers into zoom about their midpoint plus pan', () => {
    const p = createPinchTracker();
    expect(p.touch('down', 1, 100, 100).kind).to.equal('pass');
    expect(p.touch('down', 2, 200, 100)).to.deep.equal({ kind: 'pinch' });
    const r = p.touch('move', 2, 300, 100);
    expect(r).to.deep.equal({
      kind: 'pinch',
      input: { type: 'pinch', x: 200, y: 100, scale: 2, dx: 50, dy: 0 },
    });
    expect(p.touch('up', 2, 300, 100).kind).to.equal('pinch');
    // The remaining finger still belongs to the pinch until it lifts: no stray tool input.
    expect(p.touch('move', 1, 110, 100).kind).to.equal('pinch');
    expect(p.touch('up', 1, 110, 100).kind).to.equal('pinch');
    expect(p.touch('down', 3, 50, 50).kind).to.equal('pass');
  });

  it('zooms the view from real touch pointer events on the container', () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:0;top:0;width:400px;height:300px';
    document.body.appendChild(container);
    const canvas = createCanvas2D(container, { document: testDoc() });
    try {
      const before = canvas.view;
      const r = container.getBoundingClientRect();
      const fire = (type: string, id: number, x: number, y: number): void => {
        container.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            clientX: r.left + x,
            clientY: r.top + y,
            bubbles: true,
          }),
        );
      };
      fire('pointerdown', 1, 100, 150);
      fire('pointerdown', 2, 200, 150);
      fire('pointermove', 2, 300, 150);
      fire('pointerup', 2, 300, 150);
      fire('pointerup', 1, 100, 150);
      expect(canvas.view.scale).to.be.closeTo(before.scale * 2, 1e-9);
      expect(canvas.document?.objects()).to.have.length(0);
    } finally {
      canvas.destroy();
      container.remove();
    }
  });
});
