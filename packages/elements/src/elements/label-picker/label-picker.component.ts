import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { LabelId } from '@annotkit/core';
import type { ShortcutAction } from '../../controller/shortcuts.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { labelPickerStyles } from './label-picker.styles.js';

/**
 * The labels of the document as a radio group. Picking a label (click, or its key 1–9 in the
 * editor) makes it the drawing label and, as in CVAT, gives it to the selected objects when
 * they can take it. Arrow keys move between labels.
 *
 * @csspart label - One label button (`aria-checked` marks the active one).
 * @csspart key - The shortcut hint of a label.
 */
export class AnnotLabelPicker extends EditorElement {
  static override styles = [sharedStyles, labelPickerStyles];

  constructor() {
    super({ events: ['document', 'label', 'locale', 'shortcuts', 'change'] });
  }

  private pick(label: LabelId): void {
    this.controller?.applyLabel(label);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')];
    const i = buttons.findIndex((b) => b.getAttribute('aria-checked') === 'true');
    const next = buttons[(i + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length];
    if (next) {
      next.click();
      next.focus();
    }
    e.preventDefault();
    e.stopPropagation();
  }

  protected override render(): unknown {
    const c = this.controller;
    const labels = c?.document?.labels() ?? [];
    if (labels.length === 0) return html`<p class="muted">${this.t('labels.none')}</p>`;
    return html`<div
      role="radiogroup"
      aria-label=${this.t('labels.label')}
      @keydown=${this.onKeyDown}
    >
      ${labels.map((label, i) => {
        const checked = c?.label === label.id;
        const key = i < 9 ? (c?.shortcuts[`label-${i + 1}` as ShortcutAction][0] ?? '') : '';
        return html`<button
          part="label"
          role="radio"
          data-label=${label.id}
          aria-checked=${checked ? 'true' : 'false'}
          tabindex=${checked || (c?.label === undefined && i === 0) ? 0 : -1}
          aria-keyshortcuts=${ifDefined(key || undefined)}
          @click=${() => this.pick(label.id)}
        >
          <span class="swatch" style=${styleMap({ background: label.color })}></span>
          <span class="name">${label.name}</span>
          ${key ? html`<kbd part="key" aria-hidden="true">${key}</kbd>` : null}
        </button>`;
      })}
    </div>`;
  }
}
