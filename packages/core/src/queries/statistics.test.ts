import { expect } from 'chai';
import { A, L, kf, mask, rect, shape, tag, testDoc, track } from '../commands/testDoc.js';
import { labelStatistics } from './statistics.js';

describe('labelStatistics', () => {
  it('counts shapes, tracks, tags, manual and interpolated frames per label', () => {
    const doc = testDoc([
      shape(1, 0, rect(0, 0)),
      shape(2, 1, rect(0, 0)),
      track(3, [
        kf(2, rect(0, 0)),
        kf(5, rect(0, 0), { attributes: { [A.speed]: '3' } }),
        kf(8, rect(0, 0), { outside: true }),
        kf(18, rect(0, 0)),
      ]),
      tag(4, 3),
      tag(5, 4),
      shape(6, 0, { type: 'points', points: [0, 0] }, { label: L.any }),
      track(7, [kf(1, { type: 'points', points: [0, 0] })], { label: L.any }),
      shape(8, 0, mask(0, 0), { label: L.seg }),
    ]);
    const stats = labelStatistics(doc);
    expect(stats.labels.map((s) => s.label)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    const car = stats.labels[0]!;
    expect(car.shapes.rectangle).to.equal(2);
    expect(car.tracks.rectangle).to.equal(1);
    expect(car.tags).to.equal(0);
    // Keyframes 2, 5, 18 are visible; 3, 4, 6, 7 and 19 are interpolated or held.
    expect(car.manual).to.equal(5);
    expect(car.interpolated).to.equal(5);
    expect(car.total).to.equal(10);
    const any = stats.labels[1]!;
    expect(any.shapes.points).to.equal(1);
    expect(any.tracks.points).to.equal(1);
    expect(any.manual).to.equal(2);
    expect(any.interpolated).to.equal(18);
    const scene = stats.labels[3]!;
    expect(scene.tags).to.equal(2);
    expect(scene.manual).to.equal(2);
    expect(stats.labels[4]!.total).to.equal(0);
    expect(stats.labels[7]!.shapes.mask).to.equal(1);
    expect(stats.totals.shapes.rectangle).to.equal(2);
    expect(stats.totals.tracks.points).to.equal(1);
    expect(stats.totals.tags).to.equal(2);
    expect(stats.totals.manual).to.equal(5 + 2 + 2 + 1);
    expect(stats.totals.interpolated).to.equal(23);
    expect(stats.totals.total).to.equal(33);
  });
});
