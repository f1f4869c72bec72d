// Builds every package entry of the exports maps whose source exports something (placeholders
// holding only `export {};` are skipped): "." → packages/<name>/dist/index.js (ESM + source map,
// TypeScript stripped by esbuild) and dist/index.d.ts (rollup-plugin-dts); other subpaths alike.
// Externals: the package's dependencies, every @annotkit package and Node built-ins.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { dts } from 'rollup-plugin-dts';
import { packageNames } from './scripts/dep-graph.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(root, 'packages');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** True when `index.ts` has real content, not just the placeholder `export {};`. */
function hasContent(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/export\s*\{\s*\}\s*;?/g, '')
    .trim();
  return code.length > 0;
}

/** Resolves `./x.js` to `./x.ts` (TypeScript's ESM convention) for relative imports. */
const tsResolve = {
  name: 'annotkit-ts-resolve',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const base = resolve(dirname(importer), source);
    for (const candidate of [
      base.replace(/\.js$/, '.ts'),
      base.replace(/\.mjs$/, '.mts'),
      `${base}.ts`,
      join(base, 'index.ts'),
    ]) {
      if (candidate !== base && existsSync(candidate)) return candidate;
    }
    return null;
  },
};

/** Strips TypeScript with esbuild's transform (no type checking: `tsc -b` does that). */
const esbuildTs = {
  name: 'annotkit-esbuild-ts',
  async transform(code, id) {
    if (!/\.[cm]?ts$/.test(id) || id.endsWith('.d.ts')) return null;
    const result = await transform(code, {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcemap: true,
      sourcefile: id,
      tsconfigRaw: {
        compilerOptions: { experimentalDecorators: true, verbatimModuleSyntax: true },
      },
    });
    return { code: result.code, map: result.map };
  },
};

/**
 * Workers are created with `new URL('./x.worker.ts', import.meta.url)` in source (the test runner
 * and dev servers serve .ts); each `x.worker.ts` is also its own entry built to `dist/x.worker.js`,
 * so the built code must point at the `.js` file.
 */
const workerUrl = {
  name: 'annotkit-worker-url',
  transform(code, id) {
    if (!/\.ts$/.test(id) || !code.includes('.worker.ts')) return null;
    const out = code.replace(
      /new URL\((['"])(\.\/[\w.-]+\.worker)\.ts\1,(\s*)import\.meta\.url\)/g,
      'new URL($1$2.js$1,$3import.meta.url)',
    );
    return out === code ? null : { code: out, map: null };
  },
};

/**
 * Entry points of a package from its exports map: every subpath with a `source` file (that has
 * content) and a `default` output, e.g. `"."` → src/index.ts → dist/index.js + dist/index.d.ts.
 */
function entriesOf(dir, manifest) {
  const exp = manifest.exports ?? {};
  return Object.entries(exp)
    .filter(([, v]) => v && typeof v === 'object' && v.source && v.default)
    .map(([subpath, v]) => ({
      subpath,
      input: join(dir, v.source),
      js: join(dir, v.default),
      dts: join(dir, v.types ?? v.default.replace(/\.js$/, '.d.ts')),
    }))
    .filter((e) => existsSync(e.input) && hasContent(e.input))
    .concat(
      // Executables: `"annotkit": { "binSources": { "<bin name>": "./src/…ts" } }` next to `bin`.
      Object.entries(manifest.annotkit?.binSources ?? {}).map(([bin, source]) => ({
        subpath: `bin:${bin}`,
        input: join(dir, source),
        js: join(dir, manifest.bin[bin]),
        dts: null,
      })),
    );
}

/** Rollup configs (JS + d.ts per entry) for one package folder. */
function configsFor(name) {
  const dir = join(packagesDir, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  });
  const external = (id) =>
    id.startsWith('@annotkit/') ||
    builtins.has(id) ||
    deps.some((d) => id === d || id.startsWith(`${d}/`));
  return entriesOf(dir, manifest).flatMap((entry) => [
    {
      input: entry.input,
      external,
      plugins: [tsResolve, workerUrl, esbuildTs],
      output: { file: entry.js, format: 'es', sourcemap: true },
      onwarn(warning, warn) {
        if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
        warn(warning);
      },
    },
    ...(entry.dts === null
      ? []
      : [
          {
            input: entry.input,
            external,
            plugins: [
              dts({
                tsconfig: join(dir, 'tsconfig.json'),
                compilerOptions: { composite: false, incremental: false, customConditions: [] },
              }),
            ],
            output: { file: entry.dts, format: 'es' },
          },
        ]),
  ]);
}

const only = process.env.ANNOTKIT_BUILD_PACKAGE;
// Dependency order (core first), so that declarations of a package find those it imports.
const names = [
  ...packageNames,
  ...readdirSync(packagesDir).filter((n) => !packageNames.includes(n)),
]
  .filter((name) => !only || name === only)
  .filter((name) => existsSync(join(packagesDir, name, 'package.json')));

export default names.flatMap(configsFor);
