/** The Pascal VOC 1.1 codec. */
import type { Codec, FileTree } from '../../codec/types.js';
import { exportVoc } from './exporter.js';
import { findVocRoot, importVoc } from './importer.js';

/** Confidence that a tree is a VOC dataset (shared with the Segmentation mask codec). */
export function vocLayout(tree: FileTree): { voc: number; segOnly: boolean } {
  const root = findVocRoot(tree);
  if (root === undefined) return { voc: 0, segOnly: false };
  const pre = root === '' ? '' : `${root}/`;
  const paths = tree.paths();
  const has = (dir: string): boolean => paths.some((p) => p.startsWith(`${pre}${dir}/`));
  const detection =
    has('Annotations') ||
    has('ImageSets/Main') ||
    has('ImageSets/Action') ||
    has('ImageSets/Layout');
  const segmentation = has('ImageSets/Segmentation') || has('SegmentationClass');
  return { voc: detection ? 0.95 : segmentation ? 0.6 : 0.3, segOnly: segmentation && !detection };
}

/**
 * PASCAL VOC 1.1: detection XML (boxes, truncated/occluded/difficult, pose, parts, actions,
 * attributes), classification lists (tags) and SegmentationClass/SegmentationObject PNGs
 * (masks) with `labelmap.txt` or the default VOC classes.
 */
export const vocCodec: Codec = {
  id: 'voc-1.1',
  name: 'PASCAL VOC 1.1',
  detect: async (tree) => vocLayout(tree).voc,
  import: (tree, options) =>
    importVoc(tree, { detection: true, classification: true, segmentation: true }, options),
  export: async (doc, options) => exportVoc(doc, options),
};
