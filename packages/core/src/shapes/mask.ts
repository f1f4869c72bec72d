/** Masks: CVAT RLE over a tight box with inclusive right/bottom. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { ErrorPath } from '../errors.js';
import { maskArea, maskDistance } from '../mask/rle.js';
import type { MaskGeometry } from '../model/records.js';
import type { ShapeDefinition } from './types.js';
import { expectGeometryObject, expectInteger, invalidType } from './validation.js';

function expectRuns(value: unknown, path: ErrorPath): number[] {
  if (!Array.isArray(value)) invalidType(path, 'expected an array of run lengths');
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const run = expectInteger(value[i], [...path, i]);
    if (run < 0) {
      throw new AnnotkitError(ErrorCode.InvalidGeometry, `run lengths are ≥ 0, got ${run}`, {
        path: [...path, i],
      });
    }
    out[i] = run;
  }
  return out;
}

/**
 * The mask definition.
 *
 * Bounds are pixel edges: `[left, right + 1] × [top, bottom + 1]`. Distance is 0 on a set pixel
 * and otherwise the exact distance to the nearest set pixel's square, computed from the runs
 * in O(runs) (better than the distance to the box, which would report 0 inside holes and empty
 * corners). Area counts set pixels. Translation needs whole pixels and throws `invalid-geometry`
 * otherwise (callers round: a mask cannot move by a fraction of a pixel without resampling).
 * Interpolation holds the left keyframe; masks change between keyframes only by adding keyframes.
 */
export const maskDefinition: ShapeDefinition<'mask'> = {
  type: 'mask',

  validate(value, path) {
    const record = expectGeometryObject(
      value,
      'mask',
      ['rle', 'left', 'top', 'right', 'bottom'],
      path,
    );
    const rle = expectRuns(record.rle, [...path, 'rle']);
    const left = expectInteger(record.left, [...path, 'left']);
    const top = expectInteger(record.top, [...path, 'top']);
    const right = expectInteger(record.right, [...path, 'right']);
    const bottom = expectInteger(record.bottom, [...path, 'bottom']);
    if (right < left) {
      throw new AnnotkitError(ErrorCode.InvalidGeometry, `right (${right}) < left (${left})`, {
        path: [...path, 'right'],
      });
    }
    if (bottom < top) {
      throw new AnnotkitError(ErrorCode.InvalidGeometry, `bottom (${bottom}) < top (${top})`, {
        path: [...path, 'bottom'],
      });
    }
    const size = (right - left + 1) * (bottom - top + 1);
    const total = rle.reduce((s, r) => s + r, 0);
    if (total !== size) {
      throw new AnnotkitError(
        ErrorCode.InvalidGeometry,
        `runs add up to ${total} pixels, the ${right - left + 1}×${bottom - top + 1} box has ${size}`,
        { path: [...path, 'rle'] },
      );
    }
    return { type: 'mask', rle, left, top, right, bottom };
  },

  bounds: (g) => ({ minX: g.left, minY: g.top, maxX: g.right + 1, maxY: g.bottom + 1 }),
  distance: (g, x, y) => maskDistance(g, x, y),
  area: (g) => maskArea(g),

  translate(g, dx, dy) {
    if (!Number.isInteger(dx) || !Number.isInteger(dy)) {
      throw new AnnotkitError(
        ErrorCode.InvalidGeometry,
        `masks move by whole pixels, got (${dx}, ${dy})`,
      );
    }
    return {
      type: 'mask',
      rle: g.rle,
      left: g.left + dx,
      top: g.top + dy,
      right: g.right + dx,
      bottom: g.bottom + dy,
    };
  },

  interpolator(a) {
    return (): MaskGeometry => a;
  },
};
