// ESLint flat config. Layering rules are generated from scripts/dep-graph.mjs (the graph of
// DESIGN.md); scripts/check-deps.mjs enforces the same graph, including dynamic imports and
// package.json dependencies, which ESLint's rule does not see.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { existsSync, readFileSync } from 'node:fs';
import {
  allowedPackageEdges,
  heavyModules,
  nodeBuiltinPolicy,
  nodeOnlyGlobs,
} from './scripts/dep-graph.mjs';

/** `!@annotkit/<pkg>/<sub>` for every public subpath in the packages' exports maps. */
const publicSubpaths = Object.keys(allowedPackageEdges).flatMap((pkg) => {
  const file = new URL(`./packages/${pkg}/package.json`, import.meta.url);
  if (!existsSync(file)) return [];
  const exp = JSON.parse(readFileSync(file, 'utf8')).exports ?? {};
  return Object.keys(exp)
    .filter((k) => k.startsWith('./'))
    .map((k) => `!@annotkit/${pkg}/${k.slice(2)}`);
});

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];

/** `no-restricted-imports` options for one package: its graph edges, heavy modules, built-ins. */
function restrictionsFor(pkg) {
  const allowed = allowedPackageEdges[pkg];
  const forbidden = Object.keys(allowedPackageEdges).filter(
    (p) => p !== pkg && !allowed.includes(p),
  );
  const patterns = [
    {
      group: ['@annotkit/*/**', ...publicSubpaths],
      message: 'Import a public entry of the exports map (@annotkit/<name>), not internals.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      group: forbidden.map((p) => `@annotkit/${p}`),
      message: `DESIGN.md dependency graph: ${pkg} may import ${
        allowed.length
          ? allowed.map((p) => `@annotkit/${p}`).join(', ')
          : 'no other @annotkit package'
      } only.`,
    });
  }
  patterns.push({
    group: [`@annotkit/${pkg}`],
    message: 'Use a relative import inside the same package.',
  });
  const heavy = heavyModules.filter((h) => h.owner !== pkg).map((h) => h.pattern);
  if (heavy.length > 0) {
    patterns.push({
      group: heavy,
      allowTypeImports: true,
      message: 'Heavy module: load it lazily with import() outside its owning package (DESIGN.md).',
    });
  }
  if (nodeBuiltinPolicy[pkg] === 'never') {
    patterns.push({
      group: ['node:*'],
      allowTypeImports: true,
      message: 'Browser-safe package: no Node built-ins (only *.node.test.ts may use them).',
    });
  }
  return { patterns };
}

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tsbuild/**',
      'site/**',
      'storybook-static/**',
      'bench/.build/**',
      'coverage/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object plus a union.' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: TS,
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  ...Object.keys(allowedPackageEdges).map((pkg) => ({
    files: [`packages/${pkg}/src/**/*.{ts,mts,js,mjs}`],
    ignores: nodeBuiltinPolicy[pkg] === 'never' ? ['**/*.node.test.ts'] : [],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', restrictionsFor(pkg)],
    },
  })),
  {
    // Node built-ins only in Node-only modules; check-deps also proves that src/index.ts cannot
    // reach them.
    files: ['packages/formats/src/**/*.ts'],
    ignores: [...nodeOnlyGlobs.map((g) => `packages/formats/${g}`), '**/*.node.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...restrictionsFor('formats').patterns,
            {
              group: ['node:*'],
              allowTypeImports: true,
              message: `Codecs run in browsers too: Node built-ins only in ${nodeOnlyGlobs.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['examples/**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@annotkit/*/**', ...publicSubpaths, '**/packages/**'],
              message: 'Examples use public entry points (@annotkit/<name>) only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config files of tools require a default export, and so do Storybook's CSF story files.
    files: [
      'eslint.config.mjs',
      'rollup.config.mjs',
      'web-test-runner.config.mjs',
      '.storybook/*.ts',
      'stories/**/*.stories.ts',
      'stories/virtual.d.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
