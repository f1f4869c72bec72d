import { html, nothing, svg } from 'lit';
import type { PropertyValues, SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { frameState, isAnnotkitError, updateGeometry } from '@annotkit/core';
import type {
  AnnotationDocument,
  AttributeSpec,
  ObjectId,
  ResolvedObject,
  SkeletonGeometry,
} from '@annotkit/core';
import { adjacentKeyframe } from '../../controller/actions.js';
import type { ObjectFilter } from '../filter-builder/filter.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { objectListStyles } from './object-list.styles.js';
import { ICONS } from '../icons.js';
import { listRows, objectRows, rowWindow } from './rows.js';
import type { ListRow, ObjectRow, ObjectSort } from './rows.js';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${body}</svg>`;

/** Icons of the list's own toggles (the shared set has no pin, outside or keyframe icon). */
const ROW_ICONS = {
  pin: icon(svg`<path d="M9 3h6l-1 6 4 4H6l4-4zM12 13v8" />`),
  outside: icon(svg`<rect x="3" y="5" width="12" height="14" /><path d="M13 12h8M18 9l3 3-3 3" />`),
  keyframe: icon(svg`<path d="M12 3l7 9-7 9-7-9z" />`),
  prevKeyframe: icon(svg`<path d="M15 6l-6 6 6 6" /><path d="M6 6v12" />`),
  nextKeyframe: icon(svg`<path d="M9 6l6 6-6 6" /><path d="M18 6v12" />`),
  expand: icon(svg`<path d="M9 6l6 6-6 6" />`),
  collapse: icon(svg`<path d="M6 9l6 6 6-6" />`),
} as const;

type Toggle = 'hide' | 'lock' | 'occluded' | 'pin' | 'outside' | 'keyframe';

/**
 * The objects of the current frame as a virtualised tree grid (CVAT's object sidebar): rows have
 * a fixed height and only the rows in view (plus `overscan` on each side) exist in the DOM,
 * under a spacer as tall as the whole list, so it stays smooth with 100,000 objects.
 *
 * Per object row: expander, colour, label, id, source; for tracks previous/next keyframe
 * buttons and keyframe and outside toggles; occluded, pin, lock and hide toggles (buttons with
 * `aria-pressed`). Each edit is one command (one undo step). Expanding an object adds child rows
 * of the same height: one per attribute (with an editor by input type) and, for skeletons, one
 * per point with its own outside and occluded toggles. Only objects matching the controller's
 * filter are listed. Click selects (Ctrl/⌘ or Shift adds); the selected row is scrolled into view
 * when the selection changes elsewhere.
 *
 * @csspart viewport - The scrolling box (`role="treegrid"`).
 * @csspart row - One object row (`aria-selected` marks selected ones).
 * @csspart child-row - An attribute or skeleton point row of an expanded object.
 * @csspart toggle - Every toggle and keyframe button of a row.
 * @csspart sort - The sort select.
 * @csspart error - The message of a refused attribute value.
 * @cssproperty --annot-row-border - Row separator colour.
 * @cssproperty --annot-child-indent - Indent of child rows. Defaults to 22px.
 */
export class AnnotObjectList extends EditorElement {
  static override styles = [sharedStyles, objectListStyles];

  /** Row order: `'id'`, `'label'` (name, then id) or `'zOrder'` (then id). Defaults to `'id'`. */
  @property({ reflect: true }) sort: ObjectSort = 'id';
  /** Row height in CSS px (fixed: the windowing relies on it). Defaults to 28. */
  @property({ type: Number, attribute: 'row-height' }) rowHeight = 28;
  /** Rows rendered beyond each edge of the viewport. Defaults to 6. */
  @property({ type: Number }) overscan = 6;

  @state() private listScrollTop = 0;
  @state() private viewportHeight = 0;
  @state() private expandedIds: ReadonlySet<ObjectId> = new Set();
  @state() private error = '';
  private cache:
    | {
        doc: AnnotationDocument | null;
        version: number;
        frame: number;
        sort: ObjectSort;
        filter: ObjectFilter | null;
        rows: ObjectRow[];
        total: number;
      }
    | undefined;
  private lineCache:
    { rows: readonly ObjectRow[]; expanded: ReadonlySet<ObjectId>; lines: ListRow[] } | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private revealPending = false;

  constructor() {
    super({
      events: ['document', 'frame', 'selection', 'view', 'locale', 'change', 'filter'],
      onEvent: (event) => {
        if (event === 'selection') this.revealPending = true;
      },
    });
  }

  /** The object rows in list order (filtered; cached per document version, frame and filter). */
  get rows(): readonly ObjectRow[] {
    const c = this.controller;
    const doc = c?.document ?? null;
    const frame = c?.frame ?? 0;
    const filter = c?.filter ?? null;
    const version = doc?.version ?? -1;
    const hit = this.cache;
    if (
      hit &&
      hit.doc === doc &&
      hit.version === version &&
      hit.frame === frame &&
      hit.sort === this.sort &&
      hit.filter === filter
    ) {
      return hit.rows;
    }
    const rows = objectRows(doc, frame, this.sort, filter);
    const total =
      filter && doc && frame < doc.media.frames.length
        ? frameState(doc, frame).objects.length
        : rows.length;
    this.cache = { doc, version, frame, sort: this.sort, filter, rows, total };
    return rows;
  }

  /** Every line of the list: object rows plus the child rows of expanded objects. */
  get lines(): readonly ListRow[] {
    const rows = this.rows;
    const hit = this.lineCache;
    if (hit && hit.rows === rows && hit.expanded === this.expandedIds) return hit.lines;
    const lines = listRows(rows, this.expandedIds);
    this.lineCache = { rows, expanded: this.expandedIds, lines };
    return lines;
  }

  /** Objects whose details (attributes, skeleton points) are shown. */
  get expanded(): ReadonlySet<ObjectId> {
    return this.expandedIds;
  }

  /** Shows or hides the details of an object. */
  setExpanded(id: ObjectId, expanded: boolean): void {
    const next = new Set(this.expandedIds);
    if (expanded) next.add(id);
    else next.delete(id);
    this.expandedIds = next;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  private get viewport(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const viewport = this.viewport;
    if (viewport && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => {
        this.viewportHeight = viewport.clientHeight;
      });
      this.resizeObserver.observe(viewport);
      this.viewportHeight = viewport.clientHeight;
    }
    if (this.revealPending) {
      this.revealPending = false;
      this.reveal();
    }
  }

  /** Scrolls so that the first selected object's row is in view. */
  private reveal(): void {
    const c = this.controller;
    const viewport = this.viewport;
    const id = c?.selection[0];
    if (!viewport || id === undefined) return;
    const index = this.lines.findIndex((r) => r.kind === 'object' && r.row.object.id === id);
    if (index < 0) return;
    const top = index * this.rowHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + this.rowHeight > viewport.scrollTop + viewport.clientHeight) {
      viewport.scrollTop = top + this.rowHeight - viewport.clientHeight;
    }
    // Render the new window now rather than on the (asynchronous) scroll event.
    this.listScrollTop = viewport.scrollTop;
  }

  private onScroll(e: Event): void {
    this.listScrollTop = (e.target as HTMLElement).scrollTop;
  }

  private onRowClick(e: MouseEvent, id: ObjectId): void {
    const c = this.controller;
    if (!c) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey) {
      const has = c.selection.includes(id);
      c.select(has ? c.selection.filter((s) => s !== id) : [...c.selection, id]);
    } else c.select([id]);
  }

  /**
   * The object as it is now (a click may come before the list re-rendered after the previous
   * edit, so the row's copy can be stale).
   */
  private current(id: ObjectId): ResolvedObject | undefined {
    const c = this.controller;
    const doc = c?.document;
    if (!c || !doc) return undefined;
    return frameState(doc, c.frame, { includeOutside: true }).objects.find((o) => o.id === id);
  }

  private toggle(e: Event, what: Toggle, row: ObjectRow): void {
    e.stopPropagation();
    const c = this.controller;
    if (!c) return;
    const { id } = row.object;
    const { outside, occluded } = this.current(id) ?? row.object;
    if (what === 'hide') c.setHidden([id], !c.hidden.has(id));
    else if (what === 'lock') c.setLocked([id], !c.locked.has(id));
    else if (what === 'pin') c.setPinned([id], !c.pinned.has(id));
    else if (c.locked.has(id)) return;
    else if (what === 'occluded') c.setOccluded(id, !occluded);
    else if (what === 'outside') c.setOutside(id, !outside);
    else c.toggleKeyframe(id);
  }

  private goToKeyframe(e: Event, row: ObjectRow, direction: 1 | -1): void {
    e.stopPropagation();
    const c = this.controller;
    const frame = c ? adjacentKeyframe(c, row.object.id, direction) : undefined;
    if (!c || frame === undefined) return;
    c.setFrame(frame);
    c.select([row.object.id]);
  }

  /** Flips `outside` or `occluded` of one skeleton point (one geometry edit, one undo step). */
  private toggleElement(e: Event, row: ObjectRow, index: number, what: 'outside' | 'occluded') {
    e.stopPropagation();
    const c = this.controller;
    const g = this.current(row.object.id)?.geometry as SkeletonGeometry | undefined;
    if (!c || g?.type !== 'skeleton' || c.locked.has(row.object.id)) return;
    const elements = g.elements.map((el, i) => (i === index ? { ...el, [what]: !el[what] } : el));
    c.run(updateGeometry(row.object.id, c.frame, { ...g, elements }));
  }

  private writeAttribute(row: ObjectRow, spec: AttributeSpec, value: string): void {
    const c = this.controller;
    if (!c) return;
    try {
      c.setAttribute(row.object.id, spec.id, value);
      this.error = '';
    } catch (err) {
      if (!isAnnotkitError(err)) throw err;
      this.error = `${spec.name}: ${err.message}`;
      this.requestUpdate();
    }
  }

  private toggleButton(
    what: string,
    pressed: boolean,
    label: string,
    content: unknown,
    disabled: boolean,
    onClick: (e: Event) => void,
  ): unknown {
    return html`<span role="gridcell"
      ><button
        part="toggle"
        data-toggle=${what}
        aria-pressed=${pressed ? 'true' : 'false'}
        aria-label=${label}
        title=${label}
        ?disabled=${disabled}
        @click=${onClick}
      >
        ${content}
      </button></span
    >`;
  }

  private navButton(what: string, label: string, content: unknown, go: (e: Event) => void) {
    return html`<span role="gridcell"
      ><button part="toggle" data-action=${what} aria-label=${label} title=${label} @click=${go}>
        ${content}
      </button></span
    >`;
  }

  private renderObjectRow(row: ObjectRow, expandable: boolean, index: number): unknown {
    const c = this.controller!;
    const { object, label } = row;
    const id = object.id;
    const hidden = c.hidden.has(id);
    const locked = c.locked.has(id);
    const pinned = c.pinned.has(id);
    const selected = c.selection.includes(id);
    const expanded = this.expandedIds.has(id);
    const track = object.kind === 'track';
    const name = this.t('objects.row', { label: label?.name ?? String(object.label), id });
    return html`<div
      class="row ${hidden ? 'hidden' : ''}"
      part="row"
      role="row"
      data-id=${id}
      aria-rowindex=${index + 1}
      aria-level="1"
      aria-expanded=${expandable ? String(expanded) : nothing}
      aria-selected=${selected ? 'true' : 'false'}
      style=${styleMap({ top: `${index * this.rowHeight}px`, height: `${this.rowHeight}px` })}
      @click=${(e: MouseEvent) => this.onRowClick(e, id)}
    >
      <span role="gridcell" class="expander"
        >${
          expandable
            ? html`<button
                part="toggle"
                data-toggle="details"
                aria-expanded=${String(expanded)}
                aria-label=${this.t('objects.details')}
                title=${this.t('objects.details')}
                @click=${(e: Event) => {
                  e.stopPropagation();
                  this.setExpanded(id, !expanded);
                }}
              >
                ${expanded ? ROW_ICONS.collapse : ROW_ICONS.expand}
              </button>`
            : null
        }</span
      ><span
        role="gridcell"
        class="swatch"
        style=${styleMap({ background: label?.color ?? '#888' })}
      ></span
      ><span role="gridcell" class="name">${name}</span
      ><span role="gridcell" class="source muted">${this.t(`source.${object.source}`)}</span>${
        track
          ? html`${this.navButton(
              'prev-keyframe',
              this.t('objects.prevKeyframe'),
              ROW_ICONS.prevKeyframe,
              (e) => this.goToKeyframe(e, row, -1),
            )}${this.toggleButton(
              'keyframe',
              object.keyframe,
              this.t('objects.keyframe'),
              ROW_ICONS.keyframe,
              locked,
              (e) => this.toggle(e, 'keyframe', row),
            )}${this.navButton(
              'next-keyframe',
              this.t('objects.nextKeyframe'),
              ROW_ICONS.nextKeyframe,
              (e) => this.goToKeyframe(e, row, 1),
            )}${this.toggleButton(
              'outside',
              object.outside,
              this.t('objects.outside'),
              ROW_ICONS.outside,
              locked,
              (e) => this.toggle(e, 'outside', row),
            )}`
          : null
      }${this.toggleButton(
        'occluded',
        object.occluded,
        this.t('objects.occluded'),
        ICONS.occluded,
        locked || object.kind === 'tag',
        (e) => this.toggle(e, 'occluded', row),
      )}${this.toggleButton(
        'pin',
        pinned,
        this.t('objects.pin'),
        ROW_ICONS.pin,
        object.kind === 'tag',
        (e) => this.toggle(e, 'pin', row),
      )}<span role="gridcell"
        ><button
          part="toggle"
          data-toggle="lock"
          aria-pressed=${locked ? 'true' : 'false'}
          aria-label=${this.t('objects.lock')}
          title=${locked ? this.t('objects.unlock') : this.t('objects.lock')}
          @click=${(e: Event) => this.toggle(e, 'lock', row)}
        >
          ${locked ? ICONS.locked : ICONS.unlocked}
        </button></span
      ><span role="gridcell"
        ><button
          part="toggle"
          data-toggle="hide"
          aria-pressed=${hidden ? 'true' : 'false'}
          aria-label=${this.t('objects.hide')}
          title=${hidden ? this.t('objects.show') : this.t('objects.hide')}
          @click=${(e: Event) => this.toggle(e, 'hide', row)}
        >
          ${hidden ? ICONS.hidden : ICONS.visible}
        </button></span
      >
    </div>`;
  }

  /** A compact editor per input type (radio buttons become a select: one row is one line). */
  private renderAttributeEditor(row: ObjectRow, spec: AttributeSpec, disabled: boolean): unknown {
    const value = row.object.attributes[spec.id] ?? spec.default;
    const write = (v: string): void => this.writeAttribute(row, spec, v);
    switch (spec.inputType) {
      case 'select':
      case 'radio':
        return html`<select
          data-attribute=${spec.id}
          aria-label=${spec.name}
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
          aria-label=${spec.name}
          .checked=${value === 'true'}
          ?disabled=${disabled}
          @change=${(e: Event) => write(String((e.target as HTMLInputElement).checked))}
        />`;
      case 'number': {
        const [min, max, step] = spec.values;
        return html`<input
          type="number"
          data-attribute=${spec.id}
          aria-label=${spec.name}
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
          aria-label=${spec.name}
          .value=${value}
          ?disabled=${disabled}
          @change=${(e: Event) => write((e.target as HTMLInputElement).value)}
        />`;
    }
  }

  private renderChildRow(line: Exclude<ListRow, { kind: 'object' }>, index: number): unknown {
    const c = this.controller!;
    const parent = line.parent;
    const id = parent.object.id;
    const locked = c.locked.has(id);
    const style = styleMap({ top: `${index * this.rowHeight}px`, height: `${this.rowHeight}px` });
    if (line.kind === 'attribute') {
      return html`<div
        class="row child"
        part="child-row"
        role="row"
        data-parent=${id}
        data-attribute-row=${line.spec.id}
        aria-rowindex=${index + 1}
        aria-level="2"
        style=${style}
      >
        <span role="gridcell" class="name">${line.spec.name}</span
        ><span role="gridcell" class="editor"
          >${this.renderAttributeEditor(parent, line.spec, locked)}</span
        >
      </div>`;
    }
    const { element, index: point, sublabel } = line;
    const name = this.t('objects.element', {
      name: sublabel?.name ?? String(element.label),
      index: point + 1,
    });
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
      ><span role="gridcell" class="name">${name}</span>${this.toggleButton(
        'outside',
        element.outside,
        this.t('objects.outside'),
        ROW_ICONS.outside,
        locked,
        (e) => this.toggleElement(e, parent, point, 'outside'),
      )}${this.toggleButton(
        'occluded',
        element.occluded,
        this.t('objects.occluded'),
        ICONS.occluded,
        locked,
        (e) => this.toggleElement(e, parent, point, 'occluded'),
      )}
    </div>`;
  }

  protected override render(): unknown {
    const lines = this.lines;
    const rows = this.rows;
    const total = this.cache?.total ?? rows.length;
    const filtered = (this.controller?.filter ?? null) !== null;
    const win = rowWindow(
      lines.length,
      this.rowHeight,
      this.listScrollTop,
      this.viewportHeight || 400,
      this.overscan,
    );
    const visible = lines.slice(win.start, win.end);
    return html`<header>
        <span class="count muted"
          >${
            filtered
              ? this.t('objects.filtered', { count: rows.length, total })
              : this.t('objects.count', { count: rows.length })
          }</span
        >
        <label
          >${this.t('objects.sort')}
          <select
            part="sort"
            .value=${this.sort}
            @change=${(e: Event) => {
              this.sort = (e.target as HTMLSelectElement).value as ObjectSort;
            }}
          >
            <option value="id">${this.t('objects.sort.id')}</option>
            <option value="label">${this.t('objects.sort.label')}</option>
            <option value="zOrder">${this.t('objects.sort.zOrder')}</option>
          </select></label
        >
      </header>
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : null}
      <div
        class="viewport"
        part="viewport"
        role="treegrid"
        aria-label=${this.t('objects.label')}
        aria-rowcount=${lines.length}
        aria-multiselectable="true"
        tabindex="0"
        @scroll=${this.onScroll}
      >
        ${rows.length === 0 ? html`<p class="muted">${this.t('objects.empty')}</p>` : null}
        <div class="spacer" style=${styleMap({ height: `${lines.length * this.rowHeight}px` })}>
          ${
            // Rows are reused by position, not keyed by object: a scroll step that jumps to a
            // new window then updates ~27 rows' attributes and text instead of recreating
            // ~800 nodes (5 ms against 17 ms per step in the scroll benchmark). Listeners are
            // rebound on every render, so a reused row always acts on the object it shows.
            visible.map((line, i) =>
              line.kind === 'object'
                ? this.renderObjectRow(line.row, line.expandable, win.start + i)
                : this.renderChildRow(line, win.start + i),
            )
          }
        </div>
      </div>`;
  }
}
