/**
 * Undo history as a separate subscriber of a document.
 *
 * Design notes (why, not what):
 * - A step is one `Change`. Undo applies its inverse and redo the change itself, both through
 *   `doc.apply`, which refuses to apply when a record is no longer in the state the step expects.
 * - Only changes with origin `'user'` are recorded. `'record'` starts a step; `'merge'` composes
 *   into the latest step (`composeChanges`, so a drag A→B→C is one step A→C) only while that step
 *   is the newest one and nothing was undone since; otherwise a `'merge'` starts a new step.
 *   Composition drops no-op updates, so a merged step can become empty and then disappears.
 * - Changes that are not recorded (other origins, or `'ignore'`) are rebased over by dropping:
 *   every step (undo and redo) that touches a record the change touched is removed, because its
 *   `before` states are no longer true. Steps touching other records stay. A step that still
 *   fails to apply (it depended on a dropped step, e.g. it removed a label whose last user was
 *   re-added remotely) is removed and the error is rethrown from `undo`/`redo`.
 * - Memory is bounded by a step count and by an estimate of bytes (JSON length of the step's
 *   records); the oldest steps go first.
 */
import { AnnotkitError } from '../errors.js';
import type { AnyRecord } from '../model/records.js';
import { composeChanges, invertChange, isEmptyChange, recordKey } from '../document/change.js';
import type {
  AnnotationDocument,
  Change,
  ChangeEvent,
  TransactOptions,
} from '../document/types.js';

/** One undo step. */
export interface HistoryStep {
  readonly change: Change;
  /** The `name` of the first change of the step. */
  readonly name: string | undefined;
}

/** Serialised history, from `History.serialize()`. */
export interface HistoryJSON {
  readonly version: 1;
  /** Oldest first. */
  readonly undo: readonly HistoryStep[];
  /** Next redo last. */
  readonly redo: readonly HistoryStep[];
}

/** The stack state given to history subscribers. */
export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoDepth: number;
  readonly redoDepth: number;
  /** Estimated size of both stacks in bytes (JSON length of their records). */
  readonly bytes: number;
}

/** Options of `createHistory`. */
export interface HistoryOptions {
  /** Maximum number of undo steps. Defaults to 100. */
  readonly depth?: number;
  /** Maximum estimated bytes of both stacks. Defaults to 64 MiB (67,108,864). */
  readonly maxBytes?: number;
  /** A history from `serialize()` (object or JSON text) to start from. Defaults to empty. */
  readonly restore?: HistoryJSON | string;
}

/** An undo/redo manager bound to one document. */
export interface History {
  /** Undoes the latest step; false when there is none. Throws when the step cannot apply. */
  undo(): boolean;
  /** Redoes the latest undone step; false when there is none. Throws when it cannot apply. */
  redo(): boolean;
  /**
   * The change `undo()` would apply next (the inverse of the newest step) with the options it
   * would apply it with, or undefined when there is nothing to undo. For hosts that approve
   * every change before it happens (controlled mode): inspect it, then call `undo()`.
   */
  peekUndo(): PendingStep | undefined;
  /** The change `redo()` would apply next, or undefined. See `peekUndo`. */
  peekRedo(): PendingStep | undefined;
  /** True when `undo()` has a step to undo. */
  canUndo(): boolean;
  /** True when `redo()` has a step to redo. */
  canRedo(): boolean;
  /** Depths, flags and estimated size of the stacks. */
  state(): HistoryState;
  /** Empties both stacks. */
  clear(): void;
  /** The stacks as plain JSON. */
  serialize(): HistoryJSON;
  /** Calls `listener` after every change of the stacks; returns the unsubscribe function. */
  subscribe(listener: (state: HistoryState) => void): () => void;
  /** Stops listening to the document. The history stays readable but records nothing. */
  destroy(): void;
}

/** A change that `undo()`/`redo()` would apply, as a transaction (`{ change, options }`). */
export interface PendingStep {
  readonly change: Change;
  readonly options: TransactOptions;
}

interface Entry {
  readonly step: HistoryStep;
  readonly bytes: number;
}

const estimateBytes = (change: Change): number => JSON.stringify(change).length;

function touchedKeys(change: Change): Set<string> {
  const keys = new Set<string>();
  for (const r of change.added) keys.add(recordKey(r));
  for (const [b] of change.updated) keys.add(recordKey(b));
  for (const r of change.removed) keys.add(recordKey(r));
  return keys;
}

function parseRestore(input: HistoryJSON | string): HistoryJSON {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      throw new AnnotkitError('parse', 'history is not valid JSON', { cause });
    }
  }
  const bad = (path: (string | number)[], message: string): never => {
    throw new AnnotkitError('invalid-type', message, { path });
  };
  const v = value as Partial<HistoryJSON> | null;
  if (typeof v !== 'object' || v === null) return bad([], 'expected a history object');
  if (v.version !== 1) return bad(['version'], 'unsupported history version');
  const isRecord = (r: unknown): r is AnyRecord => {
    const o = r as Partial<AnyRecord> | null;
    return (
      typeof o === 'object' &&
      o !== null &&
      ['label', 'shape', 'track', 'tag'].includes(o.kind as string) &&
      typeof o.id === 'number'
    );
  };
  for (const stack of ['undo', 'redo'] as const) {
    const steps = v[stack];
    if (!Array.isArray(steps)) return bad([stack], 'expected an array of steps');
    steps.forEach((s: Partial<HistoryStep> | null, i) => {
      const c = s?.change;
      if (typeof c !== 'object' || c === null) return bad([stack, i, 'change'], 'missing change');
      if (!Array.isArray(c.added) || !c.added.every(isRecord)) bad([stack, i, 'added'], 'bad');
      if (!Array.isArray(c.removed) || !c.removed.every(isRecord))
        bad([stack, i, 'removed'], 'bad');
      const pairsOk =
        Array.isArray(c.updated) &&
        c.updated.every(
          (p) => Array.isArray(p) && p.length === 2 && isRecord(p[0]) && isRecord(p[1]),
        );
      if (!pairsOk) bad([stack, i, 'updated'], 'expected [before, after] pairs');
      if (s?.name !== undefined && typeof s.name !== 'string') bad([stack, i, 'name'], 'bad name');
    });
  }
  return v as HistoryJSON;
}

/**
 * Creates an undo history for `doc`. It records local user changes (see the module notes for
 * merging and for what non-recorded changes do to the stacks) and undoes/redoes through
 * `doc.apply` with `{ origin: 'user', history: 'ignore', name: 'undo' | 'redo' }`.
 */
export function createHistory(doc: AnnotationDocument, options: HistoryOptions = {}): History {
  const depth = options.depth ?? 100;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (!(depth >= 0) || !Number.isInteger(depth)) {
    throw new AnnotkitError('invalid-type', 'depth must be an integer ≥ 0', { path: ['depth'] });
  }
  if (!(maxBytes >= 0)) {
    throw new AnnotkitError('invalid-type', 'maxBytes must be ≥ 0', { path: ['maxBytes'] });
  }
  let undoStack: Entry[] = [];
  let redoStack: Entry[] = [];
  let bytes = 0;
  /** True while the newest undo step may absorb a `'merge'` change. */
  let mergeable = false;
  /** Changes applied by undo/redo themselves, recognised by identity. */
  const own = new Set<Change>();
  const listeners = new Set<(state: HistoryState) => void>();

  const entry = (step: HistoryStep): Entry => ({ step, bytes: estimateBytes(step.change) });
  const recount = (): void => {
    bytes = 0;
    for (const e of undoStack) bytes += e.bytes;
    for (const e of redoStack) bytes += e.bytes;
  };
  // `bytes` is kept as a running total (a recount per step made long histories quadratic).
  const enforceBounds = (): void => {
    while (undoStack.length > depth) bytes -= undoStack.shift()?.bytes ?? 0;
    while (bytes > maxBytes && (undoStack.length > 0 || redoStack.length > 0)) {
      const dropped = undoStack.length > 0 ? undoStack.shift() : redoStack.shift();
      bytes -= dropped?.bytes ?? 0;
    }
    if (undoStack.length === 0) mergeable = false;
  };

  const state = (): HistoryState => ({
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    undoDepth: undoStack.length,
    redoDepth: redoStack.length,
    bytes,
  });
  const notify = (): void => {
    const s = state();
    for (const l of [...listeners]) l(s);
  };

  if (options.restore !== undefined) {
    const json = parseRestore(options.restore);
    undoStack = json.undo.map((s) => entry({ change: s.change, name: s.name }));
    redoStack = json.redo.map((s) => entry({ change: s.change, name: s.name }));
    recount();
    enforceBounds();
  }

  const onChange = (event: ChangeEvent): void => {
    if (own.delete(event.change)) return;
    if (event.origin === 'user' && event.history !== 'ignore') {
      const last = undoStack[undoStack.length - 1];
      if (event.history === 'merge' && mergeable && last) {
        const change = composeChanges(last.step.change, event.change);
        undoStack.pop();
        bytes -= last.bytes;
        if (!isEmptyChange(change)) {
          const merged = entry({ change, name: last.step.name });
          undoStack.push(merged);
          bytes += merged.bytes;
        }
      } else {
        const added = entry({ change: event.change, name: event.name });
        undoStack.push(added);
        bytes += added.bytes;
        for (const e of redoStack) bytes -= e.bytes;
        redoStack = [];
      }
      mergeable = undoStack.length > 0;
      enforceBounds();
      notify();
      return;
    }
    const keys = touchedKeys(event.change);
    const keep = (e: Entry): boolean => {
      for (const k of touchedKeys(e.step.change)) if (keys.has(k)) return false;
      return true;
    };
    const before = undoStack.length + redoStack.length;
    undoStack = undoStack.filter(keep);
    redoStack = redoStack.filter(keep);
    if (undoStack.length + redoStack.length !== before) {
      mergeable = false;
      recount();
      notify();
    }
  };
  let unsubscribe: (() => void) | null = doc.subscribe(onChange);

  const run = (from: Entry[], to: Entry[], kind: 'undo' | 'redo'): boolean => {
    const e = from[from.length - 1];
    if (!e) return false;
    const change = kind === 'undo' ? invertChange(e.step.change) : e.step.change;
    own.add(change);
    try {
      doc.apply(change, { origin: 'user', history: 'ignore', name: kind });
    } catch (error) {
      own.delete(change);
      from.pop();
      recount();
      notify();
      throw error;
    }
    from.pop();
    to.push(e);
    mergeable = false;
    notify();
    return true;
  };

  const peek = (from: Entry[], kind: 'undo' | 'redo'): PendingStep | undefined => {
    const e = from[from.length - 1];
    if (!e) return undefined;
    const change = kind === 'undo' ? invertChange(e.step.change) : e.step.change;
    return { change, options: { origin: 'user', history: 'ignore', name: kind } };
  };

  return {
    undo: () => run(undoStack, redoStack, 'undo'),
    peekUndo: () => peek(undoStack, 'undo'),
    peekRedo: () => peek(redoStack, 'redo'),
    redo: () => run(redoStack, undoStack, 'redo'),
    canUndo: () => undoStack.length > 0,
    canRedo: () => redoStack.length > 0,
    state,
    clear() {
      undoStack = [];
      redoStack = [];
      mergeable = false;
      recount();
      notify();
    },
    serialize: () => ({
      version: 1,
      undo: undoStack.map((e) => e.step),
      redo: redoStack.map((e) => e.step),
    }),
    subscribe(listener) {
      const wrapped = (s: HistoryState): void => listener(s);
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
    destroy() {
      unsubscribe?.();
      unsubscribe = null;
      mergeable = false;
    },
  };
}
