/** Polylines: `[x1, y1, …]`, at least 2 points, open. */
import { distanceToPolyline } from '../geometry/distance.js';
import type { PolylineGeometry } from '../model/records.js';
import { boundsOfPoints, pointsRecord, translatePoints } from './common.js';
import { preparePolyline } from './polyshape.js';
import type { ShapeDefinition } from './types.js';
import { expectGeometryObject, expectPointArray } from './validation.js';

/**
 * The polyline definition. Distance is to the nearest segment; area is 0. Interpolation is
 * CVAT's polyshape algorithm (see `polyshape.ts`); `alignStart` does not apply to open curves.
 *
 * At the keyframes: `t = 0` returns the left geometry itself; at `t = 1` (both curves of
 * non-zero length) the output starts at the right's first point and ends at its last, and
 * every output point is a right vertex (up to rounding), but vertices closer than CVAT's
 * reduction threshold may be merged.
 */
export const polylineDefinition: ShapeDefinition<'polyline'> = {
  type: 'polyline',

  validate(value, path) {
    const record = expectGeometryObject(value, 'polyline', ['points'], path);
    return { type: 'polyline', points: expectPointArray(record.points, 2, [...path, 'points']) };
  },

  bounds: (g) => boundsOfPoints(g.points),
  distance: (g, x, y) => distanceToPolyline(g.points, x, y),
  area: () => 0,
  translate: (g, dx, dy) => ({ type: 'polyline', points: translatePoints(g.points, dx, dy) }),

  interpolator(a, b) {
    const evaluate = preparePolyline(a.points, b.points);
    return (t): PolylineGeometry => (t === 0 ? a : pointsRecord('polyline', evaluate(t)));
  },
};
