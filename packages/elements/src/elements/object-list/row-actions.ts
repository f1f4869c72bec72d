/**
 * What the object list's row controls do to the document and the controller's view state.
 *
 * Design notes (why, not what):
 * - Edits read the object as it is now (`currentObject`), not the row's copy: a click may come
 *   before the list re-rendered after the previous edit, so the rendered copy can be stale.
 * - Every document edit is one command run through the controller: one undo step, seen by the
 *   host's transaction filter. A point's attribute is part of the skeleton's geometry (each
 *   `SkeletonElement` carries `attributes`), so its edit is core's `updateGeometry` on the
 *   current frame, like the point rows' outside/occluded toggles; on a track's non-keyframe that
 *   writes a keyframe there (core's `withKeyframe`: the interpolated geometry with the held
 *   attributes, then the edit). An IMMUTABLE point attribute of a track is the exception: CVAT
 *   keeps immutable attributes on the (element) track, so one value holds on every frame; we
 *   write it into every keyframe in one transaction instead of creating a keyframe.
 */
import {
  AnnotkitError,
  ErrorCode,
  frameState,
  isAnnotkitError,
  updateGeometry,
  validateAttributeValue,
} from '@annotkit/core';
import type {
  AttributeId,
  AttributeSpec,
  Command,
  Geometry,
  ObjectId,
  ResolvedObject,
  SkeletonGeometry,
  Source,
} from '@annotkit/core';
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

/** CVAT's source transition on an edit (as core's commands do): auto stays semi-automatic. */
function editedSource(source: Source): Source {
  return source === 'auto' || source === 'semi-auto' ? 'semi-auto' : 'manual';
}

/** `g` with attribute `attribute` of element `index` set to `value`. */
function withPointAttribute(
  g: SkeletonGeometry,
  index: number,
  attribute: AttributeId,
  value: string,
): SkeletonGeometry {
  const elements = g.elements.map((el, i) =>
    i === index ? { ...el, attributes: { ...el.attributes, [attribute]: value } } : el,
  );
  return { ...g, elements };
}

/**
 * Sets attribute `attribute` of point `index` of skeleton `id` as seen on `frame` (one
 * transaction). Shapes and mutable attributes of tracks: core `updateGeometry` of the skeleton
 * resolved on `frame` (on a track's non-keyframe this creates a keyframe). Immutable attributes
 * of tracks: written into every keyframe (CVAT keeps them per element track). False for a
 * missing object, a non-skeleton, a shape on another frame, or no change. Throws
 * `unknown-attribute` when the point's sublabel has no such attribute and `attribute-value` for
 * a value its spec refuses.
 */
export function setPointAttribute(
  id: ObjectId,
  index: number,
  attribute: AttributeId,
  value: string,
  frame: number,
): Command {
  return (state, dispatch) => {
    const { doc } = state;
    const o = doc.object(id);
    if (!o || o.kind === 'tag') return false;
    const sublabel = doc.label(o.label)?.sublabels?.[index];
    const spec = sublabel?.attributes.find((a) => a.id === attribute);
    if (!spec) {
      throw new AnnotkitError(
        ErrorCode.UnknownAttribute,
        `point ${index} of object ${id} has no attribute ${attribute}`,
        { path: ['attribute'] },
      );
    }
    validateAttributeValue(spec, value, ['value']);
    if (o.kind === 'track' && !spec.mutable) {
      let changed = false;
      const keyframes = o.keyframes.map((kf) => {
        const g = kf.geometry;
        const held = g.type === 'skeleton' ? g.elements[index] : undefined;
        if (
          g.type !== 'skeleton' ||
          !held ||
          (held.attributes[attribute] ?? spec.default) === value
        )
          return kf;
        changed = true;
        return { ...kf, geometry: withPointAttribute(g, index, attribute, value) as Geometry };
      });
      if (!changed) return false;
      if (!dispatch) return true;
      const change = doc.draft((tx) => {
        tx.put({ ...o, keyframes, source: editedSource(o.source) });
      });
      dispatch({
        change,
        options: { origin: 'user', history: 'record', name: 'set-point-attribute' },
      });
      return true;
    }
    const g = frameState(doc, frame, { includeOutside: true }).objects.find(
      (r) => r.id === id,
    )?.geometry;
    const element = g?.type === 'skeleton' ? g.elements[index] : undefined;
    if (g?.type !== 'skeleton' || !element) return false;
    if ((element.attributes[attribute] ?? spec.default) === value) return false;
    return updateGeometry(
      id,
      frame,
      withPointAttribute(g, index, attribute, value),
    )(state, dispatch);
  };
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
