/**
 * The per-row "more" menu of the object list (CVAT's object item menu): what its items do and
 * how the keyboard moves through it.
 *
 * Design notes (why, not what):
 * - One menu element for the whole list, not one per row: rows are reused by position and must
 *   stay light (the 100k-row scroll benchmark), so a row only carries its "more" button.
 * - Every document edit is one core command run through the controller (one undo step, seen by
 *   the host's transaction filter); the colour is view state (`controller.setColor`).
 * - The menu lives outside the treegrid: a `role="menu"` inside a `role="treegrid"` is not an
 *   allowed child there, so it is positioned over the list instead.
 * - Two items are fields (the number of frames to propagate to, the colour picker). They sit in
 *   a `role="menuitem"` wrapper so that the menu owns only menu items, and the arrow keys move
 *   through them like through the buttons; typing digits or opening the picker works as usual.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import {
  ErrorCode,
  copyObjects,
  isAnnotkitError,
  paste,
  propagate,
  removeObjects,
  zOrder,
} from '@annotkit/core';
import type { Command, ObjectId } from '@annotkit/core';
import { terminalKeyframe } from '../../controller/actions.js';
import type { EditorController } from '../../controller/EditorController.js';
import type { MessageId } from '../../i18n/messages.js';

/** Items of the row menu (`data-item` of their element). */
export const RowMenuItem = {
  FirstKeyframe: 'first-keyframe',
  LastKeyframe: 'last-keyframe',
  Copy: 'copy',
  Propagate: 'propagate',
  PropagateFrames: 'propagate-frames',
  ToFront: 'to-front',
  ToBack: 'to-back',
  Color: 'color',
  ResetColor: 'reset-color',
  Remove: 'remove',
} as const;
/** An item of the row menu. */
export type RowMenuItem = (typeof RowMenuItem)[keyof typeof RowMenuItem];

/** How far "Make a copy" moves the copy (image px), so that it does not hide the original. */
export const COPY_OFFSET = { dx: 10, dy: 10 } as const;

/**
 * "Make a copy": the object as it is on `frame` (a track as a shape of its position there) added
 * on `frame` as a new object moved by `offset`, in ONE transaction (core `copyObjects` +
 * `paste`). CVAT's copy puts the copy under the pointer to be placed by a click; a list has no
 * pointer position, so the copy lands next to the original and the host can move it. False when
 * the object is missing or is a track that is outside on `frame`.
 */
export function duplicateObject(
  id: ObjectId,
  frame: number,
  offset: { readonly dx: number; readonly dy: number } = COPY_OFFSET,
): Command {
  return (state, dispatch) => {
    if (!state.doc.object(id)) return false;
    let clipboard;
    try {
      clipboard = copyObjects(state.doc, [id], frame);
    } catch (err) {
      // An outside track has no position to copy: "cannot run", not an error of the caller.
      if (isAnnotkitError(err, ErrorCode.Unsupported)) return false;
      throw err;
    }
    return paste(clipboard, frame, offset)(state, dispatch);
  };
}

/** Elements of the menu the arrow keys move through (menu item buttons and the two fields). */
export const MENU_FOCUS_SELECTOR = '[data-menu-focus]';

/** What a key press in the menu asks the list to do. */
export type MenuKeyResult = 'moved' | 'close' | 'propagate' | undefined;

/**
 * Handles a key press inside the menu: ArrowDown/ArrowUp move to the next/previous item
 * (wrapping), Home/End to the first/last, Escape and Tab close it (the list returns focus to the
 * row's "more" button), Enter in the frame count field propagates. Enter and Space on a button
 * item are left to the browser (they click it). Handled keys are `preventDefault()`ed.
 */
export function menuKey(e: KeyboardEvent, menu: HTMLElement): MenuKeyResult {
  const items = [...menu.querySelectorAll<HTMLElement>(MENU_FOCUS_SELECTOR)];
  const target = e.target as HTMLElement;
  const index = items.indexOf(target);
  const focus = (i: number): MenuKeyResult => {
    e.preventDefault();
    items[(i + items.length) % items.length]?.focus();
    return 'moved';
  };
  switch (e.key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index < 0 ? -1 : index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(-1);
    case 'Escape':
    case 'Tab':
      e.preventDefault();
      return 'close';
    case 'Enter':
      if (target.dataset['item'] === RowMenuItem.PropagateFrames) {
        e.preventDefault();
        return 'propagate';
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Whether each row menu item can run now (fields are always enabled and not listed). */
export type RowMenuEnabled = { readonly [K in RowMenuItem]?: boolean };

/**
 * Which items of object `id`'s menu can run now: the commands' "can run?" on the current frame
 * (propagating to the next `frames` frames); z-order and remove also need an unlocked object
 * (CVAT's lock), copy and propagate do not change the object. z-order scans the frame's objects.
 */
export function rowMenuEnabled(c: EditorController, id: ObjectId, frames: number): RowMenuEnabled {
  const frame = c.frame;
  const locked = c.locked.has(id);
  return {
    'first-keyframe': terminalKeyframe(c, id, 'first') !== undefined,
    'last-keyframe': terminalKeyframe(c, id, 'last') !== undefined,
    copy: c.can(duplicateObject(id, frame)),
    propagate: c.can(propagate(id, frame, frame + frames)),
    'to-front': !locked && c.can(zOrder([id], 'front', frame)),
    'to-back': !locked && c.can(zOrder([id], 'back', frame)),
    'reset-color': c.colors.has(id),
    remove: !locked && c.can(removeObjects([id])),
  };
}

/**
 * Runs item `item` of object `id`'s menu on the current frame (each edit is one command: one
 * undo step; `frames` is the propagate count). First/last keyframe go there and keep the track
 * selected (core's `setFrame` clears the selection; CVAT keeps it while walking keyframes); a
 * copy is selected. Returns true when the item ran and the menu should close.
 */
export function runRowMenuItem(
  c: EditorController,
  id: ObjectId,
  item: RowMenuItem,
  frames: number,
): boolean {
  const frame = c.frame;
  switch (item) {
    case 'first-keyframe':
    case 'last-keyframe': {
      const target = terminalKeyframe(c, id, item === 'first-keyframe' ? 'first' : 'last');
      if (target === undefined) return false;
      c.setFrame(target);
      c.select([id]);
      return true;
    }
    case 'copy': {
      // The new id comes from the applied change (a host filter may have rewritten it).
      let added: ObjectId[] = [];
      const off = c.on('change', (e) => {
        added = e.change.added.flatMap((r) => (r.kind === 'label' ? [] : [r.id]));
      });
      try {
        if (c.run(duplicateObject(id, frame))) c.select(added);
      } finally {
        off();
      }
      return true;
    }
    case 'propagate':
      c.run(propagate(id, frame, frame + frames));
      return true;
    case 'to-front':
    case 'to-back':
      c.run(zOrder([id], item === 'to-front' ? 'front' : 'back', frame));
      return true;
    case 'reset-color':
      c.setColor([id], undefined);
      return true;
    case 'remove':
      c.run(removeObjects([id]));
      return true;
    default:
      return false;
  }
}

/**
 * Whether focus moving to `next` (a focusout's `relatedTarget`) keeps `menu` open: focus stays
 * inside it, moves to a "more" button (which opens/closes the menu on its own click), or the
 * window lost focus (e.g. the native colour picker opened).
 */
export function menuKeepsFocus(menu: HTMLElement, next: EventTarget | null): boolean {
  if (next instanceof Node && menu.contains(next)) return true;
  if (next instanceof HTMLElement && next.dataset['action'] === 'more') return true;
  return next === null && !document.hasFocus();
}

/**
 * The menu's top (px from the host's top): under its row, above it when there is no room below
 * in the host, following the scroll (a row scrolled out of view pins the menu to the edge).
 */
export function menuTop(g: {
  readonly index: number;
  readonly rowHeight: number;
  readonly scrollTop: number;
  /** The viewport's `clientHeight` and `offsetTop`. */
  readonly viewportHeight: number;
  readonly viewportTop: number;
  readonly menuHeight: number;
  readonly hostHeight: number;
}): number {
  const inView = Math.min(
    Math.max(g.index * g.rowHeight - g.scrollTop, -g.rowHeight),
    g.viewportHeight,
  );
  const rowTop = g.viewportTop + inView;
  const below = rowTop + g.rowHeight;
  return below + g.menuHeight > g.hostHeight && rowTop - g.menuHeight >= 0
    ? rowTop - g.menuHeight
    : below;
}

/** What `renderRowMenu` shows and whom it tells. */
export interface RowMenuView {
  /** UI strings in the list's language. */
  readonly t: (id: MessageId, params?: { readonly [name: string]: string | number }) => string;
  /** The object's row name (`car #3`), for the menu's label. */
  readonly name: string;
  /** Tracks get the first/last keyframe items. */
  readonly track: boolean;
  readonly enabled: RowMenuEnabled;
  /** Frames "Propagate" copies to. */
  readonly frames: number;
  /** The colour the picker starts from (`#rrggbb`). */
  readonly color: string;
  readonly onItem: (item: RowMenuItem) => void;
  /** A valid frame count was typed (a positive integer). */
  readonly onFrames: (frames: number) => void;
  /** A colour was picked. */
  readonly onColor: (color: string) => void;
  readonly onKeyDown: (e: KeyboardEvent) => void;
  readonly onFocusOut: (e: FocusEvent) => void;
}

/**
 * The menu (`role="menu"`, parts `menu` and `menu-item`): button items with `aria-disabled`
 * (kept focusable, as menus do) and the two fields in `role="menuitem"` wrappers.
 */
export function renderRowMenu(v: RowMenuView): TemplateResult {
  const { t, enabled } = v;
  const item = (what: RowMenuItem, text: string): TemplateResult =>
    html`<button
      role="menuitem"
      part="menu-item"
      data-item=${what}
      data-menu-focus
      tabindex="-1"
      aria-disabled=${enabled[what] ? 'false' : 'true'}
      @click=${() => v.onItem(what)}
    >
      ${text}
    </button>`;
  const framesLabel = t('objects.propagateFrames');
  const colorLabel = t('objects.color');
  return html`<div
    class="menu"
    part="menu"
    role="menu"
    id="row-menu"
    aria-label=${t('objects.menu', { name: v.name })}
    @keydown=${v.onKeyDown}
    @focusout=${v.onFocusOut}
  >
    ${
      v.track
        ? html`${item('first-keyframe', t('objects.firstKeyframe'))}${item(
              'last-keyframe',
              t('objects.lastKeyframe'),
            )}
            <div role="separator"></div>`
        : nothing
    }
    ${item('copy', t('objects.copy'))}${item('propagate', t('objects.propagate'))}
    <div role="menuitem" class="field" part="menu-item" aria-label=${framesLabel}>
      <label
        ><span aria-hidden="true">${framesLabel}</span>
        <input
          type="number"
          data-item="propagate-frames"
          data-menu-focus
          tabindex="-1"
          min="1"
          step="1"
          aria-label=${framesLabel}
          .value=${String(v.frames)}
          @input=${(e: Event) => {
            const n = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(n) && n >= 1) v.onFrames(n);
          }}
      /></label>
    </div>
    <div role="separator"></div>
    ${item('to-front', t('objects.toFront'))}${item('to-back', t('objects.toBack'))}
    <div role="separator"></div>
    <div role="menuitem" class="field" part="menu-item" aria-label=${colorLabel}>
      <label
        ><span aria-hidden="true">${colorLabel}</span>
        <input
          type="color"
          data-item="color"
          data-menu-focus
          tabindex="-1"
          aria-label=${colorLabel}
          .value=${v.color}
          @change=${(e: Event) => v.onColor((e.target as HTMLInputElement).value)}
      /></label>
    </div>
    ${item('reset-color', t('objects.resetColor'))}
    <div role="separator"></div>
    ${item('remove', t('objects.remove'))}
  </div>`;
}
