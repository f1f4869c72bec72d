/**
 * The wiring of the object list's one row menu: which object it is open for, which item gets
 * focus when it opens, "can run?" of its items (cached), running an item, closing it with focus
 * back on the row's "more" button, and placing it under its row. `row-menu.ts` holds what the
 * items do and the menu's markup; this class holds the state between renders.
 *
 * Design note: the list calls `willUpdate`/`updated` itself rather than registering this as a
 * Lit ReactiveController, because a controller's `hostUpdated` runs before the element's
 * `updated`, where the list first scrolls a newly selected row into view: the menu must be
 * placed after that scroll.
 */
import { nothing } from 'lit';
import type { AnnotationDocument, ObjectId } from '@annotkit/core';
import type { EditorController } from '../../controller/EditorController.js';
import type { Translate } from './row-controls.js';
import type { ListRow } from './rows.js';
import {
  MENU_FOCUS_SELECTOR,
  menuKey,
  menuKeepsFocus,
  menuTop,
  renderRowMenu,
  rowMenuEnabled,
  runRowMenuItem,
} from './row-menu.js';
import type { RowMenuEnabled, RowMenuItem } from './row-menu.js';

/** What the menu reads from its list (public members of `<annot-object-list>`). */
export interface RowMenuList {
  readonly controller: EditorController | undefined;
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  /** Row height in CSS px. */
  readonly rowHeight: number;
  /** The list's height (the menu flips above its row when it would overflow it). */
  readonly clientHeight: number;
  /** Frames "Propagate" copies to, as the user set it (validated here). */
  propagateFrames: number;
  readonly lines: readonly ListRow[];
  requestUpdate(): void;
}

/** What the menu needs from its list beyond its public members. */
export interface RowMenuHooks {
  /** UI strings in the list's language. */
  readonly t: Translate;
  /** The scrolling treegrid. */
  readonly viewport: () => HTMLElement | null;
}

/** The state of a list's row menu (one per list). */
export class RowMenuState {
  private openId: ObjectId | undefined;
  /** Item to focus once the menu has rendered (it was just opened). */
  private focusOnOpen: 'first' | 'last' | undefined;
  /** z-order's "can run?" scans the frame, so not on every scroll render. */
  private enabledCache:
    { key: string; doc: AnnotationDocument | null; enabled: RowMenuEnabled } | undefined;
  private lineCache: { lines: readonly ListRow[]; id: ObjectId; index: number } | undefined;

  constructor(
    private readonly host: RowMenuList,
    private readonly hooks: RowMenuHooks,
  ) {}

  /** The object whose menu is open, or undefined. */
  get id(): ObjectId | undefined {
    return this.openId;
  }

  /** Opens the menu of `id`, focusing its first or last item once rendered. */
  open(id: ObjectId, focus: 'first' | 'last'): void {
    this.openId = id;
    this.focusOnOpen = focus;
    this.host.requestUpdate();
  }

  /** Closes the menu without moving focus (a frame or document change, a click elsewhere). */
  dismiss(): void {
    if (this.openId === undefined && this.focusOnOpen === undefined) return;
    this.openId = undefined;
    this.focusOnOpen = undefined;
    this.host.requestUpdate();
  }

  /** Closes the menu; with `returnFocus` the row's "more" button (or the list) gets focus. */
  async close(returnFocus: boolean, id = this.openId): Promise<void> {
    this.dismiss();
    if (!returnFocus) return;
    // An action may have scrolled (reveal) or changed the frame: wait until the list settled.
    for (let i = 0; i < 3 && !(await this.host.updateComplete); i++);
    const button =
      id === undefined
        ? null
        : this.host.renderRoot.querySelector<HTMLElement>(
            `.row[data-id="${id}"] [data-action="more"]`,
          );
    (button ?? this.hooks.viewport())?.focus();
  }

  /** The "more" button's click: toggles the menu of `id`. */
  toggle(id: ObjectId): void {
    if (this.openId === id) void this.close(false);
    else this.open(id, 'first');
  }

  /** Frames "Propagate" copies to: `propagateFrames` as a positive integer. */
  private get frames(): number {
    const n = Math.trunc(this.host.propagateFrames);
    return Number.isFinite(n) && n >= 1 ? n : 1;
  }

  /** The line index of the object whose menu is open (-1: not listed any more). */
  private index(): number {
    const id = this.openId;
    if (id === undefined) return -1;
    const lines = this.host.lines;
    const hit = this.lineCache;
    if (hit && hit.lines === lines && hit.id === id) return hit.index;
    const index = lines.findIndex((l) => l.kind === 'object' && l.row.object.id === id);
    this.lineCache = { lines, id, index };
    return index;
  }

  /**
   * Which menu items can run now ("can run?" of their commands; z-order, remove need an unlocked
   * object). Cached per document version, frame, object and the inputs that matter.
   */
  private enabled(c: EditorController, id: ObjectId): RowMenuEnabled {
    const doc = c.document;
    const n = this.frames;
    const key = `${doc?.version ?? -1}|${c.frame}|${id}|${c.locked.has(id)}|${c.colors.has(id)}|${n}`;
    const hit = this.enabledCache;
    if (hit && hit.key === key && hit.doc === doc) return hit.enabled;
    const enabled = rowMenuEnabled(c, id, n);
    this.enabledCache = { key, doc, enabled };
    return enabled;
  }

  /** Runs a menu item on the menu's object (each edit is one command: one undo step). */
  private run(item: RowMenuItem): void {
    const c = this.host.controller;
    const id = this.openId;
    if (!c || id === undefined || !this.enabled(c, id)[item]) return;
    // A frame change (first/last keyframe) closes the menu through the `frame` event.
    if (runRowMenuItem(c, id, item, this.frames)) void this.close(true, id);
  }

  private onKey(e: KeyboardEvent): void {
    // Keys typed in the menu are the menu's: the editor's shortcuts (arrows, Delete, H, digits)
    // must not also act on the document.
    e.stopPropagation();
    const result = menuKey(e, e.currentTarget as HTMLElement);
    if (result === 'close') void this.close(true);
    else if (result === 'propagate') this.run('propagate');
  }

  /** Before a render: the menu's object left the list (removed, filtered out, outside). */
  willUpdate(): void {
    if (this.openId !== undefined && this.index() < 0) {
      this.openId = undefined;
      this.focusOnOpen = undefined;
    }
  }

  /** After a render (and after the list revealed a row): place the menu, focus an item. */
  updated(): void {
    if (this.openId === undefined) return;
    this.position();
    if (this.focusOnOpen) {
      const items = this.host.renderRoot.querySelectorAll<HTMLElement>(
        `.menu ${MENU_FOCUS_SELECTOR}`,
      );
      (this.focusOnOpen === 'first' ? items[0] : items[items.length - 1])?.focus();
      this.focusOnOpen = undefined;
    }
  }

  /** Places the menu under its row (above when there is no room below), following the scroll. */
  private position(): void {
    const menu = this.host.renderRoot.querySelector<HTMLElement>('.menu');
    const viewport = this.hooks.viewport();
    const index = this.index();
    if (!menu || !viewport || index < 0) return;
    const top = menuTop({
      index,
      rowHeight: this.host.rowHeight,
      scrollTop: viewport.scrollTop,
      viewportHeight: viewport.clientHeight,
      viewportTop: viewport.offsetTop,
      menuHeight: menu.offsetHeight,
      hostHeight: this.host.clientHeight,
    });
    menu.style.top = `${top}px`;
  }

  /** The menu (nothing when closed). */
  render(): unknown {
    const c = this.host.controller;
    const id = this.openId;
    const line = c && id !== undefined ? this.host.lines[this.index()] : undefined;
    if (!c || id === undefined || line?.kind !== 'object') return nothing;
    const { t } = this.hooks;
    const { object, label } = line.row;
    return renderRowMenu({
      t,
      name: t('objects.row', { label: label?.name ?? String(object.label), id }),
      track: object.kind === 'track',
      enabled: this.enabled(c, id),
      frames: this.frames,
      color: c.colors.get(id) ?? label?.color ?? '#888888',
      onItem: (item) => this.run(item),
      onFrames: (n) => {
        this.host.propagateFrames = n;
      },
      onColor: (color) => {
        c.setColor([id], color);
        void this.close(true, id);
      },
      onKeyDown: (e) => this.onKey(e),
      onFocusOut: (e) => {
        // Focus leaving the menu (a click elsewhere, Tab out of a field) closes it.
        if (!menuKeepsFocus(e.currentTarget as HTMLElement, e.relatedTarget)) {
          void this.close(false);
        }
      },
    });
  }
}
