import { expect } from 'chai';
import fc from 'fast-check';
import {
  MAX_SCALE,
  MIN_SCALE,
  fitView,
  panView,
  toImage,
  toScreen,
  visibleImageRect,
  zoomView,
} from './view.js';

const view = fc.record({
  scale: fc.double({ min: MIN_SCALE, max: MAX_SCALE, noNaN: true }),
  offsetX: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  offsetY: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
});
const point = fc.record({
  x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
});

describe('view transform', () => {
  it('toImage inverts toScreen (property)', () => {
    fc.assert(
      fc.property(view, point, (v, p) => {
        const q = toImage(v, toScreen(v, p));
        expect(q.x).to.be.closeTo(p.x, 1e-6 * (1 + Math.abs(p.x)));
        expect(q.y).to.be.closeTo(p.y, 1e-6 * (1 + Math.abs(p.y)));
      }),
    );
  });

  it('zooming keeps the image point under the anchor fixed (property)', () => {
    fc.assert(
      fc.property(
        view,
        point,
        fc.double({ min: MIN_SCALE, max: MAX_SCALE, noNaN: true }),
        (v, anchor, s) => {
          const before = toImage(v, anchor);
          const after = toImage(zoomView(v, s, anchor), anchor);
          expect(after.x).to.be.closeTo(before.x, 1e-6 * (1 + Math.abs(before.x)));
          expect(after.y).to.be.closeTo(before.y, 1e-6 * (1 + Math.abs(before.y)));
        },
      ),
    );
  });

  it('limits the scale and ignores invalid scales', () => {
    const v = { scale: 1, offsetX: 0, offsetY: 0 };
    expect(zoomView(v, 1e6, { x: 0, y: 0 }).scale).to.equal(MAX_SCALE);
    expect(zoomView(v, 1e-9, { x: 0, y: 0 }).scale).to.equal(MIN_SCALE);
    expect(zoomView(v, Number.NaN, { x: 0, y: 0 })).to.equal(v);
    expect(zoomView(v, -2, { x: 0, y: 0 })).to.equal(v);
  });

  it('fits a box centred with padding, and pans in screen px', () => {
    const v = fitView({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 600, 400, 50);
    expect(v).to.deep.equal({ scale: 0.5, offsetX: 50, offsetY: 75 });
    expect(visibleImageRect(v, 600, 400)).to.deep.equal({
      minX: -100,
      minY: -150,
      maxX: 1100,
      maxY: 650,
    });
    expect(panView(v, 10, -5)).to.deep.equal({ scale: 0.5, offsetX: 60, offsetY: 70 });
  });
});
