/**
 * The editor controller: one per editor instance, no module-global state.
 *
 * Design notes (why, not what):
 * - It owns the editor state that is not document state (frame, selection, active tool and
 *   label, hidden/locked ids, shortcuts, language) and the undo history. Elements read it and
 *   call its methods; they never touch the document themselves.
 * - Every edit goes through `dispatch`: the host's `transactionFilter` may approve, rewrite or
 *   reject each transaction (controlled mode, as ProseMirror's `dispatchTransaction`). Canvas
 *   tools dispatch into the same function, so the filter sees pointer gestures too.
 * - Live and settled events are separate: `change` fires for every change the document applies
 *   (also remote ones), `commit` once a command, gesture, undo or redo has finished.
 * - `detach()`/`attach()` let an element that leaves the DOM drop its document listener (the
 *   host may keep the document) and come back with its undo stack intact (serialised history).
 * - It is a facade over small parts: `DocumentSession` (document, history, the filtered edit
 *   path) and `ViewState` (hidden, locked, pinned, colours); the rest is its own.
 */
import {
  AnnotkitError,
  ErrorCode,
  changeLabel,
  createDocument,
  removeObjects,
  runCommand,
  setAttribute,
  setOccluded,
  setOutside,
  toggleKeyframe,
} from '@annotkit/core';
import type {
  AnnotationDocument,
  AttributeId,
  ChangeEvent,
  Command,
  CommandState,
  DocumentData,
  DocumentInit,
  History,
  LabelId,
  ObjectId,
  Transaction,
} from '@annotkit/core';
import { searchEmptyFrame, searchMatchingFrame } from '../elements/filter-builder/filter.js';
import type { ObjectFilter } from '../elements/filter-builder/filter.js';
import { formatMessage, messagesFor } from '../i18n/messages.js';
import type { MessageId, Messages } from '../i18n/messages.js';
import { performAction } from './actions.js';
import { actionFor, mergeShortcuts } from './shortcuts.js';
import type { KeyLike, ShortcutAction, ShortcutMap } from './shortcuts.js';
import { TOOLS, labelForTool, toolAvailable, toolSpec } from './tools.js';
import { DEFAULT_APPEARANCE, mergeAppearance } from '../elements/appearance/settings.js';
import type { Appearance, AppearancePatch } from '../elements/appearance/settings.js';
import { adjacentObject, translatedGeometries } from '../elements/attribute-mode/navigation.js';
import type { ToolId, ToolSpec } from './tools.js';
import { DocumentSession } from './documentSession.js';
import { ViewState } from './viewState.js';

import type {
  EditorControllerOptions,
  EditorEventName,
  EditorEvents,
  TransactionFilter,
} from './types.js';

type Listener<K extends EditorEventName> = (payload: EditorEvents[K]) => void;

const isLive = (d: unknown): d is AnnotationDocument =>
  typeof d === 'object' && d !== null && typeof (d as AnnotationDocument).transact === 'function';

const sameIds = (a: readonly ObjectId[], b: readonly ObjectId[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** One editor's state, commands and events. */
export class EditorController {
  private readonly session: DocumentSession;
  private readonly viewState = new ViewState();
  private currentFrame = 0;
  private selected: readonly ObjectId[] = [];
  private activeTool: ToolId = 'select';
  private lastDrawTool: ToolId = 'draw-rectangle';
  private activeLabel: LabelId | undefined;
  private objectFilter: ObjectFilter | null = null;
  private look: Appearance = DEFAULT_APPEARANCE;
  private aam = false;
  private keymap: ShortcutMap;
  private language: string;
  private catalog: Messages;
  private readonly listeners = new Map<EditorEventName, Set<(payload: never) => void>>();
  /** Frames moved by step forward/back (CVAT's `frameStep`). Defaults to 10. */
  frameStep: number;
  /** Maximum undo steps of histories created from now on. Defaults to 100. */
  readonly historyDepth: number;
  /** Controlled mode hook; null applies every transaction as it is. */
  transactionFilter: TransactionFilter | null;

  constructor(options: EditorControllerOptions = {}) {
    this.keymap = mergeShortcuts(options.shortcuts);
    this.language = options.lang ?? 'en';
    this.catalog = messagesFor(this.language);
    this.frameStep = options.frameStep ?? 10;
    this.historyDepth = options.historyDepth ?? 100;
    this.transactionFilter = options.transactionFilter ?? null;
    this.session = new DocumentSession(this.historyDepth, {
      approve: (tr) => (this.transactionFilter ? this.transactionFilter(tr, this) : tr),
      change: (event) => this.onChange(event),
      history: (state) => this.emit('history', state),
      commit: (kind, name) => this.emit('commit', { kind, name }),
      reject: (transaction) => this.emit('reject', { transaction }),
    });
    if (options.document) this.setDocument(options.document);
  }

  // ------------------------------------------------------------------------------------------
  // Events

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends EditorEventName>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const fn = listener as (payload: never) => void;
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }

  /** Number of live subscriptions (all events); used to prove that elements clean up. */
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private emit<K extends EditorEventName>(event: K, payload: EditorEvents[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const fn of [...set]) (fn as Listener<K>)(payload);
  }

  // ------------------------------------------------------------------------------------------
  // State

  /** The document, or null. */
  get document(): AnnotationDocument | null {
    return this.session.document;
  }
  /** The undo history of the document (null without a document or while detached). */
  get history(): History | null {
    return this.session.history;
  }
  /** The current frame index. */
  get frame(): number {
    return this.currentFrame;
  }
  /** Number of frames of the media (0 without a document). */
  get frameCount(): number {
    return this.document?.media.frames.length ?? 0;
  }
  /** Selected object ids. */
  get selection(): readonly ObjectId[] {
    return this.selected;
  }
  /** The active tool. */
  get tool(): ToolId {
    return this.activeTool;
  }
  /** The active label (for drawing and label keys), or undefined. */
  get label(): LabelId | undefined {
    return this.activeLabel;
  }
  /** Hidden objects (view state). */
  get hidden(): ReadonlySet<ObjectId> {
    return this.viewState.hidden;
  }
  /** Locked objects (view state). */
  get locked(): ReadonlySet<ObjectId> {
    return this.viewState.locked;
  }
  /** Pinned objects (view state): they cannot be moved or resized on the canvas. */
  get pinned(): ReadonlySet<ObjectId> {
    return this.viewState.pinned;
  }
  /** Per-object colours (view state, CVAT's "Change colour"): they override the label colour. */
  get colors(): ReadonlyMap<ObjectId, string> {
    return this.viewState.colors;
  }
  /** The object filter (list, canvas and frame search), or null for none. */
  get filter(): ObjectFilter | null {
    return this.objectFilter;
  }
  /** The shortcut map in force. */
  get shortcuts(): ShortcutMap {
    return this.keymap;
  }
  /** The UI language tag. */
  get lang(): string {
    return this.language;
  }
  /** The message catalog of the UI language. */
  get messages(): Messages {
    return this.catalog;
  }
  /** A UI string with its placeholders filled. */
  t(id: MessageId, params?: { readonly [name: string]: string | number }): string {
    return formatMessage(this.catalog[id], params);
  }
  /** What commands read: document, frame and selection. Throws without a document. */
  get commandState(): CommandState {
    if (!this.document) {
      throw new AnnotkitError(ErrorCode.Unsupported, 'the editor has no document', {
        path: ['document'],
      });
    }
    return { doc: this.document, frame: this.currentFrame, selection: this.selected };
  }

  // ------------------------------------------------------------------------------------------
  // Document and history

  /**
   * Replaces the document (a live one is used as is; data is validated by `createDocument`,
   * which throws `AnnotkitError` for invalid data). Resets frame, selection, view state and
   * history; keeps the active label when the new document has it.
   */
  setDocument(input: AnnotationDocument | DocumentData | DocumentInit | null): void {
    const doc = input === null ? null : isLive(input) ? input : createDocument(input);
    if (!this.session.replace(doc)) return;
    this.currentFrame = 0;
    this.selected = [];
    this.viewState.reset();
    // A filter names labels and attributes of one schema: it does not carry over.
    const hadFilter = this.objectFilter !== null;
    this.objectFilter = null;
    if (this.activeLabel !== undefined && !doc?.label(this.activeLabel)) {
      this.activeLabel = undefined;
    }
    if (this.activeLabel === undefined) this.activeLabel = doc?.labels()[0]?.id;
    const spec = toolSpec(this.activeTool)!;
    if (!toolAvailable(doc, spec)) this.activeTool = 'select';
    this.emit('document', { document: doc });
    this.emit('frame', { frame: 0 });
    this.emit('selection', { ids: [] });
    this.emit('label', { label: this.activeLabel });
    this.emit('tool', { tool: this.activeTool, label: this.toolLabel });
    this.emitView();
    if (hadFilter) this.emit('filter', { filter: null });
    this.emit('history', this.session.historyState());
  }

  /**
   * Stops listening to the document (an editor leaving the page). The undo stack is kept as
   * JSON and restored by `attach()`. Changes made meanwhile are not recorded, and steps that
   * they invalidate fail on undo with the history's error.
   */
  detach(): void {
    this.session.detach();
  }

  /** Listens to the document again after `detach()`. */
  attach(): void {
    this.session.attach();
  }

  /** Detaches and drops every subscription; the controller must not be used afterwards. */
  destroy(): void {
    this.session.destroy();
    this.listeners.clear();
  }

  private onChange(event: ChangeEvent): void {
    const removed = new Set(event.change.removed.map((r) => (r.kind === 'label' ? -1 : r.id)));
    if (removed.size > 0) {
      const kept = this.selected.filter((id) => !removed.has(id));
      if (kept.length !== this.selected.length) {
        this.selected = kept;
        this.emit('selection', { ids: kept });
      }
    }
    this.emit('change', event);
  }

  /**
   * Applies a transaction through the host's filter. Returns false when there is no document
   * or the filter rejected it (a `reject` event is emitted). Errors of `doc.apply` propagate.
   */
  dispatch(tr: Transaction): boolean {
    return this.session.dispatch(tr);
  }

  /** Answers whether `command` can run now ("can run?" without dispatching). */
  can(command: Command): boolean {
    if (!this.document) return false;
    try {
      return command(this.commandState);
    } catch {
      return false;
    }
  }

  /**
   * Runs a command through `dispatch`. True when it produced a transaction that was applied;
   * false when it could not run or the filter rejected it. Argument errors propagate.
   */
  run(command: Command): boolean {
    if (!this.document) return false;
    let applied = false;
    const ran = runCommand(command, this.commandState, (tr) => {
      applied = this.dispatch(tr);
    });
    return ran && applied;
  }

  /** True when there is a step to undo. */
  canUndo(): boolean {
    return this.session.canUndo();
  }
  /** True when there is a step to redo. */
  canRedo(): boolean {
    return this.session.canRedo();
  }
  /**
   * Undoes the latest step. In controlled mode the step is offered to the filter first as a
   * transaction named `'undo'`: approved as it is, the history undoes it (and can redo it);
   * rewritten, the rewrite is applied as a new recorded user change (the history moves on, as
   * after any edit); rejected, nothing happens and `reject` fires.
   */
  undo(): boolean {
    return this.session.walk('undo');
  }
  /** Redoes the latest undone step; passes the filter like `undo`. */
  redo(): boolean {
    return this.session.walk('redo');
  }

  /** Removes the selected objects that are not locked. */
  deleteSelection(): boolean {
    const ids = this.selected.filter((id) => !this.viewState.locked.has(id));
    return this.run(removeObjects(ids));
  }

  /** Gives objects a label (core `changeLabel`: attributes reset to the label's defaults). */
  changeLabel(ids: readonly ObjectId[], label: LabelId): boolean {
    return this.run(changeLabel(ids, label));
  }

  /** Sets an attribute of an object on the current frame (core `setAttribute`). */
  setAttribute(id: ObjectId, attribute: AttributeId, value: string): boolean {
    return this.run(setAttribute(id, attribute, value, this.currentFrame));
  }

  /** Sets `occluded` of an object on the current frame (core `setOccluded`). */
  setOccluded(id: ObjectId, value: boolean): boolean {
    return this.run(setOccluded(id, this.currentFrame, value));
  }

  /** Sets `outside` of a track from the current frame on (core `setOutside`). */
  setOutside(id: ObjectId, value: boolean): boolean {
    return this.run(setOutside(id, this.currentFrame, value));
  }

  /** Makes the current frame a keyframe of a track, or removes it (core `toggleKeyframe`). */
  toggleKeyframe(id: ObjectId): boolean {
    return this.run(toggleKeyframe(id, this.currentFrame));
  }

  // ------------------------------------------------------------------------------------------
  // Frames

  /** Shows `frame`; clears the selection. Throws `frame-range` for a frame outside the media. */
  setFrame(frame: number): void {
    const count = this.frameCount;
    if (!Number.isInteger(frame) || frame < 0 || frame >= Math.max(count, 1)) {
      throw new AnnotkitError(
        ErrorCode.FrameRange,
        `frame ${frame} is outside 0..${Math.max(count - 1, 0)}`,
        { path: ['frame'] },
      );
    }
    if (frame === this.currentFrame) return;
    this.currentFrame = frame;
    this.emit('frame', { frame });
    this.select([]);
    // The attribute mode always has an active object (CVAT's AAM moves to the frame's first).
    if (this.aam) this.selectAdjacent(1);
  }

  /**
   * Moves by `delta` frames, stopping at the first/last frame (navigation, like CVAT's step
   * buttons). False when the frame did not change.
   */
  moveFrame(delta: number): boolean {
    const last = Math.max(this.frameCount - 1, 0);
    const target = Math.min(last, Math.max(0, this.currentFrame + Math.trunc(delta)));
    if (target === this.currentFrame) return false;
    this.setFrame(target);
    return true;
  }

  /**
   * The nearest frame after (`direction = 1`) or before (`-1`) the current one that has an
   * object matching the filter (any object without a filter; `kind = 'filter'`), or that has no
   * object at all (`kind = 'empty'`); null when there is none.
   */
  searchFrame(direction: 1 | -1, kind: 'filter' | 'empty' = 'filter'): number | null {
    const doc = this.document;
    if (!doc) return null;
    return kind === 'empty'
      ? searchEmptyFrame(doc, this.currentFrame, direction)
      : searchMatchingFrame(doc, this.currentFrame, direction, this.objectFilter);
  }

  /** Goes to `searchFrame(direction, kind)`. False when there is no such frame. */
  goToSearch(direction: 1 | -1, kind: 'filter' | 'empty' = 'filter'): boolean {
    const frame = this.searchFrame(direction, kind);
    if (frame === null) return false;
    this.setFrame(frame);
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // Selection, view state

  /** Replaces the selection (unknown ids are kept out). */
  select(ids: readonly ObjectId[]): void {
    const doc = this.document;
    const next = [...new Set(ids)].filter((id) => doc?.object(id) !== undefined);
    if (sameIds(next, this.selected)) return;
    this.selected = next;
    this.emit('selection', { ids: next });
  }

  /** Hides or shows objects (view state, not in the document). */
  setHidden(ids: readonly ObjectId[], hidden: boolean): void {
    this.viewState.setHidden(ids, hidden);
    this.emitView();
  }

  /** Locks or unlocks objects (view state): locked objects ignore the pointer and Delete. */
  setLocked(ids: readonly ObjectId[], locked: boolean): void {
    this.viewState.setLocked(ids, locked);
    this.emitView();
  }

  /**
   * Pins or unpins objects (view state, CVAT's pin): a pinned object can still be selected,
   * relabelled, reshaped and edited in the panels, but not dragged or nudged as a whole.
   */
  setPinned(ids: readonly ObjectId[], pinned: boolean): void {
    this.viewState.setPinned(ids, pinned);
    this.emitView();
  }

  /**
   * Gives objects their own colour (`#rrggbb`, as `<input type="color">` yields), or back the
   * label's with undefined. View state like hidden/locked (not in the document, no undo step),
   * emits `view`. Throws `unsupported` (path `['color']`) for another colour syntax: the canvas
   * derives its translucent fill from the hex digits.
   */
  setColor(ids: readonly ObjectId[], color: string | undefined): void {
    this.viewState.setColor(ids, color);
    this.emitView();
  }

  /** Emits `view` with the current hidden, locked, pinned and colour state. */
  private emitView(): void {
    this.emit('view', this.viewState.snapshot());
  }

  /** Sets the object filter (null or an empty group clears it); emits `filter`. */
  setFilter(filter: ObjectFilter | null): void {
    const next = filter && filter.rules.length > 0 ? filter : null;
    if (next === this.objectFilter) return;
    this.objectFilter = next;
    this.emit('filter', { filter: next });
  }

  // ------------------------------------------------------------------------------------------
  // Tools and labels

  /** The catalog entries of every tool with whether it can be used with this document. */
  tools(): readonly { readonly spec: ToolSpec; readonly available: boolean }[] {
    return TOOLS.map((spec) => ({ spec, available: toolAvailable(this.document, spec) }));
  }

  /** The label the active tool draws with (undefined for non-drawing tools). */
  get toolLabel(): LabelId | undefined {
    return labelForTool(this.document, toolSpec(this.activeTool)!, this.activeLabel);
  }

  /**
   * Activates a tool. Throws `unsupported` (path `['tool']`) for an unknown id; returns false
   * when a drawing tool has no label that fits it in this document.
   */
  setTool(id: string): boolean {
    const spec = toolSpec(id);
    if (!spec) {
      throw new AnnotkitError(ErrorCode.Unsupported, `unknown tool "${id}"`, { path: ['tool'] });
    }
    if (!toolAvailable(this.document, spec)) return false;
    if (spec.draws !== undefined) this.lastDrawTool = spec.id;
    if (spec.id === this.activeTool) return true;
    this.activeTool = spec.id;
    this.emit('tool', { tool: spec.id, label: this.toolLabel });
    return true;
  }

  /** Sets the active label. Throws `unknown-label` when the document has no such label. */
  setLabel(label: LabelId): void {
    if (!this.document?.label(label)) {
      throw new AnnotkitError(ErrorCode.UnknownLabel, `label ${label} does not exist`, {
        path: ['label'],
      });
    }
    if (label === this.activeLabel) return;
    const before = this.toolLabel;
    this.activeLabel = label;
    this.emit('label', { label });
    if (this.toolLabel !== before)
      this.emit('tool', { tool: this.activeTool, label: this.toolLabel });
  }

  /**
   * CVAT's label keys: makes `label` active and gives it to the selected objects when they can
   * take it. True when the selection was relabelled.
   */
  applyLabel(label: LabelId): boolean {
    this.setLabel(label);
    const ids = this.selected.filter((id) => !this.viewState.locked.has(id));
    if (ids.length === 0 || !this.can(changeLabel(ids, label))) return false;
    return this.changeLabel(ids, label);
  }

  // ------------------------------------------------------------------------------------------
  // Language and shortcuts

  /** Sets the UI language (a BCP 47 tag; unknown languages fall back to English). */
  setLang(lang: string): void {
    if (lang === this.language) return;
    this.language = lang;
    this.catalog = messagesFor(lang);
    this.emit('locale', { lang });
  }

  /** Replaces the shortcut overrides (merged into `DEFAULT_SHORTCUTS`). */
  setShortcuts(overrides: Partial<ShortcutMap>): void {
    this.keymap = mergeShortcuts(overrides);
    this.emit('shortcuts', { shortcuts: this.keymap });
  }

  /** Runs the action bound to a key event. Returns the action, or undefined when none ran. */
  handleKey(e: KeyLike): ShortcutAction | undefined {
    const action = actionFor(this.keymap, e);
    if (action === undefined) return undefined;
    return this.perform(action) ? action : undefined;
  }

  /** Performs a shortcut action. True when it did something. */
  perform(action: ShortcutAction): boolean {
    return performAction(this, action);
  }

  // ------------------------------------------------------------------------------------------
  // Appearance, attribute mode, help, keyboard editing

  /** The appearance settings (view state, shared by the canvas and the appearance panel). */
  get appearance(): Appearance {
    return this.look;
  }

  /**
   * Merges appearance settings and emits `appearance`. Throws `AnnotkitError` (`unsupported`,
   * path `['appearance', field]`) for an invalid value; nothing changes then.
   */
  setAppearance(patch: AppearancePatch): void {
    this.look = mergeAppearance(this.look, patch);
    this.emit('appearance', { appearance: this.look });
  }

  /** True while the attribute annotation mode (one object, one attribute at a time) is on. */
  get attributeMode(): boolean {
    return this.aam;
  }

  /**
   * Enters or leaves the attribute annotation mode and emits `mode`. Entering selects the first
   * object of the frame (in object-list order) when nothing is selected, as CVAT's AAM always
   * has an active object.
   */
  setAttributeMode(on: boolean): void {
    if (on === this.aam) return;
    this.aam = on;
    // `mode` first: views remember their state (the canvas its view) before the mode's own
    // selection moves them.
    this.emit('mode', { attributeMode: on });
    if (on && this.selected.length === 0) {
      const first = adjacentObject(
        this.document,
        this.currentFrame,
        undefined,
        1,
        this.viewState.hidden,
      );
      if (first !== undefined) this.select([first]);
    }
  }

  /** Asks the editor to show its help overlay (emits `help`). False when nobody listens. */
  requestHelp(): boolean {
    const listening = (this.listeners.get('help')?.size ?? 0) > 0;
    this.emit('help', { requested: true });
    return listening;
  }

  /**
   * Selects the next (`direction = 1`) or previous (`-1`) visible object of the frame in
   * object-list order (by id), or the first/last one when nothing is selected. With `wrap` the
   * walk continues at the other end. False when there is no such object.
   */
  selectAdjacent(direction: 1 | -1, wrap = false): boolean {
    const next = adjacentObject(
      this.document,
      this.currentFrame,
      this.selected[0],
      direction,
      this.viewState.hidden,
      wrap,
    );
    if (next === undefined) return false;
    this.select([next]);
    return true;
  }

  /**
   * Moves the selected objects (not locked or pinned) by `(dx, dy)` image px on the current
   * frame as ONE transaction named `'move'` (one undo step per call).
   */
  nudgeSelection(dx: number, dy: number): boolean {
    const doc = this.document;
    if (!doc) return false;
    const ids = this.selected.filter(
      (id) => !this.viewState.locked.has(id) && !this.viewState.pinned.has(id),
    );
    const tr = translatedGeometries(doc, this.currentFrame, ids, dx, dy);
    return tr !== null && this.dispatch(tr);
  }

  /** CVAT's N: activates the last drawing tool used (rectangle at first). */
  drawAgain(): boolean {
    return this.setTool(this.lastDrawTool);
  }
}
