/**
 * History memory: heap retained by `createHistory` after 100,000 recorded single-object updates,
 * with the default bounds (depth 100) and with the depth and byte bounds lifted. Baseline: the
 * heap retained by the document alone after the same updates. Needs `--expose-gc` (bench/run.mjs
 * passes it) for stable figures.
 */
import { createDocument, createHistory, objectId } from '@annotkit/core';
import type { HistoryOptions, ShapeObject } from '@annotkit/core';
import { canCollectGarbage, heapUsedBytes, toMB } from '../lib/timing.js';
import type { Benchmark } from '../lib/types.js';
import { boxesDocument, movedBox } from './fixtures.js';

const OBJECTS = 1_000;
const STEPS = 100_000;

/** Applies `STEPS` single-object moves as separate recorded user transactions. */
function edit(doc: ReturnType<typeof createDocument>): void {
  for (let i = 0; i < STEPS; i++) {
    const id = objectId((i % OBJECTS) + 1);
    const dx = Math.floor(i / OBJECTS) % 2 === 0 ? 1 : -1;
    doc.transact((tx) => tx.put(movedBox(tx.object(id) as ShapeObject, dx, 0)), {
      origin: 'user',
      history: 'record',
    });
  }
}

/** Measures the heap retained by the document alone, then by a history of the same edits. */
async function measure(
  options: HistoryOptions,
): Promise<{ ours: number; baseline: number; note: string }> {
  if (!canCollectGarbage()) throw new Error('run with --expose-gc (npm run bench does)');
  const h0 = await heapUsedBytes();
  const doc = createDocument(boxesDocument(OBJECTS));
  edit(doc);
  const h1 = await heapUsedBytes();
  const history = createHistory(doc, options);
  edit(doc);
  const h2 = await heapUsedBytes();
  const depth = history.state().undoDepth;
  history.destroy();
  return {
    ours: toMB(h2 - h1),
    baseline: toMB(h1 - h0),
    note: `${STEPS} steps recorded, ${depth} kept; document ${OBJECTS} boxes; ${doc.objects().length} objects alive`,
  };
}

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'core: history memory, 100k steps',
    unit: 'MB',
    target: '≤ 1 MB (depth 100)',
    targetCheck: (ours) => ours <= 1,
    env: 'node',
    run: () => measure({}),
  },
  {
    name: 'core: history memory, 100k steps, unbounded',
    unit: 'MB',
    target: 'report (grows with steps)',
    env: 'node',
    run: () => measure({ depth: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER }),
  },
];
