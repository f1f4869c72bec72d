/**
 * Rows of the object list: the objects resolved on the current frame, sorted, plus the
 * windowing arithmetic of the virtualised list (fixed row height, a spacer of the full height,
 * only the rows in view plus an overscan rendered).
 */
import { frameState } from '@annotkit/core';
import type { AnnotationDocument, Label, LabelId, ResolvedObject } from '@annotkit/core';

/** Orders of the object list. */
export const ObjectSort = { Id: 'id', Label: 'label', ZOrder: 'zOrder' } as const;
/** An order of the object list. */
export type ObjectSort = (typeof ObjectSort)[keyof typeof ObjectSort];

/** One row: a resolved object and its label. */
export interface ObjectRow {
  readonly object: ResolvedObject;
  readonly label: Label | undefined;
}

/**
 * The rows of `frame`: every object visible there (tracks interpolated, outside ones left out),
 * sorted by id, by label name (then id) or by zOrder (then id). Empty without a document.
 */
export function objectRows(
  doc: AnnotationDocument | null,
  frame: number,
  sort: ObjectSort,
): ObjectRow[] {
  if (!doc || frame >= doc.media.frames.length) return [];
  const labels = new Map<LabelId, Label>(doc.labels().map((l) => [l.id, l]));
  const rows = frameState(doc, frame).objects.map((object) => ({
    object,
    label: labels.get(object.label),
  }));
  const byId = (a: ObjectRow, b: ObjectRow): number => a.object.id - b.object.id;
  if (sort === 'id') rows.sort(byId);
  else if (sort === 'zOrder') rows.sort((a, b) => a.object.zOrder - b.object.zOrder || byId(a, b));
  else {
    rows.sort((a, b) => {
      const an = a.label?.name ?? '';
      const bn = b.label?.name ?? '';
      return an < bn ? -1 : an > bn ? 1 : byId(a, b);
    });
  }
  return rows;
}

/** The half-open index range `[start, end)` of rows to render. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Rows to render for a viewport: those intersecting `[scrollTop, scrollTop + height)` (px)
 * plus `overscan` rows on each side, clamped to `[0, count)`.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan: number,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.max(0, Math.min(count, last + overscan)),
  };
}
