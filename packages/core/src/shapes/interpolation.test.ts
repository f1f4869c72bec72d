import { expect } from 'chai';
import fc from 'fast-check';
import { polylineLength } from '../geometry/distance.js';
import { eulerToQuaternion } from '../geometry/quaternion.js';
import type { LabelId } from '../model/ids.js';
import type {
  Cuboid3dGeometry,
  EllipseGeometry,
  Geometry,
  PolygonGeometry,
  PolylineGeometry,
  RectangleGeometry,
} from '../model/records.js';
import { geometryInterpolator, interpolateGeometry, shapeDefinition } from './index.js';

const coord = fc.double({ min: -1000, max: 1000, noNaN: true });
const angle = fc.double({ min: 0, max: 359.999, noNaN: true });
const flatPoints = (min: number, max: number) =>
  fc.array(fc.tuple(coord, coord), { minLength: min, maxLength: max }).map((ps) => ps.flat());

const rectangle = fc
  .record({
    x: coord,
    y: coord,
    w: fc.double({ min: 0, max: 500, noNaN: true }),
    h: fc.double({ min: 0, max: 500, noNaN: true }),
    rotation: angle,
  })
  .map(({ x, y, w, h, rotation }): RectangleGeometry => ({
    type: 'rectangle',
    points: [x, y, x + w, y + h],
    rotation,
  }));
const ellipse = fc
  .record({
    cx: coord,
    cy: coord,
    rx: fc.double({ min: 0.1, max: 500, noNaN: true }),
    ry: fc.double({ min: 0.1, max: 500, noNaN: true }),
    rotation: angle,
  })
  .map((e): EllipseGeometry => ({ type: 'ellipse', ...e }));
const polygon = flatPoints(3, 12).map((points): PolygonGeometry => ({ type: 'polygon', points }));
const polyline = flatPoints(2, 12).map((points): PolylineGeometry => ({
  type: 'polyline',
  points,
}));
// Coordinates on a quarter-pixel grid: no segment so short that its length underflows.
const gridCoord = fc.integer({ min: -4000, max: 4000 }).map((v) => v / 4);
const gridPolygon = fc
  .array(fc.tuple(gridCoord, gridCoord), { minLength: 3, maxLength: 12 })
  .map((ps): PolygonGeometry => ({ type: 'polygon', points: ps.flat() }));
const radians = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const cuboid3d = fc
  .record({
    position: fc.tuple(coord, coord, coord),
    rotation: fc.tuple(radians, radians, radians),
    scale: fc.tuple(
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
    ),
  })
  .map((c): Cuboid3dGeometry => ({ type: 'cuboid3d', ...c }));

/** Keyframe pairs of one type, for every type with a generator above. */
const pairs = fc.oneof(
  fc.tuple(rectangle, rectangle),
  fc.tuple(ellipse, ellipse),
  fc.tuple(polygon, polygon),
  fc.tuple(polyline, polyline),
  fc.tuple(cuboid3d, cuboid3d),
);

const angularGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
};

describe('interpolation properties', () => {
  it('t = 0 returns the left keyframe itself, for every type', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(interpolateGeometry<Geometry>(a, b, 0)).to.equal(a);
        expect(interpolateGeometry<Geometry>(a, b, 0, { alignStart: true })).to.equal(a);
      }),
    );
  });

  it('rectangles: t = 1 gives the right keyframe, rotation stays in [0, 360) on the short arc', () => {
    fc.assert(
      fc.property(rectangle, rectangle, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const f = geometryInterpolator(a, b);
        const end = f(1);
        end.points.forEach((v, i) => expect(v).to.be.closeTo(b.points[i], 1e-9));
        expect(angularGap(end.rotation, b.rotation)).to.be.lessThan(1e-9);
        const mid = f(t);
        expect(mid.rotation).to.be.at.least(0);
        expect(mid.rotation).to.be.lessThan(360);
        // Shortest arc: the path never moves farther from a than the gap between a and b.
        expect(angularGap(mid.rotation, a.rotation)).to.be.at.most(
          angularGap(a.rotation, b.rotation) + 1e-9,
        );
      }),
    );
  });

  it('rectangle rotation takes the short way across 0°', () => {
    const a: RectangleGeometry = { type: 'rectangle', points: [0, 0, 10, 10], rotation: 350 };
    const b: RectangleGeometry = { ...a, rotation: 20 };
    const f = geometryInterpolator(a, b);
    expect(f(0.5).rotation).to.be.closeTo(5, 1e-12);
    expect(f(1 / 3).rotation).to.be.closeTo(0, 1e-9);
    expect(geometryInterpolator(b, a)(0.5).rotation).to.be.closeTo(5, 1e-12);
    // Exactly opposite angles go clockwise (+180), as CVAT does.
    expect(
      geometryInterpolator({ ...a, rotation: 0 }, { ...a, rotation: 180 })(0.5).rotation,
    ).to.equal(90);
  });

  it('ellipses: t = 1 gives the right keyframe', () => {
    fc.assert(
      fc.property(ellipse, ellipse, (a, b) => {
        const end = geometryInterpolator(a, b)(1);
        for (const k of ['cx', 'cy', 'rx', 'ry'] as const) expect(end[k]).to.be.closeTo(b[k], 1e-9);
        expect(angularGap(end.rotation, b.rotation)).to.be.lessThan(1e-9);
      }),
    );
  });

  it('cuboid3d: slerp end points are the keyframe rotations; position and scale are linear', () => {
    const sameRotation = (r1: readonly number[], r2: readonly number[]) => {
      const q1 = eulerToQuaternion(r1 as [number, number, number]);
      const q2 = eulerToQuaternion(r2 as [number, number, number]);
      const dot = Math.abs(q1[0] * q2[0] + q1[1] * q2[1] + q1[2] * q2[2] + q1[3] * q2[3]);
      expect(dot).to.be.closeTo(1, 1e-9);
    };
    fc.assert(
      fc.property(cuboid3d, cuboid3d, (a, b) => {
        const f = geometryInterpolator(a, b);
        sameRotation(f(1).rotation, b.rotation);
        sameRotation(f(1e-12).rotation, a.rotation);
        f(1).position.forEach((v, i) => expect(v).to.be.closeTo(b.position[i], 1e-9));
        const mid = f(0.5);
        mid.scale.forEach((v, i) => expect(v).to.be.closeTo((a.scale[i] + b.scale[i]) / 2, 1e-9));
      }),
    );
  });

  it('cuboid3d: slerp rotates at constant speed about one axis (yaw 350° → 20° via 0°)', () => {
    const a: Cuboid3dGeometry = {
      type: 'cuboid3d',
      position: [0, 0, 0],
      rotation: [0, 0, (-10 * Math.PI) / 180],
      scale: [1, 1, 1],
    };
    const b: Cuboid3dGeometry = { ...a, rotation: [0, 0, (20 * Math.PI) / 180] };
    const mid = geometryInterpolator(a, b)(0.5);
    expect(mid.rotation[0]).to.be.closeTo(0, 1e-12);
    expect(mid.rotation[1]).to.be.closeTo(0, 1e-12);
    expect(mid.rotation[2]).to.be.closeTo((5 * Math.PI) / 180, 1e-12);
  });

  it('polylines: at t = 1 the result starts and ends at the right keyframe and uses its vertices', () => {
    fc.assert(
      fc.property(polyline, polyline, (a, b) => {
        // A curve of length 0 has no arc-length parametrisation (CVAT divides by 0 and its
        // matching degenerates); the claim is for real curves.
        fc.pre(polylineLength(a.points) > 0 && polylineLength(b.points) > 0);
        const end = geometryInterpolator(a, b)(1).points;
        const n = b.points.length;
        expect(end[0]).to.be.closeTo(b.points[0], 1e-6);
        expect(end[1]).to.be.closeTo(b.points[1], 1e-6);
        expect(end[end.length - 2]).to.be.closeTo(b.points[n - 2], 1e-6);
        expect(end[end.length - 1]).to.be.closeTo(b.points[n - 1], 1e-6);
        isSubsetOfVertices(end, b.points);
      }),
    );
  });

  it('polygons: at t = 1 every point is a vertex of the right ring, starting at its vertex 0', () => {
    fc.assert(
      fc.property(polygon, polygon, (a, b) => {
        const end = geometryInterpolator(a, b)(1).points;
        expect(end[0]).to.be.closeTo(b.points[0], 1e-6);
        expect(end[1]).to.be.closeTo(b.points[1], 1e-6);
        isSubsetOfVertices(end, b.points);
      }),
    );
  });

  it('equal polygon keyframes interpolate to themselves', () => {
    fc.assert(
      fc.property(gridPolygon, fc.double({ min: 0.01, max: 1, noNaN: true }), (a, t) => {
        // Distinct consecutive vertices: CVAT's reduction keeps every vertex of a curve matched
        // to itself (each is its own left segment).
        fc.pre(distinctNeighbours(a.points));
        const out = geometryInterpolator(a, { ...a, points: [...a.points] })(t).points;
        expect(out).to.deep.equal(a.points);
      }),
    );
  });
});

describe('interpolated geometry is a plain record', () => {
  // Interpolated geometry is built field by field (not as an object literal, see the note in
  // common.ts); it must still be exactly what a keyframe holds, so that it can be stored back.
  const expectPlainLike = (mid: Geometry, a: Geometry): void => {
    expect(Object.getPrototypeOf(mid)).to.equal(Object.prototype);
    expect(Object.keys(mid)).to.deep.equal(Object.keys(a));
    expect(JSON.parse(JSON.stringify(mid))).to.deep.equal(mid);
    expect(mid).to.not.equal(a);
  };

  it('for every type with a generated pair', () => {
    fc.assert(
      fc.property(pairs, fc.double({ min: 0.01, max: 1, noNaN: true }), ([a, b], t) => {
        expectPlainLike(interpolateGeometry<Geometry>(a, b, t), a);
      }),
    );
  });

  it('for points, cuboids and skeletons', () => {
    const cuboid = (d: number): Geometry => ({
      type: 'cuboid',
      points: Array.from({ length: 16 }, (_, i) => i * 3 + d),
    });
    const element = (label: number, x: number) => ({
      label: label as LabelId,
      x,
      y: x / 2,
      occluded: false,
      outside: false,
      attributes: {},
    });
    const skeleton = (x: number): Geometry => ({
      type: 'skeleton',
      elements: [element(1, x), element(2, x + 10)],
    });
    const handMade: [Geometry, Geometry][] = [
      [
        { type: 'points', points: [0, 0, 5, 5] },
        { type: 'points', points: [10, 0, 15, 5] },
      ],
      [cuboid(0), cuboid(8)],
      [skeleton(0), skeleton(40)],
    ];
    for (const [a, b] of handMade) {
      const mid = interpolateGeometry<Geometry>(a, b, 0.5);
      expectPlainLike(mid, a);
      const parsed = shapeDefinition(mid.type).validate(JSON.parse(JSON.stringify(mid)), []);
      expect(parsed).to.deep.equal(mid);
    }
  });
});

function distinctNeighbours(points: readonly number[]): boolean {
  const n = points.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    if (points[2 * i] === points[2 * j] && points[2 * i + 1] === points[2 * j + 1]) return false;
  }
  return true;
}

function isSubsetOfVertices(out: readonly number[], vertices: readonly number[]): void {
  for (let i = 0; i < out.length; i += 2) {
    let best = Infinity;
    for (let j = 0; j < vertices.length; j += 2) {
      best = Math.min(best, Math.hypot(out[i] - vertices[j], out[i + 1] - vertices[j + 1]));
    }
    expect(best, `point ${i / 2} of ${JSON.stringify(out)}`).to.be.lessThan(1e-6);
  }
}

describe('shape definitions are complete', () => {
  it('every definition has its own type', () => {
    for (const type of [
      'rectangle',
      'polygon',
      'polyline',
      'points',
      'ellipse',
      'cuboid',
      'cuboid3d',
      'skeleton',
      'mask',
    ] as const) {
      expect(shapeDefinition(type).type).to.equal(type);
    }
  });
  it('refuses to interpolate between different types', () => {
    expect(() =>
      geometryInterpolator({ type: 'points', points: [0, 0] }, {
        type: 'polyline',
        points: [0, 0, 1, 1],
      } as unknown as Geometry),
    ).to.throw(/cannot interpolate/);
  });
});
