/** The LabelMe 3.0 codec (MIT CSAIL LabelMe XML, not the `labelme` JSON tool). */
import type { Codec, FileTree } from '../../codec/types.js';
import { findLabelmeFiles, readLabelme } from './read.js';
import { writeLabelme } from './write.js';

async function detect(tree: FileTree): Promise<number> {
  const files = await findLabelmeFiles(tree);
  if (files.length === 0) return 0;
  const xmls = tree.paths().filter((p) => p.toLowerCase().endsWith('.xml')).length;
  // Pascal VOC XMLs are also `<annotation>` but hold `<bndbox>` and `<size>`, not `<imagesize>`.
  const head = (await tree.readText(files[0])).slice(0, 8192);
  if (/<bndbox[\s>]/.test(head) && !/<imagesize[\s>]/.test(head)) return 0.2;
  const strong = /<imagesize[\s>]|<polygon[\s>]|<segm[\s>]/.test(head);
  return (strong ? 0.9 : 0.6) * (files.length / xmls);
}

/** LabelMe 3.0: one `<annotation>` XML per image, masks in `Masks/`. */
export const labelmeCodec: Codec = {
  id: 'labelme-3.0',
  name: 'LabelMe 3.0',
  detect,
  import: (tree, options) => readLabelme(tree, options),
  async export(document, options) {
    return writeLabelme(document, options);
  },
};
