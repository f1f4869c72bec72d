/**
 * Rows of the object list: the objects resolved on the current frame, sorted, plus the
 * windowing arithmetic of the virtualised list (fixed row height, a spacer of the full height,
 * only the rows in view plus an overscan rendered).
 */
import { frameState } from '@annotkit/core';
import type {
  AnnotationDocument,
  AttributeSpec,
  Label,
  LabelId,
  ObjectId,
  ResolvedObject,
  SkeletonElement,
  Sublabel,
} from '@annotkit/core';
import { matchesFilter } from '../filter-builder/filter.js';
import type { ObjectFilter } from '../filter-builder/filter.js';

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
 * The rows of `frame`: every object visible there (tracks interpolated, outside ones left out)
 * that matches `filter` (all without one), sorted by id, by label name (then id) or by zOrder
 * (then id). Empty without a document.
 */
export function objectRows(
  doc: AnnotationDocument | null,
  frame: number,
  sort: ObjectSort,
  filter: ObjectFilter | null = null,
): ObjectRow[] {
  if (!doc || frame >= doc.media.frames.length) return [];
  const labels = new Map<LabelId, Label>(doc.labels().map((l) => [l.id, l]));
  let objects = frameState(doc, frame).objects;
  if (filter) objects = objects.filter((o) => matchesFilter(filter, o, labels));
  const rows = objects.map((object) => ({ object, label: labels.get(object.label) }));
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

/**
 * One line of the list: an object, or a child line of an expanded object (an attribute, a
 * skeleton point, or an attribute of a skeleton point: CVAT's sublabel attributes).
 */
export type ListRow =
  | { readonly kind: 'object'; readonly row: ObjectRow; readonly expandable: boolean }
  | { readonly kind: 'attribute'; readonly parent: ObjectRow; readonly spec: AttributeSpec }
  | {
      readonly kind: 'element';
      readonly parent: ObjectRow;
      readonly index: number;
      readonly element: SkeletonElement;
      readonly sublabel: Sublabel | undefined;
    }
  | {
      readonly kind: 'element-attribute';
      readonly parent: ObjectRow;
      /** Index of the point in the skeleton's elements. */
      readonly index: number;
      readonly element: SkeletonElement;
      readonly sublabel: Sublabel;
      readonly spec: AttributeSpec;
    };

/** True when an object has child lines (attributes to edit, or skeleton points). */
export function hasDetails(row: ObjectRow): boolean {
  return (row.label?.attributes.length ?? 0) > 0 || row.object.geometry?.type === 'skeleton';
}

/**
 * The lines of the list: each object, and below each expanded one its attributes (one line per
 * attribute, with its editor) and, for skeletons, one line per point followed by one line per
 * attribute of that point's sublabel. Every line has the same height, so the windowing
 * arithmetic is unchanged.
 */
export function listRows(rows: readonly ObjectRow[], expanded: ReadonlySet<ObjectId>): ListRow[] {
  const out: ListRow[] = [];
  for (const row of rows) {
    const expandable = hasDetails(row);
    out.push({ kind: 'object', row, expandable });
    if (!expandable || !expanded.has(row.object.id)) continue;
    for (const spec of row.label?.attributes ?? [])
      out.push({ kind: 'attribute', parent: row, spec });
    const g = row.object.geometry;
    if (g?.type === 'skeleton') {
      g.elements.forEach((element, index) => {
        const sublabel = row.label?.sublabels?.find((s) => s.id === element.label);
        out.push({ kind: 'element', parent: row, index, element, sublabel });
        if (!sublabel) return;
        for (const spec of sublabel.attributes) {
          out.push({ kind: 'element-attribute', parent: row, index, element, sublabel, spec });
        }
      });
    }
  }
  return out;
}
