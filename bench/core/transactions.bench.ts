/**
 * Transaction throughput: many small edits (one rectangle moved by one pixel per transaction)
 * through `doc.transact`, against plain `Map` writes of the same new records.
 */
import { createDocument, objectId } from '@annotkit/core';
import type { AnnotationDocument, ShapeObject } from '@annotkit/core';
import { describeStats, timeRuns } from '../lib/timing.js';
import type { Benchmark } from '../lib/types.js';
import { boxesDocument, movedBox } from './fixtures.js';

const OBJECTS = 1_000;
const OPS = 10_000;

let doc: AnnotationDocument | undefined;

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'core: transaction throughput',
    unit: 'ops/s',
    target: '≥ 10,000 ops/s',
    targetCheck: (ours) => ours >= 10_000,
    env: 'node',
    setup: () => {
      doc = createDocument(boxesDocument(OBJECTS));
    },
    run: async () => {
      if (!doc) throw new Error('setup did not run');
      const d = doc;
      const map = new Map<number, ShapeObject>();
      for (const o of d.objects()) if (o.kind === 'shape') map.set(o.id, o);
      // Alternate +1/−1 px per round so that shapes stay inside the frame.
      const ours = await timeRuns(
        (round) => {
          const dx = round % 2 === 0 ? 1 : -1;
          for (let i = 0; i < OPS; i++) {
            const id = objectId((i % OBJECTS) + 1);
            d.transact((tx) => {
              const shape = tx.object(id) as ShapeObject;
              tx.put(movedBox(shape, dx, 0));
            });
          }
        },
        { warmup: 2, runs: 10 },
      );
      const baseline = await timeRuns(
        (round) => {
          const dx = round % 2 === 0 ? 1 : -1;
          for (let i = 0; i < OPS; i++) {
            const id = (i % OBJECTS) + 1;
            const shape = map.get(id) as ShapeObject;
            map.set(id, movedBox(shape, dx, 0));
          }
        },
        { warmup: 2, runs: 10 },
      );
      const perSecond = (ms: number) => OPS / (ms / 1000);
      return {
        ours: perSecond(ours.median),
        baseline: perSecond(baseline.median),
        note: `${OPS} transactions per run over ${OBJECTS} shapes; ours ${describeStats(ours)}, Map ${describeStats(baseline)}`,
      };
    },
  },
];
