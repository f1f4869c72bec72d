/**
 * Pure helpers on `Change`: inversion, composition and keys. A change never mentions a record
 * twice; composition keeps that and drops updates that end where they started, so a composed
 * change stays minimal and invertible.
 */
import type { AnyRecord } from '../model/records.js';
import { deepEqual } from './equal.js';
import type { Change } from './types.js';

/** The empty change. */
export const EMPTY_CHANGE: Change = Object.freeze({
  added: Object.freeze([]),
  updated: Object.freeze([]),
  removed: Object.freeze([]),
});

/**
 * A key unique per record within a document: labels and objects have separate id spaces
 * (`label:3`, `object:3`).
 */
export function recordKey(record: Pick<AnyRecord, 'kind' | 'id'>): string {
  return record.kind === 'label' ? `label:${record.id}` : `object:${record.id}`;
}

/** True when the change adds, updates and removes nothing. */
export function isEmptyChange(change: Change): boolean {
  return change.added.length === 0 && change.updated.length === 0 && change.removed.length === 0;
}

/** The change that undoes `change`: added ↔ removed, `[before, after]` ↔ `[after, before]`. */
export function invertChange(change: Change): Change {
  return {
    added: change.removed,
    updated: change.updated.map(([before, after]) => [after, before] as const),
    removed: change.added,
  };
}

type Entry =
  | { readonly op: 'added'; readonly after: AnyRecord }
  | { readonly op: 'updated'; readonly before: AnyRecord; readonly after: AnyRecord }
  | { readonly op: 'removed'; readonly before: AnyRecord };

function entries(change: Change): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const r of change.added) out.set(recordKey(r), { op: 'added', after: r });
  for (const [b, a] of change.updated)
    out.set(recordKey(b), { op: 'updated', before: b, after: a });
  for (const r of change.removed) out.set(recordKey(r), { op: 'removed', before: r });
  return out;
}

/** Builds a change from per-record `before`/`after` states (`undefined` = absent). */
export function changeFromStates(
  states: Iterable<readonly [AnyRecord | undefined, AnyRecord | undefined]>,
): Change {
  const added: AnyRecord[] = [];
  const updated: (readonly [AnyRecord, AnyRecord])[] = [];
  const removed: AnyRecord[] = [];
  for (const [before, after] of states) {
    if (before === undefined) {
      if (after !== undefined) added.push(after);
    } else if (after === undefined) removed.push(before);
    else if (before !== after && !deepEqual(before, after)) updated.push([before, after]);
  }
  return { added, updated, removed };
}

/**
 * The change equivalent to applying `first` then `second`: an update A→B then B→C gives A→C,
 * an add then an update gives an add of the final record, an add then a remove vanishes, a remove
 * then an add of the same id gives an update, and updates that end equal to their start vanish.
 */
export function composeChanges(first: Change, second: Change): Change {
  const states = new Map<string, [AnyRecord | undefined, AnyRecord | undefined]>();
  for (const [key, e] of entries(first)) {
    states.set(key, [
      e.op === 'added' ? undefined : e.before,
      e.op === 'removed' ? undefined : e.after,
    ]);
  }
  for (const [key, e] of entries(second)) {
    const after = e.op === 'removed' ? undefined : e.after;
    const prev = states.get(key);
    if (prev) prev[1] = after;
    else states.set(key, [e.op === 'added' ? undefined : e.before, after]);
  }
  return changeFromStates(states.values());
}
