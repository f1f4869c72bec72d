import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '@annotkit/core';
import type { Codec } from '../../codec/types.js';
import { treeFromMap } from '../../tree/memory.js';
import { segmentationMaskCodec } from '../segmask/codec.js';
import { vocCodec } from '../voc/codec.js';
import { ultralyticsDetectCodec, ultralyticsPoseCodec, yoloCodec } from '../yolo/codec.js';
import { cocoCodec, cocoKeypointsCodec } from './codec.js';
import { fetchFixture } from '../../util/testFixtures.js';

/** A mutation of one file: overwrite, delete or insert bytes at a position, or truncate. */
const mutation = fc.record({
  kind: fc.constantFrom('set', 'delete', 'insert', 'truncate'),
  at: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  // Printable characters that matter to the parsers.
  text: fc.constantFrom(
    '"',
    '}',
    ']',
    '[',
    '{',
    ',',
    '-1',
    '1e999',
    'null',
    '\n',
    ' ',
    '<',
    '>',
    '/',
    ':',
    '0',
    'x',
  ),
  useText: fc.boolean(),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(src: Uint8Array, m: Mutation): Uint8Array {
  const at = src.length === 0 ? 0 : m.at % src.length;
  const ins = m.useText ? new TextEncoder().encode(m.text) : m.bytes;
  switch (m.kind) {
    case 'set': {
      const out = src.slice();
      out.set(ins.slice(0, Math.max(0, out.length - at)), at);
      return out;
    }
    case 'delete':
      return Uint8Array.from([...src.slice(0, at), ...src.slice(at + ins.length)]);
    case 'insert':
      return Uint8Array.from([...src.slice(0, at), ...ins, ...src.slice(at)]);
    default:
      return src.slice(0, at);
  }
}

async function fuzz(
  codec: Codec,
  base: string,
  files: readonly string[],
  runs = 60,
): Promise<void> {
  const map = new Map<string, Uint8Array>();
  for (const f of files) map.set(f, await fetchFixture(`${base}/${f}`));
  await codec.import(treeFromMap(map)); // the unmutated fixture imports
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: files.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async (fi, ms) => {
        const copy = new Map(map);
        let bytes = copy.get(files[fi])!;
        for (const m of ms) bytes = mutate(bytes, m);
        copy.set(files[fi], bytes);
        try {
          await codec.import(treeFromMap(copy));
        } catch (e) {
          expect(isAnnotkitError(e), `${files[fi]}: ${String(e)}`).to.equal(true);
        }
      },
    ),
    { numRuns: runs },
  );
}

describe('fuzzing the fixtures (mutated files never escape as untyped errors)', () => {
  it('COCO instances and keypoints', async () => {
    await fuzz(cocoCodec, 'coco/cvat-ai-datumaro/coco_instances', [
      'annotations/instances_val.json',
    ]);
    await fuzz(cocoKeypointsCodec, 'coco/cvat-ai-datumaro/coco_person_keypoints', [
      'annotations/person_keypoints_val.json',
    ]);
  });

  it('YOLO 1.1 and Ultralytics', async () => {
    await fuzz(yoloCodec, 'yolo_1.1/cvat-ai-datumaro/yolo', [
      'obj.data',
      'obj.names',
      'train.txt',
      'obj_train_data/1.txt',
      'obj_train_data/1.jpg',
    ]);
    await fuzz(ultralyticsDetectCodec, 'ultralytics_detect/cvat-ai-datumaro/yolov8_detection', [
      'data.yaml',
      'labels/train/1.txt',
      'images/train/1.jpg',
    ]);
    await fuzz(ultralyticsPoseCodec, 'ultralytics_pose/ultralytics-hub/coco8-pose', [
      'coco8-pose.yaml',
      'labels/train/000000000036.txt',
    ]);
  });

  it('Pascal VOC and Segmentation mask', async () => {
    await fuzz(vocCodec, 'pascal_voc/cvat-ai-datumaro/voc_dataset1', [
      'Annotations/2007_000001.xml',
      'ImageSets/Main/train.txt',
      'ImageSets/Main/person_train.txt',
      'SegmentationClass/2007_000001.png',
      'SegmentationObject/2007_000001.png',
      'ImageSets/Segmentation/train.txt',
    ]);
    await fuzz(segmentationMaskCodec, 'segmentation_mask/cvat-ai-datumaro/voc_dataset2', [
      'labelmap.txt',
      'ImageSets/Segmentation/trainval.txt',
    ]);
  });
});
