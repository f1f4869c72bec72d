/**
 * Format codecs at 100,000 annotations, against the floor measured in the same run:
 * - COCO import vs `JSON.parse` of the same text, COCO export vs `JSON.stringify` of the parsed
 *   object;
 * - CVAT XML import vs fast-xml-parser's bare parse of the same text (attributes kept, every other
 *   option at its default), CVAT XML export vs fast-xml-parser's bare build of that parsed object.
 *
 * The dataset: 1,000 frames of 1920 × 1080 with 100 objects each, 60 % boxes and 40 % polygons
 * of 8 vertices, two labels with one select attribute each, every object carrying its value.
 * Inputs are generated from a seeded generator, so every run measures the same data. Imports
 * read from an in-memory tree holding the text (no zip inflation, no UTF-8 decoding).
 */
import { attributeId, labelId, objectId } from '@annotkit/core';
import type { DocumentData, Label, ShapeObject } from '@annotkit/core';
import { cocoCodec, cvatImagesCodec, treeFromMap } from '@annotkit/formats';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { seededRandom } from '../core/fixtures.js';
import { collectGarbage, describeStats, timeRuns } from '../lib/timing.js';
import type { Benchmark } from '../lib/types.js';

const FRAMES = 1_000;
const PER_FRAME = 100;
const WIDTH = 1920;
const HEIGHT = 1080;
const COCO_PATH = 'annotations/instances_default.json';
const CVAT_PATH = 'annotations.xml';
/**
 * Each run is one conversion of a large input; the garbage of the runs before it is collected
 * first (untimed), as a conversion in a fresh page or process would find it. Without that, the
 * median swung 1.4–2.5× on unchanged code, depending on which runs a full collection of up to
 * ~700 MB of earlier results fell into.
 */
const RUNS = { warmup: 2, runs: 7, beforeEach: collectGarbage };

function labels(): Label[] {
  const label = (id: number, name: string, values: string[]): Label => ({
    kind: 'label',
    id: labelId(id),
    name,
    color: id === 1 ? '#ff6b6b' : '#4dabf7',
    type: 'any',
    attributes: [
      {
        id: attributeId(id),
        name: 'state',
        inputType: 'select',
        mutable: false,
        values,
        default: values[0],
      },
    ],
  });
  return [label(1, 'car', ['moving', 'parked']), label(2, 'person', ['walking', 'standing'])];
}

/** The 100k-object document (see the module note). */
export function benchDocument(): DocumentData {
  const rnd = seededRandom(7);
  const objects: ShapeObject[] = [];
  let id = 1;
  for (let frame = 0; frame < FRAMES; frame++) {
    for (let k = 0; k < PER_FRAME; k++) {
      const box = rnd() < 0.6;
      const cx = 40 + rnd() * (WIDTH - 80);
      const cy = 40 + rnd() * (HEIGHT - 80);
      const r = 5 + rnd() * 30;
      const points: number[] = [];
      if (box) points.push(cx - r, cy - r * 0.7, cx + r, cy + r * 0.7);
      else
        for (let v = 0; v < 8; v++) {
          const a = (v / 8) * Math.PI * 2;
          points.push(cx + Math.cos(a) * r * (0.7 + rnd() * 0.3), cy + Math.sin(a) * r);
        }
      const round = points.map((p) => Math.round(p * 100) / 100);
      objects.push({
        kind: 'shape',
        id: objectId(id++),
        label: labelId(box ? 1 : 2),
        frame,
        geometry: box
          ? { type: 'rectangle', points: round, rotation: 0 }
          : { type: 'polygon', points: round },
        attributes: { [box ? 1 : 2]: rnd() < 0.5 ? (box ? 'moving' : 'walking') : 'standing' },
        group: 0,
        zOrder: 0,
        occluded: false,
        source: 'manual',
      });
    }
  }
  return {
    schemaVersion: 1,
    media: {
      kind: 'images',
      frames: Array.from({ length: FRAMES }, (_, i) => ({
        name: `frame_${String(i).padStart(6, '0')}.jpg`,
        width: WIDTH,
        height: HEIGHT,
      })),
    },
    labels: labels(),
    objects,
    meta: {},
  };
}

interface Inputs {
  doc: DocumentData;
  coco: string;
  cvat: string;
}
let inputs: Inputs | undefined;

async function prepare(): Promise<Inputs> {
  if (inputs) return inputs;
  const doc = benchDocument();
  const coco = (await cocoCodec.export(doc)).tree.get(COCO_PATH);
  const cvat = (await cvatImagesCodec.export(doc)).tree.get(CVAT_PATH);
  if (typeof coco !== 'string' || typeof cvat !== 'string') throw new Error('export failed');
  inputs = { doc, coco, cvat };
  return inputs;
}

/** Keeps results reachable until measured, so no work is optimised away. */
let sink: unknown;

/** The fast-xml-parser floor: attributes kept (the data lives there), other options default. */
const bareOptions = { ignoreAttributes: false } as const;

function ratioNote(ours: string, base: string): string {
  return `ours ${ours}; floor ${base}`;
}

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'formats: COCO import, 100k annotations',
    unit: 'ms',
    target: '≤ 2× JSON.parse',
    targetCheck: (_o, _b, ratio) => ratio <= 2,
    env: 'node',
    setup: async () => {
      await prepare();
    },
    run: async () => {
      const { coco } = await prepare();
      const tree = treeFromMap({ [COCO_PATH]: coco });
      const ours = await timeRuns(async () => {
        sink = await cocoCodec.import(tree);
      }, RUNS);
      const base = await timeRuns(() => {
        sink = JSON.parse(coco);
      }, RUNS);
      return {
        ours: ours.median,
        baseline: base.median,
        note: ratioNote(describeStats(ours), describeStats(base)) + `; ${coco.length} chars`,
      };
    },
  },
  {
    name: 'formats: COCO export, 100k annotations',
    unit: 'ms',
    target: '≤ 2× JSON.stringify',
    targetCheck: (_o, _b, ratio) => ratio <= 2,
    env: 'node',
    setup: async () => {
      await prepare();
    },
    run: async () => {
      const { doc, coco } = await prepare();
      const parsed: unknown = JSON.parse(coco);
      const ours = await timeRuns(async () => {
        sink = await cocoCodec.export(doc);
      }, RUNS);
      const base = await timeRuns(() => {
        sink = JSON.stringify(parsed);
      }, RUNS);
      return {
        ours: ours.median,
        baseline: base.median,
        note: ratioNote(describeStats(ours), describeStats(base)),
      };
    },
  },
  {
    name: 'formats: CVAT XML import, 100k annotations',
    unit: 'ms',
    target: "≤ 2× fast-xml-parser's bare parse",
    targetCheck: (_o, _b, ratio) => ratio <= 2,
    env: 'node',
    setup: async () => {
      await prepare();
    },
    run: async () => {
      const { cvat } = await prepare();
      const tree = treeFromMap({ [CVAT_PATH]: cvat });
      const ours = await timeRuns(async () => {
        sink = await cvatImagesCodec.import(tree);
      }, RUNS);
      const base = await timeRuns(() => {
        sink = new XMLParser(bareOptions).parse(cvat);
      }, RUNS);
      return {
        ours: ours.median,
        baseline: base.median,
        note: ratioNote(describeStats(ours), describeStats(base)) + `; ${cvat.length} chars`,
      };
    },
  },
  {
    name: 'formats: CVAT XML export, 100k annotations',
    unit: 'ms',
    target: "≤ 2× fast-xml-parser's bare build",
    targetCheck: (_o, _b, ratio) => ratio <= 2,
    env: 'node',
    setup: async () => {
      await prepare();
    },
    run: async () => {
      const { doc, cvat } = await prepare();
      const parsed: unknown = new XMLParser(bareOptions).parse(cvat);
      const ours = await timeRuns(async () => {
        sink = await cvatImagesCodec.export(doc);
      }, RUNS);
      const base = await timeRuns(() => {
        sink = new XMLBuilder(bareOptions).build(parsed);
      }, RUNS);
      if (sink === undefined) throw new Error('nothing measured');
      return {
        ours: ours.median,
        baseline: base.median,
        note: ratioNote(describeStats(ours), describeStats(base)),
      };
    },
  },
];
