import { expect } from 'chai';
import fc from 'fast-check';
import { AnnotkitError } from '../errors.js';
import type { MaskGeometry } from '../model/records.js';
import {
  bitmapToRle,
  maskArea,
  maskFromBitmap,
  maskHasPixel,
  maskToBitmap,
  maskToPolygons,
  polygonToMask,
  rleToBitmap,
} from './index.js';

/** A bitmap from rows of '#' (set) and '.' (unset). */
function draw(rows: string[]): { bitmap: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  const bitmap = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((c, x) => (bitmap[y * width + x] = c === '#' ? 1 : 0)));
  return { bitmap, width, height: rows.length };
}

describe('CVAT RLE', () => {
  it('encodes with a leading zero run, as CVAT does', () => {
    expect(bitmapToRle([0, 0, 0, 1])).to.deep.equal([3, 1]);
    expect(bitmapToRle([1, 1, 0, 0])).to.deep.equal([0, 2, 2]);
    expect(bitmapToRle([0, 0])).to.deep.equal([2]);
    expect(bitmapToRle([])).to.deep.equal([]);
    expect(Array.from(rleToBitmap([0, 2, 2], 2, 2))).to.deep.equal([1, 1, 0, 0]);
  });

  it('round-trips any bitmap: bitmap → rle → bitmap is the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.infiniteStream(fc.boolean()),
        (w, h, bits) => {
          const bitmap = Uint8Array.from(bits.take(w * h), (b) => (b ? 1 : 0));
          const rle = bitmapToRle(bitmap);
          expect(rle.reduce((s, r) => s + r, 0)).to.equal(w * h);
          expect(rleToBitmap(rle, w, h)).to.deep.equal(bitmap);
        },
      ),
    );
  });

  it('rejects runs that do not fill the box', () => {
    expect(() => rleToBitmap([1, 2], 2, 2)).to.throw(AnnotkitError, /add up to 3/);
    expect(() => rleToBitmap([1, 2, 3], 2, 2)).to.throw(AnnotkitError);
    expect(() => rleToBitmap([1, -1, 4], 2, 2)).to.throw(AnnotkitError);
  });
});

describe('maskFromBitmap', () => {
  it('shrinks to the tight box and offsets it', () => {
    const { bitmap, width, height } = draw(['.....', '..#..', '..##.', '.....']);
    const m = maskFromBitmap(bitmap, width, height, 100, 200);
    expect(m).to.deep.equal({
      type: 'mask',
      rle: [0, 1, 1, 2],
      left: 102,
      top: 201,
      right: 103,
      bottom: 202,
    });
    expect(maskArea(m)).to.equal(3);
    expect(maskHasPixel(m, 102, 201)).to.equal(true);
    expect(maskHasPixel(m, 103, 201)).to.equal(false);
    expect(maskHasPixel(m, 103, 202)).to.equal(true);
    expect(maskHasPixel(m, 104, 202)).to.equal(false);
  });
  it('rejects an empty bitmap and a wrong length', () => {
    expect(() => maskFromBitmap(new Uint8Array(4), 2, 2)).to.throw(/no set pixel/);
    expect(() => maskFromBitmap(new Uint8Array(5), 2, 2)).to.throw(/5 pixels/);
  });
});

describe('mask ⇄ polygons', () => {
  const roundTrip = (m: MaskGeometry) => {
    const polygons = maskToPolygons(m);
    expect(polygons).to.have.length(1);
    const back = polygonToMask(polygons[0]);
    expect(back).to.deep.equal(m);
  };

  it('traces a rectangle as its 4 pixel corners', () => {
    const { bitmap, width, height } = draw(['###', '###']);
    const m = maskFromBitmap(bitmap, width, height, 5, 7);
    expect(maskToPolygons(m)).to.deep.equal([[5, 7, 8, 7, 8, 9, 5, 9]]);
    roundTrip(m);
  });

  it('traces an L-shape clockwise from its top-left corner', () => {
    const { bitmap, width, height } = draw(['#..', '#..', '###']);
    const m = maskFromBitmap(bitmap, width, height);
    expect(maskToPolygons(m)).to.deep.equal([[0, 0, 1, 0, 1, 2, 3, 2, 3, 3, 0, 3]]);
    roundTrip(m);
  });

  it('joins diagonal neighbours (8-connectivity) and splits separate components', () => {
    const diagonal = draw(['#.', '.#']);
    const m = maskFromBitmap(diagonal.bitmap, 2, 2);
    const polys = maskToPolygons(m);
    expect(polys).to.have.length(1);
    expect(polys[0]).to.deep.equal([0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 1, 1, 0, 1]);
    expect(polygonToMask(polys[0])).to.deep.equal(m);

    const two = draw(['##..#', '##..#']);
    const m2 = maskFromBitmap(two.bitmap, two.width, two.height);
    const parts = maskToPolygons(m2);
    expect(parts).to.deep.equal([
      [0, 0, 2, 0, 2, 2, 0, 2],
      [4, 0, 5, 0, 5, 2, 4, 2],
    ]);
  });

  it('round-trips random unions of rectangles without holes (staircases, plus shapes)', () => {
    // Rectangles that all contain one common pixel: their union is connected and hole-free.
    const rect = fc.record({
      x0: fc.integer({ min: 0, max: 5 }),
      y0: fc.integer({ min: 0, max: 5 }),
      x1: fc.integer({ min: 5, max: 10 }),
      y1: fc.integer({ min: 5, max: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(rect, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 50 }),
        (rects, offset) => {
          const w = 11;
          const bitmap = new Uint8Array(w * w);
          for (const r of rects) {
            for (let y = r.y0; y <= r.y1; y++)
              for (let x = r.x0; x <= r.x1; x++) bitmap[y * w + x] = 1;
          }
          roundTrip(maskFromBitmap(bitmap, w, w, offset, offset));
        },
      ),
    );
  });

  it('simplifies outlines with a tolerance', () => {
    // A staircase triangle: (0,0) (1,0), 5 steps of 2 corners, (6,6) (0,6) = 14 corners.
    const { bitmap, width, height } = draw([
      '#.....',
      '##....',
      '###...',
      '####..',
      '#####.',
      '######',
    ]);
    const m = maskFromBitmap(bitmap, width, height);
    const [exact] = maskToPolygons(m);
    expect(exact.length / 2).to.equal(14);
    const [simple] = maskToPolygons(m, { tolerance: 1 });
    expect(simple.length / 2).to.be.lessThan(6);
    expect(simple.length / 2).to.be.at.least(3);
  });
});

describe('polygonToMask', () => {
  it('samples pixel centres', () => {
    // Triangle (0,0) (4,0) (0,4): centres (x+.5, y+.5) inside when x + y + 1 < 4.
    const m = polygonToMask([0, 0, 4, 0, 0, 4]);
    const { bitmap, width } = maskToBitmap(m);
    expect(width).to.equal(3);
    expect(Array.from(bitmap)).to.deep.equal([1, 1, 1, 1, 1, 0, 1, 0, 0]);
  });
  it('clips to the image and rejects polygons that cover no centre', () => {
    const m = polygonToMask([-5, -5, 3, -5, 3, 3, -5, 3], { width: 10, height: 10 });
    expect([m.left, m.top, m.right, m.bottom]).to.deep.equal([0, 0, 2, 2]);
    expect(() => polygonToMask([0.1, 0.1, 0.4, 0.1, 0.4, 0.4])).to.throw(AnnotkitError);
    expect(() => polygonToMask([0, 0, 1, 1])).to.throw(AnnotkitError);
  });
});
