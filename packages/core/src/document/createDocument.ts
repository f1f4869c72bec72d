/**
 * The live document store.
 *
 * Design notes:
 * - Records live in two ordered tables (labels; objects), each keyed by id. Sublabel ids share the
 *   label id space but are not table keys: they are found through their skeleton label.
 * - A transaction writes into an overlay (key → record | deleted) and reads through it, so it sees
 *   its own writes. On return, the overlay is compared with the tables to build one minimal
 *   `Change`; that change goes through the same `commit` as `apply`: validate everything first,
 *   then mutate (Map operations that cannot throw), so a failing change leaves nothing behind.
 * - Ids only grow: the next id is one above the highest id the document has ever held or
 *   handed out, so an id is never reused within a document's lifetime.
 * - Events are queued and delivered in version order even when a listener applies a change.
 */
import { AnnotkitError } from '../errors.js';
import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  AnyRecord,
  DocumentData,
  JsonObject,
  Label,
  MediaInfo,
} from '../model/records.js';
import type { ValidationContext } from '../model/validate.js';
import {
  createValidationContext,
  validateDocumentData,
  validateLabels,
  validateObject,
} from '../model/validate.js';
import { CURRENT_SCHEMA_VERSION } from '../serialization/version.js';
import { changeFromStates, isEmptyChange, recordKey } from './change.js';
import { deepEqual } from './equal.js';
import { OrderedTable } from './table.js';
import type {
  AnnotationDocument,
  Change,
  ChangeEvent,
  ChangeListener,
  TransactOptions,
  Writer,
} from './types.js';

/** What `createDocument` accepts: a whole `DocumentData`, or media plus optional parts. */
export interface DocumentInit {
  readonly schemaVersion?: number;
  readonly media: MediaInfo;
  /** Defaults to `[]`. */
  readonly labels?: readonly Label[];
  /** Defaults to `[]`. */
  readonly objects?: readonly AnnotationObject[];
  /** Defaults to `{}`. */
  readonly meta?: JsonObject;
}

/** Options of `createDocument`. */
export interface DocumentOptions {
  /**
   * Called when a change listener throws. The document is already consistent at that point and
   * the remaining listeners still run. Defaults to reporting the error asynchronously as an
   * unhandled promise rejection, so it shows up in the console without breaking the caller.
   */
  readonly onListenerError?: (error: unknown, event: ChangeEvent) => void;
}

const conflict = (message: string, path: (string | number)[]): never => {
  throw new AnnotkitError('unsupported', `conflict: ${message}`, { path });
};

function checkRecordRef(record: unknown, path: (string | number)[]): AnyRecord {
  const r = record as Partial<AnyRecord> | null;
  if (typeof r !== 'object' || r === null) {
    throw new AnnotkitError('invalid-type', 'expected a record', { path });
  }
  if (r.kind !== 'label' && r.kind !== 'shape' && r.kind !== 'track' && r.kind !== 'tag') {
    throw new AnnotkitError('invalid-type', 'unknown record kind', { path: [...path, 'kind'] });
  }
  if (typeof r.id !== 'number' || !Number.isSafeInteger(r.id) || r.id < 0) {
    throw new AnnotkitError('invalid-type', 'expected a non-negative integer id', {
      path: [...path, 'id'],
    });
  }
  return r as AnyRecord;
}

/** Highest label id (labels and sublabels) and attribute id used by a label. */
function labelMaxIds(label: Label): [number, number] {
  let maxLabel = label.id as number;
  let maxAttr = -1;
  for (const a of label.attributes) maxAttr = Math.max(maxAttr, a.id);
  for (const s of label.sublabels ?? []) {
    maxLabel = Math.max(maxLabel, s.id);
    for (const a of s.attributes) maxAttr = Math.max(maxAttr, a.id);
  }
  return [maxLabel, maxAttr];
}

/**
 * Creates a live document from validated data. Throws `AnnotkitError` when the data is invalid
 * (see `validateDocumentData`); `schemaVersion` defaults to `CURRENT_SCHEMA_VERSION`.
 * Two documents share no state.
 */
export function createDocument(
  init: DocumentData | DocumentInit,
  options: DocumentOptions = {},
): AnnotationDocument {
  const data = validateDocumentData({
    schemaVersion: init.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    media: init.media,
    labels: init.labels ?? [],
    objects: init.objects ?? [],
    meta: init.meta ?? {},
  });
  const labels = new OrderedTable<Label>();
  const objects = new OrderedTable<AnnotationObject>();
  let nextObjectId = 0;
  let nextLabelId = 0;
  let nextAttributeId = 0;
  let version = 0;
  let ctx: ValidationContext | null = null;
  let inTransaction = false;
  const listeners = new Set<ChangeListener>();
  const queue: ChangeEvent[] = [];
  let dispatching = false;

  const noteIds = (r: AnyRecord): void => {
    if (r.kind === 'label') {
      const [l, a] = labelMaxIds(r);
      nextLabelId = Math.max(nextLabelId, l + 1);
      nextAttributeId = Math.max(nextAttributeId, a + 1);
    } else nextObjectId = Math.max(nextObjectId, r.id + 1);
  };
  for (const l of data.labels) {
    labels.set(l.id, l);
    noteIds(l);
  }
  for (const o of data.objects) {
    objects.set(o.id, o);
    noteIds(o);
  }

  const table = (r: Pick<AnyRecord, 'kind'>): OrderedTable<AnyRecord> =>
    (r.kind === 'label' ? labels : objects) as OrderedTable<AnyRecord>;

  const context = (): ValidationContext =>
    (ctx ??= createValidationContext(labels.values(), data.media));

  /** Validates `change` against the current state; returns what to write. Mutates nothing. */
  function check(change: Change, verifyBefore: boolean): void {
    const seen = new Set<string>();
    const once = (r: AnyRecord, path: (string | number)[]): void => {
      const key = recordKey(r);
      if (seen.has(key)) conflict(`${key} appears twice in one change`, path);
      seen.add(key);
    };
    const current = (r: AnyRecord, path: (string | number)[]): void => {
      const cur = table(r).get(r.id);
      if (cur === undefined) conflict(`${recordKey(r)} no longer exists`, path);
      else if (verifyBefore && cur !== r && !deepEqual(cur, r)) {
        conflict(`${recordKey(r)} was changed since this change was made`, path);
      }
    };
    change.added.forEach((r, i) => {
      checkRecordRef(r, ['added', i]);
      once(r, ['added', i]);
      if (table(r).has(r.id)) {
        throw new AnnotkitError('duplicate-id', `${recordKey(r)} already exists`, {
          path: ['added', i, 'id'],
        });
      }
    });
    change.updated.forEach(([before, after], i) => {
      checkRecordRef(before, ['updated', i, 0]);
      checkRecordRef(after, ['updated', i, 1]);
      if ((before.kind === 'label') !== (after.kind === 'label')) {
        conflict('an update cannot change a label into an object', ['updated', i]);
      }
      if (before.id !== after.id)
        conflict('an update cannot change an id', ['updated', i, 1, 'id']);
      once(before, ['updated', i]);
      current(before, ['updated', i, 0]);
    });
    change.removed.forEach((r, i) => {
      checkRecordRef(r, ['removed', i]);
      once(r, ['removed', i]);
      current(r, ['removed', i]);
    });

    // Labels as they will be after the change.
    const touchedLabels = new Set<number>();
    const removedLabels = new Set<number>();
    const labelAfter = new Map<number, Label>();
    for (const r of change.removed) {
      if (r.kind === 'label') {
        touchedLabels.add(r.id);
        removedLabels.add(r.id);
      }
    }
    for (const [, a] of change.updated) {
      if (a.kind === 'label') {
        touchedLabels.add(a.id);
        labelAfter.set(a.id, a);
      }
    }
    let vctx = context();
    if (touchedLabels.size > 0 || change.added.some((r) => r.kind === 'label')) {
      const next: Label[] = [];
      for (const l of labels.values()) {
        if (!removedLabels.has(l.id)) next.push(labelAfter.get(l.id) ?? l);
      }
      for (const r of change.added) if (r.kind === 'label') next.push(r);
      validateLabels(next);
      vctx = createValidationContext(next, data.media);
    }
    // Objects as they will be after the change.
    const objectAfter = new Map<number, AnnotationObject | null>();
    change.added.forEach((r, i) => {
      if (r.kind !== 'label') {
        validateObject(r, vctx, ['added', i]);
        objectAfter.set(r.id, r);
      }
    });
    change.updated.forEach(([, a], i) => {
      if (a.kind !== 'label') {
        validateObject(a, vctx, ['updated', i, 1]);
        objectAfter.set(a.id, a);
      }
    });
    for (const r of change.removed) if (r.kind !== 'label') objectAfter.set(r.id, null);
    if (touchedLabels.size > 0) {
      for (const o of objects.values()) {
        if (objectAfter.has(o.id) || !touchedLabels.has(o.label)) continue;
        if (removedLabels.has(o.label)) {
          throw new AnnotkitError(
            'unsupported',
            `label ${o.label} is still used by object ${o.id}; remove or relabel it first`,
            { path: ['objects', o.id, 'label'] },
          );
        }
        validateObject(o, vctx, ['objects', o.id]);
      }
    }
  }

  function write(change: Change, options: TransactOptions): void {
    for (const r of change.removed) table(r).delete(r.id);
    for (const [, a] of change.updated) table(a).set(a.id, a);
    for (const r of change.added) {
      table(r).set(r.id, r);
      noteIds(r);
    }
    for (const [, a] of change.updated) noteIds(a);
    if ([...change.added, ...change.removed].some((r) => r.kind === 'label')) ctx = null;
    else if (change.updated.some(([, a]) => a.kind === 'label')) ctx = null;
    version++;
    queue.push({
      change,
      origin: options.origin ?? 'user',
      history: options.history ?? 'record',
      name: options.name,
      version,
    });
    deliver();
  }

  function deliver(): void {
    if (dispatching) return;
    dispatching = true;
    try {
      for (let event = queue.shift(); event; event = queue.shift()) {
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (error) {
            if (options.onListenerError) options.onListenerError(error, event);
            else void Promise.reject(error);
          }
        }
      }
    } finally {
      dispatching = false;
    }
  }

  function build(fn: (tx: Writer) => void): Change {
    if (inTransaction) {
      throw new AnnotkitError('unsupported', 'transactions cannot be nested');
    }
    const overlay = new Map<string, AnyRecord | null>();
    const base = new Map<string, AnyRecord | undefined>();
    const read = (kind: 'label' | 'object', id: number): AnyRecord | undefined => {
      const key = `${kind}:${id}`;
      if (overlay.has(key)) return overlay.get(key) ?? undefined;
      return (kind === 'label' ? labels : objects).get(id);
    };
    const touch = (r: Pick<AnyRecord, 'kind' | 'id'>): string => {
      const key = recordKey(r);
      if (!base.has(key)) base.set(key, table(r).get(r.id));
      return key;
    };
    const writer: Writer = {
      object: (id) => read('object', id) as AnnotationObject | undefined,
      label: (id) => read('label', id) as Label | undefined,
      add(record) {
        checkRecordRef(record, []);
        const kind = record.kind === 'label' ? 'label' : 'object';
        if (read(kind, record.id) !== undefined) {
          throw new AnnotkitError('duplicate-id', `${recordKey(record)} already exists`, {
            path: ['id'],
          });
        }
        overlay.set(touch(record), record);
        noteIds(record);
      },
      put(record) {
        checkRecordRef(record, []);
        const kind = record.kind === 'label' ? 'label' : 'object';
        if (read(kind, record.id) === undefined) {
          throw new AnnotkitError('unknown-object', `${recordKey(record)} does not exist`, {
            path: ['id'],
          });
        }
        overlay.set(touch(record), record);
        noteIds(record);
      },
      remove(record) {
        const kind = record.kind === 'label' ? 'label' : 'object';
        if (read(kind, record.id) === undefined) {
          throw new AnnotkitError('unknown-object', `${recordKey(record)} does not exist`, {
            path: ['id'],
          });
        }
        overlay.set(touch(record), null);
      },
      newObjectId: () => nextObjectId++ as ObjectId,
      newLabelId: () => nextLabelId++ as LabelId,
      newAttributeId: () => nextAttributeId++ as AttributeId,
    };
    inTransaction = true;
    try {
      fn(writer);
    } finally {
      inTransaction = false;
    }
    return changeFromStates(
      [...base].map(([key, before]) => [before, overlay.get(key) ?? undefined] as const),
    );
  }

  const doc: AnnotationDocument = {
    media: data.media,
    meta: data.meta,
    get version() {
      return version;
    },
    labels: () => labels.values(),
    label: (id) => labels.get(id),
    objects: () => objects.values(),
    object: (id) => objects.get(id),
    transact(fn, opts = {}) {
      const change = build(fn);
      if (isEmptyChange(change)) return change;
      check(change, false);
      write(change, opts);
      return change;
    },
    draft: (fn) => {
      const change = build(fn);
      check(change, false);
      return change;
    },
    apply(change, opts = {}) {
      if (inTransaction) throw new AnnotkitError('unsupported', 'apply inside a transaction');
      check(change, true);
      if (!isEmptyChange(change)) write(change, opts);
    },
    subscribe(listener) {
      const wrapped: ChangeListener = (e) => listener(e);
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
    toJSON: () => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      media: data.media,
      labels: labels.values(),
      objects: objects.values(),
      meta: data.meta,
    }),
  };
  return doc;
}
