import { expect } from 'chai';
import type {
  Cuboid3dGeometry,
  CuboidGeometry,
  EllipseGeometry,
  MaskGeometry,
  PointsGeometry,
  PolygonGeometry,
  PolylineGeometry,
  RectangleGeometry,
  SkeletonGeometry,
} from '../model/records.js';
import type { LabelId } from '../model/ids.js';
import {
  cuboid3dDefinition,
  cuboidDefinition,
  ellipseDefinition,
  maskDefinition,
  pointsDefinition,
  polygonDefinition,
  polylineDefinition,
  rectangleDefinition,
  skeletonDefinition,
} from './index.js';

const close = (a: number, b: number, eps = 1e-9) => expect(a).to.be.closeTo(b, eps);

describe('rectangle definition', () => {
  const r: RectangleGeometry = { type: 'rectangle', points: [10, 20, 30, 60], rotation: 0 };
  it('bounds, area, distance axis-aligned', () => {
    expect(rectangleDefinition.bounds(r)).to.deep.equal({ minX: 10, minY: 20, maxX: 30, maxY: 60 });
    expect(rectangleDefinition.area(r)).to.equal(800);
    expect(rectangleDefinition.distance(r, 15, 25)).to.equal(0);
    expect(rectangleDefinition.distance(r, 5, 40)).to.equal(5);
    expect(rectangleDefinition.distance(r, 33, 64)).to.equal(5);
  });
  it('un-rotates the point for distance and rotates corners for bounds', () => {
    // 90° about the centre (20, 40): the 20×40 box becomes 40 wide, 20 tall.
    const rot: RectangleGeometry = { ...r, rotation: 90 };
    const b = rectangleDefinition.bounds(rot);
    close(b.minX, 0);
    close(b.maxX, 40);
    close(b.minY, 30);
    close(b.maxY, 50);
    // (2, 40) is inside the rotated box but outside the unrotated one.
    close(rectangleDefinition.distance(rot, 2, 40), 0);
    expect(rectangleDefinition.distance(r, 2, 40)).to.equal(8);
    // Above the rotated box by 5.
    close(rectangleDefinition.distance(rot, 20, 25), 5);
    expect(rectangleDefinition.area(rot)).to.equal(800);
  });
  it('translates', () => {
    expect(rectangleDefinition.translate({ ...r, rotation: 15 }, 1, -2)).to.deep.equal({
      type: 'rectangle',
      points: [11, 18, 31, 58],
      rotation: 15,
    });
  });
});

describe('polygon and polyline definitions', () => {
  // A concave "C": inside is the ring, not the notch.
  const c: PolygonGeometry = {
    type: 'polygon',
    points: [0, 0, 10, 0, 10, 2, 2, 2, 2, 8, 10, 8, 10, 10, 0, 10],
  };
  it('polygon: 0 inside, edge distance outside and in the notch, shoelace area', () => {
    expect(polygonDefinition.distance(c, 1, 5)).to.equal(0);
    expect(polygonDefinition.distance(c, 6, 5)).to.equal(3); // in the notch, 3 from y=2 and y=8
    expect(polygonDefinition.distance(c, 13, 1)).to.equal(3);
    close(polygonDefinition.distance(c, 13, 5), Math.hypot(3, 3));
    expect(polygonDefinition.distance(c, -3, -4)).to.equal(5);
    expect(polygonDefinition.area(c)).to.equal(100 - 8 * 6);
    expect(polygonDefinition.bounds(c)).to.deep.equal({ minX: 0, minY: 0, maxX: 10, maxY: 10 });
    expect(polygonDefinition.translate(c, 1, 1).points.slice(0, 4)).to.deep.equal([1, 1, 11, 1]);
  });
  it('polyline: distance to the nearest segment, no closing segment, area 0', () => {
    const l: PolylineGeometry = { type: 'polyline', points: [0, 0, 10, 0, 10, 10] };
    expect(polylineDefinition.distance(l, 5, 3)).to.equal(3);
    expect(polylineDefinition.distance(l, 13, 14)).to.equal(5);
    // (3, 6) would be 0.7 from the closing segment (0,0)-(10,10), but a polyline is open.
    expect(polylineDefinition.distance(l, 3, 6)).to.equal(6);
    expect(polylineDefinition.area(l)).to.equal(0);
  });
});

describe('points definition', () => {
  const p: PointsGeometry = { type: 'points', points: [0, 0, 10, 10] };
  it('nearest point distance, bounds, area, translate', () => {
    expect(pointsDefinition.distance(p, 3, 4)).to.equal(5);
    expect(pointsDefinition.distance(p, 10, 12)).to.equal(2);
    expect(pointsDefinition.bounds(p)).to.deep.equal({ minX: 0, minY: 0, maxX: 10, maxY: 10 });
    expect(pointsDefinition.area(p)).to.equal(0);
    expect(pointsDefinition.translate(p, 1, 2).points).to.deep.equal([1, 2, 11, 12]);
  });
  it('interpolates when counts match and holds otherwise', () => {
    const q: PointsGeometry = { type: 'points', points: [10, 20, 30, 40] };
    expect(pointsDefinition.interpolator(p, q)(0.5).points).to.deep.equal([5, 10, 20, 25]);
    const three: PointsGeometry = { type: 'points', points: [1, 1, 2, 2, 3, 3] };
    expect(pointsDefinition.interpolator(p, three)(0.5)).to.equal(p);
  });
});

describe('ellipse definition', () => {
  const e: EllipseGeometry = { type: 'ellipse', cx: 0, cy: 0, rx: 10, ry: 5, rotation: 0 };
  it('area, bounds, inside and radial outside distance', () => {
    close(ellipseDefinition.area(e), Math.PI * 50);
    expect(ellipseDefinition.bounds(e)).to.deep.equal({ minX: -10, minY: -5, maxX: 10, maxY: 5 });
    expect(ellipseDefinition.distance(e, 9, 0)).to.equal(0);
    close(ellipseDefinition.distance(e, 13, 0), 3);
    close(ellipseDefinition.distance(e, 0, -9), 4);
    // Circles are exact everywhere.
    const circle = { ...e, ry: 10 };
    close(ellipseDefinition.distance(circle, 9, 12), 5);
  });
  it('rotation turns bounds and distance', () => {
    const rot = { ...e, rotation: 90 };
    const b = ellipseDefinition.bounds(rot);
    close(b.maxX, 5);
    close(b.maxY, 10);
    close(ellipseDefinition.distance(rot, 0, 9), 0);
    close(ellipseDefinition.distance(rot, 9, 0), 4);
  });
});

describe('cuboid definition', () => {
  // Front face 0..10 square, back face shifted by (5, -5).
  const front = [0, 0, 0, 10, 10, 0, 10, 10];
  const back = [5, -5, 5, 5, 15, -5, 15, 5];
  const g: CuboidGeometry = { type: 'cuboid', points: [...front, ...back] };
  it('uses the convex hull for distance and area', () => {
    // Hull: (0,0) (5,-5) (15,-5) (15,5) (10,10) (0,10): area 100 + 2 × 25 + 50 ... computed:
    // square 0..10 (100) + top strip triangle-pair (5×10 parallelogram = 50) + right one (50).
    expect(cuboidDefinition.area(g)).to.equal(200);
    expect(cuboidDefinition.distance(g, 12, 0)).to.equal(0);
    close(cuboidDefinition.distance(g, 15, 8), Math.hypot(1.5, 1.5));
    expect(cuboidDefinition.distance(g, -2, 5)).to.equal(2);
    expect(cuboidDefinition.bounds(g)).to.deep.equal({ minX: 0, minY: -5, maxX: 15, maxY: 10 });
  });
});

describe('cuboid3d definition', () => {
  const g: Cuboid3dGeometry = {
    type: 'cuboid3d',
    position: [10, 20, 1],
    rotation: [0, 0, Math.PI / 2],
    scale: [4, 2, 3],
  };
  it('uses the yaw-rotated x/y footprint', () => {
    const b = cuboid3dDefinition.bounds(g);
    close(b.minX, 9);
    close(b.maxX, 11);
    close(b.minY, 18);
    close(b.maxY, 22);
    close(cuboid3dDefinition.distance(g, 10, 21.5), 0);
    close(cuboid3dDefinition.distance(g, 13, 20), 2);
    expect(cuboid3dDefinition.area(g)).to.equal(8);
    expect(cuboid3dDefinition.translate(g, 1, 2).position).to.deep.equal([11, 22, 1]);
  });
});

describe('skeleton definition', () => {
  const el = (label: number, x: number, y: number, outside = false) => ({
    label: label as LabelId,
    x,
    y,
    occluded: false,
    outside,
    attributes: {},
  });
  const s: SkeletonGeometry = {
    type: 'skeleton',
    elements: [el(1, 0, 0), el(2, 10, 0), el(3, 100, 100, true)],
  };
  it('ignores outside elements for distance and bounds', () => {
    expect(skeletonDefinition.distance(s, 10, 3)).to.equal(3);
    expect(skeletonDefinition.distance(s, 100, 100)).to.equal(Math.hypot(90, 100));
    expect(skeletonDefinition.bounds(s)).to.deep.equal({ minX: 0, minY: 0, maxX: 10, maxY: 0 });
    const hidden: SkeletonGeometry = { type: 'skeleton', elements: [el(1, 5, 6, true)] };
    expect(skeletonDefinition.distance(hidden, 5, 6)).to.equal(Infinity);
    expect(skeletonDefinition.bounds(hidden)).to.deep.equal({ minX: 5, minY: 6, maxX: 5, maxY: 6 });
    expect(skeletonDefinition.translate(s, 1, 1).elements[2]).to.deep.equal(el(3, 101, 101, true));
  });
  it('interpolates per element by label and holds flags from the left', () => {
    const right: SkeletonGeometry = {
      type: 'skeleton',
      // Different order, element 1 outside on the right, element 3 missing.
      elements: [el(2, 20, 10), el(1, 10, 10, true)],
    };
    const mid = skeletonDefinition.interpolator(s, right)(0.5);
    expect(mid.elements).to.deep.equal([el(1, 5, 5), el(2, 15, 5), el(3, 100, 100, true)]);
  });
});

describe('mask definition', () => {
  // Box (2,3)-(4,4), 3×2: row 0 = 1 0 1, row 1 = 0 1 1.
  const m: MaskGeometry = {
    type: 'mask',
    rle: [0, 1, 1, 1, 1, 2],
    left: 2,
    top: 3,
    right: 4,
    bottom: 4,
  };
  it('area counts pixels, bounds are pixel edges, distance to the nearest set pixel', () => {
    expect(maskDefinition.area(m)).to.equal(4);
    expect(maskDefinition.bounds(m)).to.deep.equal({ minX: 2, minY: 3, maxX: 5, maxY: 5 });
    expect(maskDefinition.distance(m, 2.5, 3.5)).to.equal(0);
    // Pixel (3, 3) is unset; nearest set pixel squares are 0.5 away horizontally.
    expect(maskDefinition.distance(m, 3.5, 3.2)).to.equal(0.5);
    expect(maskDefinition.distance(m, 0, 3.5)).to.equal(2);
    expect(maskDefinition.distance(m, 2, 7)).to.equal(Math.hypot(1, 2));
  });
  it('translates by whole pixels only and holds on interpolation', () => {
    expect(maskDefinition.translate(m, 1, -1)).to.deep.equal({
      ...m,
      left: 3,
      top: 2,
      right: 5,
      bottom: 3,
    });
    expect(() => maskDefinition.translate(m, 0.5, 0)).to.throw(/whole pixels/);
    const other = maskDefinition.translate(m, 10, 10);
    expect(maskDefinition.interpolator(m, other)(0.7)).to.equal(m);
  });
});
