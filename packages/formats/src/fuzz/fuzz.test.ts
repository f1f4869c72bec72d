/**
 * Fuzzing every codec through the public API: real fixture files are mutated (bit flips,
 * truncation, duplicated and removed lines, numbers replaced by NaN/huge/negative values, XML
 * entity declarations, JSON `__proto__`/`constructor` keys, YAML `__proto__` keys) and imported
 * with `importDataset`. The invariants: the import either succeeds with a valid document or
 * rejects with an `AnnotkitError`; nothing throws outside the promise; `Object.prototype` and
 * `Array.prototype` stay untouched.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError, validateDocumentData } from '@annotkit/core';
import { importDataset } from '../api/dataset.js';
import { codecs } from '../registry.js';
import { treeFromMap } from '../tree/memory.js';
import { fixtureFiles } from '../util/testFixtures.js';

interface FixtureSet {
  readonly dir: string;
  readonly files: readonly string[];
}

const DM = 'cvat-ai-datumaro';

/** One real dataset per codec. Every codec of `codecs` must have one (checked below). */
const FIXTURES: Readonly<Record<string, FixtureSet>> = {
  'cvat-images-1.1': {
    dir: `cvat_for_images/${DM}/for_images`,
    files: ['train.xml', 'images/img0.jpg', 'images/img1.jpg'],
  },
  'cvat-video-1.1': {
    dir: `cvat_for_video/${DM}/for_video`,
    files: ['annotations.xml', 'images/frame_000010.png'],
  },
  'coco-1.0': {
    dir: `coco/${DM}/coco_instances`,
    files: [
      'annotations/instances_train.json',
      'annotations/instances_val.json',
      'images/train/a.jpg',
    ],
  },
  'coco-keypoints-1.0': {
    dir: `coco/${DM}/coco_person_keypoints`,
    files: ['annotations/person_keypoints_train.json', 'annotations/person_keypoints_val.json'],
  },
  'yolo-1.1': {
    dir: `yolo_1.1/${DM}/yolo`,
    files: ['obj.data', 'obj.names', 'obj_train_data/1.jpg', 'obj_train_data/1.txt', 'train.txt'],
  },
  'ultralytics-detect-1.0': {
    dir: `ultralytics_detect/${DM}/yolov8_detection`,
    files: ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'],
  },
  'ultralytics-segment-1.0': {
    dir: `ultralytics_segment/${DM}/yolov8_segmentation`,
    files: ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'],
  },
  'ultralytics-pose-1.0': {
    dir: `ultralytics_pose/${DM}/yolov8_pose`,
    files: ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'],
  },
  'ultralytics-obb-1.0': {
    dir: `ultralytics_obb/${DM}/yolov8_oriented_boxes`,
    files: ['data.yaml', 'images/train/1.jpg', 'labels/train/1.txt'],
  },
  'ultralytics-classify-1.0': {
    dir: `ultralytics_classify/${DM}/yolov8_classification`,
    files: ['train/label_0/1.jpg', 'train/label_0/2.jpg', 'train/label_1/3.jpg'],
  },
  'voc-1.1': {
    dir: `pascal_voc/${DM}/voc_dataset1`,
    files: [
      'Annotations/2007_000001.xml',
      'ImageSets/Main/train.txt',
      'ImageSets/Main/test.txt',
      'ImageSets/Main/cat_train.txt',
      'ImageSets/Segmentation/train.txt',
      'JPEGImages/2007_000001.jpg',
      'SegmentationClass/2007_000001.png',
      'SegmentationObject/2007_000001.png',
    ],
  },
  'segmentation-mask-1.1': {
    dir: `segmentation_mask/${DM}/voc_dataset1`,
    files: [
      'ImageSets/Segmentation/train.txt',
      'JPEGImages/2007_000001.jpg',
      'SegmentationClass/2007_000001.png',
      'SegmentationObject/2007_000001.png',
    ],
  },
  'datumaro-1.0': {
    dir: `datumaro/${DM}/diverse`,
    files: ['annotations/default.json', 'annotations/train.json', 'images/train/100.jpg'],
  },
  'labelme-3.0': {
    dir: `labelme_3.0/${DM}/labelme_dataset`,
    files: ['img1.xml', 'img1.png', 'Masks/img1_mask_1.png'],
  },
};

/** Runs per codec: 14 codecs × 60 runs stay well under 30 s in Chromium. */
const RUNS = 60;

const enc = new TextEncoder();
const dec = new TextDecoder();

const BAD_NUMBERS = ['NaN', '1e309', '-1e309', '-1', '-0', '1e300', '4294967297', 'Infinity', ''];
const ENTITIES =
  '<!DOCTYPE annotations [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">' +
  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
  '<!ENTITY x SYSTEM "file:///etc/passwd">]>';
const JSON_KEYS = [
  '"__proto__": {"polluted": 1, "length": 1e9},',
  '"constructor": {"prototype": {"polluted": 1}},',
  '"__proto__": [1, 2],',
];

/** A mutation of one file of a fixture; `file` and positions are taken modulo what exists. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), file: fc.nat(), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({
    kind: fc.constant('number' as const),
    file: fc.nat(),
    at: fc.nat(),
    value: fc.constantFrom(...BAD_NUMBERS),
  }),
  fc.record({ kind: fc.constant('entity' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({
    kind: fc.constant('protoKey' as const),
    file: fc.nat(),
    at: fc.nat(),
    key: fc.constantFrom(...JSON_KEYS),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const isText = (path: string): boolean => /\.(xml|json|txt|yaml|yml|data|names)$/.test(path);

function lines(s: string): string[] {
  return s.split('\n');
}

/** Applies `m` to `src` (the file at `path`); returns the mutated bytes. */
function mutate(path: string, src: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'flip') {
    const out = src.slice();
    if (out.length > 0) out[m.at % out.length] ^= 1 << m.bit;
    return out;
  }
  if (m.kind === 'truncate') return src.slice(0, src.length === 0 ? 0 : m.at % src.length);
  if (!isText(path)) return src;
  const text = dec.decode(src);
  switch (m.kind) {
    case 'dupLine': {
      const ls = lines(text);
      const i = m.at % ls.length;
      ls.splice(i, 0, ls[i]);
      return enc.encode(ls.join('\n'));
    }
    case 'dropLine': {
      const ls = lines(text);
      ls.splice(m.at % ls.length, 1);
      return enc.encode(ls.join('\n'));
    }
    case 'number': {
      const found = [...text.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)];
      if (found.length === 0) return src;
      const hit = found[m.at % found.length];
      const i = hit.index ?? 0;
      return enc.encode(text.slice(0, i) + m.value + text.slice(i + hit[0].length));
    }
    case 'entity': {
      // A DOCTYPE with nested entities after the XML declaration, and a reference in a text node.
      const decl = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
      const withDoctype = text.slice(0, decl) + ENTITIES + text.slice(decl);
      const gaps = [...withDoctype.matchAll(/>([^<]*)</g)];
      if (gaps.length === 0) return enc.encode(withDoctype);
      const g = gaps[m.at % gaps.length];
      const at = (g.index ?? 0) + 1;
      return enc.encode(`${withDoctype.slice(0, at)}&c;&x;${withDoctype.slice(at)}`);
    }
    case 'protoKey': {
      if (/\.ya?ml$/.test(path)) {
        return enc.encode(`__proto__:\n  polluted: 1\nconstructor:\n  prototype: 1\n${text}`);
      }
      const opens = [...text.matchAll(/\{/g)];
      if (opens.length === 0) return src;
      const at = (opens[m.at % opens.length].index ?? 0) + 1;
      return enc.encode(text.slice(0, at) + m.key + text.slice(at));
    }
  }
}

function load(set: FixtureSet): Promise<Map<string, Uint8Array>> {
  return fixtureFiles(set.dir, set.files);
}

function prototypeSnapshot(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(Array.prototype).sort(),
    Object.getPrototypeOf({}) === Object.prototype,
  ]);
}

describe('fuzzing every codec through importDataset', () => {
  const before = prototypeSnapshot();
  const stray: unknown[] = [];
  const onError = (e: ErrorEvent): void => void stray.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent): void => void stray.push(e.reason);
  const codes = new Map<string, number>();
  const unlocated: string[] = [];

  beforeEach(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(stray, 'errors thrown outside the import promise').to.deep.equal([]);
    expect(prototypeSnapshot()).to.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  after(() => {
    // Printed for the record: which error codes the fuzzing produced.
    console.log(
      `fuzz error codes: ${JSON.stringify(Object.fromEntries(codes))}; ` +
        `without file or path: ${unlocated.length} ${JSON.stringify(unlocated.slice(0, 12))}`,
    );
  });

  it('has a fixture for every codec', () => {
    expect(codecs.map((c) => c.id).filter((id) => !(id in FIXTURES))).to.deep.equal([]);
  });

  for (const codec of codecs) {
    const set = FIXTURES[codec.id];
    if (!set) continue;
    it(`${codec.id}: mutated fixtures import or fail with AnnotkitError`, async () => {
      const original = await load(set);
      const base = await importDataset(treeFromMap(original), { format: codec.id });
      expect(base.format).to.equal(codec.id);
      const paths = [...original.keys()];
      const textPaths = paths.filter(isText);
      await fc.assert(
        fc.asyncProperty(mutation, fc.boolean(), async (m, detect) => {
          const pool = m.kind === 'flip' || m.kind === 'truncate' ? paths : textPaths;
          if (pool.length === 0) return;
          const path = pool[m.file % pool.length];
          const files = new Map(original);
          files.set(path, mutate(path, original.get(path) as Uint8Array, m));
          try {
            const r = await importDataset(treeFromMap(files), detect ? {} : { format: codec.id });
            // Valid (importDataset checked it) and still valid after a trip through JSON.
            validateDocumentData(JSON.parse(JSON.stringify(r.document)));
          } catch (e) {
            expect(isAnnotkitError(e), `${codec.id} ${path} ${m.kind}: ${String(e)}`).to.equal(
              true,
            );
            if (isAnnotkitError(e)) {
              const key = `${codec.id}:${e.code}`;
              codes.set(key, (codes.get(key) ?? 0) + 1);
              if (e.file === undefined && e.code !== 'unsupported') {
                unlocated.push(`${codec.id} ${m.kind} ${path}: ${e.message}`);
              }
            }
          }
          expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
