/**
 * Child rows of an expanded object: one per attribute (`aria-level` 2) with a compact editor by
 * input type, one per skeleton point (level 2) with its own outside/occluded toggles, and under
 * each point one per attribute of its sublabel (level 3, indented one more step) with the same
 * editors. Every child row has the list's fixed row height.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AttributeSpec } from '@annotkit/core';
import { ICONS } from '../icons.js';
import { ROW_ICONS, toggleButton } from './row-controls.js';
import type { RowView } from './row-controls.js';
import type { ListRow } from './rows.js';

/** A line of the list that is not an object row. */
export type ChildRow = Exclude<ListRow, { kind: 'object' }>;

/**
 * A compact editor for one attribute value (radio buttons become a select: one row is one
 * line). `label` is its accessible name; `write` gets the new value as typed or picked.
 */
export function renderAttributeEditor(
  spec: AttributeSpec,
  value: string,
  label: string,
  disabled: boolean,
  write: (value: string) => void,
): TemplateResult {
  switch (spec.inputType) {
    case 'select':
    case 'radio':
      return html`<select
        data-attribute=${spec.id}
        aria-label=${label}
        .value=${value}
        ?disabled=${disabled}
        @change=${(e: Event) => write((e.target as HTMLSelectElement).value)}
      >
        ${spec.values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
      </select>`;
    case 'checkbox':
      return html`<input
        type="checkbox"
        data-attribute=${spec.id}
        aria-label=${label}
        .checked=${value === 'true'}
        ?disabled=${disabled}
        @change=${(e: Event) => write(String((e.target as HTMLInputElement).checked))}
      />`;
    case 'number': {
      const [min, max, step] = spec.values;
      return html`<input
        type="number"
        data-attribute=${spec.id}
        aria-label=${label}
        min=${min ?? ''}
        max=${max ?? ''}
        step=${step ?? 'any'}
        .value=${value}
        ?disabled=${disabled}
        @change=${(e: Event) => write((e.target as HTMLInputElement).value)}
      />`;
    }
    default:
      return html`<input
        type="text"
        data-attribute=${spec.id}
        aria-label=${label}
        .value=${value}
        ?disabled=${disabled}
        @change=${(e: Event) => write((e.target as HTMLInputElement).value)}
      />`;
  }
}

/** The name of skeleton point `index` (`head (point 1)`). */
function pointName(v: RowView, line: Extract<ChildRow, { kind: 'element' | 'element-attribute' }>) {
  return v.t('objects.element', {
    name: line.sublabel?.name ?? String(line.element.label),
    index: line.index + 1,
  });
}

/** The child row `line` at line `index`; editors and toggles are disabled for locked objects. */
export function renderChildRow(v: RowView, line: ChildRow, index: number): TemplateResult {
  const { c, t, actions: a } = v;
  const parent = line.parent;
  const id = parent.object.id;
  const locked = c.locked.has(id);
  const style = styleMap({ top: `${index * v.rowHeight}px`, height: `${v.rowHeight}px` });
  if (line.kind === 'attribute') {
    const { spec } = line;
    return html`<div
      class="row child"
      part="child-row"
      role="row"
      data-parent=${id}
      data-attribute-row=${spec.id}
      aria-rowindex=${index + 1}
      aria-level="2"
      style=${style}
    >
      <span role="gridcell" class="name">${spec.name}</span
      ><span role="gridcell" class="editor"
        >${renderAttributeEditor(
          spec,
          parent.object.attributes[spec.id] ?? spec.default,
          spec.name,
          locked,
          (value) => a.writeAttribute(parent, spec, value),
        )}</span
      >
    </div>`;
  }
  if (line.kind === 'element-attribute') {
    const { spec, index: point } = line;
    // Two points often share attribute names ("visible"): the editor's name says whose it is.
    const label = t('objects.pointAttribute', { attribute: spec.name, point: pointName(v, line) });
    return html`<div
      class="row child point-attribute"
      part="child-row"
      role="row"
      data-parent=${id}
      data-point=${point}
      data-attribute-row=${spec.id}
      aria-rowindex=${index + 1}
      aria-level="3"
      style=${style}
    >
      <span role="gridcell" class="name">${spec.name}</span
      ><span role="gridcell" class="editor"
        >${renderAttributeEditor(
          spec,
          line.element.attributes[spec.id] ?? spec.default,
          label,
          locked,
          (value) => a.writePointAttribute(parent, point, spec, value, label),
        )}</span
      >
    </div>`;
  }
  const { element, index: point, sublabel } = line;
  return html`<div
    class="row child"
    part="child-row"
    role="row"
    data-parent=${id}
    data-element=${point}
    aria-rowindex=${index + 1}
    aria-level="2"
    style=${style}
  >
    <span
      role="gridcell"
      class="swatch"
      style=${styleMap({ background: sublabel?.color ?? '#888' })}
    ></span
    ><span role="gridcell" class="name">${pointName(v, line)}</span>${toggleButton(
      'outside',
      element.outside,
      t('objects.outside'),
      ROW_ICONS.outside,
      locked,
      (e) => a.toggleElement(e, parent, point, 'outside'),
    )}${toggleButton(
      'occluded',
      element.occluded,
      t('objects.occluded'),
      ICONS.occluded,
      locked,
      (e) => a.toggleElement(e, parent, point, 'occluded'),
    )}
  </div>`;
}
