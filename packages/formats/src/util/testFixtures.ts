/**
 * Test helpers (browser): the shared dataset fixtures are served to browser tests at
 * `/__fixtures__/` and read by path at test time (never copied into the repository). Not
 * exported from the package.
 */
import type { FileTree } from '../codec/types.js';
import { treeFromMap } from '../tree/memory.js';

/** Fetches one fixture file's bytes (`path` under the fixtures root); throws when not served. */
export async function fetchFixture(path: string): Promise<Uint8Array> {
  const res = await fetch(`/__fixtures__/${path}`);
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Fetches `files` (relative to `dir` under the fixtures root) keyed by those names. */
export async function fixtureFiles(
  dir: string,
  files: readonly string[],
): Promise<Map<string, Uint8Array>> {
  const map = new Map<string, Uint8Array>();
  for (const f of files) map.set(f, await fetchFixture(`${dir}/${f}`));
  return map;
}

/** A tree of the given fixture files, with paths relative to `dir`. */
export async function fixtureTree(dir: string, files: readonly string[]): Promise<FileTree> {
  return treeFromMap(await fixtureFiles(dir, files));
}
