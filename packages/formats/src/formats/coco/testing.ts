/**
 * Test support: builds a `FileTree` from files of the shared fixtures, served to browser tests
 * at `/__fixtures__/` (read by path at test time, never copied into the repository).
 */
import type { FileTree } from '../../codec/types.js';
import { treeFromMap } from '../../tree/memory.js';

/** Fetches one fixture file's bytes; throws when it is not served. */
export async function fetchFixture(path: string): Promise<Uint8Array> {
  const res = await fetch(`/__fixtures__/${path}`);
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A tree of the given fixture files, with paths relative to `base`. */
export async function fixtureTree(base: string, files: readonly string[]): Promise<FileTree> {
  const map = new Map<string, Uint8Array>();
  for (const f of files) map.set(f, await fetchFixture(`${base}/${f}`));
  return treeFromMap(map);
}
