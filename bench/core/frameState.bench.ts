/**
 * Resolving one frame of 10,000 interpolated tracks, as video playback does: the frames measured
 * are consecutive non-keyframe frames, each resolved for the first time (no repeated frame can
 * be served from the frame cache). Baseline: the same result recomputed without any cache.
 */
import { createDocument, frameState, resolveFrameUncached } from '@annotkit/core';
import type { AnnotationDocument } from '@annotkit/core';
import { describeStats, timeRuns } from '../lib/timing.js';
import type { Benchmark } from '../lib/types.js';
import { trackDocument } from './fixtures.js';

const KEYFRAME_EVERY = 100;
const WARMUP = 10;
const RUNS = 60;

/** The `index`-th non-keyframe frame after frame 100 (101, 102, …, 199, 201, …). */
export function playbackFrame(index: number): number {
  const perSegment = KEYFRAME_EVERY - 1;
  return (
    KEYFRAME_EVERY + Math.floor(index / perSegment) * KEYFRAME_EVERY + (index % perSegment) + 1
  );
}

let doc: AnnotationDocument | undefined;

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'core: resolve frame, 10k tracks',
    unit: 'ms',
    target: '≤ 5 ms',
    targetCheck: (ours) => ours <= 5,
    env: 'browser',
    setup: () => {
      doc = createDocument(trackDocument({ tracks: 10_000, keyframeEvery: KEYFRAME_EVERY }));
    },
    run: async () => {
      if (!doc) throw new Error('setup did not run');
      const d = doc;
      const t0 = performance.now();
      const first = frameState(d, 50);
      const cold = performance.now() - t0;
      let visible = 0;
      const ours = await timeRuns(
        (i) => {
          visible = frameState(d, playbackFrame(i)).objects.length;
        },
        { warmup: WARMUP, runs: RUNS },
      );
      const baseline = await timeRuns((i) => resolveFrameUncached(d, playbackFrame(i)), {
        warmup: WARMUP,
        runs: RUNS,
      });
      if (visible === 0 || first.objects.length === 0) throw new Error('no visible objects');
      return {
        ours: ours.median,
        baseline: baseline.median,
        note:
          `ours ${describeStats(ours)}; uncached ${describeStats(baseline)}; ` +
          `first call (cold cache) ${cold.toFixed(1)} ms; ${visible} objects per frame`,
      };
    },
  },
];
