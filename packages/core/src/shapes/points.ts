/** Point sets: `[x1, y1, …]`, at least 1 point. */
import { distanceToPoints } from '../geometry/distance.js';
import type { PointsGeometry } from '../model/records.js';
import { boundsOfPoints, pointsRecord, prepareLerp, translatePoints } from './common.js';
import type { ShapeDefinition } from './types.js';
import { expectGeometryObject, expectPointArray } from './validation.js';

/**
 * The points definition. Distance is to the nearest point; area is 0.
 *
 * Interpolation: point i moves linearly to point i when both keyframes have the same number of
 * points; otherwise the left keyframe is held. CVAT is stricter: it interpolates only when both
 * keyframes have exactly one point and holds otherwise, so tracks of multi-point sets with equal
 * counts move smoothly here but jump in CVAT.
 */
export const pointsDefinition: ShapeDefinition<'points'> = {
  type: 'points',

  validate(value, path) {
    const record = expectGeometryObject(value, 'points', ['points'], path);
    return { type: 'points', points: expectPointArray(record.points, 1, [...path, 'points']) };
  },

  bounds: (g) => boundsOfPoints(g.points),
  distance: (g, x, y) => distanceToPoints(g.points, x, y),
  area: () => 0,
  translate: (g, dx, dy) => ({ type: 'points', points: translatePoints(g.points, dx, dy) }),

  interpolator(a, b) {
    if (a.points.length !== b.points.length) return () => a;
    const points = prepareLerp(a.points, b.points);
    return (t): PointsGeometry => (t === 0 ? a : pointsRecord('points', points(t)));
  },
};
