/** The Datumaro 1.0 (JSON) codec. */
import type { Codec, FileTree } from '../../codec/types.js';
import { findDatumaroFiles, readDatumaro } from './read.js';
import { writeDatumaro } from './write.js';

async function detect(tree: FileTree): Promise<number> {
  const files = findDatumaroFiles(tree);
  if (files.length === 0) return 0;
  const size = tree.size(files[0]);
  const text = size !== undefined && size > 256 * 1024 * 1024 ? '' : await tree.readText(files[0]);
  const hasCats = /"categories"\s*:/.test(text);
  const hasItems = /"items"\s*:/.test(text);
  if (!hasCats || !hasItems) return 0;
  const inAnnotations = files[0].includes('annotations/');
  // COCO files also live in annotations/ but have "images" and no "items".
  return inAnnotations ? 0.95 : 0.7;
}

/** Datumaro 1.0: `annotations/<subset>.json` with `categories` and `items`. */
export const datumaroCodec: Codec = {
  id: 'datumaro-1.0',
  name: 'Datumaro 1.0',
  detect,
  import: (tree, options) => readDatumaro(tree, options),
  async export(document, options) {
    return writeDatumaro(document, options);
  },
};
