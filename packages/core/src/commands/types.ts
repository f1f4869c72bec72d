import type { Change, AnnotationDocument, TransactOptions } from '../document/types.js';
import type { ObjectId } from '../model/ids.js';

/** The state a command reads: the document plus the editor's view of it. */
export interface CommandState {
  readonly doc: AnnotationDocument;
  /** The current frame. */
  readonly frame: number;
  /** Selected object ids. */
  readonly selection: readonly ObjectId[];
}

/** What a command dispatches: a precomputed change plus how to apply it. */
export interface Transaction {
  readonly change: Change;
  readonly options: TransactOptions;
}

/**
 * A command in ProseMirror's form. Called without `dispatch` it answers "can this run now?";
 * with `dispatch` it computes one transaction and hands it over (one undo step). A host may
 * approve, rewrite or reject the transaction before applying it (controlled mode).
 */
export type Command = (state: CommandState, dispatch?: (tr: Transaction) => void) => boolean;
