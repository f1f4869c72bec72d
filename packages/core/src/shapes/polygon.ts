/** Polygons: `[x1, y1, …]`, at least 3 points, implicitly closed. */
import { distanceToPolygon, polygonArea } from '../geometry/distance.js';
import type { PolygonGeometry } from '../model/records.js';
import { boundsOfPoints, pointsRecord, translatePoints } from './common.js';
import { preparePolygon } from './polyshape.js';
import type { ShapeDefinition } from './types.js';
import { expectGeometryObject, expectPointArray } from './validation.js';

/**
 * The polygon definition. Distance is 0 inside (even-odd rule) and the distance to the nearest
 * edge outside; area is the shoelace area. Interpolation is CVAT's polyshape algorithm on the
 * closed rings (see `polyshape.ts`); `alignStart` re-orders the right ring first.
 *
 * What holds at the keyframes: `t = 0` returns the left geometry itself; at `t = 1` every output
 * point is a vertex of the right ring (up to rounding) in ring order starting at its vertex 0,
 * but right vertices closer together than CVAT's reduction threshold may be merged, so the result
 * is not always the right keyframe. Tracks never evaluate `t = 1`: that frame is the keyframe.
 */
export const polygonDefinition: ShapeDefinition<'polygon'> = {
  type: 'polygon',

  validate(value, path) {
    const record = expectGeometryObject(value, 'polygon', ['points'], path);
    return { type: 'polygon', points: expectPointArray(record.points, 3, [...path, 'points']) };
  },

  bounds: (g) => boundsOfPoints(g.points),
  distance: (g, x, y) => distanceToPolygon(g.points, x, y),
  area: (g) => polygonArea(g.points),
  translate: (g, dx, dy) => ({ type: 'polygon', points: translatePoints(g.points, dx, dy) }),

  interpolator(a, b, options) {
    const evaluate = preparePolygon(a.points, b.points, options?.alignStart ?? false);
    return (t): PolygonGeometry => (t === 0 ? a : pointsRecord('polygon', evaluate(t)));
  },
};
