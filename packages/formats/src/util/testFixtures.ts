/**
 * Test helper (browser): loads shared dataset fixtures served at `/__fixtures__/` into an
 * in-memory file tree. Not exported from the package.
 */
import type { FileTree } from '../codec/types.js';
import { treeFromMap } from '../tree/memory.js';

/** Fetches `files` (relative to `dir` under the fixtures root) into a tree keyed by those names. */
export async function fixtureTree(dir: string, files: readonly string[]): Promise<FileTree> {
  const map = new Map<string, Uint8Array>();
  for (const f of files) {
    const res = await fetch(`/__fixtures__/${dir}/${f}`);
    if (!res.ok) throw new Error(`fixture ${dir}/${f}: HTTP ${res.status}`);
    map.set(f, new Uint8Array(await res.arrayBuffer()));
  }
  return treeFromMap(map);
}
