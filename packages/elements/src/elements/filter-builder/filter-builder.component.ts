import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ShapeType, Source, attributeId, labelId } from '@annotkit/core';
import type {
  AnnotationDocument,
  AttributeOp,
  AttributeSpec,
  Label,
  LabelId,
} from '@annotkit/core';
import { annotEvent } from '../../events.js';
import type { MessageId } from '../../i18n/messages.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { filterBuilderStyles } from './filter-builder.styles.js';
import { isEmptyFilter } from './filter.js';
import type { FilterField, FilterGroup, FilterRule, NumberOp, ObjectFilter } from './filter.js';

/** Detail of `annot-filter-change`. */
export interface AnnotFilterChangeDetail {
  /** The filter now in force, or null when it was cleared. */
  readonly filter: ObjectFilter | null;
}

/** A position in the filter tree: indices of nested rules from the root group. */
type Path = readonly number[];
type Node = FilterRule | FilterGroup;
type Translate = (id: MessageId, params?: { readonly [name: string]: string | number }) => string;

const FIELDS: readonly FilterField[] = [
  'label',
  'shapeType',
  'objectType',
  'attribute',
  'occluded',
  'source',
  'id',
  'width',
  'height',
  'score',
];
const SHAPE_TYPES: readonly (ShapeType | 'tag')[] = [...Object.values(ShapeType), 'tag'];
const OBJECT_TYPES = ['shape', 'track', 'tag'] as const;
const SOURCES: readonly Source[] = Object.values(Source);
const NUMBER_OPS: readonly NumberOp[] = ['==', '!=', '<', '>', '<=', '>='];
/** Recent filters kept per element (CVAT keeps the last few in the session). */
const RECENT_LIMIT = 5;

const emptyGroup = (combinator: 'and' | 'or' = 'and'): FilterGroup => ({
  kind: 'group',
  combinator,
  rules: [],
});

/** Attribute specs of a document with their label, in label order. */
function attributeSpecs(doc: AnnotationDocument | null): { label: Label; spec: AttributeSpec }[] {
  if (!doc) return [];
  return doc.labels().flatMap((label) => label.attributes.map((spec) => ({ label, spec })));
}

/** Operators that fit an attribute's input type. */
function attributeOps(spec: AttributeSpec | undefined): readonly AttributeOp[] {
  switch (spec?.inputType) {
    case 'number':
      return NUMBER_OPS;
    case 'text':
      return ['==', '!=', 'contains'];
    case 'checkbox':
      return ['=='];
    default:
      return ['==', '!='];
  }
}

/** A new rule of `field` with a sensible first value for this document. */
export function defaultRule(field: FilterField, doc: AnnotationDocument | null): FilterRule {
  const firstLabel = doc?.labels()[0]?.id ?? labelId(0);
  switch (field) {
    case 'label':
      return { kind: 'rule', field, op: 'is', value: firstLabel };
    case 'shapeType':
      return { kind: 'rule', field, op: 'is', value: 'rectangle' };
    case 'objectType':
      return { kind: 'rule', field, op: 'is', value: 'shape' };
    case 'occluded':
      return { kind: 'rule', field, value: true };
    case 'source':
      return { kind: 'rule', field, op: 'is', value: 'manual' };
    case 'id':
      return { kind: 'rule', field, op: '==', value: 1 };
    case 'width':
    case 'height':
      return { kind: 'rule', field, op: '<', value: 10 };
    case 'score':
      return { kind: 'rule', field, op: '<', value: 0.5 };
    case 'attribute': {
      const first = attributeSpecs(doc)[0];
      return {
        kind: 'rule',
        field,
        label: first?.label.id ?? firstLabel,
        attribute: first?.spec.id ?? attributeId(0),
        op: '==',
        value: first ? attributeDefaultValue(first.spec) : '',
      };
    }
  }
}

function attributeDefaultValue(spec: AttributeSpec): string {
  if (spec.inputType === 'checkbox') return 'true';
  if (spec.inputType === 'select' || spec.inputType === 'radio') return spec.values[0] ?? '';
  return spec.default;
}

/** The tree with the node at `path` replaced by `fn(node)` (null removes it). */
function updateAt(group: FilterGroup, path: Path, fn: (node: Node) => Node | null): FilterGroup {
  const [head, ...rest] = path;
  if (head === undefined) return fn(group) as FilterGroup;
  const rules: Node[] = [];
  group.rules.forEach((r, i) => {
    if (i !== head) rules.push(r);
    else {
      const next = rest.length === 0 ? fn(r) : r.kind === 'group' ? updateAt(r, rest, fn) : r;
      if (next) rules.push(next);
    }
  });
  return { ...group, rules };
}

/**
 * A one-line, human-readable form of a filter (`label is car AND (id > 3 OR occluded is yes)`),
 * in the controller's language. Label and attribute names come from `doc`.
 */
export function describeFilter(
  filter: FilterGroup,
  doc: AnnotationDocument | null,
  t: Translate,
): string {
  const labelName = (id: LabelId): string => doc?.label(id)?.name ?? `#${id}`;
  const setOp = (op: 'is' | 'isNot'): string => t(op === 'is' ? 'filter.op.is' : 'filter.op.isNot');
  const rule = (r: FilterRule): string => {
    const field = t(`filter.field.${r.field}`);
    switch (r.field) {
      case 'label':
        return `${field} ${setOp(r.op)} ${labelName(r.value)}`;
      case 'shapeType':
        return `${field} ${setOp(r.op)} ${t(`shapeType.${r.value}`)}`;
      case 'objectType':
        return `${field} ${setOp(r.op)} ${t(`objectType.${r.value}`)}`;
      case 'source':
        return `${field} ${setOp(r.op)} ${t(`source.${r.value}`)}`;
      case 'occluded':
        return `${field} ${t('filter.op.is')} ${t(r.value ? 'filter.true' : 'filter.false')}`;
      case 'id':
      case 'width':
      case 'height':
      case 'score':
        return `${field} ${r.op} ${r.value}`;
      case 'attribute': {
        const spec = doc?.label(r.label)?.attributes.find((a) => a.id === r.attribute);
        const op = r.op === 'contains' ? t('filter.op.contains') : r.op;
        return `${labelName(r.label)}.${spec?.name ?? `#${r.attribute}`} ${op} "${r.value}"`;
      }
    }
  };
  const group = (g: FilterGroup, nested: boolean): string => {
    const parts = g.rules.map((r) => (r.kind === 'group' ? group(r, true) : rule(r)));
    const joined = parts.join(` ${t(g.combinator === 'and' ? 'filter.and' : 'filter.or')} `);
    return nested && parts.length > 1 ? `(${joined})` : joined;
  };
  return group(filter, false);
}

/**
 * A visual filter builder (CVAT's filter dialog): rules combined in AND/OR groups, nested
 * groups, and per rule a field (label, shape type, object type, attribute, occluded, source,
 * id), an operator and a value whose editor follows the field (an attribute's value list,
 * number comparison, true/false or text). "Apply" sets `controller.filter` (the object list and
 * the canvas then show only matching objects, and frame search uses it); "Clear" removes it.
 * Applied filters are kept as recent filters for this session.
 *
 * @fires annot-filter-change - A filter was applied or cleared; detail `{ filter }`.
 * @csspart group - A group of rules (the root group too).
 * @csspart rule - One rule.
 * @csspart button - Every button.
 * @csspart summary - The text form of the filter in force.
 * @csspart recent - The recent filters select.
 * @cssproperty --annot-filter-group-bg - Background of a group. Defaults to transparent.
 */
export class AnnotFilterBuilder extends EditorElement {
  static override styles = [sharedStyles, filterBuilderStyles];

  /** The filter being edited (applied with `apply()`). Defaults to the controller's filter. */
  @property({ attribute: false }) draft: ObjectFilter = emptyGroup();

  @state() private recentFilters: readonly ObjectFilter[] = [];
  private seenFilter: ObjectFilter | null = null;

  constructor() {
    super({
      events: ['document', 'filter', 'locale'],
      onEvent: (event) => {
        if (event === 'filter' || event === 'document') this.followController();
      },
      onBind: () => this.followController(),
    });
  }

  /** Filters applied in this session, newest first (at most 5, no duplicates). */
  get recent(): readonly ObjectFilter[] {
    return this.recentFilters;
  }

  /** Edits follow the controller when its filter changes elsewhere (shortcut, host code). */
  private followController(): void {
    const filter = this.controller?.filter ?? null;
    if (filter === this.seenFilter) return;
    this.seenFilter = filter;
    this.draft = filter ?? emptyGroup();
  }

  /** Applies the draft (an empty draft clears the filter). */
  apply(): void {
    const c = this.controller;
    if (!c) return;
    const filter = isEmptyFilter(this.draft) ? null : this.draft;
    this.seenFilter = filter;
    c.setFilter(filter);
    if (filter) {
      const key = JSON.stringify(filter);
      this.recentFilters = [
        filter,
        ...this.recentFilters.filter((f) => JSON.stringify(f) !== key),
      ].slice(0, RECENT_LIMIT);
    }
    this.dispatchEvent(annotEvent<AnnotFilterChangeDetail>('annot-filter-change', { filter }));
  }

  /** Clears the draft and the controller's filter. */
  clear(): void {
    this.draft = emptyGroup();
    this.apply();
  }

  private edit(path: Path, fn: (node: Node) => Node | null): void {
    this.draft = updateAt(this.draft, path, fn);
  }

  private renderValue(rule: FilterRule, path: Path, doc: AnnotationDocument | null): unknown {
    const label = this.t('filter.value');
    const set = (value: unknown): void =>
      this.edit(path, (r) => ({ ...(r as FilterRule), value }) as FilterRule);
    const options = (
      values: readonly string[],
      current: string,
      text: (v: string) => string,
      onPick: (v: string) => void,
    ): TemplateResult =>
      html`<select
        data-role="value"
        aria-label=${label}
        @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}
      >
        ${values.map((v) => html`<option value=${v} ?selected=${v === current}>${text(v)}</option>`)}
      </select>`;
    switch (rule.field) {
      case 'label':
        return options(
          (doc?.labels() ?? []).map((l) => String(l.id)),
          String(rule.value),
          (v) => doc?.label(labelId(Number(v)))?.name ?? v,
          (v) => set(labelId(Number(v))),
        );
      case 'shapeType':
        return options(SHAPE_TYPES, rule.value, (v) => this.t(`shapeType.${v}` as MessageId), set);
      case 'objectType':
        return options(
          OBJECT_TYPES,
          rule.value,
          (v) => this.t(`objectType.${v}` as MessageId),
          set,
        );
      case 'source':
        return options(SOURCES, rule.value, (v) => this.t(`source.${v}` as MessageId), set);
      case 'occluded':
        return options(
          ['true', 'false'],
          String(rule.value),
          (v) => this.t(v === 'true' ? 'filter.true' : 'filter.false'),
          (v) => set(v === 'true'),
        );
      case 'id':
      case 'width':
      case 'height':
      case 'score':
        // Ids are whole numbers, scores lie in [0, 1], sizes are any non-negative px.
        return html`<input
          data-role="value"
          type="number"
          min="0"
          max=${rule.field === 'score' ? '1' : nothing}
          step=${rule.field === 'id' ? '1' : rule.field === 'score' ? '0.05' : 'any'}
          aria-label=${label}
          .value=${String(rule.value)}
          @change=${(e: Event) => {
            const n = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(n)) set(n);
          }}
        />`;
      case 'attribute': {
        const spec = doc?.label(rule.label)?.attributes.find((a) => a.id === rule.attribute);
        if (spec && (spec.inputType === 'select' || spec.inputType === 'radio')) {
          return options(spec.values, rule.value, (v) => v, set);
        }
        if (spec?.inputType === 'checkbox') {
          return options(
            ['true', 'false'],
            rule.value,
            (v) => this.t(v === 'true' ? 'filter.true' : 'filter.false'),
            set,
          );
        }
        return html`<input
          data-role="value"
          type=${spec?.inputType === 'number' ? 'number' : 'text'}
          aria-label=${label}
          .value=${rule.value}
          @change=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />`;
      }
    }
  }

  private renderOp(rule: FilterRule, path: Path, doc: AnnotationDocument | null): unknown {
    let ops: readonly string[];
    if (rule.field === 'occluded') ops = ['is'];
    else if (
      rule.field === 'id' ||
      rule.field === 'width' ||
      rule.field === 'height' ||
      rule.field === 'score'
    ) {
      ops = NUMBER_OPS;
    } else if (rule.field === 'attribute') {
      ops = attributeOps(doc?.label(rule.label)?.attributes.find((a) => a.id === rule.attribute));
    } else ops = ['is', 'isNot'];
    const current = rule.field === 'occluded' ? 'is' : rule.op;
    const text = (op: string): string =>
      op === 'is'
        ? this.t('filter.op.is')
        : op === 'isNot'
          ? this.t('filter.op.isNot')
          : op === 'contains'
            ? this.t('filter.op.contains')
            : op;
    return html`<select
      data-role="op"
      aria-label=${this.t('filter.op')}
      ?disabled=${ops.length < 2}
      @change=${(e: Event) => {
        const op = (e.target as HTMLSelectElement).value;
        this.edit(path, (r) => ({ ...(r as FilterRule), op }) as FilterRule);
      }}
    >
      ${ops.map((op) => html`<option value=${op} ?selected=${op === current}>${text(op)}</option>`)}
    </select>`;
  }

  private renderRule(rule: FilterRule, path: Path, doc: AnnotationDocument | null): unknown {
    const specs = attributeSpecs(doc);
    const attrKey = (l: LabelId, a: number): string => `${l}:${a}`;
    return html`<div class="rule" part="rule" role="group" data-path=${path.join('.')}>
      <select
        data-role="field"
        aria-label=${this.t('filter.field')}
        @change=${(e: Event) => {
          const field = (e.target as HTMLSelectElement).value as FilterField;
          this.edit(path, () => defaultRule(field, doc));
        }}
      >
        ${FIELDS.map(
          (f) =>
            html`<option value=${f} ?selected=${f === rule.field}>
              ${this.t(`filter.field.${f}`)}
            </option>`,
        )}
      </select>
      ${
        rule.field === 'attribute'
          ? html`<select
              data-role="attribute"
              aria-label=${this.t('filter.attribute')}
              @change=${(e: Event) => {
                const [l, a] = (e.target as HTMLSelectElement).value.split(':').map(Number);
                const hit = specs.find((s) => s.label.id === l && s.spec.id === a);
                if (!hit) return;
                this.edit(path, () => ({
                  kind: 'rule',
                  field: 'attribute',
                  label: hit.label.id,
                  attribute: hit.spec.id,
                  op: '==',
                  value: attributeDefaultValue(hit.spec),
                }));
              }}
            >
              ${specs.map(
                ({ label, spec }) =>
                  html`<option
                    value=${attrKey(label.id, spec.id)}
                    ?selected=${label.id === rule.label && spec.id === rule.attribute}
                  >
                    ${label.name}.${spec.name}
                  </option>`,
              )}
            </select>`
          : null
      }
      ${this.renderOp(rule, path, doc)} ${this.renderValue(rule, path, doc)}
      <button
        part="button"
        data-role="remove"
        aria-label=${this.t('filter.removeRule')}
        title=${this.t('filter.removeRule')}
        @click=${() => this.edit(path, () => null)}
      >
        ×
      </button>
    </div>`;
  }

  private renderGroup(group: FilterGroup, path: Path, doc: AnnotationDocument | null): unknown {
    const root = path.length === 0;
    const name = this.t('filter.combinator');
    return html`<div
      class="group"
      part="group"
      role="group"
      aria-label=${root ? this.t('filter.label') : this.t('filter.combinator')}
      data-path=${path.join('.')}
    >
      <div class="group-head">
        <label
          >${name}
          <select
            data-role="combinator"
            @change=${(e: Event) => {
              const combinator = (e.target as HTMLSelectElement).value as 'and' | 'or';
              this.edit(path, (g) => ({ ...(g as FilterGroup), combinator }));
            }}
          >
            <option value="and" ?selected=${group.combinator === 'and'}>
              ${this.t('filter.and')}
            </option>
            <option value="or" ?selected=${group.combinator === 'or'}>
              ${this.t('filter.or')}
            </option>
          </select></label
        >
        <button
          part="button"
          data-role="add-rule"
          @click=${() =>
            this.edit(path, (g) => ({
              ...(g as FilterGroup),
              rules: [...(g as FilterGroup).rules, defaultRule('label', doc)],
            }))}
        >
          ${this.t('filter.addRule')}
        </button>
        <button
          part="button"
          data-role="add-group"
          @click=${() =>
            this.edit(path, (g) => ({
              ...(g as FilterGroup),
              rules: [...(g as FilterGroup).rules, emptyGroup('or')],
            }))}
        >
          ${this.t('filter.addGroup')}
        </button>
        ${
          root
            ? null
            : html`<button
                part="button"
                data-role="remove"
                aria-label=${this.t('filter.removeGroup')}
                title=${this.t('filter.removeGroup')}
                @click=${() => this.edit(path, () => null)}
              >
                ×
              </button>`
        }
      </div>
      ${
        group.rules.length === 0
          ? html`<p class="muted">${this.t('filter.emptyGroup')}</p>`
          : group.rules.map((r, i) =>
              r.kind === 'group'
                ? this.renderGroup(r, [...path, i], doc)
                : this.renderRule(r, [...path, i], doc),
            )
      }
    </div>`;
  }

  protected override render(): unknown {
    const c = this.controller;
    const doc = c?.document ?? null;
    const active = c?.filter ?? null;
    const tr: Translate = (id, params) => this.t(id, params);
    return html`<section aria-label=${this.t('filter.open')}>
      ${this.renderGroup(this.draft, [], doc)}
      <div class="actions">
        <button part="button" data-role="apply" ?disabled=${!c} @click=${() => this.apply()}>
          ${this.t('filter.apply')}
        </button>
        <button
          part="button"
          data-role="clear"
          ?disabled=${!c || (active === null && isEmptyFilter(this.draft))}
          @click=${() => this.clear()}
        >
          ${this.t('filter.clear')}
        </button>
        <label
          >${this.t('filter.recent')}
          <select
            part="recent"
            data-role="recent"
            ?disabled=${this.recentFilters.length === 0}
            @change=${(e: Event) => {
              const select = e.target as HTMLSelectElement;
              const picked = this.recentFilters[Number(select.value)];
              select.value = '';
              if (!picked) return;
              this.draft = picked;
              this.apply();
            }}
          >
            <option value="" selected>
              ${this.recentFilters.length === 0 ? this.t('filter.recentNone') : '—'}
            </option>
            ${this.recentFilters.map(
              (f, i) => html`<option value=${i}>${describeFilter(f, doc, tr)}</option>`,
            )}
          </select></label
        >
      </div>
      <p class="summary" part="summary" aria-live="polite" data-active=${String(active !== null)}>
        ${
          active
            ? this.t('filter.active', { summary: describeFilter(active, doc, tr) })
            : this.t('filter.inactive')
        }
      </p>
    </section>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'annot-filter-change': CustomEvent<AnnotFilterChangeDetail>;
  }
}
