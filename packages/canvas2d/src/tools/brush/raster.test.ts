import { expect } from 'chai';
import fc from 'fast-check';
import { maskToBitmap, polygonToMask } from '@annotkit/core';
import { paintMask, paintSegment, snapCenter } from './raster.js';
import type { BrushTip, WorkArea } from './raster.js';

const AREA: WorkArea = { left: 0, top: 0, width: 64, height: 48 };
const count = (bits: Uint8Array): number => bits.reduce((s, v) => s + v, 0);
const at = (bits: Uint8Array, area: WorkArea, x: number, y: number): number =>
  bits[(y - area.top) * area.width + (x - area.left)];

/**
 * Brute force over the whole area by dense sampling of the segment: the pixels whose centre lies
 * within `h` (Euclidean for round, Chebyshev for square) of a sample point, with `h` = half the
 * size plus `slack`.
 */
function reference(
  area: WorkArea,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  size: number,
  tip: BrushTip,
  slack: number,
): Uint8Array {
  const out = new Uint8Array(area.width * area.height);
  const ax = snapCenter(x0, size);
  const ay = snapCenter(y0, size);
  const bx = snapCenter(x1, size);
  const by = snapCenter(y1, size);
  const h = size / 2 + slack;
  const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 0.004));
  for (let y = 0; y < area.height; y++) {
    for (let x = 0; x < area.width; x++) {
      const cx = x + area.left + 0.5;
      const cy = y + area.top + 0.5;
      let hit = false;
      for (let i = 0; i <= steps && !hit; i++) {
        const t = i / steps;
        const px = ax + (bx - ax) * t;
        const py = ay + (by - ay) * t;
        hit =
          tip === 'round'
            ? (cx - px) ** 2 + (cy - py) ** 2 <= h * h
            : Math.abs(cx - px) <= h && Math.abs(cy - py) <= h;
      }
      if (hit) out[y * area.width + x] = 1;
    }
  }
  return out;
}

describe('brush raster operations', () => {
  it('a round stamp of size 5 covers the 21 pixels within 2.5 px of the pixel centre', () => {
    const bits = new Uint8Array(AREA.width * AREA.height);
    const r = paintSegment(bits, AREA, 10.3, 20.7, 10.3, 20.7, 5, 'round', 1);
    expect(count(bits)).to.equal(21);
    expect(r).to.deep.equal({ minX: 8, minY: 18, maxX: 14, maxY: 24 });
    expect(at(bits, AREA, 10, 20)).to.equal(1);
    expect(at(bits, AREA, 8, 20)).to.equal(1);
    expect(at(bits, AREA, 8, 18)).to.equal(0); // corner of the 5 × 5 box
    expect(at(bits, AREA, 9, 18)).to.equal(1);
  });

  it('a square stamp of size n covers exactly n × n pixels; even sizes centre on a corner', () => {
    const bits = new Uint8Array(AREA.width * AREA.height);
    paintSegment(bits, AREA, 10.3, 20.7, 10.3, 20.7, 5, 'square', 1);
    expect(count(bits)).to.equal(25);
    expect(at(bits, AREA, 8, 18)).to.equal(1);
    expect(at(bits, AREA, 12, 22)).to.equal(1);
    expect(at(bits, AREA, 13, 22)).to.equal(0);
    bits.fill(0);
    paintSegment(bits, AREA, 30.4, 30.4, 30.4, 30.4, 4, 'square', 1);
    expect(count(bits)).to.equal(16);
    expect(at(bits, AREA, 28, 28)).to.equal(1);
    expect(at(bits, AREA, 31, 31)).to.equal(1);
    expect(at(bits, AREA, 32, 31)).to.equal(0);
  });

  it('a horizontal stroke sweeps a capsule (round) or a band (square)', () => {
    const bits = new Uint8Array(AREA.width * AREA.height);
    paintSegment(bits, AREA, 10.5, 20.5, 30.5, 20.5, 5, 'round', 1);
    expect(count(bits)).to.equal(25 + 2 * 25 + 2 * 23);
    bits.fill(0);
    paintSegment(bits, AREA, 10.5, 20.5, 30.5, 20.5, 5, 'square', 1);
    expect(count(bits)).to.equal(25 * 5);
  });

  it('clips to the work area and reports the changed rect inside it', () => {
    const area: WorkArea = { left: 100, top: 50, width: 20, height: 10 };
    const bits = new Uint8Array(area.width * area.height);
    const r = paintSegment(bits, area, 99, 49, 99, 49, 4, 'square', 1);
    expect(count(bits)).to.equal(1); // only pixel (100, 50) of the 4 × 4 stamp is inside
    expect(at(bits, area, 100, 50)).to.equal(1);
    expect(r).to.deep.equal({ minX: 100, minY: 50, maxX: 102, maxY: 52 });
    expect(paintSegment(bits, area, 0, 0, 5, 5, 4, 'round', 1)).to.equal(undefined);
  });

  it('lies between dense-sampling references just inside and just outside (property)', () => {
    const area: WorkArea = { left: -3, top: 2, width: 24, height: 20 };
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 260 }),
        fc.integer({ min: -10, max: 250 }),
        fc.integer({ min: -60, max: 260 }),
        fc.integer({ min: -10, max: 250 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom<BrushTip>('round', 'square'),
        (a, b, c, d, size, tip) => {
          // Coordinates in tenths of a pixel.
          const [x0, y0, x1, y1] = [a / 10, b / 10, c / 10, d / 10];
          const bits = new Uint8Array(area.width * area.height);
          paintSegment(bits, area, x0, y0, x1, y1, size, tip, 1);
          const inner = reference(area, x0, y0, x1, y1, size, tip, -1e-6);
          const outer = reference(area, x0, y0, x1, y1, size, tip, 0.01);
          for (let i = 0; i < bits.length; i++) {
            if (inner[i] === 1) expect(bits[i], `pixel ${i} missing`).to.equal(1);
            if (outer[i] === 0) expect(bits[i], `pixel ${i} extra`).to.equal(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('erasing the same stroke restores an empty bitmap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 47 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 12 }),
        (pts, size) => {
          const bits = new Uint8Array(AREA.width * AREA.height);
          for (let i = 0; i < pts.length; i++) {
            const [p, q] = [pts[Math.max(0, i - 1)], pts[i]];
            paintSegment(bits, AREA, p[0], p[1], q[0], q[1], size, 'round', 1);
          }
          expect(count(bits)).to.be.greaterThan(0);
          for (let i = 0; i < pts.length; i++) {
            const [p, q] = [pts[Math.max(0, i - 1)], pts[i]];
            paintSegment(bits, AREA, p[0], p[1], q[0], q[1], size, 'round', 0);
          }
          expect(count(bits)).to.equal(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('paintMask writes exactly the mask pixels (run walk, clipped)', () => {
    const m = polygonToMask([5, 5, 30, 8, 12, 40]);
    const bits = new Uint8Array(AREA.width * AREA.height);
    const r = paintMask(bits, AREA, m, 1);
    expect(r).to.deep.equal({ minX: m.left, minY: m.top, maxX: m.right + 1, maxY: m.bottom + 1 });
    const { bitmap, width } = maskToBitmap(m);
    let expected = 0;
    for (let y = m.top; y <= m.bottom; y++) {
      for (let x = m.left; x <= m.right; x++) {
        const v = bitmap[(y - m.top) * width + (x - m.left)];
        expected += v;
        expect(at(bits, AREA, x, y)).to.equal(v);
      }
    }
    expect(count(bits)).to.equal(expected);
    // Clipped: an area covering only the left half of the mask.
    const half: WorkArea = { left: 0, top: 0, width: 15, height: 48 };
    const hb = new Uint8Array(half.width * half.height);
    paintMask(hb, half, m, 1);
    let left = 0;
    for (let y = m.top; y <= m.bottom; y++) {
      for (let x = m.left; x < 15; x++) left += bitmap[(y - m.top) * width + (x - m.left)];
    }
    expect(count(hb)).to.equal(left);
  });
});
