/** Ellipses: centre, radii and a rotation in degrees about the centre. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { ErrorPath } from '../errors.js';
import { angleDiff, rotatePoint } from '../geometry/angles.js';
import type { EllipseGeometry } from '../model/records.js';
import { blankRecord, lerpRotation } from './common.js';
import type { ShapeDefinition } from './types.js';
import { expectFinite, expectGeometryObject } from './validation.js';

function expectRadius(value: unknown, path: ErrorPath): number {
  const r = expectFinite(value, path);
  if (r <= 0) {
    throw new AnnotkitError(ErrorCode.InvalidGeometry, `ellipse radius must be > 0, got ${r}`, {
      path,
    });
  }
  return r;
}

/**
 * The ellipse definition.
 *
 * Distance is 0 inside. Outside it is the radial approximation: the point is un-rotated into
 * the ellipse's frame, scaled so the ellipse becomes the unit circle, and the distance is
 * measured to where the ray from the centre through the point crosses the outline. This is exact
 * for circles and an upper bound otherwise (off by at most a factor of about rmax/rmin on very
 * flat ellipses near their ends), which is enough to rank hit candidates; the exact distance needs
 * solving a quartic.
 *
 * Interpolation is CVAT's: centre and radii linearly, rotation along the shortest arc.
 * (CVAT lerps the corner `rightX, topY`; lerping the radii is the same map up to rounding.)
 */
export const ellipseDefinition: ShapeDefinition<'ellipse'> = {
  type: 'ellipse',

  validate(value, path) {
    const record = expectGeometryObject(
      value,
      'ellipse',
      ['cx', 'cy', 'rx', 'ry', 'rotation'],
      path,
    );
    return {
      type: 'ellipse',
      cx: expectFinite(record.cx, [...path, 'cx']),
      cy: expectFinite(record.cy, [...path, 'cy']),
      rx: expectRadius(record.rx, [...path, 'rx']),
      ry: expectRadius(record.ry, [...path, 'ry']),
      rotation: expectFinite(record.rotation, [...path, 'rotation']),
    };
  },

  bounds(g) {
    const rad = (g.rotation * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const hx = Math.sqrt((g.rx * cos) ** 2 + (g.ry * sin) ** 2);
    const hy = Math.sqrt((g.rx * sin) ** 2 + (g.ry * cos) ** 2);
    return { minX: g.cx - hx, minY: g.cy - hy, maxX: g.cx + hx, maxY: g.cy + hy };
  },

  distance(g, x, y) {
    let px = x;
    let py = y;
    if (g.rotation % 360 !== 0) [px, py] = rotatePoint(x, y, -g.rotation, g.cx, g.cy);
    const dx = px - g.cx;
    const dy = py - g.cy;
    const r = Math.sqrt((dx / g.rx) ** 2 + (dy / g.ry) ** 2);
    if (r <= 1) return 0;
    return Math.sqrt(dx * dx + dy * dy) * (1 - 1 / r);
  },

  area(g) {
    return Math.PI * g.rx * g.ry;
  },

  translate(g, dx, dy) {
    return { ...g, cx: g.cx + dx, cy: g.cy + dy };
  },

  interpolator(a, b) {
    const diff = angleDiff(b.rotation, a.rotation);
    return (t): EllipseGeometry => {
      if (t === 0) return a;
      const g = blankRecord<EllipseGeometry>();
      g.type = 'ellipse';
      g.cx = a.cx + (b.cx - a.cx) * t;
      g.cy = a.cy + (b.cy - a.cy) * t;
      g.rx = a.rx + (b.rx - a.rx) * t;
      g.ry = a.ry + (b.ry - a.ry) * t;
      g.rotation = lerpRotation(a.rotation, diff, t);
      return g;
    };
  },
};
