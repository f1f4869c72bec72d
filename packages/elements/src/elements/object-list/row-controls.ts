/**
 * What the object list's row templates share: the list's own icons, the toggle and navigation
 * buttons, the view a row is rendered from and the actions its controls call.
 *
 * Design note: rows are rendered by plain functions over a `RowView` rather than by methods of
 * the element, so that each module has one job; the element builds the view once per render and
 * keeps one `RowActions` object for its lifetime. Row markup stays as light as it was (one
 * gridcell span and one button per control, no wrapper elements): the 100k-row scroll benchmark
 * measures exactly this markup.
 */
import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { AttributeSpec, ObjectId } from '@annotkit/core';
import type { EditorController } from '../../controller/EditorController.js';
import type { MessageId } from '../../i18n/messages.js';
import type { ObjectRow } from './rows.js';

/** A UI string in the list's language. */
export type Translate = (
  id: MessageId,
  params?: { readonly [name: string]: string | number },
) => string;

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${body}</svg>`;

/** Icons of the list's own toggles (the shared set has no pin, outside or keyframe icon). */
export const ROW_ICONS = {
  pin: icon(svg`<path d="M9 3h6l-1 6 4 4H6l4-4zM12 13v8" />`),
  outside: icon(svg`<rect x="3" y="5" width="12" height="14" /><path d="M13 12h8M18 9l3 3-3 3" />`),
  keyframe: icon(svg`<path d="M12 3l7 9-7 9-7-9z" />`),
  prevKeyframe: icon(svg`<path d="M15 6l-6 6 6 6" /><path d="M6 6v12" />`),
  nextKeyframe: icon(svg`<path d="M9 6l6 6-6 6" /><path d="M18 6v12" />`),
  expand: icon(svg`<path d="M9 6l6 6-6 6" />`),
  collapse: icon(svg`<path d="M6 9l6 6 6-6" />`),
  expandAll: icon(svg`<path d="M6 4l6 6 6-6M6 12l6 6 6-6" />`),
  collapseAll: icon(svg`<path d="M6 10l6-6 6 6M6 20l6-6 6 6" />`),
  more: icon(svg`<circle cx="12" cy="5" r="1" /><circle cx="12" cy="12" r="1" /><circle
      cx="12" cy="19" r="1" />`),
} as const;

/** A per-row toggle: view state (hide, lock, pin) or a document edit (the others). */
export type RowToggle = 'hide' | 'lock' | 'occluded' | 'pin' | 'outside' | 'keyframe';

/** What a row's controls ask the list to do (one object per list, bound to its controller). */
export interface RowActions {
  /** A click on a row: select it (Ctrl/⌘ or Shift adds or removes it). */
  readonly select: (e: MouseEvent, id: ObjectId) => void;
  readonly setExpanded: (id: ObjectId, expanded: boolean) => void;
  readonly toggle: (e: Event, what: RowToggle, row: ObjectRow) => void;
  readonly goToKeyframe: (e: Event, row: ObjectRow, direction: 1 | -1) => void;
  /** The "more" button: open or close the row menu. */
  readonly more: (e: Event, id: ObjectId) => void;
  readonly moreKey: (e: KeyboardEvent, id: ObjectId) => void;
  /** Flips `outside` or `occluded` of skeleton point `index`. */
  readonly toggleElement: (
    e: Event,
    row: ObjectRow,
    index: number,
    what: 'outside' | 'occluded',
  ) => void;
  readonly writeAttribute: (row: ObjectRow, spec: AttributeSpec, value: string) => void;
  /** Writes an attribute of skeleton point `index`; `name` names it in an error message. */
  readonly writePointAttribute: (
    row: ObjectRow,
    index: number,
    spec: AttributeSpec,
    value: string,
    name: string,
  ) => void;
}

/** What a row is rendered from (built once per render of the list). */
export interface RowView {
  readonly c: EditorController;
  readonly t: Translate;
  /** Row height in CSS px. */
  readonly rowHeight: number;
  /** Objects whose child rows are shown. */
  readonly expanded: ReadonlySet<ObjectId>;
  /** The object whose row menu is open. */
  readonly menuId: ObjectId | undefined;
  readonly actions: RowActions;
}

/** A toggle button in its gridcell (`aria-pressed`, `data-toggle`). */
export function toggleButton(
  what: string,
  pressed: boolean,
  label: string,
  content: unknown,
  disabled: boolean,
  onClick: (e: Event) => void,
): TemplateResult {
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

/** A navigation button (previous/next keyframe) in its gridcell (`data-action`). */
export function navButton(
  what: string,
  label: string,
  content: unknown,
  go: (e: Event) => void,
): TemplateResult {
  return html`<span role="gridcell"
    ><button part="toggle" data-action=${what} aria-label=${label} title=${label} @click=${go}>
      ${content}
    </button></span
  >`;
}
