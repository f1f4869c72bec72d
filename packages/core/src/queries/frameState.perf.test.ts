/**
 * Measures frameState on 10,000 tracks (16-vertex polygons and boxes) against the uncached
 * baseline. Prints the figures; asserts only that both agree (no timing assertions: machines
 * differ and are shared).
 */
import { expect } from 'chai';
import { createDocument } from '../document/createDocument.js';
import type { AnnotationDocument } from '../document/types.js';
import type { LabelId, ObjectId } from '../model/ids.js';
import type { Geometry, TrackObject } from '../model/records.js';
import { log } from '../commands/testDoc.js';
import { createTrackResolver } from '../tracks/index.js';
import { frameState, resolveFrameUncached } from './frameState.js';

const now = (): number =>
  (globalThis as unknown as { performance: { now(): number } }).performance.now();

const TRACKS = 10_000;
const FRAMES = 101;

function polygon(cx: number, cy: number, r: number): Geometry {
  const points: number[] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * 2 * Math.PI;
    points.push(
      Math.round((cx + r * Math.cos(a)) * 4) / 4,
      Math.round((cy + r * Math.sin(a)) * 4) / 4,
    );
  }
  return { type: 'polygon', points };
}

function bigDocument(): AnnotationDocument {
  const objects: TrackObject[] = [];
  for (let i = 0; i < TRACKS; i++) {
    const x = (i % 100) * 20;
    const y = Math.floor(i / 100) * 20;
    const geometry = (dx: number, r: number): Geometry =>
      i % 2 === 0
        ? polygon(x + dx, y, r)
        : { type: 'rectangle', points: [x + dx, y, x + dx + r, y + r], rotation: 0 };
    objects.push({
      kind: 'track',
      id: (i + 1) as ObjectId,
      label: 1 as LabelId,
      attributes: {},
      group: 0,
      source: 'manual',
      keyframes: [0, 50, 100].map((frame, k) => ({
        frame,
        geometry: geometry(k * 7, 6 + k),
        outside: false,
        occluded: false,
        zOrder: i % 3,
        attributes: {},
      })),
    });
  }
  return createDocument({
    media: {
      kind: 'video',
      frames: Array.from({ length: FRAMES }, (_, i) => ({
        name: `v.mp4#${i}`,
        width: 2000,
        height: 2000,
        timestamp: i / 25,
      })),
    },
    labels: [
      {
        kind: 'label',
        id: 1 as LabelId,
        name: 'obj',
        color: '#ff0000',
        type: 'any',
        attributes: [],
      },
    ],
    objects,
  });
}

describe('frameState performance (10,000 tracks)', () => {
  it('prints per-frame times of frameState, the bare resolver and the uncached baseline', () => {
    const doc = bigDocument();
    const tracks = doc.objects() as TrackObject[];
    // Best of several rounds: the machine is shared, so the minimum is the least noisy figure.
    const best = (rounds: number, fn: (round: number) => number): number => {
      let min = Infinity;
      for (let r = 0; r < rounds; r++) min = Math.min(min, fn(r));
      return min;
    };
    const perFrame = (frames: readonly number[], fn: (frame: number) => void): number => {
      const t0 = now();
      for (const f of frames) fn(f);
      return (now() - t0) / frames.length;
    };
    const range = (from: number, n: number): number[] =>
      Array.from({ length: n }, (_, i) => from + i);

    const t0 = now();
    frameState(doc, 1);
    const firstFrame = now() - t0;
    // New (not yet cached) frames each round: playback through the first keyframe pair.
    const playback = best(4, (r) => perFrame(range(2 + r * 10, 10), (f) => frameState(doc, f)));
    const resolver = createTrackResolver();
    for (const t of tracks) resolver.resolve(t, 1);
    const bare = best(4, (r) =>
      perFrame(range(2 + r * 10, 10), (f) => {
        for (const t of tracks) resolver.resolve(t, f);
      }),
    );
    const loopOver = (subset: readonly TrackObject[]): number =>
      best(3, (r) =>
        perFrame(range(52 + r * 10, 10), (f) => {
          for (const t of subset) resolver.resolve(t, f);
        }),
      );
    const polygons = loopOver(tracks.filter((t) => t.keyframes[0]!.geometry.type === 'polygon'));
    const boxes = loopOver(tracks.filter((t) => t.keyframes[0]!.geometry.type === 'rectangle'));
    const uncached = best(3, (r) =>
      perFrame(range(60 + r * 3, 3), (f) => resolveFrameUncached(doc, f)),
    );
    const hit = best(3, () => perFrame(range(2, 10), (f) => frameState(doc, f)));
    log(
      `frameState, ${TRACKS} tracks (best of rounds): new frame ${playback.toFixed(2)} ms; ` +
        `bare resolver loop ${bare.toFixed(2)} ms (${TRACKS / 2} polygons ${polygons.toFixed(2)} ms, ` +
        `${TRACKS / 2} boxes ${boxes.toFixed(2)} ms); uncached baseline ${uncached.toFixed(2)} ms ` +
        `(${(uncached / playback).toFixed(1)}x); cached frame ${hit.toFixed(4)} ms; ` +
        `first frame incl. interpolator preparation ${firstFrame.toFixed(1)} ms`,
    );
    for (const frame of [3, 49, 75, 100]) {
      expect(frameState(doc, frame)).to.deep.equal(resolveFrameUncached(doc, frame));
    }
    expect(frameState(doc, 75).objects).to.have.length(TRACKS);
  });
});
