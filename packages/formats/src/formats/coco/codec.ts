/** The COCO 1.0 and COCO Keypoints 1.0 codecs. */
import type { Codec, FileTree } from '../../codec/types.js';
import { exportCoco } from './exporter.js';
import { CocoTask, findCocoFiles, importCoco } from './importer.js';

const INSTANCE_TASKS = [
  CocoTask.Instances,
  CocoTask.Stuff,
  CocoTask.Labels,
  CocoTask.ImageInfo,
  CocoTask.Captions,
  CocoTask.Panoptic,
] as const;

async function detectCoco(tree: FileTree, keypoints: boolean): Promise<number> {
  const files = findCocoFiles(tree);
  if (files.length === 0) return 0;
  const kp = files.filter((f) => f.task === CocoTask.PersonKeypoints).length;
  const named = !files[0].guessed;
  if (keypoints) return kp > 0 ? 0.95 : 0;
  if (kp === files.length) return 0;
  if (!named) {
    // A lone JSON: plausible when it has the three COCO keys.
    const text = await tree.readText(files[0].path);
    const head = text.slice(0, 1 << 16);
    return /"images"\s*:/.test(head) &&
      /"annotations"\s*:/.test(text) &&
      /"categories"\s*:/.test(text)
      ? 0.6
      : 0;
  }
  return 0.95;
}

/**
 * COCO 1.0: `annotations/instances_<subset>.json` (plus Datumaro's stuff/labels/image_info/panoptic/
 * captions files on import). Boxes, polygons, masks (RLE, both forms), ellipses (exported as
 * masks), custom `attributes` incl. `occluded`, `rotation`, `track_id`/`keyframe`.
 */
export const cocoCodec: Codec = {
  id: 'coco-1.0',
  name: 'COCO 1.0',
  detect: (tree) => detectCoco(tree, false),
  import: (tree, options) => importCoco(tree, INSTANCE_TASKS, options),
  export: async (doc, options) => exportCoco(doc, 'instances', options),
};

/**
 * COCO Keypoints 1.0: `annotations/person_keypoints_<subset>.json`. Skeletons (with the
 * polygon/mask grouped with them); the keypoint bbox is derived, not imported.
 */
export const cocoKeypointsCodec: Codec = {
  id: 'coco-keypoints-1.0',
  name: 'COCO Keypoints 1.0',
  detect: (tree) => detectCoco(tree, true),
  import: (tree, options) => importCoco(tree, [CocoTask.PersonKeypoints], options),
  export: async (doc, options) => exportCoco(doc, 'keypoints', options),
};
