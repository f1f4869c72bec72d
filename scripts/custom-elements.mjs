// Generates packages/elements/custom-elements.json (the Custom Elements Manifest) from the JSDoc
// of the element classes (`@fires`, `@slot`, `@csspart`, `@cssproperty`) and Lit's `@property`
// decorators. `npm run manifest` writes it; `npm run build` regenerates it before bundling;
// scripts/custom-elements.node.test.mjs generates it to a temp folder and checks it.
//
// The analyzer is driven through its programmatic API rather than its CLI: the CLI rewrites the
// package's package.json by default and resolves third-party manifests through a native resolver;
// neither is needed here, and the API works without the package's install scripts.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

/** Repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** The package the manifest describes. */
export const elementsDir = join(root, 'packages/elements');
/** Where the manifest lives (referenced by `customElements` in the package's package.json). */
export const manifestPath = join(elementsDir, 'custom-elements.json');

/** Source files the analyzer reads: `src/**\/*.ts` without tests, test helpers and typings. */
export function manifestSources() {
  return readdirSync(join(elementsDir, 'src'), { recursive: true })
    .map((f) => String(f).split(sep).join('/'))
    .filter(
      (f) =>
        f.endsWith('.ts') &&
        !f.endsWith('.test.ts') &&
        !f.endsWith('.d.ts') &&
        !f.startsWith('testing/'),
    )
    .sort()
    .map((f) => `src/${f}`);
}

/**
 * Builds the manifest object (schema 1.0.0). Module paths are relative to packages/elements and
 * point at the TypeScript sources; the analyzer writes re-export targets as `/x.js`, which is
 * normalised to `x.ts` so every reference names a module of the manifest.
 */
export function generateManifest() {
  const modules = manifestSources().map((path) =>
    ts.createSourceFile(
      path,
      readFileSync(join(elementsDir, path), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    ),
  );
  const manifest = create({ modules, plugins: litPlugin(), context: { dev: false } });
  const fix = (p) => (typeof p === 'string' ? p.replace(/^\//, '').replace(/\.js$/, '.ts') : p);
  for (const mod of manifest.modules) {
    for (const exp of mod.exports ?? []) {
      if (exp.declaration?.module) exp.declaration.module = fix(exp.declaration.module);
    }
    for (const decl of mod.declarations ?? []) {
      if (decl.superclass?.module) decl.superclass.module = fix(decl.superclass.module);
    }
  }
  return manifest;
}

/** Every custom element declaration of a manifest with its module path. */
export function manifestElements(manifest) {
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ ...d, modulePath: mod.path })),
  );
}

/** Writes the manifest to `file` (pretty JSON, trailing newline). */
export function writeManifest(file = manifestPath) {
  const manifest = generateManifest();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? manifestPath);
  const manifest = writeManifest(out);
  const tags = manifestElements(manifest).map((d) => d.tagName);
  console.log(
    `${relative(process.cwd(), out) || out}: ${tags.length} elements (${tags.join(', ')})`,
  );
}
