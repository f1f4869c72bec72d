/**
 * DOM events of the elements (`annot-<noun>-<verb>`, bubbling and composed) and their typing in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('annot-commit', e => e.detail…)` is
 * typed.
 */
import type { ChangeEvent, LabelId, ObjectId, Transaction } from '@annotkit/core';
import type { CommitKind } from './controller/types.js';
import type { ToolId } from './controller/tools.js';
import type { DroppedReport, ImportWarning } from '@annotkit/formats';

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

/** Detail of `annot-import-done`: an imported dataset replaced the editor's document. */
export interface AnnotImportDoneDetail {
  /** Id of the codec that read the files (`'coco-1.0'`, …). */
  readonly format: string;
  /** What the import reported (aggregated; shown to the user before confirming). */
  readonly warnings: readonly ImportWarning[];
  /** Objects in the new document. */
  readonly objectCount: number;
}
/** Detail of `annot-export-done`: an export finished and was offered as a download. */
export interface AnnotExportDoneDetail {
  /** Id of the codec that wrote the files. */
  readonly format: string;
  /** The zip archive. */
  readonly blob: Blob;
  /** The download's file name. */
  readonly fileName: string;
  /** Paths inside the zip. */
  readonly files: readonly string[];
  /** What the format could not hold: what, how many, why. */
  readonly dropped: readonly DroppedReport[];
}
/** Detail of `annot-autosave-found`: an autosave that differs from the loaded document. */
export interface AnnotAutosaveFoundDetail {
  /** The editor's `autosave` key. */
  readonly key: string;
  /** When it was written, in ms since the epoch. */
  readonly savedAt: number;
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
    'annot-import-done': CustomEvent<AnnotImportDoneDetail>;
    'annot-export-done': CustomEvent<AnnotExportDoneDetail>;
    'annot-autosave-found': CustomEvent<AnnotAutosaveFoundDetail>;
  }
}
