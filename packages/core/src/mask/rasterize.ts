/** Polygon → mask by scanline fill with pixel-centre sampling. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { MaskGeometry } from '../model/records.js';
import { maskFromBitmap } from './rle.js';

/** Options for {@link polygonToMask}. */
export interface PolygonToMaskOptions {
  /**
   * Image size in pixels to clip to: pixels outside `[0, width) × [0, height)` are not set.
   * Defaults to no clipping.
   */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

/**
 * Rasterises the ring `points` (`[x1, y1, …]`, image pixels, implicitly closed, even-odd rule)
 * into a mask: pixel `(px, py)` is set when its centre `(px + 0.5, py + 0.5)` is inside. A centre
 * exactly on a left edge counts as inside, on a right edge as outside, so two polygons sharing an
 * edge never both take a pixel. The mask has the tight box of its set pixels. Throws
 * `point-count` for fewer than 3 points and `invalid-geometry` when no pixel centre is covered.
 */
export function polygonToMask(
  points: readonly number[],
  options: PolygonToMaskOptions = {},
): MaskGeometry {
  const n = points.length >> 1;
  if (n < 3 || points.length % 2 !== 0) {
    throw new AnnotkitError(ErrorCode.PointCount, `a polygon needs at least 3 points`, {
      path: ['points'],
    });
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    if (!Number.isFinite(points[i]) || !Number.isFinite(points[i + 1])) {
      throw new AnnotkitError(ErrorCode.NotFinite, 'polygon coordinates must be finite', {
        path: ['points', Number.isFinite(points[i]) ? i + 1 : i],
      });
    }
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  // Pixels whose centres can be inside: px + 0.5 in [minX, maxX).
  let x0 = Math.ceil(minX - 0.5);
  let x1 = Math.ceil(maxX - 0.5) - 1;
  let y0 = Math.ceil(minY - 0.5);
  let y1 = Math.ceil(maxY - 0.5) - 1;
  if (options.width !== undefined) {
    x0 = Math.max(x0, 0);
    x1 = Math.min(x1, options.width - 1);
  }
  if (options.height !== undefined) {
    y0 = Math.max(y0, 0);
    y1 = Math.min(y1, options.height - 1);
  }
  if (x1 < x0 || y1 < y0) {
    throw new AnnotkitError(ErrorCode.InvalidGeometry, 'the polygon covers no pixel centre');
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const bitmap = new Uint8Array(width * height);
  const crossings: number[] = [];
  for (let py = y0; py <= y1; py++) {
    const yc = py + 0.5;
    crossings.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ay = points[2 * j + 1];
      const by = points[2 * i + 1];
      if (ay > yc !== by > yc) {
        const ax = points[2 * j];
        const bx = points[2 * i];
        crossings.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
    }
    crossings.sort((a, b) => a - b);
    const row = (py - y0) * width;
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Centres px + 0.5 in [left, right).
      const from = Math.max(x0, Math.ceil(crossings[k] - 0.5));
      const to = Math.min(x1, Math.ceil(crossings[k + 1] - 0.5) - 1);
      if (to >= from) bitmap.fill(1, row + from - x0, row + to - x0 + 1);
    }
  }
  try {
    return maskFromBitmap(bitmap, width, height, x0, y0);
  } catch (e) {
    throw new AnnotkitError(ErrorCode.InvalidGeometry, 'the polygon covers no pixel centre', {
      cause: e,
    });
  }
}
