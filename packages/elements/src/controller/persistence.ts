/**
 * Persistence of an editor across reloads: remapped shortcuts per user (localStorage) and an
 * autosave of the document (IndexedDB). Both are opt-in and keyed by the host, so two editors on
 * one page (or two apps on one origin) never read each other's data.
 *
 * Design notes (why, not what):
 * - Shortcuts are stored as the difference from `DEFAULT_SHORTCUTS`, so a later release that
 *   changes a default still reaches users who never remapped that action.
 * - Stored text is untrusted (another script on the origin, an older release, a full disk): a
 *   record that does not parse or does not fit is ignored, never thrown at the page; unknown
 *   actions and prototype keys are skipped.
 * - Autosave writes after `commit` (a finished command, gesture, undo or redo), debounced, so a
 *   drag is one write and typing in an attribute field does not serialise the document per key.
 *   Setting a document (load, import) is not a commit: loading must not overwrite the autosave
 *   that a crashed session left behind before the host had the chance to offer it back.
 * - The document is stored as core's native JSON (`serializeDocument`), which carries the schema
 *   version, so `parseDocument` migrates an autosave written by an older release.
 */
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { parseDocument, serializeDocument } from '@annotkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { annotEvent } from '../events.js';
import type { AnnotAutosaveFoundDetail } from '../events.js';
import type { EditorController } from './EditorController.js';
import { DEFAULT_SHORTCUTS, ShortcutAction, normalizeCombo } from './shortcuts.js';
import type { ShortcutMap } from './shortcuts.js';

// ---------------------------------------------------------------------------------------------
// Shortcuts

/** Prefix of the localStorage keys of remapped shortcuts (`annotkit:shortcuts:<persist-key>`). */
export const SHORTCUTS_STORAGE_PREFIX = 'annotkit:shortcuts:';

/** The localStorage key under which the shortcuts of `persistKey` are kept. */
export function shortcutsStorageKey(persistKey: string): string {
  return SHORTCUTS_STORAGE_PREFIX + persistKey;
}

const ACTIONS: readonly string[] = Object.values(ShortcutAction);

/** The actions of `map` whose combos differ from `DEFAULT_SHORTCUTS` (what a user remapped). */
export function shortcutOverrides(map: ShortcutMap): Partial<ShortcutMap> {
  const out: { [A in ShortcutAction]?: readonly string[] } = {};
  for (const action of Object.values(ShortcutAction)) {
    const mine = map[action];
    const base = DEFAULT_SHORTCUTS[action].map(normalizeCombo);
    if (mine.length !== base.length || mine.some((c, i) => c !== base[i])) out[action] = mine;
  }
  return out;
}

/**
 * Reads the shortcut overrides saved for `persistKey`. Returns undefined when nothing usable is
 * stored (absent, not JSON, not an object); entries for unknown actions or with non-string
 * combos are skipped. `storage` defaults to `localStorage`.
 */
export function loadShortcuts(
  persistKey: string,
  storage: Storage = localStorage,
): Partial<ShortcutMap> | undefined {
  let parsed: unknown;
  try {
    const text = storage.getItem(shortcutsStorageKey(persistKey));
    if (text === null) return undefined;
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const out: { [A in ShortcutAction]?: readonly string[] } = {};
  for (const [action, combos] of Object.entries(parsed as { [key: string]: unknown })) {
    if (!ACTIONS.includes(action)) continue;
    if (!Array.isArray(combos) || !combos.every((c): c is string => typeof c === 'string')) {
      continue;
    }
    out[action as ShortcutAction] = combos.map(normalizeCombo).filter((c) => c !== '');
  }
  return out;
}

/**
 * Saves the remapped part of `map` for `persistKey` (removes the entry when nothing differs from
 * the defaults). Storage errors (quota, private mode) are swallowed: losing a preference must
 * not break editing. `storage` defaults to `localStorage`.
 */
export function saveShortcuts(
  persistKey: string,
  map: ShortcutMap,
  storage: Storage = localStorage,
): void {
  const overrides = shortcutOverrides(map);
  try {
    if (Object.keys(overrides).length === 0) storage.removeItem(shortcutsStorageKey(persistKey));
    else storage.setItem(shortcutsStorageKey(persistKey), JSON.stringify(overrides));
  } catch {
    // See the doc comment: a preference is not worth an exception.
  }
}

/**
 * Restores the shortcuts saved for `persistKey` into `controller` (when any) and saves every
 * later remap. Returns the function that stops saving.
 */
export function persistShortcuts(
  controller: EditorController,
  persistKey: string,
  storage: Storage = localStorage,
): () => void {
  const saved = loadShortcuts(persistKey, storage);
  if (saved) controller.setShortcuts(saved);
  return controller.on('shortcuts', (e) => saveShortcuts(persistKey, e.shortcuts, storage));
}

// ---------------------------------------------------------------------------------------------
// Autosave

/** Default IndexedDB database of autosaves. */
export const AUTOSAVE_DB_NAME = 'annotkit-autosave';
const STORE = 'documents';

/** One stored autosave. */
export interface AutosaveRecord {
  /** The autosave key it was stored under. */
  readonly key: string;
  /** When it was written, in ms since the epoch. */
  readonly savedAt: number;
  /** The document as core's native JSON (`serializeDocument`). */
  readonly text: string;
}

/** Options of {@link createAutosave}. */
export interface AutosaveOptions {
  /** The key the document is stored under (one record per key). */
  readonly key: string;
  /** IndexedDB database name. Defaults to `'annotkit-autosave'`. */
  readonly dbName?: string;
  /** Quiet time after the last commit before writing, in ms. Defaults to 1000 (ms). */
  readonly delay?: number;
  /** Called after each write. Defaults to none. */
  readonly onSaved?: (record: AutosaveRecord) => void;
  /** Called when a write fails (quota, closed database). Defaults to none (ignored). */
  readonly onError?: (error: unknown) => void;
}

/** The autosave of one editor, from {@link createAutosave}. */
export interface Autosave {
  /** The key in use. */
  readonly key: string;
  /** The stored record, or undefined. */
  latest(): Promise<AutosaveRecord | undefined>;
  /**
   * The stored record when it differs from the controller's current document (the edits of an
   * earlier session that the page did not load), else undefined.
   */
  pending(): Promise<AutosaveRecord | undefined>;
  /**
   * Loads the stored document into the controller (`setDocument`: history and selection reset).
   * False when nothing is stored. Throws `AnnotkitError` when the record does not parse.
   */
  restore(): Promise<boolean>;
  /** Writes a pending debounced save now. */
  flush(): Promise<void>;
  /** Writes the current document now (whether or not anything changed). */
  save(): Promise<void>;
  /** Deletes the stored record (cancels a pending save). */
  clear(): Promise<void>;
  /** Writes what is pending, stops listening and closes the database. Safe to call twice. */
  dispose(): Promise<void>;
}

/**
 * Saves the controller's document to IndexedDB under `options.key`, debounced after each commit
 * (see the module note). Nothing is read or restored automatically: call `pending()`/`restore()`.
 */
export function createAutosave(controller: EditorController, options: AutosaveOptions): Autosave {
  const { key, delay = 1000 } = options;
  let dbPromise: Promise<IDBPDatabase> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastText: string | undefined;
  let disposed = false;
  let writing: Promise<void> = Promise.resolve();

  const db = (): Promise<IDBPDatabase> =>
    (dbPromise ??= openDB(options.dbName ?? AUTOSAVE_DB_NAME, 1, {
      upgrade(d) {
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
      },
    }));

  const write = (): Promise<void> => {
    const doc = controller.document;
    if (!doc) return writing;
    const text = serializeDocument(doc);
    if (text === lastText) return writing;
    lastText = text;
    const record: AutosaveRecord = { key, savedAt: Date.now(), text };
    // Writes are chained so that a slow earlier write can never land after a later one.
    writing = writing.then(async () => {
      try {
        await (await db()).put(STORE, record, key);
        options.onSaved?.(record);
      } catch (e) {
        lastText = undefined;
        options.onError?.(e);
      }
    });
    return writing;
  };

  const cancelTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const offCommit = controller.on('commit', () => {
    cancelTimer();
    timer = setTimeout(() => {
      timer = undefined;
      void write();
    }, delay);
  });

  const latest = async (): Promise<AutosaveRecord | undefined> => {
    const r: unknown = await (await db()).get(STORE, key);
    if (typeof r !== 'object' || r === null) return undefined;
    const rec = r as Partial<AutosaveRecord>;
    if (typeof rec.text !== 'string' || typeof rec.savedAt !== 'number') return undefined;
    return { key, savedAt: rec.savedAt, text: rec.text };
  };

  return {
    key,
    latest,
    async pending() {
      const rec = await latest();
      if (!rec) return undefined;
      const doc = controller.document;
      return doc && serializeDocument(doc) === rec.text ? undefined : rec;
    },
    async restore() {
      const rec = await latest();
      if (!rec) return false;
      controller.setDocument(parseDocument(rec.text));
      lastText = rec.text;
      return true;
    },
    async flush() {
      if (timer === undefined) return writing;
      cancelTimer();
      return write();
    },
    save() {
      cancelTimer();
      lastText = undefined;
      return write();
    },
    async clear() {
      cancelTimer();
      await writing;
      await (await db()).delete(STORE, key);
      lastText = undefined;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      offCommit();
      if (timer !== undefined) {
        cancelTimer();
        await write();
      }
      await writing;
      if (dbPromise) (await dbPromise).close();
      dbPromise = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Glue for `<annot-editor>`

/** What {@link EditorPersistence} reads from its host element. */
export interface PersistenceHost extends ReactiveControllerHost, HTMLElement {
  /** The editor's `persist-key`: shortcuts are saved under it (undefined/empty: off). */
  readonly persistKey: string | undefined;
  /** The editor's `autosave` key: the document is autosaved under it (undefined/empty: off). */
  readonly autosave: string | undefined;
}

/**
 * Applies an editor's `persist-key` and `autosave` attributes: restores and saves shortcuts,
 * runs the autosave while connected, and fires `annot-autosave-found` once per connection when
 * the stored autosave differs from the document the page loaded (the first document set, or the
 * one present on connect). The host then calls `restore()` (or `discard()`).
 */
export class EditorPersistence implements ReactiveController {
  private readonly host: PersistenceHost;
  private readonly controller: EditorController;
  private shortcutsKey: string | undefined;
  private offShortcuts: (() => void) | undefined;
  private autosaveKey: string | undefined;
  private offDocument: (() => void) | undefined;
  private connected = false;
  /** Options for autosaves created from now on (tests use their own database). */
  autosaveOptions: Omit<AutosaveOptions, 'key'> = {};
  /** The running autosave, or undefined when off or disconnected. */
  autosave: Autosave | undefined;

  constructor(host: PersistenceHost, controller: EditorController) {
    this.host = host;
    this.controller = controller;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  /** Loads the autosave into the editor. False when there is none or autosave is off. */
  async restore(): Promise<boolean> {
    return (await this.autosave?.restore()) ?? false;
  }

  /** Deletes the stored autosave (the user declined it). */
  async discard(): Promise<void> {
    await this.autosave?.clear();
  }

  private sync(): void {
    const wantShortcuts = this.connected ? this.host.persistKey || undefined : undefined;
    if (wantShortcuts !== this.shortcutsKey) {
      this.offShortcuts?.();
      this.offShortcuts = undefined;
      this.shortcutsKey = wantShortcuts;
      if (wantShortcuts) this.offShortcuts = persistShortcuts(this.controller, wantShortcuts);
    }
    const wantAutosave = this.connected ? this.host.autosave || undefined : undefined;
    if (wantAutosave !== this.autosaveKey) {
      this.offDocument?.();
      this.offDocument = undefined;
      void this.autosave?.dispose();
      this.autosave = undefined;
      this.autosaveKey = wantAutosave;
      if (wantAutosave) this.startAutosave(wantAutosave);
    }
  }

  private startAutosave(key: string): void {
    const autosave = createAutosave(this.controller, { ...this.autosaveOptions, key });
    this.autosave = autosave;
    const check = async (): Promise<void> => {
      const rec = await autosave.pending().catch(() => undefined);
      if (!rec || this.autosave !== autosave) return;
      this.host.dispatchEvent(
        annotEvent<AnnotAutosaveFoundDetail>('annot-autosave-found', {
          key,
          savedAt: rec.savedAt,
        }),
      );
    };
    if (this.controller.document) {
      void check();
    } else {
      const off = this.controller.on('document', () => {
        off();
        this.offDocument = undefined;
        void check();
      });
      this.offDocument = off;
    }
  }
}
