/** Rectangles: `[xtl, ytl, xbr, ybr]` plus a rotation in degrees about the centre. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import { angleDiff, rotatePoint } from '../geometry/angles.js';
import { distanceToBox } from '../geometry/distance.js';
import type { RectangleGeometry } from '../model/records.js';
import { blankRecord, lerpRotation, prepareLerp } from './common.js';
import type { ShapeDefinition } from './types.js';
import { expectFinite, expectFiniteTuple, expectGeometryObject } from './validation.js';

/**
 * The rectangle definition. Distance un-rotates the point about the centre, then measures to
 * the axis-aligned box (0 inside). Interpolation is CVAT's: the four numbers linearly, the
 * rotation along the shortest arc, `(l + diff·t + 360) % 360`.
 */
export const rectangleDefinition: ShapeDefinition<'rectangle'> = {
  type: 'rectangle',

  validate(value, path) {
    const record = expectGeometryObject(value, 'rectangle', ['points', 'rotation'], path);
    const points = expectFiniteTuple(record.points, 4, [...path, 'points']);
    if (points[0] > points[2] || points[1] > points[3]) {
      throw new AnnotkitError(
        ErrorCode.InvalidGeometry,
        `rectangle corners are inverted: xtl ≤ xbr and ytl ≤ ybr required, got [${points.join(', ')}]`,
        { path: [...path, 'points'] },
      );
    }
    const rotation = expectFinite(record.rotation, [...path, 'rotation']);
    return { type: 'rectangle', points, rotation };
  },

  bounds(g) {
    const [xtl, ytl, xbr, ybr] = g.points;
    if (g.rotation % 360 === 0) return { minX: xtl, minY: ytl, maxX: xbr, maxY: ybr };
    const cx = (xtl + xbr) / 2;
    const cy = (ytl + ybr) / 2;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of [
      [xtl, ytl],
      [xbr, ytl],
      [xbr, ybr],
      [xtl, ybr],
    ] as const) {
      const [rx, ry] = rotatePoint(x, y, g.rotation, cx, cy);
      minX = Math.min(minX, rx);
      minY = Math.min(minY, ry);
      maxX = Math.max(maxX, rx);
      maxY = Math.max(maxY, ry);
    }
    return { minX, minY, maxX, maxY };
  },

  distance(g, x, y) {
    const [xtl, ytl, xbr, ybr] = g.points;
    let px = x;
    let py = y;
    if (g.rotation % 360 !== 0) {
      [px, py] = rotatePoint(x, y, -g.rotation, (xtl + xbr) / 2, (ytl + ybr) / 2);
    }
    return distanceToBox(xtl, ytl, xbr, ybr, px, py);
  },

  area(g) {
    return (g.points[2] - g.points[0]) * (g.points[3] - g.points[1]);
  },

  translate(g, dx, dy) {
    const [xtl, ytl, xbr, ybr] = g.points;
    return {
      type: 'rectangle',
      points: [xtl + dx, ytl + dy, xbr + dx, ybr + dy],
      rotation: g.rotation,
    };
  },

  interpolator(a, b) {
    const diff = angleDiff(b.rotation, a.rotation);
    const rotation = a.rotation;
    const points = prepareLerp(a.points, b.points);
    return (t): RectangleGeometry => {
      if (t === 0) return a;
      const g = blankRecord<RectangleGeometry>();
      g.type = 'rectangle';
      g.points = points(t);
      g.rotation = lerpRotation(rotation, diff, t);
      return g;
    };
  },
};
