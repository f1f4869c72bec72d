/**
 * Node-only file tree over a directory. Not exported from the package index (browsers cannot
 * load `node:fs`); it is meant for a `./node` subpath export and the CLI.
 */
/// <reference types="node" />
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { FileTree } from '../codec/types.js';
import { lazyTree } from './memory.js';
import { normalizeEntryPath } from './paths.js';

/** Bounds for {@link treeFromNodeDir}. */
export interface NodeDirOptions {
  /** Maximum number of files. Defaults to 100,000. */
  readonly maxEntries?: number;
  /** Follow symbolic links. Defaults to false (links are skipped). */
  readonly followSymlinks?: boolean;
}

/** Lists a directory recursively as a file tree; files are read on demand. */
export async function treeFromNodeDir(
  dir: string,
  options: NodeDirOptions = {},
): Promise<FileTree> {
  const maxEntries = options.maxEntries ?? 100_000;
  const sizes = new Map<string, number | undefined>();
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop() as string;
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        if (!options.followSymlinks) continue;
        const s = await stat(full);
        isDir = s.isDirectory();
        isFile = s.isFile();
      }
      if (isDir) pending.push(full);
      else if (isFile) {
        const p = normalizeEntryPath(relative(dir, full).split(sep).join('/'));
        if (p === undefined) continue;
        sizes.set(p, (await stat(full)).size);
        if (sizes.size > maxEntries) {
          throw new AnnotkitError(ErrorCode.Limit, `folder has more than ${maxEntries} files`, {
            file: dir,
          });
        }
      }
    }
  }
  return lazyTree(sizes, async (p) => new Uint8Array(await readFile(join(dir, ...p.split('/')))));
}
