/**
 * COCO RLE and its conversion to and from CVAT masks.
 *
 * Why this file exists: COCO RLE and CVAT RLE look alike but differ in two ways that silently
 * corrupt masks when mixed up. COCO scans the **whole image column-major** (`k ↔ y = k % h,
 * x = ⌊k / h⌋`, `size = [h, w]`); CVAT scans a **tight box row-major** with inclusive
 * right/bottom. Both start with a run of zeros. The compressed COCO string (pycocotools
 * `rleToString`) delta-codes counts from index 3 on (`i > 2`) against the count two back, then
 * writes 5-bit groups, low first, as chars `48 + group | 0x20-if-more`, with sign extension from
 * bit 0x10 of the last group. Arithmetic here uses multiplications instead of `<<`/`>>` because JS
 * shifts wrap at 32 bits where C's `long` does not.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ErrorPath, MaskGeometry } from '@annotkit/core';

/** Decodes a compressed COCO RLE string into counts. Throws `parse` on a bad character. */
export function decodeCocoString(s: string, file?: string, path: ErrorPath = []): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let scale = 1;
    let more = true;
    while (more) {
      if (p >= s.length) {
        throw new AnnotkitError(ErrorCode.Parse, 'truncated compressed RLE string', { file, path });
      }
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 63) {
        throw new AnnotkitError(ErrorCode.Parse, `bad character in compressed RLE at ${p}`, {
          file,
          path,
        });
      }
      x += (c & 0x1f) * scale;
      scale *= 32;
      more = (c & 0x20) !== 0;
      p++;
      if (!more && (c & 0x10) !== 0) x -= scale;
    }
    const m = counts.length;
    if (m > 2) x += counts[m - 2];
    counts.push(x);
  }
  return counts;
}

/** Encodes counts as pycocotools' compressed RLE string. */
export function encodeCocoString(counts: readonly number[]): string {
  let out = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2];
    let more = true;
    while (more) {
      let c = ((x % 32) + 32) % 32;
      x = Math.floor(x / 32);
      more = (c & 0x10) !== 0 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out += String.fromCharCode(c + 48);
    }
  }
  return out;
}

/** Sum of the 1-runs of COCO counts: the mask's pixel area. */
export function cocoArea(counts: readonly number[]): number {
  let a = 0;
  for (let i = 1; i < counts.length; i += 2) a += counts[i];
  return a;
}

/** Bounding box `[x, y, w, h]` of COCO counts over an image of height `h` (pycocotools `toBbox`). */
export function cocoBbox(counts: readonly number[], h: number): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  let k = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (i % 2 === 1 && n > 0) {
      const x0 = Math.floor(k / h);
      const x1 = Math.floor((k + n - 1) / h);
      minX = Math.min(minX, x0);
      maxX = Math.max(maxX, x1);
      if (x0 === x1) {
        minY = Math.min(minY, k % h);
        maxY = Math.max(maxY, (k + n - 1) % h);
      } else {
        minY = 0;
        maxY = h - 1;
      }
    }
    k += n;
  }
  if (maxX < 0) return [0, 0, 0, 0];
  return [minX, minY, maxX - minX + 1, maxY - minY + 1];
}

/**
 * Converts COCO counts over an `h × w` image to a CVAT mask over its tight box. Returns
 * `undefined` for an empty mask. Throws `invalid-geometry` when the counts do not sum to `h·w`
 * or contain a negative run.
 */
export function cocoToMask(
  counts: readonly number[],
  h: number,
  w: number,
  file?: string,
  path: ErrorPath = [],
): MaskGeometry | undefined {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (!Number.isInteger(n) || n < 0) {
      throw new AnnotkitError(ErrorCode.InvalidGeometry, 'RLE counts must be integers ≥ 0', {
        file,
        path: [...path, i],
      });
    }
    total += n;
  }
  if (total !== h * w) {
    throw new AnnotkitError(
      ErrorCode.InvalidGeometry,
      `RLE counts sum to ${total}, expected height × width = ${h * w}`,
      { file, path },
    );
  }
  const [bx, by, bw, bh] = cocoBbox(counts, h);
  if (bw === 0) return undefined;
  const bits = new Uint8Array(bw * bh);
  let k = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (i % 2 === 1) {
      for (let j = k; j < k + n; j++) {
        const x = Math.floor(j / h);
        const y = j - x * h;
        bits[(y - by) * bw + (x - bx)] = 1;
      }
    }
    k += n;
  }
  return bitsToMask(bits, bw, bh, bx, by);
}

/**
 * Converts a CVAT mask to COCO counts over an `h × w` image. Pixels outside the image are not
 * representable; their number is returned as `clipped` so exporters can report them.
 */
export function maskToCoco(
  mask: MaskGeometry,
  h: number,
  w: number,
): { counts: number[]; area: number; clipped: number } {
  const bits = maskToBits(mask);
  const mw = mask.right - mask.left + 1;
  const counts: number[] = [];
  let cur = 0;
  let runStart = 0;
  let area = 0;
  let clipped = 0;
  const x0 = Math.max(mask.left, 0);
  const x1 = Math.min(mask.right, w - 1);
  const y0 = Math.max(mask.top, 0);
  const y1 = Math.min(mask.bottom, h - 1);
  for (let x = x0; x <= x1; x++) {
    const col = x - mask.left;
    for (let y = y0; y <= y1; y++) {
      const v = bits[(y - mask.top) * mw + col];
      if (v !== cur) {
        const k = x * h + y;
        counts.push(k - runStart);
        runStart = k;
        cur = v;
      }
      area += v;
    }
    if (cur === 1 && !(y0 === 0 && y1 === h - 1 && x < x1)) {
      const k = x * h + y1 + 1;
      counts.push(k - runStart);
      runStart = k;
      cur = 0;
    }
  }
  if (h * w - runStart > 0 || counts.length === 0) counts.push(h * w - runStart);
  for (let i = 0; i < bits.length; i++) clipped += bits[i];
  clipped -= area;
  return { counts, area, clipped };
}

/** Decodes a CVAT mask into a row-major 0/1 bitmap of its box (`(right−left+1) × (bottom−top+1)`). */
export function maskToBits(mask: MaskGeometry): Uint8Array {
  const w = mask.right - mask.left + 1;
  const h = mask.bottom - mask.top + 1;
  const bits = new Uint8Array(Math.max(0, w * h));
  let k = 0;
  for (let i = 0; i < mask.rle.length; i++) {
    const n = mask.rle[i];
    if (i % 2 === 1) bits.fill(1, k, Math.min(k + n, bits.length));
    k += n;
  }
  return bits;
}

/**
 * Encodes a row-major 0/1 bitmap (`bw × bh`, placed at `(bx, by)`) as a CVAT mask over the tight
 * box of its set pixels. Returns `undefined` when no pixel is set.
 */
export function bitsToMask(
  bits: Uint8Array,
  bw: number,
  bh: number,
  bx: number,
  by: number,
): MaskGeometry | undefined {
  let minX = bw;
  let minY = bh;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < bh; y++) {
    const row = y * bw;
    for (let x = 0; x < bw; x++) {
      if (bits[row + x] !== 0) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        maxY = y;
      }
    }
  }
  if (maxX < 0) return undefined;
  const rle: number[] = [];
  let cur = 0;
  let run = 0;
  for (let y = minY; y <= maxY; y++) {
    const row = y * bw;
    for (let x = minX; x <= maxX; x++) {
      const v = bits[row + x] !== 0 ? 1 : 0;
      if (v !== cur) {
        rle.push(run);
        run = 0;
        cur = v;
      }
      run++;
    }
  }
  rle.push(run);
  return {
    type: 'mask',
    rle,
    left: bx + minX,
    top: by + minY,
    right: bx + maxX,
    bottom: by + maxY,
  };
}

/** Number of set pixels of a CVAT mask. */
export function maskArea(mask: MaskGeometry): number {
  let a = 0;
  for (let i = 1; i < mask.rle.length; i += 2) a += mask.rle[i];
  return a;
}
