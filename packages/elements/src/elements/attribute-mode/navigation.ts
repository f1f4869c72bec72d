/**
 * Keyboard navigation over the objects of a frame, shared by the attribute annotation mode
 * (Tab / Shift+Tab) and the keyboard-only editing path (next/previous object, arrow nudges).
 *
 * The order is the object list's default order (by id) so that what Tab walks through is what
 * the list shows; tags have no geometry on the canvas and are skipped, hidden objects too.
 */
import { shapeDefinition, updateGeometry } from '@annotkit/core';
import type {
  AnnotationDocument,
  AnyRecord,
  Geometry,
  ObjectId,
  Transaction,
} from '@annotkit/core';
import { objectRows } from '../object-list/rows.js';

/** The ids of the frame's visible, non-tag objects in object-list order (by id). */
export function navigableObjects(
  doc: AnnotationDocument | null,
  frame: number,
  hidden: ReadonlySet<ObjectId> = new Set(),
): ObjectId[] {
  return objectRows(doc, frame, 'id')
    .filter((r) => r.object.kind !== 'tag' && !hidden.has(r.object.id))
    .map((r) => r.object.id);
}

/**
 * The object after (`direction = 1`) or before (`-1`) `current`; without `current` (or when it
 * is not on the frame) the first (or last) one. `wrap` continues at the other end; without it
 * the walk ends (undefined) past the last/first object.
 */
export function adjacentObject(
  doc: AnnotationDocument | null,
  frame: number,
  current: ObjectId | undefined,
  direction: 1 | -1,
  hidden: ReadonlySet<ObjectId> = new Set(),
  wrap = false,
): ObjectId | undefined {
  const list = navigableObjects(doc, frame, hidden);
  if (list.length === 0) return undefined;
  const i = current === undefined ? -1 : list.indexOf(current);
  if (i < 0) return direction === 1 ? list[0] : list[list.length - 1];
  const j = i + direction;
  if (j >= 0 && j < list.length) return list[j];
  return wrap ? list[(j + list.length) % list.length] : undefined;
}

/**
 * One transaction (`history: 'record'`, named `'move'`) translating every listed object on
 * `frame` by `(dx, dy)` image px: the `updateGeometry` changes are drafted one after the other
 * and concatenated, so moving three objects is one undo step. Tracks get a keyframe on `frame`
 * as `updateGeometry` defines. Null when nothing would change.
 */
export function translatedGeometries(
  doc: AnnotationDocument,
  frame: number,
  ids: readonly ObjectId[],
  dx: number,
  dy: number,
): Transaction | null {
  const rows = new Map(objectRows(doc, frame, 'id').map((r) => [r.object.id, r.object]));
  const added: AnyRecord[] = [];
  const updated: (readonly [AnyRecord, AnyRecord])[] = [];
  const removed: AnyRecord[] = [];
  const state = { doc, frame, selection: ids };
  for (const id of ids) {
    const g = rows.get(id)?.geometry;
    if (!g) continue;
    const def = shapeDefinition(g.type) as unknown as {
      translate(g: Geometry, dx: number, dy: number): Geometry;
    };
    updateGeometry(
      id,
      frame,
      def.translate(g, dx, dy),
    )(state, (tr) => {
      added.push(...tr.change.added);
      updated.push(...tr.change.updated);
      removed.push(...tr.change.removed);
    });
  }
  if (added.length + updated.length + removed.length === 0) return null;
  return {
    change: { added, updated, removed },
    options: { origin: 'user', history: 'record', name: 'move' },
  };
}
