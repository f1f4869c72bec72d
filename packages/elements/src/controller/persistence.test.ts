import { expect } from 'chai';
import { deleteDB, openDB } from 'idb';
import { parseDocument } from '@annotkit/core';
import { EditorController } from './EditorController.js';
import {
  createAutosave,
  loadShortcuts,
  persistShortcuts,
  shortcutsStorageKey,
} from './persistence.js';
import type { AutosaveRecord } from './persistence.js';
import '../elements/editor/editor.js';
import { ids, testDoc } from '../testing/testData.js';

let counter = 0;
const uniqueName = (what: string): string =>
  `annotkit-test-${what}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

/** Resolves when `check` returns a value other than undefined (fails after `tries` frames). */
async function until<T>(check: () => T | undefined, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describe('shortcut persistence', () => {
  const keys: string[] = [];
  afterEach(() => {
    for (const k of keys.splice(0)) localStorage.removeItem(shortcutsStorageKey(k));
  });

  it('saves remaps under the persist key and restores them into a new controller', () => {
    const key = uniqueName('keys');
    const other = uniqueName('keys');
    keys.push(key, other);
    const a = new EditorController();
    const off = persistShortcuts(a, key);
    a.setShortcuts({ undo: ['ctrl+u'], hide: [] });
    // Only the difference from the defaults is stored.
    expect(JSON.parse(localStorage.getItem(shortcutsStorageKey(key))!)).to.deep.equal({
      undo: ['Ctrl+U'],
      hide: [],
    });
    off();
    a.setShortcuts({ undo: ['Ctrl+K'] });
    expect(loadShortcuts(key)!.undo).to.deep.equal(['Ctrl+U']); // no longer saved after off()

    const b = new EditorController();
    persistShortcuts(b, key);
    expect(b.shortcuts.undo).to.deep.equal(['Ctrl+U']);
    expect(b.shortcuts.hide).to.deep.equal([]);
    expect(b.shortcuts.redo).to.deep.equal(['Ctrl+Shift+Z', 'Ctrl+Y']);
    // Another key is another user: untouched.
    const c = new EditorController();
    persistShortcuts(c, other);
    expect(c.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
    // Back to the defaults removes the entry.
    b.setShortcuts({});
    expect(localStorage.getItem(shortcutsStorageKey(key))).to.equal(null);
  });

  it('ignores stored data that does not fit', () => {
    const key = uniqueName('keys');
    keys.push(key);
    localStorage.setItem(shortcutsStorageKey(key), '{not json');
    expect(loadShortcuts(key)).to.equal(undefined);
    localStorage.setItem(
      shortcutsStorageKey(key),
      '{"__proto__": ["X"], "nope": ["Y"], "undo": "Ctrl+U", "redo": ["ctrl+r"]}',
    );
    const c = new EditorController();
    persistShortcuts(c, key);
    expect(c.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
    expect(c.shortcuts.redo).to.deep.equal(['Ctrl+R']);
    expect(Object.getPrototypeOf(loadShortcuts(key))).to.equal(Object.prototype);
  });

  it('<annot-editor persist-key> restores remaps on connect', async () => {
    const key = uniqueName('keys');
    keys.push(key);
    localStorage.setItem(shortcutsStorageKey(key), '{"undo": ["Ctrl+U"]}');
    const el = document.createElement('annot-editor');
    el.setAttribute('persist-key', key);
    document.body.appendChild(el);
    try {
      await el.updateComplete;
      expect(el.shortcuts.undo).to.deep.equal(['Ctrl+U']);
      el.shortcuts = { undo: ['Ctrl+J'] };
      expect(loadShortcuts(key)!.undo).to.deep.equal(['Ctrl+J']);
    } finally {
      el.remove();
    }
  });
});

describe('autosave (IndexedDB)', () => {
  const dbs: string[] = [];
  afterEach(async () => {
    for (const name of dbs.splice(0)) await deleteDB(name);
  });

  it('writes once after a burst of commits and restores into another controller', async () => {
    const dbName = uniqueName('db');
    dbs.push(dbName);
    const saved: AutosaveRecord[] = [];
    const a = new EditorController({ document: testDoc() });
    const autosave = createAutosave(a, {
      key: 'doc-1',
      dbName,
      delay: 20,
      onSaved: (r) => saved.push(r),
    });
    a.select(ids(1));
    a.deleteSelection();
    a.undo();
    a.redo();
    await until(() => saved[0]);
    await autosave.flush();
    expect(saved).to.have.length(1);
    expect(parseDocument(saved[0]!.text).objects.map((o) => o.id)).to.deep.equal(ids(2));
    await autosave.dispose();

    // A reload: the page loads the original document; the autosave differs from it.
    const b = new EditorController({ document: testDoc() });
    const again = createAutosave(b, { key: 'doc-1', dbName });
    const pending = await again.pending();
    expect(pending?.savedAt).to.equal(saved[0]!.savedAt);
    expect(await again.restore()).to.equal(true);
    expect(b.document!.objects().map((o) => o.id)).to.deep.equal(ids(2));
    expect(await again.pending()).to.equal(undefined);
    // Other keys in the same database are separate records.
    const c = new EditorController({ document: testDoc() });
    const otherKey = createAutosave(c, { key: 'doc-2', dbName });
    expect(await otherKey.latest()).to.equal(undefined);
    await again.clear();
    expect(await again.latest()).to.equal(undefined);
    await again.dispose();
    await otherKey.dispose();
  });

  it('flushes a pending save on dispose and skips unchanged documents', async () => {
    const dbName = uniqueName('db');
    dbs.push(dbName);
    const saved: AutosaveRecord[] = [];
    const a = new EditorController({ document: testDoc() });
    const autosave = createAutosave(a, {
      key: 'k',
      dbName,
      delay: 60_000,
      onSaved: (r) => saved.push(r),
    });
    a.select(ids(2));
    a.deleteSelection();
    await autosave.dispose();
    expect(saved).to.have.length(1);
    const db = await openDB(dbName);
    const stored = (await db.get('documents', 'k')) as AutosaveRecord;
    db.close();
    expect(parseDocument(stored.text).objects.map((o) => o.id)).to.deep.equal(ids(1));
    // After dispose, commits no longer write.
    a.undo();
    const b = new EditorController({ document: testDoc([]) });
    const check = createAutosave(b, { key: 'k', dbName });
    expect(parseDocument((await check.latest())!.text).objects).to.have.length(1);
    await check.save();
    await check.save();
    expect(parseDocument((await check.latest())!.text).objects).to.have.length(0);
    await check.dispose();
  });

  it('<annot-editor autosave> fires annot-autosave-found and restore() loads it', async () => {
    const dbName = uniqueName('db');
    dbs.push(dbName);
    const first = new EditorController({ document: testDoc() });
    const writer = createAutosave(first, { key: 'editor', dbName });
    first.select(ids(1));
    first.deleteSelection();
    await writer.save();
    await writer.dispose();

    const el = document.createElement('annot-editor');
    el.persistence.autosaveOptions = { dbName, delay: 10 };
    el.setAttribute('autosave', 'editor');
    const found: CustomEvent[] = [];
    el.addEventListener('annot-autosave-found', (e) => found.push(e));
    document.body.appendChild(el);
    try {
      await el.updateComplete;
      el.document = testDoc();
      const event = await until(() => found[0]);
      expect(event.detail.key).to.equal('editor');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.document!.objects()).to.have.length(2);
      expect(await el.restoreAutosave()).to.equal(true);
      expect(el.document!.objects().map((o) => o.id)).to.deep.equal(ids(2));
    } finally {
      el.remove();
    }
    // Disconnecting closed the database (deleteDB in afterEach would block otherwise).
    await until(() => (el.persistence.autosave === undefined ? true : undefined));
  });
});
