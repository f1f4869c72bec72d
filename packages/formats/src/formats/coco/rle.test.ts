import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '@annotkit/core';
import type { MaskGeometry } from '@annotkit/core';
import {
  bitsToMask,
  cocoArea,
  cocoBbox,
  cocoToMask,
  decodeCocoString,
  encodeCocoString,
  maskToBits,
  maskToCoco,
} from './rle.js';

describe('COCO RLE', () => {
  // The worked example of the format reference: a 4×3 blob at (10, 20) in a 16×24 (w×h) image.
  const cvat: MaskGeometry = {
    type: 'mask',
    rle: [1, 2, 1, 4, 1, 2, 1],
    left: 10,
    top: 20,
    right: 13,
    bottom: 22,
  };
  const counts = [261, 1, 22, 3, 21, 3, 22, 1, 50];

  it('converts the worked example both ways', () => {
    const { counts: c, area, clipped } = maskToCoco(cvat, 24, 16);
    expect(c).to.deep.equal(counts);
    expect(area).to.equal(8);
    expect(clipped).to.equal(0);
    expect(cocoToMask(counts, 24, 16)).to.deep.equal(cvat);
    expect(cocoBbox(counts, 24)).to.deep.equal([10, 20, 4, 3]);
    expect(cocoArea(counts)).to.equal(8);
  });

  it('encodes and decodes the compressed string form as pycocotools does', () => {
    expect(encodeCocoString(counts)).to.equal('U81f02O01Nl0');
    expect(decodeCocoString('U81f02O01Nl0')).to.deep.equal(counts);
    expect(decodeCocoString('06')).to.deep.equal([0, 6]);
    expect(decodeCocoString('`04n0')).to.deep.equal([16, 4, 30]);
    expect(cocoBbox([16, 4, 30], 5)).to.deep.equal([3, 1, 1, 4]);
  });

  it('rejects bad strings and counts with typed errors', () => {
    expect(() => decodeCocoString('0 ', 'a.json', ['x']))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'parse'));
    expect(() => decodeCocoString('o'))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'parse'));
    expect(() => cocoToMask([0, 20, 31], 10, 5, 'f.json', ['s'])).to.throw(/sum to 51/);
    expect(() => cocoToMask([0, -1, 51], 10, 5))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'invalid-geometry'));
  });

  it('round-trips random counts through the string form', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 40 }), (c) => {
        expect(decodeCocoString(encodeCocoString(c))).to.deep.equal(c);
      }),
    );
  });

  it('round-trips random bitmaps: CVAT mask → COCO → CVAT mask', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 144, maxLength: 144 }),
        (w, h, raw) => {
          const bits = Uint8Array.from(raw.slice(0, w * h).map((b) => (b ? 1 : 0)));
          const mask = bitsToMask(bits, w, h, 0, 0);
          if (!mask) return;
          const { counts: c, area } = maskToCoco(mask, h, w);
          expect(c.reduce((a, b) => a + b, 0)).to.equal(w * h);
          expect(area).to.equal(bits.reduce((a, b) => a + b, 0));
          expect(cocoToMask(c, h, w)).to.deep.equal(mask);
          // Column-major check against the bitmap directly.
          let k = 0;
          let v = 0;
          const col = new Uint8Array(w * h);
          for (const n of c) {
            col.fill(v, k, k + n);
            k += n;
            v ^= 1;
          }
          for (let x = 0; x < w; x++) {
            for (let y = 0; y < h; y++) expect(col[x * h + y]).to.equal(bits[y * w + x]);
          }
          const back = maskToBits(mask);
          expect(back.reduce((a, b) => a + b, 0)).to.equal(area);
        },
      ),
    );
  });

  it('reports pixels outside the image instead of hiding them', () => {
    const m: MaskGeometry = { type: 'mask', rle: [0, 4], left: 3, top: 0, right: 4, bottom: 1 };
    const { counts: c, area, clipped } = maskToCoco(m, 2, 4);
    expect(area).to.equal(2);
    expect(clipped).to.equal(2);
    expect(c).to.deep.equal([6, 2]);
  });
});
