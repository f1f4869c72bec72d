/** The two CVAT XML codecs: "CVAT for images 1.1" and "CVAT for video 1.1". */
import type {
  Codec,
  ExportResult,
  FileTree,
  ImportOptions,
  ImportResult,
} from '../../codec/types.js';
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { readCvatXml } from './read.js';
import { writeCvatImages, writeCvatVideo } from './write.js';

/** Finds the CVAT XML in a tree: `annotations.xml` (shallowest), else the only `.xml`. */
async function findCvatXml(tree: FileTree): Promise<string | undefined> {
  const xmls = tree.paths().filter((p) => p.toLowerCase().endsWith('.xml'));
  const named = xmls
    .filter((p) => p === 'annotations.xml' || p.endsWith('/annotations.xml'))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  if (named.length > 0) return named[0];
  for (const p of xmls) {
    if (looksLikeCvat(await head(tree, p))) return p;
  }
  return undefined;
}

async function head(tree: FileTree, path: string): Promise<string> {
  const size = tree.size(path);
  if (size !== undefined && size > 64 * 1024 * 1024) return '';
  const text = await tree.readText(path);
  return text.slice(0, 4096);
}

function looksLikeCvat(h: string): boolean {
  return (
    /<annotations[\s>]/.test(h) &&
    (/<version>\s*1\.1\s*<\/version>/.test(h) || /<meta[\s>]/.test(h))
  );
}

async function detectCvat(tree: FileTree, want: 'images' | 'video'): Promise<number> {
  const p = await findCvatXml(tree);
  if (p === undefined) return 0;
  const text = await tree.readText(p);
  const h = text.slice(0, 4096);
  if (!looksLikeCvat(h)) return 0;
  const hasImage = /<image[\s>]/.test(text);
  const hasTrack = /<track[\s>]/.test(text);
  const interp = /<mode>\s*interpolation\s*<\/mode>/.test(h);
  const isVideo = hasTrack || (!hasImage && interp);
  if (want === 'video') return isVideo ? 0.95 : 0.6;
  return isVideo ? 0.6 : 0.95;
}

async function importCvat(tree: FileTree, options?: ImportOptions): Promise<ImportResult> {
  const p = await findCvatXml(tree);
  if (p === undefined) {
    // Name the XML file that was not recognised, if there is one (the format was chosen).
    const xml = tree.paths().find((q) => q.toLowerCase().endsWith('.xml'));
    throw new AnnotkitError(
      ErrorCode.Parse,
      xml === undefined
        ? 'no CVAT XML (annotations.xml) in the dataset'
        : 'this XML file is not recognised as CVAT for images/video 1.1',
      { file: xml },
    );
  }
  options?.onProgress?.(0);
  const result = readCvatXml(await tree.readText(p), p, options);
  options?.onProgress?.(1);
  return result;
}

/** CVAT for images 1.1: `annotations.xml` with one `<image>` per frame. */
export const cvatImagesCodec: Codec = {
  id: 'cvat-images-1.1',
  name: 'CVAT for images 1.1',
  detect: (tree) => detectCvat(tree, 'images'),
  import: importCvat,
  async export(document): Promise<ExportResult> {
    const { xml, dropped } = writeCvatImages(document);
    return { tree: new Map([['annotations.xml', xml]]), dropped };
  },
};

/** CVAT for video 1.1: `annotations.xml` with `<track>`s over absolute frame numbers. */
export const cvatVideoCodec: Codec = {
  id: 'cvat-video-1.1',
  name: 'CVAT for video 1.1',
  detect: (tree) => detectCvat(tree, 'video'),
  import: importCvat,
  async export(document): Promise<ExportResult> {
    const { xml, dropped } = writeCvatVideo(document);
    return { tree: new Map([['annotations.xml', xml]]), dropped };
  },
};
