/**
 * One editor's hold on its document: the live document, its undo history while attached, and
 * the one path every edit takes (the host's filter, then `doc.apply`).
 *
 * Why a part of its own: attaching and detaching (an editor leaving the DOM keeps its undo stack
 * as JSON and drops its document listener), controlled mode for edits and for undo/redo, and the
 * history's lifetime are one concern with its own invariants — at most one document listener and
 * one live history, none while detached. The controller composes it and turns its callbacks into
 * events.
 */
import { createHistory } from '@annotkit/core';
import type {
  AnnotationDocument,
  ChangeEvent,
  History,
  HistoryJSON,
  HistoryState,
  Transaction,
} from '@annotkit/core';

/** What ended when a commit is reported. */
export type CommitKind = 'transaction' | 'undo' | 'redo';

/** What the session reports to its owner. */
export interface SessionCallbacks {
  /** The host's filter: the transaction to apply (itself or a rewrite), or null to reject. */
  approve(tr: Transaction): Transaction | null;
  /** The document applied a change (any origin). */
  change(event: ChangeEvent): void;
  /** The history's state changed (also on attach/detach and document replacement). */
  history(state: HistoryState): void;
  /** An edit, undo or redo was applied. */
  commit(kind: CommitKind, name: string | undefined): void;
  /** The filter rejected a transaction. */
  reject(tr: Transaction): void;
}

const NO_HISTORY: HistoryState = {
  canUndo: false,
  canRedo: false,
  undoDepth: 0,
  redoDepth: 0,
  bytes: 0,
};

/** The document binding of one editor (see the module note). */
export class DocumentSession {
  private doc: AnnotationDocument | null = null;
  private hist: History | null = null;
  private savedHistory: HistoryJSON | undefined;
  private unsubscribeDoc: (() => void) | undefined;
  private unsubscribeHistory: (() => void) | undefined;
  private attached = true;

  /** `depth`: maximum undo steps of the histories it creates. */
  constructor(
    private readonly depth: number,
    private readonly on: SessionCallbacks,
  ) {}

  /** The document, or null. */
  get document(): AnnotationDocument | null {
    return this.doc;
  }

  /** The undo history (null without a document or while detached). */
  get history(): History | null {
    return this.hist;
  }

  /** The history's state (nothing to undo without a history). */
  historyState(): HistoryState {
    return this.hist?.state() ?? NO_HISTORY;
  }

  /**
   * Replaces the document and starts a fresh history for it (when attached). Returns false, and
   * changes nothing, when `doc` is the current document.
   */
  replace(doc: AnnotationDocument | null): boolean {
    if (doc === this.doc) return false;
    this.release();
    this.savedHistory = undefined;
    this.doc = doc;
    if (this.attached) this.bind();
    return true;
  }

  /**
   * Stops listening to the document; the undo stack is kept as JSON and restored by `attach()`.
   * Changes made meanwhile are not recorded, and steps they invalidate fail on undo.
   */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.release();
  }

  /** Listens to the document again after `detach()`. */
  attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.bind();
    this.on.history(this.historyState());
  }

  /** Detaches and forgets the saved undo stack. */
  destroy(): void {
    this.detach();
    this.savedHistory = undefined;
  }

  /**
   * Applies a transaction through the filter. False when there is no document or the filter
   * rejected it (reported). Errors of `doc.apply` propagate.
   */
  dispatch(tr: Transaction): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const approved = this.on.approve(tr);
    if (!approved) {
      this.on.reject(tr);
      return false;
    }
    doc.apply(approved.change, approved.options);
    this.on.commit('transaction', approved.options.name);
    return true;
  }

  /** True when there is a step to undo. */
  canUndo(): boolean {
    return this.hist?.canUndo() ?? false;
  }

  /** True when there is a step to redo. */
  canRedo(): boolean {
    return this.hist?.canRedo() ?? false;
  }

  /**
   * Undoes or redoes the latest step, offered to the filter first as a transaction: approved as
   * it is, the history walks (and can walk back); rewritten, the rewrite is applied as a new
   * recorded user change; rejected, nothing happens (reported).
   */
  walk(kind: 'undo' | 'redo'): boolean {
    const hist = this.hist;
    const doc = this.doc;
    if (!hist || !doc) return false;
    const pending = kind === 'undo' ? hist.peekUndo() : hist.peekRedo();
    if (!pending) return false;
    const approved = this.on.approve(pending);
    if (!approved) {
      this.on.reject(pending);
      return false;
    }
    if (approved === pending) {
      if (!(kind === 'undo' ? hist.undo() : hist.redo())) return false;
    } else {
      doc.apply(approved.change, { ...approved.options, origin: 'user', history: 'record' });
    }
    this.on.commit(kind, undefined);
    return true;
  }

  private bind(): void {
    const doc = this.doc;
    if (!doc) return;
    this.hist = createHistory(doc, {
      depth: this.depth,
      ...(this.savedHistory ? { restore: this.savedHistory } : {}),
    });
    this.savedHistory = undefined;
    this.unsubscribeHistory = this.hist.subscribe(() => this.on.history(this.historyState()));
    this.unsubscribeDoc = doc.subscribe((event) => this.on.change(event));
  }

  private release(): void {
    this.unsubscribeDoc?.();
    this.unsubscribeHistory?.();
    this.unsubscribeDoc = undefined;
    this.unsubscribeHistory = undefined;
    if (this.hist) {
      this.savedHistory = this.hist.serialize();
      this.hist.destroy();
      this.hist = null;
    }
  }
}
