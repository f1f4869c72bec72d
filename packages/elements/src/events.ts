/**
 * DOM events of the elements (`annot-<noun>-<verb>`, bubbling and composed) and their typing in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('annot-commit', e => e.detail…)` is
 * typed.
 */
import type { ChangeEvent, LabelId, ObjectId, Transaction } from '@annotkit/core';
import type { CommitKind } from './controller/EditorController.js';
import type { ToolId } from './controller/tools.js';

/** Detail of `annot-change`: one applied document change (live, every change). */
export type AnnotChangeDetail = ChangeEvent;
/** Detail of `annot-commit`: a command, gesture, undo or redo finished. */
export interface AnnotCommitDetail {
  readonly kind: CommitKind;
  /** The transaction's name (`'create'`, `'change-label'`, …); undefined for undo/redo. */
  readonly name: string | undefined;
}
/** Detail of `annot-selection-change`. */
export interface AnnotSelectionChangeDetail {
  readonly ids: readonly ObjectId[];
}
/** Detail of `annot-frame-change`. */
export interface AnnotFrameChangeDetail {
  readonly frame: number;
}
/** Detail of `annot-tool-change`. */
export interface AnnotToolChangeDetail {
  readonly tool: ToolId;
  /** The label the tool draws with (undefined for non-drawing tools). */
  readonly label: LabelId | undefined;
}
/** Detail of `annot-transaction-reject`: the host's filter returned null. */
export interface AnnotTransactionRejectDetail {
  readonly transaction: Transaction;
}

/** Creates a bubbling, composed `CustomEvent`. */
export function annotEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'annot-change': CustomEvent<AnnotChangeDetail>;
    'annot-commit': CustomEvent<AnnotCommitDetail>;
    'annot-selection-change': CustomEvent<AnnotSelectionChangeDetail>;
    'annot-frame-change': CustomEvent<AnnotFrameChangeDetail>;
    'annot-tool-change': CustomEvent<AnnotToolChangeDetail>;
    'annot-transaction-reject': CustomEvent<AnnotTransactionRejectDetail>;
  }
}
