import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { frameState, isAnnotkitError } from '@annotkit/core';
import type { AttributeSpec, Label, LabelId, ResolvedObject } from '@annotkit/core';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { attributePanelStyles } from './attribute-panel.styles.js';

/**
 * The label and attributes of the first selected object on the current frame, with one
 * editor per input type: select → `<select>`, radio → radio buttons, checkbox → a checkbox,
 * number → a number input (min, max, step from the spec), text → a text input (written on
 * change). Every edit is one transaction through the controller (one undo step); a value the
 * spec refuses is not written and its error is shown.
 *
 * @csspart field - One attribute's block.
 * @csspart error - The message of a refused value.
 */
export class AnnotAttributePanel extends EditorElement {
  static override styles = [sharedStyles, attributePanelStyles];

  @state() private error = '';

  constructor() {
    super({ events: ['document', 'frame', 'selection', 'locale', 'change'] });
  }

  /** The object being edited, resolved on the current frame, or undefined. */
  get object(): ResolvedObject | undefined {
    const c = this.controller;
    const doc = c?.document;
    const id = c?.selection[0];
    if (!c || !doc || id === undefined) return undefined;
    return frameState(doc, c.frame).objects.find((o) => o.id === id);
  }

  private write(object: ResolvedObject, spec: AttributeSpec, value: string): void {
    const c = this.controller;
    if (!c) return;
    try {
      c.setAttribute(object.id, spec.id, value);
      this.error = '';
    } catch (e) {
      if (!isAnnotkitError(e)) throw e;
      this.error = `${spec.name}: ${e.message}`;
      this.requestUpdate();
    }
  }

  private relabel(object: ResolvedObject, label: LabelId): void {
    this.controller?.changeLabel([object.id], label);
  }

  private renderEditor(object: ResolvedObject, spec: AttributeSpec): unknown {
    const value = object.attributes[spec.id] ?? spec.default;
    const id = `attr-${spec.id}`;
    const locked = this.controller?.locked.has(object.id) ?? false;
    switch (spec.inputType) {
      case 'select':
        return html`<div class="field" part="field">
          <label for=${id}>${spec.name}</label>
          <select
            id=${id}
            data-attribute=${spec.id}
            data-value=${value}
            ?disabled=${locked}
            @change=${(e: Event) => this.write(object, spec, (e.target as HTMLSelectElement).value)}
          >
            ${spec.values.map(
              (v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`,
            )}
          </select>
        </div>`;
      case 'radio':
        return html`<fieldset class="field" part="field" data-attribute=${spec.id}>
          <legend>${spec.name}</legend>
          ${spec.values.map(
            (v) =>
              html`<label
                ><input
                  type="radio"
                  name=${id}
                  value=${v}
                  .checked=${v === value}
                  ?disabled=${locked}
                  @change=${() => this.write(object, spec, v)}
                />${v}</label
              >`,
          )}
        </fieldset>`;
      case 'checkbox':
        return html`<div class="field" part="field">
          <label
            ><input
              type="checkbox"
              data-attribute=${spec.id}
              .checked=${value === 'true'}
              ?disabled=${locked}
              @change=${(e: Event) =>
                this.write(object, spec, String((e.target as HTMLInputElement).checked))}
            />
            ${spec.name}</label
          >
        </div>`;
      case 'number': {
        const [min, max, step] = spec.values;
        return html`<div class="field" part="field">
          <label for=${id}>${spec.name}</label>
          <input
            id=${id}
            type="number"
            data-attribute=${spec.id}
            min=${min ?? ''}
            max=${max ?? ''}
            step=${step ?? 'any'}
            .value=${value}
            ?disabled=${locked}
            @change=${(e: Event) => this.write(object, spec, (e.target as HTMLInputElement).value)}
          />
        </div>`;
      }
      default:
        return html`<div class="field" part="field">
          <label for=${id}>${spec.name}</label>
          <input
            id=${id}
            type="text"
            data-attribute=${spec.id}
            .value=${value}
            ?disabled=${locked}
            @change=${(e: Event) => this.write(object, spec, (e.target as HTMLInputElement).value)}
          />
        </div>`;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A select's value must follow the model after the user changed it (\`selected\` does not).
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>(
      'select[data-value]',
    )) {
      const want = select.dataset['value'] ?? '';
      if (select.value !== want) select.value = want;
    }
  }

  protected override render(): unknown {
    const c = this.controller;
    const object = this.object;
    const doc = c?.document;
    if (!c || !doc || !object) {
      return html`<section aria-label=${this.t('attributes.label')}>
        <p class="muted">${this.t('attributes.none')}</p>
      </section>`;
    }
    const label: Label | undefined = doc.label(object.label);
    const specs = label?.attributes ?? [];
    return html`<section aria-label=${this.t('attributes.label')}>
      <div class="field" part="field">
        <label for="object-label">${this.t('attributes.objectLabel')}</label>
        <select
          id="object-label"
          data-field="label"
          data-value=${object.label}
          ?disabled=${c.locked.has(object.id)}
          @change=${(e: Event) =>
            this.relabel(object, Number((e.target as HTMLSelectElement).value) as LabelId)}
        >
          ${doc
            .labels()
            .map(
              (l) =>
                html`<option value=${l.id} ?selected=${l.id === object.label}>${l.name}</option>`,
            )}
        </select>
      </div>
      ${specs.length === 0 ? html`<p class="muted">${this.t('attributes.noAttributes')}</p>` : null}
      ${specs.map((spec) => this.renderEditor(object, spec))}
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : null}
    </section>`;
  }
}
