/**
 * Turns the inputs a page or a worker receives (a zip's bytes, a `Blob`/`File`, a list of
 * `File`s, a ready `FileTree`) into a `FileTree`.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { FileTree } from '../codec/types.js';
import type { FileLike } from '../tree/files.js';
import { treeFromFiles } from '../tree/files.js';
import { treeFromMap } from '../tree/memory.js';
import type { ZipLimits } from '../tree/zip.js';
import { treeFromZip } from '../tree/zip.js';

/**
 * What {@link importDataset} accepts:
 * - a `FileTree` (used as is);
 * - a `Uint8Array` or `ArrayBuffer` holding a zip archive;
 * - a `Blob` or `File`: a zip when its bytes start with the zip signature, else one annotation
 *   file (named after the `File`'s name, or `annotations` for a nameless `Blob`);
 * - a list of `File`s (a folder picker or a drop): one `.zip` file is opened as an archive,
 *   anything else becomes a tree keyed by `webkitRelativePath` (or the name).
 */
export type DatasetInput = FileTree | Uint8Array | ArrayBuffer | Blob | readonly FileLike[];

/** True for a `FileTree` (duck-typed: it has `paths`, `read` and `readText`). */
export function isFileTree(v: unknown): v is FileTree {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FileTree).paths === 'function' &&
    typeof (v as FileTree).read === 'function' &&
    typeof (v as FileTree).readText === 'function'
  );
}

/** True when `bytes` starts with a zip signature (`PK\x03\x04`, or `PK\x05\x06` for an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function isBlob(v: unknown): v is Blob {
  return typeof Blob !== 'undefined' && v instanceof Blob;
}

function nameOf(v: unknown): string | undefined {
  const n = (v as { name?: unknown }).name;
  return typeof n === 'string' && n !== '' ? n : undefined;
}

/**
 * Opens any {@link DatasetInput} as a `FileTree`. Throws `AnnotkitError` `parse` for bytes that
 * are not a zip, `limit` when a zip is over `limits`, `invalid-type` for anything else.
 */
export async function openInput(input: DatasetInput, limits: ZipLimits = {}): Promise<FileTree> {
  if (isFileTree(input)) return input;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (!looksLikeZip(bytes)) {
      throw new AnnotkitError(
        ErrorCode.Parse,
        'bytes are not a zip archive (pass a File or a FileTree for a single annotation file)',
      );
    }
    return treeFromZip(bytes, limits);
  }
  if (isBlob(input)) {
    const bytes = new Uint8Array(await input.arrayBuffer());
    const name = nameOf(input) ?? 'annotations';
    if (looksLikeZip(bytes)) return treeFromZip(bytes, limits);
    return treeFromMap(new Map([[name, bytes]]));
  }
  if (Array.isArray(input)) {
    const files = input as readonly FileLike[];
    if (files.length === 1 && /\.zip$/i.test(files[0].name)) {
      const bytes = new Uint8Array(await files[0].arrayBuffer());
      if (looksLikeZip(bytes)) return treeFromZip(bytes, limits);
    }
    return treeFromFiles(files);
  }
  throw new AnnotkitError(
    ErrorCode.InvalidType,
    'expected a FileTree, a zip as Uint8Array/ArrayBuffer, a Blob or a list of Files',
  );
}
