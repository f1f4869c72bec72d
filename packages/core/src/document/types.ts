import type { ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  AnyRecord,
  DocumentData,
  JsonObject,
  Label,
  MediaInfo,
} from '../model/records.js';
import type { LabelId } from '../model/ids.js';

/** Who made a change: the local user, a collaborator/server, or the system (migrations, AI). */
export type Origin = 'user' | 'remote' | 'system';
/**
 * How history treats a change: a new undo step, merged into the previous step (the rest of a
 * gesture), or not recorded at all.
 */
export type HistoryMode = 'record' | 'merge' | 'ignore';

/** One invertible change. `updated` holds `[before, after]` pairs. */
export interface Change {
  readonly added: readonly AnyRecord[];
  readonly updated: readonly (readonly [AnyRecord, AnyRecord])[];
  readonly removed: readonly AnyRecord[];
}

export interface TransactOptions {
  /** Defaults to `'user'`. */
  readonly origin?: Origin;
  /** Defaults to `'record'`. */
  readonly history?: HistoryMode;
  /** A short name for the change, e.g. the command name (`'merge'`). */
  readonly name?: string;
}

/** What subscribers receive for every applied change. */
export interface ChangeEvent {
  readonly change: Change;
  readonly origin: Origin;
  readonly history: HistoryMode;
  readonly name: string | undefined;
  /** Document version after the change. */
  readonly version: number;
}

/** The write side of a transaction. Reads see the transaction's own earlier writes. */
export interface Writer {
  object(id: ObjectId): AnnotationObject | undefined;
  label(id: LabelId): Label | undefined;
  /** Adds a new record; throws `duplicate-id` if its id exists. */
  add(record: AnyRecord): void;
  /** Replaces the record with the same kind and id; throws `unknown-object` if missing. */
  put(record: AnyRecord): void;
  /** Removes a record; throws `unknown-object` if missing. */
  remove(record: Pick<AnyRecord, 'kind' | 'id'>): void;
  /** Allocates a fresh object id. */
  newObjectId(): ObjectId;
  /** Allocates a fresh label id (also used for sublabels). */
  newLabelId(): LabelId;
  /** Allocates a fresh attribute-spec id. */
  newAttributeId(): number;
}

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * A live document. All edits go through `transact` (or `apply` of a precomputed change);
 * every applied change is validated first and is all-or-nothing.
 */
export interface AnnotationDocument {
  readonly media: MediaInfo;
  readonly meta: JsonObject;
  /** Increments on every applied change. */
  readonly version: number;
  labels(): readonly Label[];
  label(id: LabelId): Label | undefined;
  objects(): readonly AnnotationObject[];
  object(id: ObjectId): AnnotationObject | undefined;
  /** Runs `fn`, validates and applies what it wrote as one change, and returns it. */
  transact(fn: (tx: Writer) => void, options?: TransactOptions): Change;
  /** Runs `fn` against the current state and returns the change without applying it. */
  draft(fn: (tx: Writer) => void): Change;
  /**
   * Applies a precomputed change (from `draft`, a command or history). Throws `conflict`-style
   * `unsupported` errors when a `before` record no longer matches the current state.
   */
  apply(change: Change, options?: TransactOptions): void;
  subscribe(listener: ChangeListener): () => void;
  toJSON(): DocumentData;
}
