// The Custom Elements Manifest and the element typings of @annotkit/elements: the manifest is
// generated to a temp folder and must describe every element the package defines, with the
// events it dispatches, the parts its templates expose and a description of every attribute, so
// an element added without its JSDoc fails here. A type-level probe compiled with the
// TypeScript API proves that `document.createElement('<tag>')` is typed as the element class
// (HTMLElementTagNameMap) and that every `annot-*` event has a typed detail
// (GlobalEventHandlersEventMap).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import {
  elementsDir,
  generateManifest,
  manifestElements,
  manifestSources,
  writeManifest,
} from './custom-elements.mjs';

/** `{ tag, className, file }` for every `customElements.define('tag', Class)` in the sources. */
function definedElements() {
  return manifestSources().flatMap((path) => {
    const code = readFileSync(join(elementsDir, path), 'utf8');
    return [...code.matchAll(/customElements\.define\(\s*'([a-z0-9-]+)'\s*,\s*(\w+)/g)].map(
      (m) => ({ tag: m[1], className: m[2], file: path }),
    );
  });
}

/** Event names an element's module dispatches: `'annot-…'` literals that are not tag names. */
function dispatchedEvents(code, tags) {
  const names = [...code.matchAll(/['"`](annot-[a-z0-9]+(?:-[a-z0-9]+)*)['"`]/g)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !tags.has(n)))];
}

/** Static part names of the module's templates (`part="a b"`). */
function templateParts(code) {
  return [
    ...new Set([...code.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].trim().split(/\s+/))),
  ];
}

describe('custom-elements.json', () => {
  let dir;
  let manifest;
  let declared;
  const defined = definedElements();
  const tags = new Set(defined.map((d) => d.tag));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'annotkit-cem-'));
    writeManifest(join(dir, 'custom-elements.json'));
    manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
    declared = manifestElements(manifest);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the elements the package defines', () => {
    // The editor and its six parts exist at least; new elements only add to the list.
    for (const tag of [
      'annot-editor',
      'annot-canvas-2d',
      'annot-toolbar',
      'annot-label-picker',
      'annot-object-list',
      'annot-frame-navigator',
      'annot-attribute-panel',
    ]) {
      assert.ok(tags.has(tag), `${tag} is not defined anywhere in packages/elements/src`);
    }
    assert.equal(manifest.schemaVersion, '1.0.0');
  });

  it('declares every defined element with its class and a description', () => {
    for (const { tag, className, file } of defined) {
      const decl = declared.find((d) => d.tagName === tag);
      assert.ok(decl, `${tag} (defined in ${file}) is missing from the manifest`);
      assert.equal(decl.name, className, `${tag} names another class`);
      assert.ok(decl.description?.trim(), `${tag}: the class ${className} has no JSDoc`);
    }
  });

  it('lists the events each element dispatches (@fires)', () => {
    for (const decl of declared.filter((d) => tags.has(d.tagName))) {
      const code = readFileSync(join(elementsDir, decl.modulePath), 'utf8');
      const fired = new Set((decl.events ?? []).map((e) => e.name));
      for (const name of dispatchedEvents(code, tags)) {
        assert.ok(fired.has(name), `${decl.tagName} dispatches ${name} without @fires ${name}`);
      }
      for (const e of decl.events ?? []) {
        if (e.name.startsWith('annot-')) {
          assert.ok(e.description?.trim(), `${decl.tagName}: @fires ${e.name} has no text`);
        }
      }
    }
    const editor = declared.find((d) => d.tagName === 'annot-editor');
    const editorEvents = editor.events.map((e) => e.name);
    for (const name of ['annot-change', 'annot-commit', 'annot-transaction-reject']) {
      assert.ok(editorEvents.includes(name), `annot-editor lacks ${name}`);
    }
  });

  it('lists the parts each element renders (@csspart)', () => {
    for (const decl of declared.filter((d) => tags.has(d.tagName))) {
      const code = readFileSync(join(elementsDir, decl.modulePath), 'utf8');
      const parts = new Set((decl.cssParts ?? []).map((p) => p.name));
      for (const part of templateParts(code)) {
        assert.ok(parts.has(part), `${decl.tagName} renders part="${part}" without @csspart`);
      }
    }
  });

  it('describes every attribute and public property', () => {
    for (const decl of declared.filter((d) => tags.has(d.tagName))) {
      for (const a of decl.attributes ?? []) {
        assert.ok(a.description?.trim(), `${decl.tagName}: attribute ${a.name} has no JSDoc`);
      }
      for (const m of decl.members ?? []) {
        // Inherited members are the base class's business (the analyzer also misses
        // `protected` on fields assigned in a constructor, e.g. EditorElement's binding).
        if (m.kind !== 'field' || m.privacy || m.static || m.inheritedFrom) continue;
        assert.ok(m.description?.trim(), `${decl.tagName}: property ${m.name} has no JSDoc`);
      }
    }
  });
});

describe('element typings', () => {
  it('types createElement for every tag and the detail of every annot-* event', () => {
    const defined = definedElements();
    const manifest = generateManifest();
    const events = new Set(
      manifestElements(manifest)
        .flatMap((d) => d.events ?? [])
        .map((e) => e.name)
        .filter((n) => n.startsWith('annot-')),
    );
    const dir = mkdtempSync(join(tmpdir(), 'annotkit-types-'));
    try {
      // Each line fails to compile when its typing is missing: without a tag-map entry
      // createElement returns HTMLElement (not assignable to the class); without an event-map
      // entry the listener gets a plain Event, which has no `detail`.
      const probe = [
        // The class type comes from the module that defines the tag, so an element not yet
        // exported from the package entry is still checked.
        ...defined.map(({ tag, className, file }, i) => {
          const from = JSON.stringify(join(elementsDir, file.replace(/\.ts$/, '.js')));
          return `export const el${i}: import(${from}).${className} = document.createElement(${JSON.stringify(tag)});`;
        }),
        'const target = document.createElement("div");',
        ...[...events].map(
          (name) =>
            `target.addEventListener(${JSON.stringify(name)}, (e) => { const d: unknown = e.detail; void d; });`,
        ),
      ].join('\n');
      const file = join(dir, 'probe.ts');
      writeFileSync(file, probe);
      const base = JSON.parse(
        readFileSync(join(elementsDir, '../../tsconfig.base.json'), 'utf8'),
      ).compilerOptions;
      const { options } = ts.convertCompilerOptionsFromJson(
        {
          ...base,
          composite: false,
          declaration: false,
          emitDeclarationOnly: false,
          noEmit: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        dir,
      );
      const program = ts.createProgram([file], options);
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === file || !d.file);
      const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      assert.deepEqual(text, [], `probe:\n${probe}`);
      assert.ok(events.has('annot-commit'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
