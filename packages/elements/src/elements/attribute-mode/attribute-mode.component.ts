import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { frameState, isAnnotkitError } from '@annotkit/core';
import type { AttributeSpec, ResolvedObject } from '@annotkit/core';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { attributeModeStyles } from './attribute-mode.styles.js';
import { navigableObjects } from './navigation.js';

/** The digit key of value `index` (1–9, then 0 for the tenth), or '' past ten. */
export function digitOf(index: number): string {
  return index < 9 ? String(index + 1) : index === 9 ? '0' : '';
}

/** The value index of a digit key (`'1'` → 0 … `'0'` → 9), or -1 for other keys. */
export function indexOfDigit(key: string): number {
  if (!/^[0-9]$/.test(key)) return -1;
  return key === '0' ? 9 : Number(key) - 1;
}

/**
 * CVAT's attribute annotation mode: one object and one of its attributes at a time, driven
 * from the keyboard. Up/Down choose the attribute; digits 1–9 and 0 choose a value of a
 * select/radio attribute, 1 toggles a checkbox, and a number/text attribute gets its input
 * focused (Enter writes it, Escape reverts); Tab / Shift+Tab go to the next/previous object of
 * the frame in object-list order (wrapping); Escape leaves the mode. Every value change is one
 * `setAttribute` command (one undo step).
 *
 * The object is the controller's first selected one; the mode itself is
 * `controller.attributeMode` (the canvas then shows only that object, zoomed). Inside
 * `<annot-editor>` the editor forwards keys typed anywhere in it to `handleKey`.
 *
 * @csspart panel - The focusable panel that takes the keys.
 * @csspart value - One value choice (`aria-checked` marks the current one).
 * @csspart key - The digit hint of a value.
 * @csspart input - The number/text input.
 * @csspart button - The navigation and exit buttons.
 * @csspart error - The message of a refused value.
 * @cssproperty --annot-accent - Colour of the current value. Defaults to #0a84ff.
 */
export class AnnotAttributeMode extends EditorElement {
  static override styles = [sharedStyles, attributeModeStyles];

  /** Index of the shown attribute in the object's label (clamped to its attributes). */
  @state() private attributeIndex = 0;
  @state() private error = '';

  constructor() {
    super({ events: ['document', 'frame', 'selection', 'locale', 'change', 'mode', 'view'] });
  }

  /** The object shown: the first selected one, resolved on the current frame, or undefined. */
  get object(): ResolvedObject | undefined {
    const c = this.controller;
    const doc = c?.document;
    const id = c?.selection[0];
    if (!c || !doc || id === undefined) return undefined;
    return frameState(doc, c.frame).objects.find((o) => o.id === id);
  }

  /** The attribute shown, or undefined (no object, or its label has no attributes). */
  get attribute(): AttributeSpec | undefined {
    const specs = this.specs();
    return specs.length === 0 ? undefined : specs[this.clampedIndex(specs.length)];
  }

  private specs(): readonly AttributeSpec[] {
    const object = this.object;
    if (!object) return [];
    return this.controller?.document?.label(object.label)?.attributes ?? [];
  }

  private clampedIndex(count: number): number {
    return Math.min(Math.max(this.attributeIndex, 0), count - 1);
  }

  /** Moves focus to the panel (the editor does this when the mode starts). */
  focusPanel(): void {
    this.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
  }

  /**
   * Handles one key of the mode. True when it was used (the caller then prevents its default
   * and stops it); keys typed in the number/text input are left to it.
   */
  handleKey(e: KeyboardEvent): boolean {
    const c = this.controller;
    if (!c || e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'Escape') {
      c.setAttributeMode(false);
      return true;
    }
    if (e.key === 'Tab') {
      c.selectAdjacent(e.shiftKey ? -1 : 1, true);
      return true;
    }
    const specs = this.specs();
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (specs.length === 0) return true;
      const i = this.clampedIndex(specs.length) + (e.key === 'ArrowDown' ? 1 : -1);
      this.attributeIndex = (i + specs.length) % specs.length;
      this.error = '';
      return true;
    }
    const index = indexOfDigit(e.key);
    const spec = this.attribute;
    const object = this.object;
    if (index < 0 || !spec || !object || e.shiftKey) return false;
    if (spec.inputType === 'select' || spec.inputType === 'radio') {
      const value = spec.values[index];
      if (value !== undefined) this.write(object, spec, value);
      return true;
    }
    if (spec.inputType === 'checkbox') {
      if (index === 0) this.write(object, spec, String(this.currentValue(object, spec) !== 'true'));
      return true;
    }
    // Number/text: the digit starts the entry in the input instead of being lost.
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[part="input"]');
    if (input && !input.disabled) {
      input.value = spec.inputType === 'number' ? e.key : input.value + e.key;
      input.focus();
    }
    return true;
  }

  private currentValue(object: ResolvedObject, spec: AttributeSpec): string {
    return object.attributes[spec.id] ?? spec.default;
  }

  private write(object: ResolvedObject, spec: AttributeSpec, value: string): void {
    const c = this.controller;
    if (!c || c.locked.has(object.id) || this.currentValue(object, spec) === value) return;
    try {
      c.setAttribute(object.id, spec.id, value);
      this.error = '';
    } catch (err) {
      if (!isAnnotkitError(err)) throw err;
      this.error = `${spec.name}: ${err.message}`;
    }
  }

  private onPanelKey(e: KeyboardEvent): void {
    if (e.defaultPrevented) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLInputElement) return;
    if (this.handleKey(e)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  private onInputKey(e: KeyboardEvent, object: ResolvedObject, spec: AttributeSpec): void {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter') {
      this.write(object, spec, input.value);
      this.focusPanel();
    } else if (e.key === 'Escape') {
      input.value = this.currentValue(object, spec);
      this.focusPanel();
    } else return;
    // The input's own keys never reach the editor's shortcuts.
    e.preventDefault();
    e.stopPropagation();
  }

  private renderValues(object: ResolvedObject, spec: AttributeSpec): unknown {
    const value = this.currentValue(object, spec);
    const locked = this.controller?.locked.has(object.id) ?? false;
    if (spec.inputType === 'select' || spec.inputType === 'radio') {
      return html`<div role="radiogroup" aria-label=${this.t('aam.values')}>
        ${spec.values.map((v, i) => {
          const key = digitOf(i);
          return html`<button
            class="value"
            part="value"
            role="radio"
            data-value=${v}
            tabindex="-1"
            aria-checked=${v === value ? 'true' : 'false'}
            aria-keyshortcuts=${key}
            ?disabled=${locked}
            @click=${() => this.write(object, spec, v)}
          >
            ${key ? html`<kbd part="key" aria-hidden="true">${key}</kbd>` : null}
            <span class="grow">${v}</span>
          </button>`;
        })}
      </div>`;
    }
    if (spec.inputType === 'checkbox') {
      return html`<label class="value"
        ><kbd part="key" aria-hidden="true">1</kbd
        ><input
          type="checkbox"
          data-attribute=${spec.id}
          aria-keyshortcuts="1"
          .checked=${value === 'true'}
          ?disabled=${locked}
          @change=${(e: Event) =>
            this.write(object, spec, String((e.target as HTMLInputElement).checked))}
        />${spec.name}</label
      >`;
    }
    const [min, max, step] = spec.values;
    return html`<input
      part="input"
      type=${spec.inputType === 'number' ? 'number' : 'text'}
      aria-label=${spec.name}
      data-attribute=${spec.id}
      min=${spec.inputType === 'number' ? (min ?? '') : ''}
      max=${spec.inputType === 'number' ? (max ?? '') : ''}
      step=${spec.inputType === 'number' ? (step ?? 'any') : ''}
      .value=${value}
      ?disabled=${locked}
      @keydown=${(e: KeyboardEvent) => this.onInputKey(e, object, spec)}
      @change=${(e: Event) => this.write(object, spec, (e.target as HTMLInputElement).value)}
    />`;
  }

  protected override render(): unknown {
    const c = this.controller;
    const doc = c?.document;
    const object = this.object;
    const label = object ? doc?.label(object.label) : undefined;
    const specs = this.specs();
    const spec = this.attribute;
    const order = c && doc ? navigableObjects(doc, c.frame, c.hidden) : [];
    const nav = (name: string, key: string, label: string, fn: () => void): unknown =>
      html`<button
        part="button"
        data-action=${name}
        aria-label=${label}
        title=${label}
        @click=${fn}
      >
        ${key}
      </button>`;
    return html`<section
      class="panel"
      part="panel"
      tabindex="0"
      aria-label=${this.t('aam.label')}
      aria-keyshortcuts="ArrowUp ArrowDown Tab Shift+Tab Escape 1 2 3 4 5 6 7 8 9 0"
      @keydown=${this.onPanelKey}
    >
      ${
        !object || !label
          ? html`<p class="muted">${this.t('aam.none')}</p>`
          : html`<div class="row">
                ${nav('prev-object', '◀', this.t('aam.prevObject'), () =>
                  c?.selectAdjacent(-1, true),
                )}
                <span class="swatch" style=${styleMap({ background: label.color })}></span>
                <span class="grow object" data-field="object"
                  >${this.t('aam.object', { label: label.name, id: object.id })}</span
                >
                ${nav('next-object', '▶', this.t('aam.nextObject'), () =>
                  c?.selectAdjacent(1, true),
                )}
              </div>
              <div class="muted" data-field="position">
                ${this.t('aam.position', {
                  index: order.indexOf(object.id) + 1,
                  count: order.length,
                })}
              </div>
              ${
                !spec
                  ? html`<p class="muted">${this.t('aam.noAttributes')}</p>`
                  : html`<div class="row">
                        ${nav('prev-attribute', '▲', this.t('aam.prevAttribute'), () => {
                          this.handleKey(new KeyboardEvent('keydown', { key: 'ArrowUp' }));
                        })}
                        <span class="grow attribute" data-field="attribute">${spec.name}</span>
                        ${nav('next-attribute', '▼', this.t('aam.nextAttribute'), () => {
                          this.handleKey(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
                        })}
                      </div>
                      <div class="muted">
                        ${this.t('aam.attribute', {
                          index: this.clampedIndex(specs.length) + 1,
                          count: specs.length,
                        })}
                      </div>
                      ${this.renderValues(object, spec)}`
              }`
      }
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : null}
      <p class="muted hint">${this.t('aam.hint')}</p>
      <button part="button" data-action="exit" @click=${() => c?.setAttributeMode(false)}>
        ${this.t('aam.exit')}
      </button>
    </section>`;
  }
}
