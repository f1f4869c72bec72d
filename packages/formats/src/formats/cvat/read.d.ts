import type { ImportOptions, ImportResult } from '../../codec/types.js';
/** Element names of CVAT shapes, in the order CVAT lists them. */
export declare const CVAT_SHAPE_TAGS: readonly [
  'box',
  'polygon',
  'polyline',
  'points',
  'ellipse',
  'cuboid',
  'mask',
  'skeleton',
];
/** Parses a whole CVAT XML text. */
export declare function readCvatXml(
  text: string,
  file: string | undefined,
  options?: ImportOptions,
): ImportResult;
