import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AnnotationDocument, ObjectId } from '@annotkit/core';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { objectListStyles } from './object-list.styles.js';
import { ICONS } from '../icons.js';
import { objectRows, rowWindow } from './rows.js';
import type { ObjectRow, ObjectSort } from './rows.js';

/**
 * The objects of the current frame as a virtualised grid: rows have a fixed height and only
 * the rows in view (plus `overscan` on each side) exist in the DOM, under a spacer as tall as
 * the whole list, so it stays smooth with 100,000 objects. Per row: colour, label, id, source,
 * occluded, lock and hide toggles. Click selects (Ctrl/⌘ or Shift adds); the selected row is
 * scrolled into view when the selection changes elsewhere.
 *
 * @csspart viewport - The scrolling box.
 * @csspart row - One object row (`aria-selected` marks selected ones).
 * @csspart sort - The sort select.
 * @cssproperty --annot-row-border - Row separator colour.
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
  private cache:
    | {
        doc: AnnotationDocument | null;
        version: number;
        frame: number;
        sort: ObjectSort;
        rows: ObjectRow[];
      }
    | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private revealPending = false;

  constructor() {
    super({
      events: ['document', 'frame', 'selection', 'view', 'locale', 'change'],
      onEvent: (event) => {
        if (event === 'selection') this.revealPending = true;
      },
    });
  }

  /** The rows in list order (computed from the controller; cached per document version). */
  get rows(): readonly ObjectRow[] {
    const c = this.controller;
    const doc = c?.document ?? null;
    const frame = c?.frame ?? 0;
    const version = doc?.version ?? -1;
    const hit = this.cache;
    if (
      hit &&
      hit.doc === doc &&
      hit.version === version &&
      hit.frame === frame &&
      hit.sort === this.sort
    ) {
      return hit.rows;
    }
    const rows = objectRows(doc, frame, this.sort);
    this.cache = { doc, version, frame, sort: this.sort, rows };
    return rows;
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
    const index = this.rows.findIndex((r) => r.object.id === id);
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

  private toggle(e: Event, what: 'hide' | 'lock' | 'occluded', row: ObjectRow): void {
    e.stopPropagation();
    const c = this.controller;
    if (!c) return;
    const id = row.object.id;
    if (what === 'hide') c.setHidden([id], !c.hidden.has(id));
    else if (what === 'lock') c.setLocked([id], !c.locked.has(id));
    else if (!c.locked.has(id)) c.setOccluded(id, !row.object.occluded);
  }

  private renderRow(row: ObjectRow, index: number): unknown {
    const c = this.controller!;
    const { object, label } = row;
    const id = object.id;
    const hidden = c.hidden.has(id);
    const locked = c.locked.has(id);
    const selected = c.selection.includes(id);
    const name = this.t('objects.row', { label: label?.name ?? String(object.label), id });
    return html`<div
      class="row ${hidden ? 'hidden' : ''}"
      part="row"
      role="row"
      data-id=${id}
      aria-rowindex=${index + 1}
      aria-selected=${selected ? 'true' : 'false'}
      style=${styleMap({ top: `${index * this.rowHeight}px`, height: `${this.rowHeight}px` })}
      @click=${(e: MouseEvent) => this.onRowClick(e, id)}
    >
      <span
        role="gridcell"
        class="swatch"
        style=${styleMap({ background: label?.color ?? '#888' })}
      ></span
      ><span role="gridcell" class="name">${name}</span
      ><span role="gridcell" class="source muted">${this.t(`source.${object.source}`)}</span
      ><span role="gridcell"
        ><button
          data-toggle="occluded"
          aria-pressed=${object.occluded ? 'true' : 'false'}
          aria-label=${this.t('objects.occluded')}
          title=${this.t('objects.occluded')}
          ?disabled=${locked || object.kind === 'tag'}
          @click=${(e: Event) => this.toggle(e, 'occluded', row)}
        >
          ${ICONS.occluded}
        </button></span
      ><span role="gridcell"
        ><button
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

  protected override render(): unknown {
    const rows = this.rows;
    const win = rowWindow(
      rows.length,
      this.rowHeight,
      this.listScrollTop,
      this.viewportHeight || 400,
      this.overscan,
    );
    const visible = rows.slice(win.start, win.end);
    return html`<header>
        <span class="count muted">${this.t('objects.count', { count: rows.length })}</span>
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
      <div
        class="viewport"
        part="viewport"
        role="grid"
        aria-label=${this.t('objects.label')}
        aria-rowcount=${rows.length}
        aria-multiselectable="true"
        tabindex="0"
        @scroll=${this.onScroll}
      >
        ${rows.length === 0 ? html`<p class="muted">${this.t('objects.empty')}</p>` : null}
        <div class="spacer" style=${styleMap({ height: `${rows.length * this.rowHeight}px` })}>
          ${repeat(
            visible,
            (row) => row.object.id,
            (row, i) => this.renderRow(row, win.start + i),
          )}
        </div>
      </div>`;
  }
}
