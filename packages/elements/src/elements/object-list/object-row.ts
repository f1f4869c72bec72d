/**
 * One object row of the list (CVAT's object item): expander, colour, name, source; for tracks
 * previous/next keyframe and keyframe/outside toggles; occluded, pin, lock and hide toggles; the
 * "more" button of the row menu.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ICONS } from '../icons.js';
import { ROW_ICONS, navButton, toggleButton } from './row-controls.js';
import type { RowView } from './row-controls.js';
import type { ObjectRow } from './rows.js';

/**
 * The row of `row` at line `index` (`aria-level` 1). Listeners are bound to the object shown,
 * so a row element reused for another object (the list reuses rows by position) acts on it.
 */
export function renderObjectRow(
  v: RowView,
  row: ObjectRow,
  expandable: boolean,
  index: number,
): TemplateResult {
  const { c, t, actions: a } = v;
  const { object, label } = row;
  const id = object.id;
  const hidden = c.hidden.has(id);
  const locked = c.locked.has(id);
  const pinned = c.pinned.has(id);
  const selected = c.selection.includes(id);
  const expanded = v.expanded.has(id);
  const track = object.kind === 'track';
  const name = t('objects.row', { label: label?.name ?? String(object.label), id });
  return html`<div
    class="row ${hidden ? 'hidden' : ''}"
    part="row"
    role="row"
    data-id=${id}
    aria-rowindex=${index + 1}
    aria-level="1"
    aria-expanded=${expandable ? String(expanded) : nothing}
    aria-selected=${selected ? 'true' : 'false'}
    style=${styleMap({ top: `${index * v.rowHeight}px`, height: `${v.rowHeight}px` })}
    @click=${(e: MouseEvent) => a.select(e, id)}
  >
    <span role="gridcell" class="expander"
      >${
        expandable
          ? html`<button
              part="toggle"
              data-toggle="details"
              aria-expanded=${String(expanded)}
              aria-label=${t('objects.details')}
              title=${t('objects.details')}
              @click=${(e: Event) => {
                e.stopPropagation();
                a.setExpanded(id, !expanded);
              }}
            >
              ${expanded ? ROW_ICONS.collapse : ROW_ICONS.expand}
            </button>`
          : null
      }</span
    ><span
      role="gridcell"
      class="swatch"
      style=${styleMap({ background: c.colors.get(id) ?? label?.color ?? '#888' })}
    ></span
    ><span role="gridcell" class="name">${name}</span
    ><span role="gridcell" class="source muted">${t(`source.${object.source}`)}</span>${
      track
        ? html`${navButton(
            'prev-keyframe',
            t('objects.prevKeyframe'),
            ROW_ICONS.prevKeyframe,
            (e) => a.goToKeyframe(e, row, -1),
          )}${toggleButton(
            'keyframe',
            object.keyframe,
            t('objects.keyframe'),
            ROW_ICONS.keyframe,
            locked,
            (e) => a.toggle(e, 'keyframe', row),
          )}${navButton('next-keyframe', t('objects.nextKeyframe'), ROW_ICONS.nextKeyframe, (e) =>
            a.goToKeyframe(e, row, 1),
          )}${toggleButton(
            'outside',
            object.outside,
            t('objects.outside'),
            ROW_ICONS.outside,
            locked,
            (e) => a.toggle(e, 'outside', row),
          )}`
        : null
    }${toggleButton(
      'occluded',
      object.occluded,
      t('objects.occluded'),
      ICONS.occluded,
      locked || object.kind === 'tag',
      (e) => a.toggle(e, 'occluded', row),
    )}${toggleButton('pin', pinned, t('objects.pin'), ROW_ICONS.pin, object.kind === 'tag', (e) =>
      a.toggle(e, 'pin', row),
    )}<span role="gridcell"
      ><button
        part="toggle"
        data-toggle="lock"
        aria-pressed=${locked ? 'true' : 'false'}
        aria-label=${t('objects.lock')}
        title=${locked ? t('objects.unlock') : t('objects.lock')}
        @click=${(e: Event) => a.toggle(e, 'lock', row)}
      >
        ${locked ? ICONS.locked : ICONS.unlocked}
      </button></span
    ><span role="gridcell"
      ><button
        part="toggle"
        data-toggle="hide"
        aria-pressed=${hidden ? 'true' : 'false'}
        aria-label=${t('objects.hide')}
        title=${hidden ? t('objects.show') : t('objects.hide')}
        @click=${(e: Event) => a.toggle(e, 'hide', row)}
      >
        ${hidden ? ICONS.hidden : ICONS.visible}
      </button></span
    ><span role="gridcell"
      ><button
        part="toggle more"
        data-action="more"
        aria-haspopup="menu"
        aria-expanded=${v.menuId === id ? 'true' : 'false'}
        aria-label=${t('objects.more')}
        title=${t('objects.more')}
        @click=${(e: Event) => a.more(e, id)}
        @keydown=${(e: KeyboardEvent) => a.moreKey(e, id)}
      >
        ${ROW_ICONS.more}
      </button></span
    >
  </div>`;
}
