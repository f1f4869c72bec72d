/** The YOLO 1.1 and Ultralytics YOLO codecs. */
import type { Codec, FileTree } from '../../codec/types.js';
import { exportClassify, findClassImages, importClassify } from './classify.js';
import { exportDarknet, findObjData, importDarknet } from './darknet.js';
import { guessTask, parseLabelFile } from './lines.js';
import type { YoloTask } from './lines.js';
import { exportUltralytics } from './ultralyticsExport.js';
import { findYaml, importUltralytics } from './ultralyticsImport.js';
import { parseYamlSubset } from './yaml.js';

/**
 * YOLO 1.1 (Darknet): `obj.data`, `obj.names`, `<subset>.txt`, `obj_<subset>_data/*.txt`.
 * Axis-aligned boxes only.
 */
export const yoloCodec: Codec = {
  id: 'yolo-1.1',
  name: 'YOLO 1.1',
  detect: async (tree) => (findObjData(tree) ? 0.95 : 0),
  import: (tree, options) => importDarknet(tree, options),
  export: async (doc, options) => exportDarknet(doc, options),
};

/** Reads the YAML and up to 20 label files to decide which Ultralytics task a tree holds. */
async function sniffTask(
  tree: FileTree,
): Promise<{ task: YoloTask | 'unknown'; sure: boolean } | undefined> {
  const yaml = findYaml(tree);
  if (!yaml) return undefined;
  let config;
  try {
    config = parseYamlSubset(await tree.readText(yaml), yaml);
  } catch {
    return undefined;
  }
  if (config.names === undefined) return undefined;
  if (config.kpt_shape !== undefined && config.kpt_shape !== null)
    return { task: 'pose', sure: true };
  let task: YoloTask | undefined;
  let read = 0;
  for (const p of tree.paths()) {
    if (!/(^|\/)labels\/.*\.txt$/i.test(p)) continue;
    if (read++ >= 20) break;
    let t: YoloTask | undefined;
    try {
      t = guessTask(parseLabelFile(await tree.readText(p), p));
    } catch {
      return { task: 'unknown', sure: false };
    }
    if (t === undefined) continue;
    if (task === undefined) task = t;
    else if (task !== t) return { task: 'unknown', sure: false };
  }
  return task ? { task, sure: true } : { task: 'unknown', sure: false };
}

function ultralytics(task: YoloTask, name: string): Codec {
  return {
    id: `ultralytics-${task}-1.0`,
    name,
    async detect(tree) {
      const s = await sniffTask(tree);
      if (!s) return 0;
      if (s.task === task) return 0.95;
      // No label lines to tell the tasks apart: every non-pose task is plausible.
      return s.task === 'unknown' && task !== 'pose' ? (task === 'detect' ? 0.5 : 0.4) : 0;
    },
    import: (tree, options) => importUltralytics(tree, task, options),
    export: async (d, options) => exportUltralytics(d, task, options),
  };
}

/** Ultralytics YOLO Detection 1.0: `cls cx cy w h [track]`, axis-aligned boxes. */
export const ultralyticsDetectCodec: Codec = ultralytics(
  'detect',
  'Ultralytics YOLO Detection 1.0',
);
/** Ultralytics YOLO Segmentation 1.0: `cls x1 y1 … xn yn [track]`, polygons. */
export const ultralyticsSegmentCodec: Codec = ultralytics(
  'segment',
  'Ultralytics YOLO Segmentation 1.0',
);
/** Ultralytics YOLO Pose 1.0: box plus `kpt_shape` keypoints, skeletons. */
export const ultralyticsPoseCodec: Codec = ultralytics('pose', 'Ultralytics YOLO Pose 1.0');
/** Ultralytics YOLO Oriented Bounding Boxes 1.0: four corners, rotated boxes. */
export const ultralyticsObbCodec: Codec = ultralytics(
  'obb',
  'Ultralytics YOLO Oriented Bounding Boxes 1.0',
);

/** Ultralytics YOLO Classification 1.0: `<subset>/<class>/<image>` folders, tags. */
export const ultralyticsClassifyCodec: Codec = {
  id: 'ultralytics-classify-1.0',
  name: 'Ultralytics YOLO Classification 1.0',
  async detect(tree) {
    if (findYaml(tree) || findObjData(tree)) return 0;
    if (tree.paths().some((p) => /\.(txt|xml|json)$/i.test(p) && !/(^|\/)labels\.json$/.test(p)))
      return 0;
    const imgs = findClassImages(tree);
    if (imgs.length === 0)
      return tree.paths().some((p) => /(^|\/)[^/]+\/labels\.json$/.test(p)) ? 0.6 : 0;
    return imgs.every((i) => /^(train|val|validation|test)$/i.test(i.subset)) ? 0.8 : 0.3;
  },
  import: (tree, options) => importClassify(tree, options),
  export: async (doc, options) => exportClassify(doc, options),
};
