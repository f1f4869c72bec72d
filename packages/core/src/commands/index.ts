/**
 * Commands in ProseMirror's form `(state, dispatch?) => boolean`.
 *
 * Shared rules:
 * - Without `dispatch` a command only answers whether it can run; with `dispatch` it builds the
 *   change with `doc.draft` and dispatches exactly one transaction
 *   `{ change, options: { origin: 'user', history: 'record', name } }`: one undo step.
 * - It returns false (and dispatches nothing) when the objects do not fit: a missing id, the
 *   wrong kind of object, a shape on another frame, mixed labels, or an edit that would change
 *   nothing.
 * - It throws `AnnotkitError` for malformed arguments whatever the selection: a frame outside
 *   the media (`frame-range`), an unknown label or attribute, an attribute value outside its
 *   spec, a geometry of the wrong type; and, when dispatching, for errors found while building
 *   the change (`merge-overlap`, the document's validation errors).
 * - Edits of an object's content (geometry, label, attributes, outside, occluded, keyframes)
 *   change its source like CVAT: auto and semi-auto become semi-auto, anything else manual.
 */
export type { Command, CommandState, Transaction } from './types.js';
export { runCommand } from './run.js';
export type { NewObject } from './objects.js';
export {
  changeLabel,
  createObject,
  removeObjects,
  setAttribute,
  setPointAttribute,
  updateGeometry,
} from './objects.js';
export { setOccluded, setOutside, toggleKeyframe } from './keyframes.js';
export { mergeIntoTrack, shapeToTrack, splitTrack, trackToShapes } from './tracks.js';
export { group, ungroup, zOrder, ZOrderMove } from './arrange.js';
export { copyObjects, paste, propagate } from './clipboard.js';
export type { ClipboardRecord, PasteOffset } from './clipboard.js';
