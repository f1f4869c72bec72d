import type { FileTree } from '../codec/types.js';
import { lazyTree } from './memory.js';
import { normalizeEntryPath } from './paths.js';

/** The part of a browser `File` that {@link treeFromFiles} uses. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  /** Set for files from a folder picker or a dropped folder, e.g. `dataset/images/a.jpg`. */
  readonly webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Options for {@link treeFromFiles}. */
export interface FilesTreeOptions {
  /**
   * Removes the common top folder of all paths (a dropped folder `dataset/` gives paths
   * relative to it). Defaults to true.
   */
  readonly stripCommonRoot?: boolean;
}

/**
 * A file tree over browser `File`s (an `<input webkitdirectory>` list, a drop, or loose files).
 * Paths come from `webkitRelativePath` (or the name), normalised; unsafe names are ignored.
 */
export function treeFromFiles(
  files: readonly FileLike[],
  options: FilesTreeOptions = {},
): FileTree {
  let entries: [string, FileLike][] = [];
  for (const f of files) {
    const p = normalizeEntryPath(
      f.webkitRelativePath !== undefined && f.webkitRelativePath !== ''
        ? f.webkitRelativePath
        : f.name,
    );
    if (p !== undefined) entries.push([p, f]);
  }
  if ((options.stripCommonRoot ?? true) && entries.length > 0) {
    const first = entries[0][0];
    const slash = first.indexOf('/');
    if (slash > 0) {
      const prefix = first.slice(0, slash + 1);
      if (entries.every(([p]) => p.startsWith(prefix))) {
        entries = entries.map(([p, f]) => [p.slice(prefix.length), f]);
      }
    }
  }
  const byPath = new Map(entries);
  const sizes = new Map<string, number | undefined>();
  for (const [p, f] of byPath) sizes.set(p, f.size);
  return lazyTree(
    sizes,
    async (p) => new Uint8Array(await (byPath.get(p) as FileLike).arrayBuffer()),
  );
}
