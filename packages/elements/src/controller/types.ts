/** Public types of the editor controller: its events, options and the controlled-mode hook. */
import type {
  AnnotationDocument,
  ChangeEvent,
  DocumentData,
  DocumentInit,
  HistoryState,
  LabelId,
  ObjectId,
  Transaction,
} from '@annotkit/core';
import type { ObjectFilter } from '../elements/filter-builder/filter.js';
import type { Appearance } from '../elements/appearance/settings.js';
import type { CommitKind } from './documentSession.js';
import type { EditorController } from './EditorController.js';
import type { ShortcutMap } from './shortcuts.js';
import type { ToolId } from './tools.js';
import type { ViewSnapshot } from './viewState.js';

export type { CommitKind } from './documentSession.js';

/**
 * Controlled mode: receives every transaction before it is applied and returns it (approve), a
 * different transaction (rewrite) or null (reject).
 */
export type TransactionFilter = (
  tr: Transaction,
  controller: EditorController,
) => Transaction | null;

/** Events of the controller and their payloads. */
export interface EditorEvents {
  /** Every change the document applied (live), whatever its origin. */
  change: ChangeEvent;
  /** A command, gesture, undo or redo finished and changed the document. */
  commit: { readonly kind: CommitKind; readonly name: string | undefined };
  /** The host's filter rejected a transaction (nothing was applied). */
  reject: { readonly transaction: Transaction };
  document: { readonly document: AnnotationDocument | null };
  frame: { readonly frame: number };
  selection: { readonly ids: readonly ObjectId[] };
  /** The active tool, or the label it draws with, changed. */
  tool: { readonly tool: ToolId; readonly label: LabelId | undefined };
  label: { readonly label: LabelId | undefined };
  /** Hidden, locked or pinned ids, or object colours, changed. */
  view: ViewSnapshot;
  /** The object filter changed (null: none). */
  filter: { readonly filter: ObjectFilter | null };
  history: HistoryState;
  locale: { readonly lang: string };
  shortcuts: { readonly shortcuts: ShortcutMap };
  /** The appearance settings changed (`setAppearance`). */
  appearance: { readonly appearance: Appearance };
  /** The attribute annotation mode was entered or left. */
  mode: { readonly attributeMode: boolean };
  /** The help overlay was asked for (F1); the editor opens it. */
  help: { readonly requested: true };
}

/** Event names of the controller. */
export type EditorEventName = keyof EditorEvents;

/** Options of `new EditorController()`. */
export interface EditorControllerOptions {
  /** The document (live, or data to create one from). Defaults to none. */
  readonly document?: AnnotationDocument | DocumentData | DocumentInit | null;
  /** Controlled mode. Defaults to none (every transaction is applied). */
  readonly transactionFilter?: TransactionFilter | null;
  /** Shortcut overrides merged into `DEFAULT_SHORTCUTS`. Defaults to none. */
  readonly shortcuts?: Partial<ShortcutMap>;
  /** Language tag of the UI strings. Defaults to `'en'`. */
  readonly lang?: string;
  /** Frames moved by step forward/back. Defaults to 10 (CVAT's `frameStep`). */
  readonly frameStep?: number;
  /** Maximum undo steps. Defaults to 100. */
  readonly historyDepth?: number;
}
