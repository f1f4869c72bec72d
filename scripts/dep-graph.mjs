// The package dependency graph of DESIGN.md, in one place. The ESLint config and
// scripts/check-deps.mjs both read it, so the two checks cannot drift apart.

/** Workspace packages (folder name under packages/) and the @annotkit packages each may import. */
export const allowedPackageEdges = {
  core: [],
  formats: ['core'],
  media: [],
  canvas2d: ['core'],
  canvas3d: ['core'],
  'ai-web': ['core'],
  elements: ['core', 'formats', 'media', 'canvas2d', 'canvas3d', 'ai-web'],
};

/** Every workspace package folder name. */
export const packageNames = Object.keys(allowedPackageEdges);

/**
 * Heavy third-party modules and the package that owns each. Outside its owner a heavy module may
 * only be loaded with a dynamic `import()` (type-only imports are erased and therefore allowed).
 */
export const heavyModules = [
  { pattern: 'three', owner: 'canvas3d' },
  { pattern: 'onnxruntime-web', owner: 'ai-web' },
  { pattern: '@ffmpeg/*', owner: 'media' },
];

/** Packages that must not depend on any third-party runtime package (DESIGN: "no deps"). */
export const noThirdPartyPackages = ['core'];

/**
 * Where Node built-ins may be imported statically. `never`: nowhere (browser code). `off-main`:
 * only in modules that the package's main entry (`src/index.ts`) cannot reach through static
 * imports — Node-only subpath entries such as `@annotkit/formats/node` and the CLI. Test files
 * named `*.node.test.ts` run in Node and may use them anywhere; `import()` is always allowed.
 */
export const nodeBuiltinPolicy = {
  core: 'never',
  formats: 'off-main',
  media: 'never',
  canvas2d: 'never',
  canvas3d: 'never',
  'ai-web': 'never',
  elements: 'never',
};

/** File globs (ESLint) where an `off-main` package may import Node built-ins statically. */
export const nodeOnlyGlobs = ['src/cli/**', 'src/node/**', 'src/**/node.ts', 'src/**/*.node.ts'];

/** The npm scope of workspace packages. */
export const scope = '@annotkit/';

/** True when `specifier` matches a heavy-module pattern (`'@ffmpeg/*'` matches any @ffmpeg pkg). */
export function heavyModuleOf(specifier) {
  const name = packageNameOf(specifier);
  return heavyModules.find((h) =>
    h.pattern.endsWith('/*') ? name.startsWith(h.pattern.slice(0, -1)) : name === h.pattern,
  );
}

/** The package name of a bare specifier: `'@a/b/c'` → `'@a/b'`, `'x/y'` → `'x'`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
