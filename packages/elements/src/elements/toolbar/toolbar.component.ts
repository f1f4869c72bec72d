import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { removeObjects } from '@annotkit/core';
import type { ShortcutAction } from '../../controller/shortcuts.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { toolbarStyles } from './toolbar.styles.js';
import { ICONS } from '../icons.js';

/**
 * Every 2D tool of the editor plus undo, redo and delete. A tool button is enabled when the
 * document has a label that the tool can draw; undo/redo/delete are enabled from the
 * commands' "can run?" answers. Arrow keys move between buttons.
 *
 * @csspart button - Every button.
 * @csspart tool-button - The tool buttons (`aria-pressed` marks the active one).
 * @cssproperty --annot-panel-bg - Toolbar background. Defaults to #f5f5f7.
 */
export class AnnotToolbar extends EditorElement {
  static override styles = [sharedStyles, toolbarStyles];

  /** Layout direction. Defaults to `'vertical'`. */
  @property({ reflect: true }) orientation: 'vertical' | 'horizontal' = 'vertical';

  private keyHint(action: ShortcutAction): string {
    const combos = this.controller?.shortcuts[action] ?? [];
    return combos.length > 0 ? ` (${combos.join(', ')})` : '';
  }

  private onKeyDown(e: KeyboardEvent): void {
    const forward = this.orientation === 'vertical' ? 'ArrowDown' : 'ArrowRight';
    const back = this.orientation === 'vertical' ? 'ArrowUp' : 'ArrowLeft';
    if (e.key !== forward && e.key !== back) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')].filter(
      (b) => !b.disabled,
    );
    const i = buttons.indexOf(this.renderRoot.querySelector('button:focus') as HTMLButtonElement);
    const next = buttons[(i + (e.key === forward ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    e.preventDefault();
  }

  protected override render(): unknown {
    const c = this.controller;
    const tools = c?.tools() ?? [];
    const canDelete =
      !!c &&
      c.can(removeObjects(c.selection.filter((id) => !c.locked.has(id)))) &&
      c.selection.length > 0;
    return html`<div
      role="toolbar"
      aria-label=${this.t('toolbar.label')}
      aria-orientation=${this.orientation}
      style="display:contents"
      @keydown=${this.onKeyDown}
    >
      ${tools.map(
        ({ spec, available }) =>
          html`<button
            part="button tool-button"
            data-tool=${spec.id}
            aria-pressed=${c?.tool === spec.id ? 'true' : 'false'}
            aria-label=${this.t(`tool.${spec.id}`)}
            title=${this.t(`tool.${spec.id}`) + (spec.draws ? this.keyHint('draw') : '')}
            ?disabled=${!available}
            @click=${() => c?.setTool(spec.id)}
          >
            ${ICONS[spec.id]}
          </button>`,
      )}
      <hr role="separator" />
      <button
        part="button"
        data-action="undo"
        aria-label=${this.t('action.undo')}
        title=${this.t('action.undo') + this.keyHint('undo')}
        ?disabled=${!c?.canUndo()}
        @click=${() => c?.undo()}
      >
        ${ICONS.undo}
      </button>
      <button
        part="button"
        data-action="redo"
        aria-label=${this.t('action.redo')}
        title=${this.t('action.redo') + this.keyHint('redo')}
        ?disabled=${!c?.canRedo()}
        @click=${() => c?.redo()}
      >
        ${ICONS.redo}
      </button>
      <button
        part="button"
        data-action="delete"
        aria-label=${this.t('action.delete')}
        title=${this.t('action.delete') + this.keyHint('delete')}
        ?disabled=${!canDelete}
        @click=${() => c?.deleteSelection()}
      >
        ${ICONS.delete}
      </button>
    </div>`;
  }
}
