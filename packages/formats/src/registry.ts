/**
 * The codecs of this package. A plain list (no module-level registration): hosts that want a
 * different set pass their own list to `detectFormat`.
 */
import type { Codec } from './codec/types.js';
import { cocoCodec, cocoKeypointsCodec } from './formats/coco/codec.js';
import { cvatImagesCodec, cvatVideoCodec } from './formats/cvat/codec.js';
import { datumaroCodec } from './formats/datumaro/codec.js';
import { labelmeCodec } from './formats/labelme/codec.js';
import { segmentationMaskCodec } from './formats/segmask/codec.js';
import { vocCodec } from './formats/voc/codec.js';
import {
  ultralyticsClassifyCodec,
  ultralyticsDetectCodec,
  ultralyticsObbCodec,
  ultralyticsPoseCodec,
  ultralyticsSegmentCodec,
  yoloCodec,
} from './formats/yolo/codec.js';

/** Every codec of the package, in display order. */
export const codecs: readonly Codec[] = [
  cvatImagesCodec,
  cvatVideoCodec,
  cocoCodec,
  cocoKeypointsCodec,
  yoloCodec,
  ultralyticsDetectCodec,
  ultralyticsSegmentCodec,
  ultralyticsPoseCodec,
  ultralyticsObbCodec,
  ultralyticsClassifyCodec,
  vocCodec,
  segmentationMaskCodec,
  datumaroCodec,
  labelmeCodec,
];

/** The codec with this id (e.g. `'cvat-images-1.1'`), from `list` (defaults to {@link codecs}). */
export function findCodec(id: string, list: readonly Codec[] = codecs): Codec | undefined {
  return list.find((c) => c.id === id);
}
