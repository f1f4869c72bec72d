/**
 * `@annotkit/formats/node`: reading and writing datasets on disk in Node. Not part of the main
 * entry, which must load in browsers (no `node:fs` there).
 */
/// <reference types="node" />
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { FileTree, OutputTree } from './codec/types.js';
import { looksLikeZip } from './api/input.js';
import { treeFromMap } from './tree/memory.js';
import { treeFromNodeDir } from './tree/node.js';
import type { NodeDirOptions } from './tree/node.js';
import { normalizeEntryPath } from './tree/paths.js';
import type { ZipLimits, ZipWriteOptions } from './tree/zip.js';
import { treeFromZip, treeToZip } from './tree/zip.js';

export { treeFromNodeDir };
export type { NodeDirOptions };

/** Options of {@link readInput}. */
export interface ReadInputOptions extends NodeDirOptions {
  /** Bounds for a zip input. Defaults to those of `treeFromZip`. */
  readonly zip?: ZipLimits;
}

/** What {@link readInput} found at the path. */
export type InputKind = 'zip' | 'folder' | 'file';

/** Result of {@link readInputWithKind}. */
export interface ReadInputResult {
  readonly tree: FileTree;
  readonly kind: InputKind;
  /** Bytes on disk: the zip's or the single file's size; for a folder, the sum of its files. */
  readonly size: number;
}

/**
 * Opens `path` as a dataset tree and says what it was: a zip archive (by its signature, whatever
 * the extension), a folder (listed recursively, files read on demand), or one annotation file (a
 * tree holding just that file under its base name). Throws `AnnotkitError` `parse` (with `file`)
 * when the path does not exist or a `.zip` is not a zip.
 */
export async function readInputWithKind(
  path: string,
  options: ReadInputOptions = {},
): Promise<ReadInputResult> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new AnnotkitError(ErrorCode.Parse, 'no such file or folder', { file: path, cause: e });
  }
  if (info.isDirectory()) {
    const tree = await treeFromNodeDir(path, options);
    let size = 0;
    for (const p of tree.paths()) size += tree.size(p) ?? 0;
    return { tree, kind: 'folder', size };
  }
  const bytes = new Uint8Array(await readFile(path));
  if (looksLikeZip(bytes)) {
    try {
      return { tree: await treeFromZip(bytes, options.zip), kind: 'zip', size: bytes.length };
    } catch (e) {
      if (e instanceof AnnotkitError && e.file === undefined) {
        throw new AnnotkitError(e.code, e.message, { file: path, cause: e });
      }
      throw e;
    }
  }
  if (/\.zip$/i.test(path)) {
    throw new AnnotkitError(ErrorCode.Parse, 'not a zip archive', { file: path });
  }
  return {
    tree: treeFromMap(new Map([[basename(path), bytes]])),
    kind: 'file',
    size: bytes.length,
  };
}

/** Opens a zip file, a folder or a single annotation file as a tree (see {@link readInputWithKind}). */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<FileTree> {
  return (await readInputWithKind(path, options)).tree;
}

/**
 * Writes an export's files to disk: a zip archive when `path` ends with `.zip` (case-insensitive),
 * else into the folder `path` (created with parents; files already there are overwritten, others
 * left alone). Entry paths with `..` or absolute paths throw `AnnotkitError` `invalid-type`
 * before anything is written.
 */
export async function writeOutput(
  tree: OutputTree,
  path: string,
  options: ZipWriteOptions = {},
): Promise<void> {
  if (/\.zip$/i.test(path)) {
    const bytes = await treeToZip(tree, options);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    return;
  }
  const entries: [string, Uint8Array | string][] = [];
  for (const [name, v] of tree) {
    const p = normalizeEntryPath(name);
    if (p === undefined) {
      throw new AnnotkitError(ErrorCode.InvalidType, `unsafe path in output: ${name}`, {
        file: name,
      });
    }
    entries.push([p, v]);
  }
  await mkdir(path, { recursive: true });
  for (const [p, v] of entries) {
    const full = join(path, ...p.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, v);
  }
}
