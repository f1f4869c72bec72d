/** 2D cuboids: 8 points (16 numbers), front face then back face. */
import { distanceToPolygon, polygonArea } from '../geometry/distance.js';
import { convexHull } from '../geometry/hull.js';
import type { CuboidGeometry } from '../model/records.js';
import { boundsOfPoints, pointsRecord, prepareLerp, translatePoints } from './common.js';
import type { ShapeDefinition } from './types.js';
import { expectFiniteTuple, expectGeometryObject } from './validation.js';

/**
 * The 2D cuboid definition. Hit testing and area use the convex hull of the 8 points (Andrew's
 * monotone chain, as CVAT does): 0 inside the hull, else the distance to its outline.
 * Interpolation is linear on all 16 numbers (CVAT).
 */
export const cuboidDefinition: ShapeDefinition<'cuboid'> = {
  type: 'cuboid',

  validate(value, path) {
    const record = expectGeometryObject(value, 'cuboid', ['points'], path);
    return { type: 'cuboid', points: expectFiniteTuple(record.points, 16, [...path, 'points']) };
  },

  bounds: (g) => boundsOfPoints(g.points),

  distance(g, x, y) {
    const hull = convexHull(g.points);
    // A degenerate hull (all points on one spot or one line) has 1 or 2 points: measure to them.
    if (hull.length === 2) return Math.hypot(hull[0] - x, hull[1] - y);
    return distanceToPolygon(hull, x, y);
  },

  area: (g) => polygonArea(convexHull(g.points)),
  translate: (g, dx, dy) => ({ type: 'cuboid', points: translatePoints(g.points, dx, dy) }),

  interpolator(a, b) {
    const points = prepareLerp(a.points, b.points);
    return (t): CuboidGeometry => (t === 0 ? a : pointsRecord('cuboid', points(t)));
  },
};
