import { expect } from 'chai';
import fc from 'fast-check';
import { encode } from 'fast-png';
import { isAnnotkitError } from '@annotkit/core';
import { fetchFixture } from '../util/testFixtures.js';
import { decodePng, encodeGreyPng, encodeIndexedPng, encodeRgbPng, pixelColors } from './png.js';
import { packRgb, vocColor, vocPalette } from './palette.js';

describe('PNG module', () => {
  it('decodes the VOC class and instance PNGs of the fixtures exactly', async () => {
    const cls = decodePng(
      await fetchFixture(
        'pascal_voc/cvat-ai-datumaro/voc_dataset1/SegmentationClass/2007_000001.png',
      ),
    );
    expect([cls.width, cls.height, cls.channels, cls.depth]).to.deep.equal([20, 10, 3, 8]);
    // Every pixel is VOC palette colour 2 (0, 128, 0): the whole image is one class.
    expect([...new Set(pixelColors(cls))]).to.deep.equal([packRgb(...vocColor(2))]);
    const obj = decodePng(
      await fetchFixture(
        'pascal_voc/cvat-ai-datumaro/voc_dataset1/SegmentationObject/2007_000001.png',
      ),
    );
    expect([...new Set(pixelColors(obj))]).to.deep.equal([packRgb(...vocColor(1))]);
    expect(vocPalette()).to.have.length(256);
    // COCO panoptic: segment id = R + 256·G + 65536·B per pixel.
    const pan = decodePng(
      await fetchFixture('coco/cvat-ai-datumaro/coco_panoptic/annotations/panoptic_val/b.png'),
    );
    expect([pan.width, pan.height]).to.deep.equal([5, 10]);
    expect([...pixelColors(pan).slice(0, 5)]).to.deep.equal([
      0x070000, 0x070000, 0x140000, 0x140000, 0,
    ]);
  });

  it('round-trips indexed, RGB and 16-bit grey images', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 81 * 3, maxLength: 81 * 3 }),
        (w, h, vals) => {
          const n = w * h;
          const idx = Uint8Array.from(vals.slice(0, n).map((v) => v % 4));
          const pal: [number, number, number][] = [0, 1, 2, 3].map((i) => vocColor(i));
          const a = decodePng(encodeIndexedPng(w, h, idx, pal));
          expect(a.channels).to.equal(1);
          expect([...a.data]).to.deep.equal([...idx]);
          expect(a.palette!.slice(0, 4).map((c) => c.slice(0, 3))).to.deep.equal(pal);
          const rgb = Uint8Array.from(vals.slice(0, n * 3).map((v) => v & 255));
          const b = decodePng(encodeRgbPng(w, h, rgb));
          expect([...b.data]).to.deep.equal([...rgb]);
          const grey = Uint16Array.from(vals.slice(0, n));
          const c = decodePng(encodeGreyPng(w, h, grey));
          expect(c.depth).to.equal(16);
          expect(c.data).to.be.instanceOf(Uint16Array);
          expect([...c.data]).to.deep.equal([...grey]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('unpacks 1-bit and 4-bit rows with row padding', () => {
    // 3×2, 1 bit: rows 101 / 011, each padded to one byte.
    const one = encode({
      width: 3,
      height: 2,
      depth: 1,
      channels: 1,
      data: Uint8Array.from([0b10100000, 0b01100000]),
    });
    expect([...decodePng(one).data]).to.deep.equal([1, 0, 1, 0, 1, 1]);
    const four = encode({
      width: 3,
      height: 1,
      depth: 4,
      channels: 1,
      data: Uint8Array.from([0x1f, 0x70]),
    });
    expect([...decodePng(four).data]).to.deep.equal([1, 15, 7]);
  });

  it('gives typed errors for corrupt and oversize files', () => {
    const good = encodeRgbPng(4, 4, new Uint8Array(48));
    expect(() => decodePng(good.slice(0, 10), { file: 'x.png' }))
      .to.throw()
      .that.satisfies(
        (e: unknown) => isAnnotkitError(e, 'parse') && (e as { file: string }).file === 'x.png',
      );
    const broken = good.slice();
    broken.fill(7, 40, 60);
    expect(() => decodePng(broken))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'parse'));
    expect(() => decodePng(good, { maxPixels: 15 }))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'limit'));
  });

  it('generates the VOC palette', () => {
    expect(vocColor(0)).to.deep.equal([0, 0, 0]);
    expect(vocColor(1)).to.deep.equal([128, 0, 0]);
    expect(vocColor(15)).to.deep.equal([192, 128, 128]);
    expect(vocColor(255)).to.deep.equal([224, 224, 192]);
  });
});
