import { html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { isAnnotkitError } from '@annotkit/core';
import type { AttributeInputType, Label, LabelId, LabelType, Writer } from '@annotkit/core';
import type { MessageId } from '../../i18n/messages.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import {
  INPUT_TYPES,
  LABEL_TYPES,
  PALETTE,
  buildLabel,
  errorField,
  labelDraft,
  newAttributeDraft,
  nextKey,
  withoutAttributes,
} from './draft.js';
import type { AttributeDraft, LabelDraft, PointDraft } from './draft.js';
import { labelEditorStyles } from './label-editor.styles.js';

/** Template canvas size in user units (positions are stored in [0, 1]). */
const VIEW = 100;
/** Pointer travel, in CSS px, that turns a press on a point into a drag. */
const DRAG_SLOP = 3;

interface Drag {
  readonly key: number;
  readonly pointerId: number;
  readonly x0: number;
  readonly y0: number;
  moved: boolean;
}

/**
 * The label schema editor: lists the document's labels and edits one at a time — name, colour,
 * shape-type constraint, attribute specs (select, radio, checkbox, number, text; values,
 * default, mutable) and, for skeletons, the point template (click to add a point, drag to move,
 * click two points to connect or disconnect them; a list below does the same by keyboard).
 *
 * Each save is one transaction through the controller's `dispatch`, so a controlled host sees
 * it and undo reverts it in one step. Errors of core's validation are shown next to the field
 * they concern. Deleting a label that objects use asks first and then deletes the label together
 * with those objects (one step); see CONTEXT.md.
 *
 * @csspart list - The list of labels.
 * @csspart label - One label in the list (`aria-current` marks the one being edited).
 * @csspart form - The form of the label being edited.
 * @csspart button - Every button.
 * @csspart field - Every labelled input.
 * @csspart error - A validation message (`role="alert"`).
 * @csspart template - The skeleton template canvas (SVG).
 * @cssproperty --annot-accent - Highlight of the current label and the point to connect. Defaults to #0a84ff.
 * @cssproperty --annot-error - Error text colour. Defaults to #d70015.
 * @cssproperty --annot-canvas-bg - Background of the skeleton template. Defaults to #f2f2f7.
 */
export class AnnotLabelEditor extends EditorElement {
  static override styles = [sharedStyles, labelEditorStyles];

  @state() private draft: LabelDraft | undefined;
  @state() private errors: ReadonlyMap<string, string> = new Map();
  @state() private confirmDelete: number | undefined;
  @state() private connectFrom: number | undefined;
  private drag: Drag | undefined;

  constructor() {
    super({
      events: ['document', 'locale', 'change'],
      onEvent: (event) => {
        // Another document (or an undo that removed the label) ends the edit.
        if (event === 'document') this.draft = undefined;
        const id = this.draft?.id;
        if (id !== undefined && !this.controller?.document?.label(id)) this.draft = undefined;
      },
    });
  }

  /** The id of the label being edited (undefined: none, or a new label not saved yet). */
  get editing(): LabelId | undefined {
    return this.draft?.id;
  }

  /** Starts editing the label `id` (discarding unsaved edits). */
  edit(id: LabelId): void {
    const label = this.controller?.document?.label(id);
    if (!label) return;
    this.draft = labelDraft(label);
    this.errors = new Map();
    this.confirmDelete = undefined;
    this.connectFrom = undefined;
  }

  /** Starts a new label (saved by `save()`). */
  addLabel(): void {
    const labels = this.controller?.document?.labels() ?? [];
    let n = labels.length + 1;
    const names = new Set(labels.map((l) => l.name));
    while (names.has(this.t('labelEditor.newName', { n }))) n++;
    this.draft = {
      id: undefined,
      name: this.t('labelEditor.newName', { n }),
      color: PALETTE[labels.length % PALETTE.length]!,
      type: 'any',
      attributes: [],
      points: [],
      edges: [],
    };
    this.errors = new Map();
    this.confirmDelete = undefined;
  }

  /** Runs one transaction through the controller; errors are shown, not thrown. */
  private commit(name: string, fn: (tx: Writer) => void, labelIndex: number): boolean {
    const c = this.controller;
    const doc = c?.document;
    if (!c || !doc) return false;
    try {
      const change = doc.draft(fn);
      if (!c.dispatch({ change, options: { name, origin: 'user', history: 'record' } })) {
        return false;
      }
      this.errors = new Map();
      return true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const field = isAnnotkitError(e) ? errorField(e.path, labelIndex) : 'form';
      this.errors = new Map([[field, message]]);
      return false;
    }
  }

  /**
   * Saves the draft as one transaction (creating or replacing the label; values of removed
   * attributes are removed from its objects). True when the document took it.
   */
  save(): boolean {
    const d = this.draft;
    const doc = this.controller?.document;
    if (!d || !doc) return false;
    const labels = doc.labels();
    const index = d.id === undefined ? labels.length : labels.findIndex((l) => l.id === d.id);
    let savedId: LabelId | undefined;
    const ok = this.commit(
      d.id === undefined ? 'add-label' : 'edit-label',
      (tx) => {
        const label = buildLabel(d, tx);
        savedId = label.id;
        if (d.id === undefined) {
          tx.add(label);
          return;
        }
        tx.put(label);
        const before = doc.label(d.id);
        // Attribute ids of the label and of its points (ids are unique in a document).
        const ids = (l: Label | undefined): number[] =>
          l
            ? [
                ...l.attributes.map((a) => a.id as number),
                ...(l.sublabels ?? []).flatMap((s) => s.attributes.map((a) => a.id as number)),
              ]
            : [];
        const kept = new Set(ids(label));
        const removed = new Set(ids(before).filter((id) => !kept.has(id)));
        if (removed.size === 0) return;
        for (const o of doc.objects()) {
          if (o.label !== d.id) continue;
          const next = withoutAttributes(o, removed);
          if (next !== o) tx.put(next);
        }
      },
      index,
    );
    if (ok && savedId !== undefined) this.edit(savedId);
    return ok;
  }

  /** Drops unsaved edits. */
  revert(): void {
    const id = this.draft?.id;
    if (id !== undefined) this.edit(id);
    else this.draft = undefined;
  }

  /**
   * Deletes the label being edited. When objects use it, nothing happens unless `withObjects`
   * is true (the UI asks first); then they are deleted with it, in one step. True when deleted.
   */
  deleteLabel(withObjects = false): boolean {
    const d = this.draft;
    const c = this.controller;
    const doc = c?.document;
    if (!d || !c || !doc) return false;
    if (d.id === undefined) {
      this.draft = undefined;
      return true;
    }
    const id = d.id;
    const users = doc.objects().filter((o) => o.label === id);
    if (users.length > 0 && !withObjects) {
      this.confirmDelete = users.length;
      return false;
    }
    const index = doc.labels().findIndex((l) => l.id === id);
    const ok = this.commit(
      'remove-label',
      (tx) => {
        for (const o of users) tx.remove(o);
        tx.remove({ kind: 'label', id });
      },
      index,
    );
    if (ok) {
      this.draft = undefined;
      this.confirmDelete = undefined;
      // Keep a drawing label that exists.
      const first = doc.labels()[0];
      if (c.label === id && first) c.setLabel(first.id);
    }
    return ok;
  }

  // ------------------------------------------------------------------------------------------
  // Draft edits

  private patch(p: Partial<LabelDraft>): void {
    if (this.draft) this.draft = { ...this.draft, ...p };
  }

  private patchAttribute(key: number, p: Partial<AttributeDraft>): void {
    const d = this.draft;
    if (!d) return;
    this.patch({ attributes: d.attributes.map((a) => (a.key === key ? { ...a, ...p } : a)) });
  }

  private addAttribute(): void {
    const d = this.draft;
    if (!d) return;
    const names = new Set(d.attributes.map((a) => a.name));
    let n = d.attributes.length + 1;
    while (names.has(this.t('labelEditor.newAttribute', { n }))) n++;
    this.patch({
      attributes: [...d.attributes, newAttributeDraft(this.t('labelEditor.newAttribute', { n }))],
    });
  }

  /** Adds a text attribute to skeleton point `point` (named like the label's new ones). */
  private addPointAttribute(point: number): void {
    const p = this.draft?.points.find((x) => x.key === point);
    if (!p) return;
    const names = new Set(p.attributes.map((a) => a.name));
    let n = p.attributes.length + 1;
    while (names.has(this.t('labelEditor.newAttribute', { n }))) n++;
    const attributes = [
      ...p.attributes,
      newAttributeDraft(this.t('labelEditor.newAttribute', { n })),
    ];
    this.patchPoint(point, { attributes });
  }

  private patchPoint(key: number, p: Partial<PointDraft>): void {
    const d = this.draft;
    if (!d) return;
    this.patch({ points: d.points.map((pt) => (pt.key === key ? { ...pt, ...p } : pt)) });
  }

  /** Adds a skeleton point at `[x, y]` in [0, 1]² (named 1, 2, … as CVAT does). */
  addPoint(x: number, y: number): void {
    const d = this.draft;
    if (!d) return;
    const names = new Set(d.points.map((p) => p.name));
    let n = d.points.length + 1;
    while (names.has(String(n))) n++;
    const point: PointDraft = {
      key: nextKey(),
      id: undefined,
      name: String(n),
      color: PALETTE[d.points.length % PALETTE.length]!,
      x: Math.min(1, Math.max(0, x)),
      y: Math.min(1, Math.max(0, y)),
      attributes: [],
    };
    this.patch({ points: [...d.points, point] });
  }

  private removePoint(key: number): void {
    const d = this.draft;
    if (!d) return;
    if (this.connectFrom === key) this.connectFrom = undefined;
    this.patch({
      points: d.points.filter((p) => p.key !== key),
      edges: d.edges.filter(([a, b]) => a !== key && b !== key),
    });
  }

  /** Adds the edge a–b, or removes it when it exists (either direction). */
  private toggleEdge(a: number, b: number): void {
    const d = this.draft;
    if (!d || a === b) return;
    const has = d.edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    this.patch({
      edges: has
        ? d.edges.filter(([x, y]) => !((x === a && y === b) || (x === b && y === a)))
        : [...d.edges, [a, b]],
    });
  }

  // ------------------------------------------------------------------------------------------
  // Template canvas input

  private toUnit(svgEl: SVGSVGElement, e: PointerEvent): [number, number] {
    const r = svgEl.getBoundingClientRect();
    return [(e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height];
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const svgEl = e.currentTarget as SVGSVGElement;
    const target = e.target as Element;
    const key = target.getAttribute('data-point');
    e.preventDefault();
    if (key === null) {
      const [x, y] = this.toUnit(svgEl, e);
      this.addPoint(x, y);
      return;
    }
    svgEl.setPointerCapture(e.pointerId);
    this.drag = {
      key: Number(key),
      pointerId: e.pointerId,
      x0: e.clientX,
      y0: e.clientY,
      moved: false,
    };
  }

  private onPointerMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) < DRAG_SLOP) return;
    drag.moved = true;
    const [x, y] = this.toUnit(e.currentTarget as SVGSVGElement, e);
    this.patchPoint(drag.key, { x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)) });
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    this.drag = undefined;
    if (drag.moved) return;
    // A click on a point: the first one waits, the second one connects (or disconnects).
    const from = this.connectFrom;
    if (from === undefined) this.connectFrom = drag.key;
    else {
      this.connectFrom = undefined;
      if (from !== drag.key) this.toggleEdge(from, drag.key);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private error(field: string): unknown {
    const message = this.errors.get(field);
    return message
      ? html`<span class="error" part="error" role="alert" id=${`err-${field}`}>${message}</span>`
      : nothing;
  }

  /**
   * The form of one attribute: of the label (`point` undefined) or of a skeleton point (its key
   * and index, for the error field).
   */
  private renderAttribute(
    a: AttributeDraft,
    i: number,
    point?: { readonly key: number; readonly index: number },
  ): unknown {
    const field = point ? `point:${point.index}:attr:${i}` : `attr:${i}`;
    const invalid = this.errors.has(field);
    const pointAttributes = (): readonly AttributeDraft[] =>
      this.draft?.points.find((p) => p.key === point?.key)?.attributes ?? [];
    const set = (p: Partial<AttributeDraft>): void => {
      if (!point) this.patchAttribute(a.key, p);
      else {
        const attributes = pointAttributes().map((x) => (x.key === a.key ? { ...x, ...p } : x));
        this.patchPoint(point.key, { attributes });
      }
    };
    const remove = (): void => {
      if (!point) {
        this.patch({ attributes: this.draft!.attributes.filter((x) => x.key !== a.key) });
      } else {
        const attributes = pointAttributes().filter((x) => x.key !== a.key);
        this.patchPoint(point.key, { attributes });
      }
    };
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    let specific: unknown = nothing;
    if (a.inputType === 'select' || a.inputType === 'radio') {
      specific = html`<label part="field" class="wide">
        <span>${this.t('labelEditor.values')}</span>
        <input
          class="attr-values"
          .value=${a.values}
          @input=${(e: Event) => set({ values: value(e) })}
        />
      </label>`;
    } else if (a.inputType === 'number') {
      specific = html`${(['min', 'max', 'step'] as const).map(
        (k) =>
          html`<label part="field">
            <span>${this.t(`labelEditor.${k}`)}</span>
            <input
              class=${`attr-${k}`}
              inputmode="decimal"
              .value=${a[k]}
              @input=${(e: Event) => set({ [k]: value(e) })}
            />
          </label>`,
      )}`;
    }
    const dflt =
      a.inputType === 'checkbox'
        ? html`<label part="field" class="inline">
            <input
              type="checkbox"
              class="attr-default"
              .checked=${a.default === 'true'}
              @change=${(e: Event) =>
                set({ default: (e.target as HTMLInputElement).checked ? 'true' : 'false' })}
            />
            <span>${this.t('labelEditor.default')}</span>
          </label>`
        : html`<label part="field">
            <span>${this.t('labelEditor.default')}</span>
            <input
              class="attr-default"
              .value=${a.default}
              @input=${(e: Event) => set({ default: value(e) })}
            />
          </label>`;
    return html`<fieldset
      class="attribute"
      data-key=${a.key}
      aria-invalid=${invalid ? 'true' : 'false'}
    >
      <legend class="visually-hidden">${a.name}</legend>
      <label part="field">
        <span>${this.t('labelEditor.attrName')}</span>
        <input class="attr-name" .value=${a.name} @input=${(e: Event) => set({ name: value(e) })} />
      </label>
      <label part="field">
        <span>${this.t('labelEditor.inputType')}</span>
        <select
          class="attr-type"
          @change=${(e: Event) =>
            set({ inputType: (e.target as HTMLSelectElement).value as AttributeInputType })}
        >
          ${INPUT_TYPES.map(
            (t) => html`<option value=${t} ?selected=${t === a.inputType}>${t}</option>`,
          )}
        </select>
      </label>
      ${specific} ${dflt}
      <label part="field" class="inline">
        <input
          type="checkbox"
          class="attr-mutable"
          .checked=${a.mutable}
          @change=${(e: Event) => set({ mutable: (e.target as HTMLInputElement).checked })}
        />
        <span>${this.t('labelEditor.mutable')}</span>
      </label>
      <button
        part="button"
        class="attr-remove"
        aria-label=${this.t('labelEditor.removeAttribute', { name: a.name })}
        @click=${remove}
      >
        ×
      </button>
      ${this.error(field)}
    </fieldset>`;
  }

  private renderSkeleton(d: LabelDraft): unknown {
    const byKey = new Map(d.points.map((p) => [p.key, p]));
    const name = (k: number) => byKey.get(k)?.name ?? '?';
    return html`<fieldset class="skeleton">
      <legend>${this.t('labelEditor.skeleton')}</legend>
      <p class="muted" id="skeleton-hint">${this.t('labelEditor.skeletonHint')}</p>
      <svg
        part="template"
        class="template"
        viewBox="0 0 ${VIEW} ${VIEW}"
        role="application"
        aria-label=${this.t('labelEditor.skeleton')}
        aria-describedby="skeleton-hint"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${() => {
          this.drag = undefined;
        }}
      >
        ${d.edges.map(([a, b]) => {
          const pa = byKey.get(a);
          const pb = byKey.get(b);
          return pa && pb
            ? svg`<line class="edge" x1=${pa.x * VIEW} y1=${pa.y * VIEW} x2=${pb.x * VIEW} y2=${pb.y * VIEW}></line>`
            : nothing;
        })}
        ${d.points.map(
          (p) =>
            svg`<circle class=${p.key === this.connectFrom ? 'point pending' : 'point'}
              data-point=${p.key} cx=${p.x * VIEW} cy=${p.y * VIEW} r="3"
              fill=${p.color}></circle>
            <text class="point-label" x=${p.x * VIEW + 4} y=${p.y * VIEW - 4}>${p.name}</text>`,
        )}
      </svg>
      <ol class="points">
        ${d.points.map(
          (p, i) =>
            html`<li data-key=${p.key}>
              <span class="swatch" style=${styleMap({ background: p.color })}></span>
              <input
                class="point-name"
                aria-label=${this.t('labelEditor.pointName', { n: i + 1 })}
                .value=${p.name}
                @input=${(e: Event) =>
                  this.patchPoint(p.key, { name: (e.target as HTMLInputElement).value })}
              />
              <button
                part="button"
                class="point-remove"
                aria-label=${this.t('labelEditor.removePoint', { name: p.name })}
                @click=${() => this.removePoint(p.key)}
              >
                ×
              </button>
              <details
                class="point-attributes"
                ?open=${
                  p.attributes.length > 0 ||
                  [...this.errors.keys()].some((k) => k.startsWith(`point:${i}:`))
                }
              >
                <summary>
                  ${this.t('labelEditor.pointAttributes', { n: p.attributes.length })}
                </summary>
                ${p.attributes.map((a, ai) =>
                  this.renderAttribute(a, ai, { key: p.key, index: i }),
                )}
                <button
                  part="button"
                  class="point-add-attribute"
                  aria-label=${this.t('labelEditor.addPointAttribute', { name: p.name })}
                  @click=${() => this.addPointAttribute(p.key)}
                >
                  ${this.t('labelEditor.addAttribute')}
                </button>
              </details>
            </li>`,
        )}
      </ol>
      <h4>${this.t('labelEditor.edges')}</h4>
      <ul class="edges">
        ${d.edges.map(
          ([a, b]) =>
            html`<li>
              ${name(a)} – ${name(b)}
              <button
                part="button"
                class="edge-remove"
                aria-label=${this.t('labelEditor.removeEdge', { from: name(a), to: name(b) })}
                @click=${() => this.toggleEdge(a, b)}
              >
                ×
              </button>
            </li>`,
        )}
      </ul>
      ${d.points.length >= 2 ? this.renderEdgeForm(d) : nothing} ${this.error('skeleton')}
    </fieldset>`;
  }

  /** The keyboard way to connect two points. */
  private renderEdgeForm(d: LabelDraft): unknown {
    const options = (selected: number) =>
      d.points.map(
        (p) => html`<option value=${p.key} ?selected=${p.key === selected}>${p.name}</option>`,
      );
    return html`<div class="edge-form">
      <label part="field">
        <span>${this.t('labelEditor.edgeFrom')}</span>
        <select class="edge-from">
          ${options(d.points[0]!.key)}
        </select>
      </label>
      <label part="field">
        <span>${this.t('labelEditor.edgeTo')}</span>
        <select class="edge-to">
          ${options(d.points[1]!.key)}
        </select>
      </label>
      <button
        part="button"
        class="edge-add"
        @click=${() => {
          const from = this.renderRoot.querySelector<HTMLSelectElement>('.edge-from')!;
          const to = this.renderRoot.querySelector<HTMLSelectElement>('.edge-to')!;
          this.toggleEdge(Number(from.value), Number(to.value));
        }}
      >
        ${this.t('labelEditor.addEdge')}
      </button>
    </div>`;
  }

  private renderForm(d: LabelDraft): unknown {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const invalid = (f: string) => (this.errors.has(f) ? 'true' : 'false');
    return html`<form
      part="form"
      class="form"
      aria-label=${d.name}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.save();
      }}
    >
      <label part="field">
        <span>${this.t('labelEditor.name')}</span>
        <input
          class="name"
          .value=${d.name}
          aria-invalid=${invalid('name')}
          aria-describedby="err-name"
          @input=${(e: Event) => this.patch({ name: value(e) })}
        />
        ${this.error('name')}
      </label>
      <label part="field">
        <span>${this.t('labelEditor.color')}</span>
        <input
          type="color"
          class="color"
          .value=${d.color}
          aria-invalid=${invalid('color')}
          @input=${(e: Event) => this.patch({ color: value(e) })}
        />
        ${this.error('color')}
      </label>
      <label part="field">
        <span>${this.t('labelEditor.type')}</span>
        <select
          class="type"
          aria-invalid=${invalid('type')}
          @change=${(e: Event) => this.patch({ type: value(e) as LabelType })}
        >
          ${LABEL_TYPES.map(
            (t) =>
              html`<option value=${t} ?selected=${t === d.type}>
                ${this.t(`labelEditor.type.${t}` as MessageId)}
              </option>`,
          )}
        </select>
        ${this.error('type')}
      </label>
      <fieldset class="attributes">
        <legend>${this.t('labelEditor.attributes')}</legend>
        ${d.attributes.map((a, i) => this.renderAttribute(a, i))}
        <button part="button" type="button" class="attr-add" @click=${() => this.addAttribute()}>
          ${this.t('labelEditor.addAttribute')}
        </button>
      </fieldset>
      ${d.type === 'skeleton' ? this.renderSkeleton(d) : nothing} ${this.error('form')}
      <div class="actions">
        <button part="button" type="submit" class="save">${this.t('labelEditor.save')}</button>
        <button part="button" type="button" class="revert" @click=${() => this.revert()}>
          ${this.t('labelEditor.revert')}
        </button>
        <button part="button" type="button" class="delete" @click=${() => this.deleteLabel()}>
          ${this.t('labelEditor.delete')}
        </button>
      </div>
      ${
        this.confirmDelete !== undefined
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">${this.t('labelEditor.inUse', { count: this.confirmDelete })}</p>
              <button
                part="button"
                type="button"
                class="delete-with-objects"
                @click=${() => this.deleteLabel(true)}
              >
                ${this.t('labelEditor.deleteWithObjects', { count: this.confirmDelete })}
              </button>
              <button
                part="button"
                type="button"
                class="keep"
                @click=${() => {
                  this.confirmDelete = undefined;
                }}
              >
                ${this.t('labelEditor.keep')}
              </button>
            </div>`
          : nothing
      }
    </form>`;
  }

  protected override render(): unknown {
    const doc = this.controller?.document;
    if (!doc) return html`<p class="muted">${this.t('editor.noDocument')}</p>`;
    const d = this.draft;
    return html`<div class="list-column">
        <ul part="list" class="labels" aria-label=${this.t('labelEditor.label')}>
          ${doc.labels().map(
            (l) =>
              html`<li>
                <button
                  part="button label"
                  class="label"
                  data-label=${l.id}
                  aria-current=${d?.id === l.id ? 'true' : 'false'}
                  @click=${() => this.edit(l.id)}
                >
                  <span class="swatch" style=${styleMap({ background: l.color })}></span>
                  <span class="name">${l.name}</span>
                  <span class="muted">${this.t(`labelEditor.type.${l.type}` as MessageId)}</span>
                </button>
              </li>`,
          )}
        </ul>
        <button part="button" class="add" @click=${() => this.addLabel()}>
          ${this.t('labelEditor.add')}
        </button>
      </div>
      ${d ? this.renderForm(d) : html`<p class="muted">${this.t('labelEditor.choose')}</p>`}`;
  }
}
