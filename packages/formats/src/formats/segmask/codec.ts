/** The Segmentation mask 1.1 codec (VOC segmentation layout painted with label colours). */
import type { Codec } from '../../codec/types.js';
import { exportSegmentationMask } from '../voc/exporter.js';
import { importVoc } from '../voc/importer.js';
import { vocLayout } from '../voc/codec.js';

/**
 * Segmentation mask 1.1: `labelmap.txt` (label colours), `SegmentationClass` and
 * `SegmentationObject` PNGs, `ImageSets/Segmentation/<subset>.txt`. Import gives masks; export
 * rasterises boxes, polygons, ellipses and masks.
 */
export const segmentationMaskCodec: Codec = {
  id: 'segmentation-mask-1.1',
  name: 'Segmentation mask 1.1',
  async detect(tree) {
    const l = vocLayout(tree);
    return l.segOnly ? 0.9 : l.voc > 0 ? 0.2 : 0;
  },
  import: (tree, options) =>
    importVoc(tree, { detection: false, classification: false, segmentation: true }, options),
  export: async (doc, options) => exportSegmentationMask(doc, options),
};
