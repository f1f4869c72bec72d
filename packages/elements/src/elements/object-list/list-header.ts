/**
 * The object list's header: the object count, the sort select and CVAT's header actions (lock
 * all / hide all / expand all over the listed objects, or their inverse when all already are).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { ObjectId } from '@annotkit/core';
import { ICONS } from '../icons.js';
import { ROW_ICONS } from './row-controls.js';
import type { Translate } from './row-controls.js';
import { hasDetails } from './rows.js';
import type { ObjectRow, ObjectSort } from './rows.js';

/** A header action over all listed objects. */
export type BulkAction = 'lock' | 'hide' | 'expand';

/** Whether all listed objects are locked, hidden, expanded, and how many can expand. */
export interface BulkState {
  readonly allLocked: boolean;
  readonly allHidden: boolean;
  readonly allExpanded: boolean;
  /** Listed objects with child rows. */
  readonly expandable: number;
}

/**
 * A memo of `BulkState`: recomputed only when the identity of the rows or of one of the sets
 * changes. The controller replaces its sets on every change and the list caches its rows, so a
 * scroll render does not walk 100,000 rows.
 */
export function createBulkMemo(): (
  rows: readonly ObjectRow[],
  locked: ReadonlySet<ObjectId>,
  hidden: ReadonlySet<ObjectId>,
  expanded: ReadonlySet<ObjectId>,
) => BulkState {
  let last: { inputs: readonly unknown[]; state: BulkState } | undefined;
  return (rows, locked, hidden, expanded) => {
    const inputs = [rows, locked, hidden, expanded];
    if (last && last.inputs.every((x, i) => x === inputs[i])) return last.state;
    let allLocked = rows.length > 0;
    let allHidden = rows.length > 0;
    let allExpanded = true;
    let expandable = 0;
    for (const row of rows) {
      const id = row.object.id;
      if (!locked.has(id)) allLocked = false;
      if (!hidden.has(id)) allHidden = false;
      if (hasDetails(row)) {
        expandable++;
        if (!expanded.has(id)) allExpanded = false;
      }
    }
    allExpanded &&= expandable > 0;
    last = { inputs, state: { allLocked, allHidden, allExpanded, expandable } };
    return last.state;
  };
}

/**
 * The expanded set after "expand all" (every listed object with details added) or, when all
 * already are, "collapse all" (they are removed; objects not listed keep their state).
 */
export function expandAll(
  rows: readonly ObjectRow[],
  expanded: ReadonlySet<ObjectId>,
  allExpanded: boolean,
): Set<ObjectId> {
  const next = new Set(expanded);
  for (const row of rows) {
    if (!hasDetails(row)) continue;
    if (allExpanded) next.delete(row.object.id);
    else next.add(row.object.id);
  }
  return next;
}

/** What the header shows and whom it tells. */
export interface ListHeaderView {
  readonly t: Translate;
  readonly sort: ObjectSort;
  /** Listed (filtered) objects. */
  readonly count: number;
  /** Objects on the frame before filtering. */
  readonly total: number;
  readonly filtered: boolean;
  readonly bulk: BulkState;
  readonly onSort: (sort: ObjectSort) => void;
  readonly onBulk: (what: BulkAction) => void;
}

/** The header's lock all, hide all and expand all toggles (pressed: all listed objects are). */
function renderBulkButtons(v: ListHeaderView): TemplateResult {
  const { t, bulk: b } = v;
  const none = v.count === 0;
  const button = (
    what: BulkAction,
    pressed: boolean,
    label: string,
    title: string,
    content: unknown,
    disabled: boolean,
  ): TemplateResult =>
    html`<button
      part="header-button"
      data-action=${`${what}-all`}
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-label=${label}
      title=${title}
      ?disabled=${disabled}
      @click=${() => v.onBulk(what)}
    >
      ${content}
    </button>`;
  return html`<span class="bulk"
    >${button(
      'lock',
      b.allLocked,
      t('objects.lockAll'),
      t(b.allLocked ? 'objects.unlockAll' : 'objects.lockAll'),
      b.allLocked ? ICONS.locked : ICONS.unlocked,
      none,
    )}${button(
      'hide',
      b.allHidden,
      t('objects.hideAll'),
      t(b.allHidden ? 'objects.showAll' : 'objects.hideAll'),
      b.allHidden ? ICONS.hidden : ICONS.visible,
      none,
    )}${button(
      'expand',
      b.allExpanded,
      t('objects.expandAll'),
      t(b.allExpanded ? 'objects.collapseAll' : 'objects.expandAll'),
      b.allExpanded ? ROW_ICONS.collapseAll : ROW_ICONS.expandAll,
      b.expandable === 0,
    )}</span
  >`;
}

/** The header: count (`n of total` under a filter), sort select, header actions. */
export function renderListHeader(v: ListHeaderView): TemplateResult {
  const { t } = v;
  return html`<header>
    <span class="count muted"
      >${
        v.filtered
          ? t('objects.filtered', { count: v.count, total: v.total })
          : t('objects.count', { count: v.count })
      }</span
    >
    <label
      >${t('objects.sort')}
      <select
        part="sort"
        .value=${v.sort}
        @change=${(e: Event) => v.onSort((e.target as HTMLSelectElement).value as ObjectSort)}
      >
        <option value="id">${t('objects.sort.id')}</option>
        <option value="label">${t('objects.sort.label')}</option>
        <option value="zOrder">${t('objects.sort.zOrder')}</option>
      </select></label
    >${renderBulkButtons(v)}
  </header>`;
}
