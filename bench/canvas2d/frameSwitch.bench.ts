/**
 * Switching the 2D canvas to the next frame of a video with 10,000 interpolated tracks (the
 * core frame benchmark's document: half 16-vertex polygons, half rotated boxes): `setFrame(f)`
 * resolves the frame through core and rebuilds the scene index (bounds per object, rbush bulk
 * load). Drawing is left out: it is rasterisation, and it is measured by the pan/zoom benchmark.
 * Frames 101, 102, … are each shown for the first time, as in playback.
 * Floor in the same run: core's `frameState` alone on the same frames of a second copy of the
 * document (the canvas cannot show a frame without resolving it).
 */
import { createDocument, frameState } from '@annotkit/core';
import type { AnnotationDocument } from '@annotkit/core';
import { createCanvas2D } from '@annotkit/canvas2d';
import { trackDocument } from '../core/fixtures.js';
import { playbackFrame } from '../core/frameState.bench.js';
import { describeStats, timeRuns } from '../lib/timing.js';
import type { Benchmark } from '../lib/types.js';

const RUNS = { warmup: 10, runs: 60 };

let docs: [AnnotationDocument, AnnotationDocument] | undefined;

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'canvas2d: frame switch without drawing, 10k tracks',
    unit: 'ms',
    target: 'median ≤ 10 ms',
    targetCheck: (ours) => ours <= 10,
    env: 'browser',
    setup: () => {
      const init = trackDocument({ tracks: 10_000, keyframeEvery: 100 });
      docs ??= [createDocument(init), createDocument(init)];
    },
    run: async () => {
      if (!docs) throw new Error('setup did not run');
      const [ourDoc, floorDoc] = docs;
      const el = document.createElement('div');
      el.style.cssText = 'width:1280px;height:720px';
      document.body.appendChild(el);
      const canvas = createCanvas2D(el, {
        width: 1280,
        height: 720,
        document: ourDoc,
        domEvents: false,
      });
      let indexed = 0;
      try {
        canvas.fit();
        const ours = await timeRuns((i) => {
          canvas.setFrame(playbackFrame(i));
          indexed = canvas.stats.indexed;
        }, RUNS);
        const floor = await timeRuns((i) => frameState(floorDoc, playbackFrame(i)), RUNS);
        return {
          ours: ours.median,
          baseline: floor.median,
          note: `ours ${describeStats(ours)}; frameState alone ${describeStats(floor)}; ${indexed} objects`,
        };
      } finally {
        canvas.destroy();
        el.remove();
      }
    },
  },
];
