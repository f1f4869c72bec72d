import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { FileTree, OutputTree } from '../codec/types.js';
import { decodeText, encodeText, normalizeEntryPath } from './paths.js';

/**
 * A file tree over entries held in memory (tests, exports, and the base of the other trees).
 * Paths are normalised; names with `..` or absolute names are ignored.
 */
export function treeFromMap(
  map: ReadonlyMap<string, Uint8Array | string> | Readonly<Record<string, Uint8Array | string>>,
): FileTree {
  const entries = new Map<string, Uint8Array | string>();
  const source = map instanceof Map ? map : new Map(Object.entries(map));
  for (const [name, v] of source) {
    const p = normalizeEntryPath(name);
    if (p !== undefined) entries.set(p, v);
  }
  const sorted = [...entries.keys()].sort();
  return {
    paths: () => sorted,
    has: (p) => entries.has(p),
    size(p) {
      const v = entries.get(p);
      return v === undefined ? undefined : typeof v === 'string' ? encodeText(v).length : v.length;
    },
    async read(p) {
      const v = entries.get(p);
      if (v === undefined) throw missing(p);
      return typeof v === 'string' ? encodeText(v) : v;
    },
    async readText(p) {
      const v = entries.get(p);
      if (v === undefined) throw missing(p);
      return typeof v === 'string' ? (v.charCodeAt(0) === 0xfeff ? v.slice(1) : v) : decodeText(v);
    },
  };
}

/** Turns an export's output into a readable tree (e.g. to import what was just exported). */
export function treeFromOutput(output: OutputTree): FileTree {
  return treeFromMap(output);
}

/** The error every tree throws for a path it does not hold. */
export function missing(path: string): AnnotkitError {
  return new AnnotkitError(ErrorCode.Parse, 'no such file in the dataset', { file: path });
}

/**
 * A tree whose entries are read lazily through `load`. Used by the zip, `File` and Node trees.
 */
export function lazyTree(
  sizes: ReadonlyMap<string, number | undefined>,
  load: (path: string) => Promise<Uint8Array>,
): FileTree {
  const sorted = [...sizes.keys()].sort();
  return {
    paths: () => sorted,
    has: (p) => sizes.has(p),
    size: (p) => sizes.get(p),
    async read(p) {
      if (!sizes.has(p)) throw missing(p);
      return load(p);
    },
    async readText(p) {
      if (!sizes.has(p)) throw missing(p);
      return decodeText(await load(p));
    },
  };
}
