/**
 * CVAT's mask RLE and plain bitmaps.
 *
 * CVAT stores a mask as run lengths over a tight box, row-major, starting with a run of zeros
 * (possibly 0 long): `[3, 1]` is `0 0 0 1`. We keep that encoding in the document because it is
 * what CVAT XML/JSON carry and it is compact for blobs; the bitmap form (`Uint8Array` of 0/1 over
 * the box, row-major) is what tools and converters work on. Hit testing walks the runs directly
 * instead of decoding, so hovering a large mask costs O(runs), not O(pixels).
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import { distanceToBox } from '../geometry/distance.js';
import type { MaskGeometry } from '../model/records.js';

/** A 0/1 bitmap over a `width × height` box, row-major. */
export interface Bitmap {
  readonly bitmap: Uint8Array;
  /** Pixels. */
  readonly width: number;
  /** Pixels. */
  readonly height: number;
}

function expectSize(width: number, height: number): void {
  if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
    throw new AnnotkitError(
      ErrorCode.InvalidGeometry,
      `bitmap size must be positive integers, got ${width}×${height}`,
    );
  }
}

/**
 * Decodes CVAT RLE into a 0/1 bitmap of `width × height` pixels. Throws `invalid-geometry` when
 * a run is negative or not an integer, or the runs do not add up to `width × height`.
 */
export function rleToBitmap(rle: readonly number[], width: number, height: number): Uint8Array {
  expectSize(width, height);
  const size = width * height;
  const out = new Uint8Array(size);
  let pos = 0;
  for (let i = 0; i < rle.length; i++) {
    const run = rle[i];
    if (!Number.isInteger(run) || run < 0) {
      throw new AnnotkitError(ErrorCode.InvalidGeometry, `bad run length ${run}`, {
        path: ['rle', i],
      });
    }
    if (pos + run > size) break;
    if (i % 2 === 1) out.fill(1, pos, pos + run);
    pos += run;
  }
  const total = rle.reduce((s, r) => s + r, 0);
  if (total !== size) {
    throw new AnnotkitError(
      ErrorCode.InvalidGeometry,
      `runs add up to ${total} pixels, the box has ${size}`,
      { path: ['rle'] },
    );
  }
  return out;
}

/**
 * Encodes a bitmap (any non-zero value counts as set) as CVAT RLE: alternating run lengths
 * starting with a run of zeros, which is 0 when the first pixel is set. An empty input gives `[]`.
 */
export function bitmapToRle(bitmap: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (bitmap.length === 0) return out;
  let value = 0;
  let run = 0;
  for (let i = 0; i < bitmap.length; i++) {
    const v = bitmap[i] !== 0 ? 1 : 0;
    if (v === value) {
      run++;
    } else {
      out.push(run);
      value = v;
      run = 1;
    }
  }
  out.push(run);
  return out;
}

/** Width and height in pixels of a mask's inclusive box. */
export function maskSize(mask: MaskGeometry): { width: number; height: number } {
  return { width: mask.right - mask.left + 1, height: mask.bottom - mask.top + 1 };
}

/** Decodes a mask into a bitmap over its box (`left`, `top` is pixel (0, 0) of the bitmap). */
export function maskToBitmap(mask: MaskGeometry): Bitmap {
  const { width, height } = maskSize(mask);
  return { bitmap: rleToBitmap(mask.rle, width, height), width, height };
}

/**
 * Builds a mask from a `width × height` bitmap whose pixel (0, 0) is image pixel
 * `(left, top)` (defaults 0, 0): shrinks to the tight box of the set pixels and encodes it.
 * Throws `invalid-geometry` when no pixel is set or the bitmap length is not `width × height`.
 */
export function maskFromBitmap(
  bitmap: ArrayLike<number>,
  width: number,
  height: number,
  left = 0,
  top = 0,
): MaskGeometry {
  expectSize(width, height);
  if (bitmap.length !== width * height) {
    throw new AnnotkitError(
      ErrorCode.InvalidGeometry,
      `bitmap has ${bitmap.length} pixels, expected ${width}×${height}`,
    );
  }
  if (!Number.isInteger(left) || !Number.isInteger(top)) {
    throw new AnnotkitError(ErrorCode.InvalidGeometry, `mask origin must be integer pixels`);
  }
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (bitmap[row + x] !== 0) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        maxY = y;
      }
    }
  }
  if (maxX < 0) throw new AnnotkitError(ErrorCode.InvalidGeometry, 'the mask has no set pixel');
  const rle: number[] = [];
  let value = 0;
  let run = 0;
  for (let y = minY; y <= maxY; y++) {
    const row = y * width;
    for (let x = minX; x <= maxX; x++) {
      const v = bitmap[row + x] !== 0 ? 1 : 0;
      if (v === value) run++;
      else {
        rle.push(run);
        value = v;
        run = 1;
      }
    }
  }
  rle.push(run);
  return {
    type: 'mask',
    rle,
    left: left + minX,
    top: top + minY,
    right: left + maxX,
    bottom: top + maxY,
  };
}

/** Number of set pixels of a mask (the sum of its odd-indexed runs). */
export function maskArea(mask: Pick<MaskGeometry, 'rle'>): number {
  let area = 0;
  for (let i = 1; i < mask.rle.length; i += 2) area += mask.rle[i];
  return area;
}

/** Is image pixel `(px, py)` (integers) set in the mask? O(runs), no decoding. */
export function maskHasPixel(mask: MaskGeometry, px: number, py: number): boolean {
  if (px < mask.left || px > mask.right || py < mask.top || py > mask.bottom) return false;
  const width = mask.right - mask.left + 1;
  const target = (py - mask.top) * width + (px - mask.left);
  let pos = 0;
  for (let i = 0; i < mask.rle.length; i++) {
    pos += mask.rle[i];
    if (target < pos) return i % 2 === 1;
  }
  return false;
}

/**
 * Distance in pixels from the image point `(x, y)` to the nearest set pixel, each pixel being
 * the unit square `[px, px + 1] × [py, py + 1]`: 0 on a set pixel. Exact, in O(runs): each run
 * covers at most a partial row, a block of full rows and another partial row. `Infinity` for a
 * mask without set pixels.
 */
export function maskDistance(mask: MaskGeometry, x: number, y: number): number {
  const width = mask.right - mask.left + 1;
  let best = Infinity;
  let pos = 0;
  const rect = (c0: number, r0: number, c1: number, r1: number): void => {
    // Columns c0..c1 and rows r0..r1 inclusive, in box coordinates.
    const d = distanceToBox(
      mask.left + c0,
      mask.top + r0,
      mask.left + c1 + 1,
      mask.top + r1 + 1,
      x,
      y,
    );
    if (d < best) best = d;
  };
  for (let i = 0; i < mask.rle.length && best > 0; i++) {
    const run = mask.rle[i];
    if (i % 2 === 1 && run > 0) {
      const end = pos + run - 1;
      const r0 = Math.floor(pos / width);
      const c0 = pos - r0 * width;
      const r1 = Math.floor(end / width);
      const c1 = end - r1 * width;
      if (r0 === r1) rect(c0, r0, c1, r0);
      else {
        rect(c0, r0, width - 1, r0);
        if (r1 - r0 > 1) rect(0, r0 + 1, width - 1, r1 - 1);
        rect(0, r1, c1, r1);
      }
    }
    pos += run;
  }
  return best;
}
