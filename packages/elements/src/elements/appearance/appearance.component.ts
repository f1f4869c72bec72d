import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { isAnnotkitError } from '@annotkit/core';
import type { MessageId } from '../../i18n/messages.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { appearanceStyles } from './appearance.styles.js';
import { DEFAULT_APPEARANCE, ShowText } from './settings.js';
import type { Appearance, AppearanceColorBy, AppearancePatch } from './settings.js';

const COLOR_BY: readonly AppearanceColorBy[] = ['label', 'instance', 'group'];

/**
 * CVAT's appearance settings for the canvas: colour by label/instance/group, fill and
 * selected fill opacity, outlined borders and their colour, text labels, image brightness,
 * contrast, saturation and gamma, and the grid (size, colour, opacity). Every control writes
 * `controller.setAppearance(...)`, which `<annot-canvas-2d>` applies to its canvas, so all
 * views of one editor agree; range inputs apply while dragging.
 *
 * @fires annot-appearance-change - The appearance changed through this panel; detail: the new `Appearance`.
 * @csspart field - One labelled control row.
 * @csspart group - One fieldset (objects, image, grid).
 * @csspart reset - The reset button.
 * @csspart error - The message of a refused value.
 */
export class AnnotAppearance extends EditorElement {
  static override styles = [sharedStyles, appearanceStyles];

  @state() private error = '';

  constructor() {
    super({ events: ['appearance', 'locale'] });
  }

  private set(patch: AppearancePatch): void {
    const c = this.controller;
    if (!c) return;
    try {
      c.setAppearance(patch);
      this.error = '';
      this.dispatchEvent(
        new CustomEvent<Appearance>('annot-appearance-change', {
          detail: c.appearance,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (e) {
      if (!isAnnotkitError(e)) throw e;
      this.error = e.message;
    }
  }

  private range(
    id: string,
    label: MessageId,
    value: number,
    min: number,
    max: number,
    step: number,
    write: (v: number) => AppearancePatch,
  ): unknown {
    return html`<div class="field" part="field">
      <label for=${id}>${this.t(label)}</label>
      <input
        id=${id}
        type="range"
        min=${min}
        max=${max}
        step=${step}
        .value=${String(value)}
        @input=${(e: Event) => this.set(write(Number((e.target as HTMLInputElement).value)))}
      />
      <output for=${id}>${Number(value.toFixed(2))}</output>
    </div>`;
  }

  protected override render(): unknown {
    const a = this.controller?.appearance ?? DEFAULT_APPEARANCE;
    const outline = a.outlinedBorders;
    return html`<form
      aria-label=${this.t('appearance.label')}
      @submit=${(e: Event) => e.preventDefault()}
    >
      <fieldset part="group">
        <legend>${this.t('appearance.objects')}</legend>
        <div class="field" part="field">
          <label for="color-by">${this.t('appearance.colorBy')}</label>
          <select
            id="color-by"
            @change=${(e: Event) =>
              this.set({ colorBy: (e.target as HTMLSelectElement).value as AppearanceColorBy })}
          >
            ${COLOR_BY.map(
              (v) =>
                html`<option value=${v} ?selected=${a.colorBy === v}>
                  ${this.t(`appearance.colorBy.${v}`)}
                </option>`,
            )}
          </select>
        </div>
        ${this.range('fill', 'appearance.fillOpacity', a.fillOpacity, 0, 1, 0.05, (v) => ({
          fillOpacity: v,
        }))}
        ${this.range(
          'selected-fill',
          'appearance.selectedFillOpacity',
          a.selectedFillOpacity,
          0,
          1,
          0.05,
          (v) => ({ selectedFillOpacity: v }),
        )}
        <div class="field" part="field">
          <label for="outlined">${this.t('appearance.outlined')}</label>
          <input
            id="outlined"
            type="checkbox"
            .checked=${outline !== false}
            @change=${(e: Event) =>
              this.set({
                outlinedBorders: (e.target as HTMLInputElement).checked ? '#000000' : false,
              })}
          />
          <input
            id="outline-color"
            type="color"
            aria-label=${this.t('appearance.outlineColor')}
            .value=${outline === false ? '#000000' : outline}
            ?disabled=${outline === false}
            @input=${(e: Event) =>
              this.set({ outlinedBorders: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field" part="field">
          <label for="show-text">${this.t('appearance.showText')}</label>
          <select
            id="show-text"
            @change=${(e: Event) =>
              this.set({ showText: (e.target as HTMLSelectElement).value as ShowText })}
          >
            ${Object.values(ShowText).map(
              (v) =>
                html`<option value=${v} ?selected=${a.showText === v}>
                  ${this.t(`appearance.showText.${v}`)}
                </option>`,
            )}
          </select>
        </div>
      </fieldset>
      <fieldset part="group">
        <legend>${this.t('appearance.image')}</legend>
        ${this.range('brightness', 'appearance.brightness', a.brightness, 0, 3, 0.05, (v) => ({
          brightness: v,
        }))}
        ${this.range('contrast', 'appearance.contrast', a.contrast, 0, 3, 0.05, (v) => ({
          contrast: v,
        }))}
        ${this.range('saturation', 'appearance.saturation', a.saturation, 0, 3, 0.05, (v) => ({
          saturation: v,
        }))}
        ${this.range('gamma', 'appearance.gamma', a.gamma, 0.1, 3, 0.05, (v) => ({ gamma: v }))}
      </fieldset>
      <fieldset part="group">
        <legend>${this.t('appearance.grid')}</legend>
        <div class="field" part="field">
          <label for="grid-on">${this.t('appearance.grid.enabled')}</label>
          <input
            id="grid-on"
            type="checkbox"
            .checked=${a.grid.enabled}
            @change=${(e: Event) =>
              this.set({ grid: { enabled: (e.target as HTMLInputElement).checked } })}
          />
        </div>
        <div class="field" part="field">
          <label for="grid-size">${this.t('appearance.grid.size')}</label>
          <input
            id="grid-size"
            type="number"
            min="1"
            step="1"
            .value=${String(a.grid.size)}
            @change=${(e: Event) =>
              this.set({ grid: { size: Number((e.target as HTMLInputElement).value) } })}
          />
        </div>
        <div class="field" part="field">
          <label for="grid-color">${this.t('appearance.grid.color')}</label>
          <input
            id="grid-color"
            type="color"
            .value=${a.grid.color}
            @input=${(e: Event) =>
              this.set({ grid: { color: (e.target as HTMLInputElement).value } })}
          />
        </div>
        ${this.range(
          'grid-opacity',
          'appearance.grid.opacity',
          a.grid.opacity,
          0,
          1,
          0.05,
          (v) => ({
            grid: { opacity: v },
          }),
        )}
      </fieldset>
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : null}
      <button
        type="button"
        part="reset"
        data-action="reset"
        @click=${() => this.set(DEFAULT_APPEARANCE)}
      >
        ${this.t('appearance.reset')}
      </button>
    </form>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'annot-appearance-change': CustomEvent<Appearance>;
  }
}
