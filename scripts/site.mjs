// Builds the examples site: every examples/<name>/main.ts is bundled with esbuild (resolving
// @annotkit/* through the `source` export condition, so no prior package build is needed) and
// every other file of examples/ is copied. Used by `npm start`, `npm run build:site` and tests.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, context } from 'esbuild';

/** Repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** The examples folder. */
export const examplesDir = join(root, 'examples');

/**
 * Entry points: `examples/<name>/main.ts`, one per example that has script, plus any
 * `examples/<name>/*.worker.ts` (module workers an example starts, bundled to `*.worker.js`).
 */
export function exampleEntries() {
  return readdirSync(examplesDir)
    .filter((name) => !name.startsWith('.') && statSync(join(examplesDir, name)).isDirectory())
    .flatMap((name) => [
      join(examplesDir, name, 'main.ts'),
      ...readdirSync(join(examplesDir, name))
        .filter((f) => f.endsWith('.worker.ts'))
        .map((f) => join(examplesDir, name, f)),
    ])
    .filter((file) => existsSync(file));
}

function esbuildOptions(outDir) {
  return {
    entryPoints: exampleEntries(),
    outbase: examplesDir,
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    sourcemap: true,
    logLevel: 'warning',
  };
}

/**
 * Writes the whole static site to `outDir` (emptied first): bundles plus copies of the static
 * files. Resolves when done; throws on a build error.
 */
export async function buildSite(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(examplesDir, outDir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(examplesDir, src);
      if (rel.split(/[\\/]/).some((part) => part.startsWith('.'))) return false;
      return !/(\.ts|\.test\.mjs|tsconfig\.json)$/.test(src);
    },
  });
  await build(esbuildOptions(outDir));
}

/**
 * Bundles the examples into `outDir` and keeps rebuilding on change (esbuild watch). Static
 * files are served from examples/ directly. Returns a function that stops watching.
 */
export async function watchBundles(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const ctx = await context(esbuildOptions(outDir));
  await ctx.rebuild();
  await ctx.watch();
  return () => ctx.dispose();
}
