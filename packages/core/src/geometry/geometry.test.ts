import { expect } from 'chai';
import fc from 'fast-check';
import {
  angleDiff,
  convexHull,
  douglasPeucker,
  eulerToQuaternion,
  normalizeDegrees,
  pointInPolygon,
  pointSegmentDistance,
  polygonArea,
  quaternionToEuler,
  rotatePoint,
  slerp,
} from './index.js';

describe('geometry helpers', () => {
  it('point-segment distance', () => {
    expect(pointSegmentDistance(5, 3, 0, 0, 10, 0)).to.equal(3);
    expect(pointSegmentDistance(13, 4, 0, 0, 10, 0)).to.equal(5);
    expect(pointSegmentDistance(3, 4, 0, 0, 0, 0)).to.equal(5);
  });

  it('point in polygon (even-odd) and shoelace area', () => {
    const square = [0, 0, 4, 0, 4, 4, 0, 4];
    expect(pointInPolygon(square, 2, 2)).to.equal(true);
    expect(pointInPolygon(square, 5, 2)).to.equal(false);
    expect(polygonArea(square)).to.equal(16);
    expect(polygonArea([0, 0, 0, 4, 4, 4, 4, 0])).to.equal(16);
  });

  it('convex hull drops interior and collinear points', () => {
    const hull = convexHull([0, 0, 2, 0, 4, 0, 4, 4, 0, 4, 2, 2, 1, 3]);
    expect(hull).to.deep.equal([0, 0, 4, 0, 4, 4, 0, 4]);
    expect(convexHull([1, 1, 1, 1])).to.deep.equal([1, 1]);
  });

  it('hull contains every input point', () => {
    const pts = fc.array(
      fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })),
      {
        minLength: 3,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(pts, (ps) => {
        const flat = ps.flat();
        const hull = convexHull(flat);
        if (hull.length < 6) return;
        const area = polygonArea(hull);
        for (let i = 0; i < flat.length; i += 2) {
          // Adding an input point to the hull never grows its area.
          expect(polygonArea(convexHull([...hull, flat[i], flat[i + 1]]))).to.equal(area);
        }
      }),
    );
  });

  it('angles: CVAT shortest arc, rotation, normalisation', () => {
    expect(angleDiff(20, 350)).to.equal(30);
    expect(angleDiff(350, 20)).to.equal(-30);
    expect(angleDiff(180, 0)).to.equal(180);
    expect(angleDiff(0, 180)).to.equal(180);
    const [x, y] = rotatePoint(1, 0, 90);
    expect(x).to.be.closeTo(0, 1e-15);
    expect(y).to.be.closeTo(1, 1e-15); // clockwise on screen: +x turns to +y (down)
    expect(normalizeDegrees(-30)).to.equal(330);
    expect(normalizeDegrees(720)).to.equal(0);
  });

  it('Euler XYZ ⇄ quaternion round-trips (away from gimbal lock)', () => {
    const a = fc.double({ min: -3, max: 3, noNaN: true });
    const b = fc.double({ min: -1.5, max: 1.5, noNaN: true });
    fc.assert(
      fc.property(a, b, a, (x, y, z) => {
        const back = quaternionToEuler(eulerToQuaternion([x, y, z]));
        expect(back[0]).to.be.closeTo(x, 1e-6);
        expect(back[1]).to.be.closeTo(y, 1e-6);
        expect(back[2]).to.be.closeTo(z, 1e-6);
      }),
    );
  });

  it('slerp hits its end points and goes the short way', () => {
    const q1 = eulerToQuaternion([0, 0, 0]);
    const q2 = eulerToQuaternion([0, 0, Math.PI / 2]);
    expect(
      slerp(q1, q2, 0)
        .map((v, i) => v - q1[i])
        .every((d) => Math.abs(d) < 1e-12),
    ).to.equal(true);
    expect(
      slerp(q1, q2, 1)
        .map((v, i) => v - q2[i])
        .every((d) => Math.abs(d) < 1e-12),
    ).to.equal(true);
    const mid = quaternionToEuler(slerp(q1, q2, 0.5));
    expect(mid[2]).to.be.closeTo(Math.PI / 4, 1e-12);
  });

  it('Douglas–Peucker keeps ends and corners beyond the tolerance', () => {
    const line = [0, 0, 1, 0.1, 2, -0.1, 3, 0, 3, 5];
    expect(douglasPeucker(line, 0.5)).to.deep.equal([0, 0, 3, 0, 3, 5]);
    expect(douglasPeucker(line, 0)).to.deep.equal(line);
    const ring = [0, 0, 5, 0.1, 10, 0, 10, 10, 0, 10];
    expect(douglasPeucker(ring, 0.5, true)).to.deep.equal([0, 0, 10, 0, 10, 10, 0, 10]);
  });
});
