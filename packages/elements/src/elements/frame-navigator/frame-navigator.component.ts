import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { frameNavigatorStyles } from './frame-navigator.styles.js';
import { ICONS } from '../icons.js';
import type { IconName } from '../icons.js';

/**
 * Frame navigation for image sets: first, back N, previous, a frame number input (1-based, as
 * shown to people; Enter or change jumps), next, forward N, last, and the frame's name.
 * Buttons are disabled where they would not move.
 *
 * @csspart button - Every button.
 * @csspart input - The frame number input.
 */
export class AnnotFrameNavigator extends EditorElement {
  static override styles = [sharedStyles, frameNavigatorStyles];

  /** Frames moved by the step buttons (and the editor's V/C keys). Defaults to 10. */
  @property({ type: Number }) step = 10;

  constructor() {
    super({ events: ['document', 'frame', 'locale'] });
  }

  protected override willUpdate(): void {
    const c = this.controller;
    if (c && Number.isInteger(this.step) && this.step > 0) c.frameStep = this.step;
  }

  private jump(e: Event): void {
    const c = this.controller;
    const input = e.target as HTMLInputElement;
    if (!c) return;
    const n = Number(input.value) - 1;
    if (Number.isInteger(n) && n >= 0 && n < c.frameCount) c.setFrame(n);
    else input.value = String(c.frame + 1);
  }

  protected override render(): unknown {
    const c = this.controller;
    const count = c?.frameCount ?? 0;
    const frame = c?.frame ?? 0;
    const atStart = frame <= 0;
    const atEnd = frame >= count - 1;
    const name = c?.document?.media.frames[frame]?.name ?? '';
    const button = (action: IconName, label: string, disabled: boolean, go: () => void): unknown =>
      html`<button
        part="button"
        data-action=${action}
        aria-label=${label}
        title=${label}
        ?disabled=${disabled || !c}
        @click=${go}
      >
        ${ICONS[action]}
      </button>`;
    return html`<nav aria-label=${this.t('frames.label')} style="display:contents">
      ${button('first', this.t('frames.first'), atStart, () => c?.setFrame(0))}
      ${button('back', this.t('frames.back', { step: this.step }), atStart, () =>
        c?.moveFrame(-this.step),
      )}
      ${button('prev', this.t('frames.prev'), atStart, () => c?.moveFrame(-1))}
      <input
        part="input"
        type="number"
        min="1"
        max=${Math.max(count, 1)}
        .value=${String(frame + 1)}
        aria-label=${this.t('frames.jump')}
        ?disabled=${count === 0}
        @change=${this.jump}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.jump(e)}
      />
      ${button('next', this.t('frames.next'), atEnd, () => c?.moveFrame(1))}
      ${button('forward', this.t('frames.forward', { step: this.step }), atEnd, () =>
        c?.moveFrame(this.step),
      )}
      ${button('last', this.t('frames.last'), atEnd, () => c?.setFrame(count - 1))}
      <span class="position" aria-live="polite"
        >${count > 0 ? this.t('frames.position', { frame: frame + 1, count }) : ''}</span
      >
      <span class="name muted">${name}</span>
    </nav>`;
  }
}
