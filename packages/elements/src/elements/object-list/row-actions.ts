/**
 * What the object list's row controls do to the document and the controller's view state.
 *
 * Design notes (why, not what):
 * - Edits read the object as it is now (`currentObject`), not the row's copy: a click may come
 *   before the list re-rendered after the previous edit, so the rendered copy can be stale.
 * - Every document edit is one command run through the controller: one undo step, seen by the
 *   host's transaction filter. A point's attribute is core's `setPointAttribute` (a mutable one
 *   on a track's non-keyframe creates a keyframe there; an immutable one is written into every
 *   keyframe, as CVAT keeps it on the element track).
 */
import { frameState, isAnnotkitError, setPointAttribute, updateGeometry } from '@annotkit/core';
import type { AttributeSpec, ObjectId, ResolvedObject, SkeletonGeometry } from '@annotkit/core';
import { adjacentKeyframe } from '../../controller/actions.js';
import type { EditorController } from '../../controller/EditorController.js';
import type { RowToggle } from './row-controls.js';
import type { ObjectRow } from './rows.js';

/** The object `id` as resolved on the current frame now (outside tracks included). */
export function currentObject(c: EditorController, id: ObjectId): ResolvedObject | undefined {
  const doc = c.document;
  if (!doc) return undefined;
  return frameState(doc, c.frame, { includeOutside: true }).objects.find((o) => o.id === id);
}

/** Selects the row's object; Ctrl/⌘ or Shift adds it to the selection or removes it. */
export function selectRow(c: EditorController, e: MouseEvent, id: ObjectId): void {
  if (e.ctrlKey || e.metaKey || e.shiftKey) {
    const has = c.selection.includes(id);
    c.select(has ? c.selection.filter((s) => s !== id) : [...c.selection, id]);
  } else c.select([id]);
}

/**
 * Flips a row toggle: hide, lock and pin are view state; occluded, outside and keyframe are one
 * command each and skip locked objects (CVAT's lock).
 */
export function toggleRow(c: EditorController, what: RowToggle, row: ObjectRow): void {
  const { id } = row.object;
  const { outside, occluded } = currentObject(c, id) ?? row.object;
  if (what === 'hide') c.setHidden([id], !c.hidden.has(id));
  else if (what === 'lock') c.setLocked([id], !c.locked.has(id));
  else if (what === 'pin') c.setPinned([id], !c.pinned.has(id));
  else if (c.locked.has(id)) return;
  else if (what === 'occluded') c.setOccluded(id, !occluded);
  else if (what === 'outside') c.setOutside(id, !outside);
  else c.toggleKeyframe(id);
}

/** Goes to the previous/next keyframe of a track and keeps it selected (CVAT). */
export function goToKeyframe(c: EditorController, id: ObjectId, direction: 1 | -1): void {
  const frame = adjacentKeyframe(c, id, direction);
  if (frame === undefined) return;
  c.setFrame(frame);
  c.select([id]);
}

/** Flips `outside` or `occluded` of one skeleton point (one geometry edit, one undo step). */
export function toggleElement(
  c: EditorController,
  id: ObjectId,
  index: number,
  what: 'outside' | 'occluded',
): void {
  const g = currentObject(c, id)?.geometry as SkeletonGeometry | undefined;
  if (g?.type !== 'skeleton' || c.locked.has(id)) return;
  const elements = g.elements.map((el, i) => (i === index ? { ...el, [what]: !el[what] } : el));
  c.run(updateGeometry(id, c.frame, { ...g, elements }));
}

/**
 * Writes an object attribute (one `setAttribute` command). Returns the message to show when the
 * spec refuses the value (nothing is written then), else ''.
 */
export function writeAttribute(
  c: EditorController,
  id: ObjectId,
  spec: AttributeSpec,
  value: string,
): string {
  try {
    c.setAttribute(id, spec.id, value);
    return '';
  } catch (err) {
    if (!isAnnotkitError(err)) throw err;
    return `${spec.name}: ${err.message}`;
  }
}

/**
 * Writes an attribute of skeleton point `index` on the current frame (one command, one undo
 * step; nothing for locked objects). Returns the message to show when the spec refuses the value
 * (`name` names the attribute in it), else ''.
 */
export function writePointAttribute(
  c: EditorController,
  id: ObjectId,
  index: number,
  spec: AttributeSpec,
  value: string,
  name: string,
): string {
  if (c.locked.has(id)) return '';
  try {
    c.run(setPointAttribute(id, index, spec.id, value, c.frame));
    return '';
  } catch (err) {
    if (!isAnnotkitError(err)) throw err;
    return `${name}: ${err.message}`;
  }
}
