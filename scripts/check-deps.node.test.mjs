// Feeds scripts/check-deps.mjs fake repository trees in a temp dir and checks what it reports.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkDeps, extractImports } from './check-deps.mjs';

const roots = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Writes `files` (path → text or JSON object) into a fresh temp root and returns its path. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'annotkit-deps-'));
  roots.push(root);
  const base = {
    'package.json': { name: 'fake', devDependencies: { chai: '*' } },
    'packages/core/package.json': { name: '@annotkit/core', dependencies: {} },
    'packages/core/src/index.ts': "export * from './a.js';\n",
    'packages/core/src/a.ts': 'export const a = 1;\n',
    'packages/formats/package.json': {
      name: '@annotkit/formats',
      dependencies: { '@annotkit/core': '0.1.0', jszip: '*' },
    },
    'packages/formats/src/index.ts': "import { a } from '@annotkit/core';\nexport const b = a;\n",
    'packages/elements/package.json': { name: '@annotkit/elements', dependencies: {} },
    'packages/elements/src/index.ts': 'export {};\n',
  };
  for (const [path, content] of Object.entries({ ...base, ...files })) {
    if (content === null) continue;
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const messages = (root) => checkDeps(root).violations.map((v) => `${v.file}: ${v.message}`);

describe('check-deps', () => {
  it('accepts a tree that follows the graph', () => {
    const result = checkDeps(tree({}));
    assert.deepEqual(result.violations, []);
    assert.ok(result.edges >= 2);
  });

  it('rejects core importing formats, in code and in package.json', () => {
    const root = tree({
      'packages/core/src/a.ts': "import { b } from '@annotkit/formats';\nexport const a = b;\n",
      'packages/core/package.json': { dependencies: { '@annotkit/formats': '0.1.0' } },
    });
    const found = messages(root);
    assert.ok(found.some((m) => m.startsWith('packages/core/src/a.ts: core may not import')));
    assert.ok(found.some((m) => m.startsWith('packages/core/package.json: dependencies lists')));
    assert.equal(checkDeps(root).violations.find((v) => v.file.endsWith('a.ts')).line, 1);
  });

  it('rejects type-only imports across the graph too', () => {
    const root = tree({
      'packages/core/src/a.ts': "import type { B } from '@annotkit/formats';\nexport type A = B;\n",
    });
    assert.equal(messages(root).length, 1);
  });

  it('lets unshipped test helpers use root devDependencies, but not shipped code', () => {
    const root = tree({
      'packages/core/src/testHelpers.ts': "import { expect } from 'chai';\nexport { expect };\n",
      'packages/core/src/a.test.ts': "import { expect } from './testHelpers.js';\nexpect(1);\n",
    });
    assert.deepEqual(messages(root), []);
    const shipped = tree({
      'packages/core/src/a.ts': "export * from './testHelpers.js';\n",
      'packages/core/src/testHelpers.ts': "import { expect } from 'chai';\nexport { expect };\n",
    });
    assert.deepEqual(messages(shipped), [
      'packages/core/src/testHelpers.ts: core has no third-party dependencies: "chai"',
    ]);
  });

  it('rejects a relative import that escapes the package', () => {
    const root = tree({
      'packages/formats/src/index.ts': "export { a } from '../../core/src/a.js';\n",
    });
    assert.match(messages(root).join('\n'), /escapes packages\/formats/);
  });

  it('rejects deep imports and third-party dependencies of core', () => {
    const root = tree({
      'packages/formats/src/index.ts': "export { a } from '@annotkit/core/src/a.js';\n",
      'packages/core/src/a.ts': "import 'jszip';\nexport const a = 1;\n",
    });
    const text = messages(root).join('\n');
    assert.match(text, /deep import "@annotkit\/core\/src\/a.js"/);
    assert.match(text, /core has no third-party dependencies/);
  });

  it('allows heavy modules only through dynamic import outside their owner', () => {
    const dynamicOnly = tree({
      'packages/elements/package.json': { dependencies: { three: '*' } },
      'packages/elements/src/index.ts':
        "import type { Scene } from 'three';\nexport const load = () => import('three');\n" +
        'export type S = Scene;\n',
    });
    assert.deepEqual(messages(dynamicOnly), []);
    const staticImport = tree({
      'packages/elements/package.json': { dependencies: { three: '*' } },
      'packages/elements/src/index.ts': "import { Scene } from 'three';\nexport const s = Scene;\n",
    });
    assert.match(messages(staticImport).join('\n'), /heavy module "three" outside canvas3d/);
  });

  it('rejects undeclared third-party imports and Node built-ins in browser code', () => {
    const root = tree({
      'packages/formats/src/index.ts':
        "import 'fast-xml-parser';\nexport * from './util.js';\nexport const l = () => import('node:os');\n",
      'packages/formats/src/util.ts': "import 'node:fs';\n",
      'packages/formats/src/cli/main.ts': "import 'node:fs';\nimport '../util.js';\n",
      'packages/formats/src/tree/node.ts': "import 'node:path';\n",
      'packages/formats/src/x.node.test.ts':
        "import 'node:path';\nimport { it } from 'node:test';\nimport 'chai';\n",
      'packages/core/src/a.ts': "import 'node:fs';\nexport const a = 1;\n",
    });
    const found = messages(root);
    assert.deepEqual(found, [
      'packages/core/src/a.ts: Node built-in "node:fs" in browser-safe code of core',
      'packages/formats/src/index.ts: "fast-xml-parser" is not declared in packages/formats/package.json',
      'packages/formats/src/util.ts: Node built-in "node:fs" in browser-safe code of formats (reachable from src/index.ts)',
    ]);
  });

  it('checks examples: public entries only, nothing from other origins', () => {
    const root = tree({
      'examples/a/main.ts': "import { a } from '@annotkit/core';\nexport const x = a;\n",
      'examples/b/main.ts': "import { a } from '../../packages/core/src/a.js';\nexport { a };\n",
      'examples/c/index.html':
        '<script type="module">\nimport x from "https://cdn.example/x.js";\n</script>',
    });
    const found = messages(root);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found.join('\n'), /escapes examples/);
    assert.match(found.join('\n'), /other origins/);
  });

  it('allows deep imports of subpaths in the exports map only', () => {
    const root = tree({
      'packages/formats/package.json': {
        name: '@annotkit/formats',
        exports: { '.': './src/index.ts', './node': './src/node.ts' },
      },
      'packages/elements/package.json': { dependencies: { '@annotkit/formats': '*' } },
      'packages/elements/src/index.ts':
        "export * from '@annotkit/formats/node';\nexport * from '@annotkit/formats/cli';\n",
    });
    assert.deepEqual(messages(root), [
      'packages/elements/src/index.ts: deep import "@annotkit/formats/cli": not in the exports map of @annotkit/formats',
    ]);
  });

  it('rejects packages that are not in the graph', () => {
    const root = tree({ 'packages/extra/package.json': { name: '@annotkit/extra' } });
    assert.match(messages(root).join('\n'), /"extra" is not in the dependency graph/);
  });
});

describe('extractImports', () => {
  it('finds every kind of specifier, ignoring comments and strings', () => {
    const src = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "import { type C } from 'c';",
      "export * from 'd';",
      "export type { E } from 'e';",
      "const f = await import('f');",
      "type G = import('g').G;",
      "// import h from 'h';",
      'const s = "import i from \'i\'";',
      "const w = new URL('./w.worker.js', import.meta.url);",
    ].join('\n');
    const edges = extractImports('x.ts', src).map((e) => `${e.kind}:${e.specifier}:${e.line}`);
    assert.deepEqual(edges, [
      'static:a:1',
      'type:b:2',
      'type:c:3',
      'static:d:4',
      'type:e:5',
      'dynamic:f:6',
      'type:g:7',
      'asset:./w.worker.js:10',
    ]);
  });
});
