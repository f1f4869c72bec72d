import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ShortcutAction } from '../../controller/shortcuts.js';
import type { EditorController } from '../../controller/EditorController.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles, tableStyles } from '../shared.styles.js';
import { describeShortcut } from './describe.js';
import { helpStyles } from './help.styles.js';

/** One row of the help table. */
export interface HelpRow {
  readonly action: ShortcutAction;
  /** The combos in force (remapped ones included); empty when unbound. */
  readonly keys: readonly string[];
  /** The translated description. */
  readonly description: string;
}

/**
 * The rows of the help table: every shortcut action of the controller's map, with its keys and
 * its description in the controller's language. An action without a catalog entry (added
 * without a message) shows its id rather than disappearing from the list.
 */
export function helpRows(c: EditorController): HelpRow[] {
  return Object.values(ShortcutAction).map((action) => ({
    action,
    keys: c.shortcuts[action],
    description: describeShortcut(c, action),
  }));
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The focusable elements under `root` in Tab order of the DOM, descending into open shadow
 * roots (the shortcut settings render their buttons in their own shadow tree, and the Tab wrap
 * must see them to keep focus inside the dialog).
 */
function focusablesIn(root: Element | ShadowRoot): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of root.children) {
    if (el instanceof HTMLElement && el.matches(FOCUSABLE)) out.push(el);
    if (el.shadowRoot) out.push(...focusablesIn(el.shadowRoot));
    out.push(...focusablesIn(el));
  }
  return out;
}

/**
 * The keyboard help overlay: a modal dialog listing every shortcut action with its current
 * (remapped) keys and its translated description, plus the keys the canvas handles itself.
 * Focus moves into the dialog, Tab and Shift+Tab stay inside it, Escape or the close button
 * close it, and focus returns to the element that opened it. `<annot-editor>` opens it on F1
 * (and `?`) and from its help button. "Change shortcuts" swaps the list for
 * `<annot-shortcut-settings>` inside the same dialog (one modal, one focus trap); closing the
 * dialog returns to the list.
 *
 * @fires annot-help-toggle - The dialog opened or closed; detail `{ open }`.
 * @csspart dialog - The dialog.
 * @csspart close - The close button.
 * @csspart customise - The button that switches between the list and the shortcut settings.
 * @csspart table - The shortcut table.
 * @csspart keys - One key combo.
 * @cssproperty --annot-backdrop - Backdrop colour. Defaults to rgba(0, 0, 0, 0.4).
 */
export class AnnotHelp extends EditorElement {
  static override styles = [sharedStyles, tableStyles, helpStyles];

  /** Whether the dialog is shown. Reflects; prefer `show()`/`close()`. Defaults to false. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Whether the shortcut settings replace the read-only list. */
  @state() private customising = false;

  private opener: HTMLElement | null = null;

  constructor() {
    super({ events: ['locale', 'shortcuts', 'document'] });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /**
   * Opens the dialog. `opener` gets focus back on close; defaults to the element focused now
   * (followed into shadow roots).
   */
  async show(opener?: HTMLElement | null): Promise<void> {
    this.opener = opener ?? deepActive();
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog and returns focus to its opener. */
  close(): void {
    this.open = false;
    this.customising = false;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[part="close"]')?.focus();
      this.dispatchEvent(
        new CustomEvent('annot-help-toggle', {
          detail: { open: true },
          bubbles: true,
          composed: true,
        }),
      );
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
    if (!this.open && changed.get('open') === true) {
      const opener = this.opener;
      this.opener = null;
      opener?.focus();
      this.dispatchEvent(
        new CustomEvent('annot-help-toggle', {
          detail: { open: false },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Every key typed in the dialog stays in it: the editor's shortcuts must not act behind it.
    e.stopPropagation();
    if (e.key !== 'Tab' || e.defaultPrevented) return;
    const dialog = this.dialog;
    const items = dialog ? focusablesIn(dialog) : [];
    if (items.length === 0) return;
    const active = deepActive();
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && active === first) {
      last.focus();
      e.preventDefault();
    } else if (!e.shiftKey && active === last) {
      first.focus();
      e.preventDefault();
    }
  }

  private onCancel(e: Event): void {
    // Escape: close through our own state so focus returns to the opener.
    e.preventDefault();
    this.close();
  }

  protected override render(): unknown {
    const c = this.controller;
    const rows = c ? helpRows(c) : [];
    return html`<dialog
      part="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      @keydown=${this.onKeyDown}
      @cancel=${this.onCancel}
    >
      <header>
        <h2 id="help-title">${this.t('help.title')}</h2>
        <div class="header-buttons">
          <button
            part="customise"
            data-action="customise"
            @click=${() => (this.customising = !this.customising)}
          >
            ${this.t(this.customising ? 'help.back' : 'help.customise')}
          </button>
          <button part="close" data-action="close" @click=${() => this.close()}>
            ${this.t('help.close')}
          </button>
        </div>
      </header>
      ${
        this.customising
          ? html`<div class="body">
              <annot-shortcut-settings
                exportparts="keys, status, conflict"
              ></annot-shortcut-settings>
            </div>`
          : this.renderList(rows)
      }
    </dialog>`;
  }

  private renderList(rows: readonly HelpRow[]): unknown {
    return html`<div class="body" role="region" tabindex="0" aria-labelledby="help-title">
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${this.t('help.action')}</th>
            <th scope="col">${this.t('help.keys')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-action=${r.action}>
                <td>${r.description}</td>
                <td>
                  ${
                    r.keys.length === 0
                      ? html`<span class="muted">${this.t('help.unbound')}</span>`
                      : r.keys.map((k) => html`<kbd part="keys">${k}</kbd> `)
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h3>${this.t('help.canvas')}</h3>
      <table>
        <tbody>
          <tr>
            <td>${this.t('help.canvas.cursor')}</td>
            <td><kbd>←</kbd> <kbd>↑</kbd> <kbd>→</kbd> <kbd>↓</kbd></td>
          </tr>
          <tr>
            <td>${this.t('help.canvas.place')}</td>
            <td><kbd>Space</kbd></td>
          </tr>
          <tr>
            <td>${this.t('help.canvas.finish')}</td>
            <td><kbd>Enter</kbd></td>
          </tr>
          <tr>
            <td>${this.t('help.canvas.zoom')}</td>
            <td><kbd>+</kbd> <kbd>−</kbd></td>
          </tr>
        </tbody>
      </table>
    </div>`;
  }
}

/** The focused element, followed into open shadow roots. */
function deepActive(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'annot-help-toggle': CustomEvent<{ readonly open: boolean }>;
  }
}
