/**
 * CVAT's polyshape interpolation on small inputs, with expected values worked out by hand from
 * the algorithm (offset vectors → left→right nearest matching → right→left completion → lerp in
 * left order → reduction with threshold baseLength / (2N)). All inputs are chosen so that every
 * intermediate value is exact in binary floating point, so the expectations are exact.
 */
import { expect } from 'chai';
import type { PolygonGeometry, PolylineGeometry } from '../model/records.js';
import { alignRing, geometryInterpolator, matchPolyshapes, polygonDefinition } from './index.js';

const polyline = (points: number[]): PolylineGeometry => ({ type: 'polyline', points });
const polygon = (points: number[]): PolygonGeometry => ({ type: 'polygon', points });

describe('CVAT polyshape interpolation, worked by hand', () => {
  it('3-point → 4-point polyline: one left vertex takes two right vertices', () => {
    // L = (0,0) (10,0) (30,0): lengths 10, 20 → offsets [0, 1/3, 1].
    // R = (0,10) (10,10) (20,10) (30,10): lengths 10, 10, 10 → offsets [0, 1/3, 2/3, 1].
    // (10/30 is the same double on both sides, so L1 hits R1 exactly.)
    // L→R: L0→R0, L1→R1, L2→R3. Unmatched R2 (2/3) is nearest to L1 (1/3 away, L2 is 1/3 too
    // but later; in doubles L1 is even strictly nearer). Matching: [[0], [1, 2], [3]].
    const l = polyline([0, 0, 10, 0, 30, 0]);
    const r = polyline([0, 10, 10, 10, 20, 10, 30, 10]);
    expect(matchPolyshapes(l.points, r.points)).to.deep.equal([[0], [1, 2], [3]]);
    // t = 0.5, pairs in left order: (L0,R0)=(0,5) (L1,R1)=(10,5) (L1,R2)=(15,5) (L2,R3)=(30,5).
    // Reduction: L0 alone (left segment of one vertex) → kept. L1 has two right vertices: right
    // segment R1..R2, baseLength 10, N = 2, threshold 2.5; only the two ends, 5 apart ≥ 2.5 →
    // both kept. L2 alone → kept.
    expect(geometryInterpolator(l, r)(0.5).points).to.deep.equal([0, 5, 10, 5, 15, 5, 30, 5]);
  });

  it('4-point → 3-point polyline: two left vertices share a right vertex and collapse near t = 1', () => {
    // L = (0,0) (10,0) (11,0) (20,0): lengths 10, 1, 9 → offsets [0, 0.5, 0.55, 1].
    // R = (0,10) (20,10) (40,10): offsets [0, 0.5, 1].
    // L→R: L0→R0, L1→R1 (exact), L2→R1 (0.05 vs 0.45), L3→R2. No right vertex left over.
    const l = polyline([0, 0, 10, 0, 11, 0, 20, 0]);
    const r = polyline([0, 10, 20, 10, 40, 10]);
    expect(matchPolyshapes(l.points, r.points)).to.deep.equal([[0], [1], [1], [2]]);
    const f = geometryInterpolator(l, r);
    // Segments: L0 alone; L1..L2 (both → R1) is a left segment with baseLength |L1L2| = 1,
    // N = 2, threshold 0.25; L3 alone.
    // t = 0.5: P1 = (10 + 10·0.5, 5) = (15, 5), P2 = (11 + 9·0.5, 5) = (15.5, 5): 0.5 apart
    // ≥ 0.25, both kept.
    expect(f(0.5).points).to.deep.equal([0, 5, 15, 5, 15.5, 5, 30, 5]);
    // t = 0.875: P1 = (18.75, 8.75), P2 = (11 + 9·0.875, 8.75) = (18.875, 8.75): 0.125 apart
    // < 0.25 → replaced by their average (18.8125, 8.75). P3 = (20 + 20·0.875, 8.75) = (37.5, 8.75).
    expect(f(0.875).points).to.deep.equal([0, 8.75, 18.8125, 8.75, 37.5, 8.75]);
  });

  it('a right segment drops its inner point and collapses at small t', () => {
    // L = (0,0) (10,0): offsets [0, 1]. R = (0,10) (4,10) (5,10) (10,10): offsets
    // [0, 0.4, 0.5, 1]. L0→R0, L1→R3. Unmatched R1 (0.4) → L0 (0.4 vs 0.6); R2 (0.5) is a tie
    // between L0 and L1, first wins → L0. Matching: [[0, 1, 2], [3]].
    const l = polyline([0, 0, 10, 0]);
    const r = polyline([0, 10, 4, 10, 5, 10, 10, 10]);
    expect(matchPolyshapes(l.points, r.points)).to.deep.equal([[0, 1, 2], [3]]);
    const f = geometryInterpolator(l, r);
    // Right segment R0..R2: baseLength 4 + 1 = 5, N = 3, threshold 5/6.
    // t = 0.5: P0 = (0,5), P1 = (2,5), P2 = (2.5,5), P3 = (10,5). P1 is 2 from P0 ≥ 5/6 → kept;
    // P2 is the segment end → kept.
    expect(f(0.5).points).to.deep.equal([0, 5, 2, 5, 2.5, 5, 10, 5]);
    // t = 0.125: P0 = (0, 1.25), P1 = (0.5, 1.25), P2 = (0.625, 1.25), P3 = (10, 1.25).
    // P1 is 0.5 from P0 < 5/6 → dropped. Only the ends remain, 0.625 apart < 5/6 → their
    // average (0.3125, 1.25).
    expect(f(0.125).points).to.deep.equal([0.3125, 1.25, 10, 1.25]);
  });

  it('ties go to the first nearest vertex, in both directions', () => {
    // L = (0,0) (1,0) (2,0): offsets [0, 0.5, 1]. R = (0,10) (1,10) (3,10) (4,10): lengths
    // 1, 2, 1 → offsets [0, 0.25, 0.75, 1]. L1 (0.5) is exactly 0.25 from R1 and R2 → R1.
    // Unmatched R2 (0.75) is exactly 0.25 from L1 and L2 → L1. Matching: [[0], [1, 2], [3]].
    const l = polyline([0, 0, 1, 0, 2, 0]);
    const r = polyline([0, 10, 1, 10, 3, 10, 4, 10]);
    expect(matchPolyshapes(l.points, r.points)).to.deep.equal([[0], [1, 2], [3]]);
    // t = 0.5: (0,5) | right segment R1..R2 (baseLength 2, N 2, threshold 0.5):
    // (1,5) and (2,5), 1 apart → both kept | (3,5).
    expect(geometryInterpolator(l, r)(0.5).points).to.deep.equal([0, 5, 1, 5, 2, 5, 3, 5]);
  });

  it('triangle → square polygon: rings closed, polyline algorithm, last point dropped', () => {
    // Closed L = (0,0) (4,0) (4,3) (0,0): lengths 4, 3, 5 → offsets [0, 1/3, 7/12, 1].
    // Closed R = (0,0) (3,0) (3,3) (0,3) (0,0): lengths 3 each → offsets [0, .25, .5, .75, 1].
    // L0→R0, L1 (1/3)→R1 (1/12 vs 1/6), L2 (7/12)→R2 (1/12 vs 1/6), L3→R4.
    // Unmatched R3 (0.75) → L2 (1/6 vs 1/4). Matching: [[0], [1], [2, 3], [4]].
    const l = polygon([0, 0, 4, 0, 4, 3]);
    const r = polygon([0, 0, 3, 0, 3, 3, 0, 3]);
    expect(matchPolyshapes([...l.points, 0, 0], [...r.points, 0, 0])).to.deep.equal([
      [0],
      [1],
      [2, 3],
      [4],
    ]);
    const f = polygonDefinition.interpolator(l, r);
    // t = 0.5: P0 = (0,0); P1 = (4 − 0.5, 0) = (3.5, 0); P2 = L2→R2 = (3.5, 3);
    // P3 = L2→R3 = (4 − 2, 3) = (2, 3); P4 = (0,0) (the closing point).
    // Right segment R2..R3: baseLength 3, N 2, threshold 0.75; P2, P3 are 1.5 apart → kept.
    // Drop the closing point.
    expect(f(0.5).points).to.deep.equal([0, 0, 3.5, 0, 3.5, 3, 2, 3]);
    // t = 0.125: P1 = (3.875, 0); P2 = (3.875, 3), P3 = (3.5, 3): 0.375 apart < 0.75 → average
    // (3.6875, 3).
    expect(f(0.125).points).to.deep.equal([0, 0, 3.875, 0, 3.6875, 3]);
  });

  it('same vertex count, each vertex matched one to one: every point lerped, nothing reduced', () => {
    // A square moved by (4, 2): closed rings have equal offsets [0, .25, .5, .75, 1], so Li→Ri
    // for every i; each left vertex is a segment of its own (no reduction), the closing point
    // is dropped. t = 0.25: every vertex + (1, 0.5).
    const l = polygon([0, 0, 10, 0, 10, 10, 0, 10]);
    const r = polygon([4, 2, 14, 2, 14, 12, 4, 12]);
    expect(matchPolyshapes([...l.points, 0, 0], [...r.points, 4, 2])).to.deep.equal([
      [0],
      [1],
      [2],
      [3],
      [4],
    ]);
    const f = polygonDefinition.interpolator(l, r);
    expect(f(0.25).points).to.deep.equal([1, 0.5, 11, 0.5, 11, 10.5, 1, 10.5]);
    expect(f(1).points).to.deep.equal(r.points);
    // The open polyline keeps its last point: (0,0) (8,0) (8,8) → (2,4) (10,4) (10,12) at 0.5.
    const g = geometryInterpolator(polyline([0, 0, 8, 0, 8, 8]), polyline([2, 4, 10, 4, 10, 12]));
    expect((g(0.5) as PolylineGeometry).points).to.deep.equal([1, 2, 9, 2, 9, 10]);
  });

  it('t = 0 returns the left keyframe unchanged', () => {
    const l = polyline([0, 0, 10, 0, 30, 0]);
    const r = polyline([0, 10, 10, 10, 20, 10, 30, 10]);
    expect(geometryInterpolator(l, r)(0)).to.equal(l);
  });
});

describe('polygon start alignment (alignStart)', () => {
  const square = [0, 0, 10, 0, 10, 10, 0, 10];
  it('leaves an already aligned ring alone', () => {
    const right = [1, 0, 11, 0, 11, 10, 1, 10];
    expect(alignRing(square, right)).to.equal(right);
  });

  it('fixes a rotated start vertex that makes CVAT fold the ring', () => {
    // The same square, drawn from its opposite corner.
    const rotated = polygon([10, 10, 0, 10, 0, 0, 10, 0]);
    expect(alignRing(square, rotated.points)).to.deep.equal(square);
    const cvat = polygonDefinition.interpolator(polygon(square), rotated)(0.5).points;
    // CVAT pairs each corner with the opposite one: everything passes through the centre.
    expect(polygonDefinition.area(polygon([...cvat]))).to.be.lessThan(1);
    const aligned = polygonDefinition.interpolator(polygon(square), rotated, { alignStart: true });
    for (const t of [0.25, 0.5, 0.75]) expect(aligned(t).points).to.deep.equal(square);
  });

  it('reverses a ring drawn in the other direction', () => {
    const reversed = polygon([0, 0, 0, 10, 10, 10, 10, 0]);
    expect(alignRing(square, reversed.points)).to.deep.equal(square);
    const aligned = polygonDefinition.interpolator(polygon(square), reversed, { alignStart: true });
    expect(aligned(0.5).points).to.deep.equal(square);
  });
});
