// Builds the examples site: every examples/<name>/main.ts is bundled with esbuild (resolving
// @annotkit/* through the `source` export condition, so no prior package build is needed) and
// every other file of examples/ is copied. Used by `npm start`, `npm run build:site` and tests.
// The framework embeds need three small additions: `main.tsx` entries (JSX with React's automatic
// runtime), Vue's full build (its templates are compiled in the browser, so the page needs no
// Vue-specific build step) and `.svelte` components compiled by `svelte/compiler` in a plugin.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, context } from 'esbuild';

/** Repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** The examples folder. */
export const examplesDir = join(root, 'examples');

/**
 * Entry points: `examples/<name>/main.ts` (or `main.tsx`), one per example that has script, plus any
 * `examples/<name>/*.worker.ts` (module workers an example starts, bundled to `*.worker.js`).
 */
export function exampleEntries() {
  return readdirSync(examplesDir)
    .filter((name) => !name.startsWith('.') && statSync(join(examplesDir, name)).isDirectory())
    .flatMap((name) => [
      join(examplesDir, name, 'main.ts'),
      join(examplesDir, name, 'main.tsx'),
      ...readdirSync(join(examplesDir, name))
        .filter((f) => f.endsWith('.worker.ts'))
        .map((f) => join(examplesDir, name, f)),
    ])
    .filter((file) => existsSync(file));
}

/**
 * Compiles `.svelte` files with `svelte/compiler` (Svelte 5, client output, CSS injected by the
 * component) so a page can mount a Svelte component without a Svelte-specific bundler. Compiler
 * warnings become esbuild warnings; errors fail the build with the file and line.
 */
export const sveltePlugin = {
  name: 'annotkit-svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const source = readFileSync(path, 'utf8');
      const where = (start) =>
        start
          ? {
              file: path,
              line: start.line,
              column: start.column,
              lineText: source.split('\n')[start.line - 1],
            }
          : { file: path };
      try {
        const out = compile(source, { filename: path, generate: 'client', css: 'injected' });
        return {
          contents: out.js.code,
          loader: 'js',
          warnings: out.warnings.map((w) => ({ text: w.message, location: where(w.start) })),
        };
      } catch (e) {
        return { errors: [{ text: e.message, location: where(e.start) }] };
      }
    });
  },
};

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
    jsx: 'automatic',
    // Vue's runtime-only default build cannot compile templates; the full build can.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    // Vue's esm-bundler builds expect these compile-time feature flags.
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [sveltePlugin],
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
      return !/(\.tsx?|\.svelte|\.test\.mjs|tsconfig\.json)$/.test(src);
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
