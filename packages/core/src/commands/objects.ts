/**
 * Commands that create, edit and remove single objects: create, geometry, remove, label,
 * attributes. See `index.ts` for the rules shared by every command (when they return false and
 * when they throw).
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import { deepEqual } from '../document/equal.js';
import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  Geometry,
  Label,
  ShapeObject,
  SkeletonGeometry,
  TagObject,
  TrackObject,
} from '../model/records.js';
import { validateAttributeValue } from '../model/validate.js';
import type { Command } from './types.js';
import {
  attributeDefaults,
  checkFrame,
  editedSource,
  execute,
  keyframeIndex,
  lookup,
  requireLabel,
  shapeTypeOf,
  trackAttributesAt,
  withKeyframe,
} from './util.js';
import { resolveTrack } from '../tracks/index.js';

/** A record without its id, for `createObject` (the id is allocated by the document). */
export type NewObject = Omit<ShapeObject, 'id'> | Omit<TrackObject, 'id'> | Omit<TagObject, 'id'>;

/**
 * Adds `record` with a freshly allocated id (the id is in `tr.change.added[0].id`).
 * Can run whenever the record's label exists; throws `unknown-label` otherwise, `frame-range`
 * for a frame outside the media, and (when dispatching) the document's validation errors for
 * anything else that is invalid.
 */
export function createObject(record: NewObject): Command {
  return (state, dispatch) => {
    requireLabel(state.doc, record.label, 'label');
    if (record.kind === 'track') {
      record.keyframes.forEach((kf, i) => checkFrame(state.doc, kf.frame, `keyframes[${i}].frame`));
    } else {
      checkFrame(state.doc, record.frame, 'frame');
    }
    return execute(state, dispatch, 'create', (tx) => {
      tx.add({ ...record, id: tx.newObjectId() } as AnnotationObject);
    });
  };
}

/**
 * Replaces the geometry of object `id` on `frame`. Shapes: only on their own frame. Tracks:
 * updates the keyframe at `frame`, or creates one there (with the resolved outside, occluded,
 * zOrder and held attributes). The source changes like CVAT's: auto/semi-auto → semi-auto,
 * else manual. False for a missing object, a tag, a shape on another frame, or no change.
 * Throws `frame-range` for a bad frame and `invalid-type` when the geometry type differs from
 * the object's.
 */
export function updateGeometry(id: ObjectId, frame: number, geometry: Geometry): Command {
  return (state, dispatch) => {
    const { doc } = state;
    checkFrame(doc, frame, 'frame');
    const o = doc.object(id);
    if (!o || o.kind === 'tag') return false;
    if (shapeTypeOf(o) !== geometry.type) {
      throw new AnnotkitError(
        ErrorCode.InvalidType,
        `object ${id} is a ${shapeTypeOf(o)}, not a ${geometry.type}`,
        { path: ['geometry', 'type'] },
      );
    }
    const source = editedSource(o.source);
    if (o.kind === 'shape') {
      if (o.frame !== frame || deepEqual(o.geometry, geometry)) return false;
      return execute(state, dispatch, 'edit-geometry', (tx) => {
        tx.put({ ...o, geometry, source });
      });
    }
    const i = keyframeIndex(o, frame);
    if (i >= 0 && deepEqual(o.keyframes[i]!.geometry, geometry)) return false;
    return execute(state, dispatch, 'edit-geometry', (tx) => {
      tx.put({ ...withKeyframe(o, frame, (kf) => ({ ...kf, geometry })), source });
    });
  };
}

/** Removes the objects. False when `ids` is empty or any id does not exist. */
export function removeObjects(ids: readonly ObjectId[]): Command {
  return (state, dispatch) => {
    const objects = lookup(state.doc, ids);
    if (!objects || objects.length === 0) return false;
    return execute(state, dispatch, 'remove', (tx) => {
      for (const o of objects) tx.remove(o);
    });
  };
}

/** True when skeleton label `b` has the same structure as `a`: sublabel count and edges by index. */
function sameSkeletonStructure(a: Label, b: Label): boolean {
  const sa = a.sublabels ?? [];
  const sb = b.sublabels ?? [];
  if (b.type !== 'skeleton' || sa.length !== sb.length || sa.length === 0) return false;
  const edgeKeys = (l: Label, subs: readonly { id: LabelId }[]): string[] =>
    (l.edges ?? [])
      .map(([p, q]) => {
        const i = subs.findIndex((s) => s.id === p);
        const j = subs.findIndex((s) => s.id === q);
        return `${Math.min(i, j)}-${Math.max(i, j)}`;
      })
      .sort();
  return deepEqual(edgeKeys(a, sa), edgeKeys(b, sb));
}

/** Whether an object may take `label` (shape type allowed, skeleton structure kept). */
function labelFits(o: AnnotationObject, from: Label | undefined, label: Label): boolean {
  const type = shapeTypeOf(o);
  if (type === undefined) return label.type === 'tag' || label.type === 'any';
  if (type === 'skeleton') return from !== undefined && sameSkeletonStructure(from, label);
  return label.type === type || label.type === 'any';
}

/** Rewrites a geometry for a new label: skeleton elements take the new sublabels and defaults. */
function relabelGeometry(g: Geometry, label: Label): Geometry {
  if (g.type !== 'skeleton') return g;
  const subs = label.sublabels ?? [];
  return {
    ...g,
    elements: g.elements.map((el, i) => ({
      ...el,
      label: subs[i]!.id,
      attributes: attributeDefaults(subs[i]!),
    })),
  };
}

/** The object with `label`, every attribute reset to the label's defaults. */
function relabel(o: AnnotationObject, label: Label): AnnotationObject {
  const source = editedSource(o.source);
  if (o.kind === 'tag')
    return { ...o, label: label.id, attributes: attributeDefaults(label), source };
  if (o.kind === 'shape') {
    return {
      ...o,
      label: label.id,
      attributes: attributeDefaults(label),
      geometry: relabelGeometry(o.geometry, label),
      source,
    };
  }
  const mutable = attributeDefaults(label, true);
  return {
    ...o,
    label: label.id,
    attributes: attributeDefaults(label, false),
    keyframes: o.keyframes.map((kf) => ({
      ...kf,
      geometry: relabelGeometry(kf.geometry, label),
      attributes: mutable,
    })),
    source,
  };
}

/**
 * Gives the objects `label` and resets all their attributes to its defaults, including every
 * keyframe's mutable attributes and skeleton elements' attributes (CVAT's `saveLabel`). Skeletons
 * may only move to a skeleton label with the same structure (sublabel count and edges by
 * index); elements take the new sublabels in order. False when an id is missing, an object's
 * type does not fit the label, or every object already has it. Throws `unknown-label`.
 */
export function changeLabel(ids: readonly ObjectId[], label: LabelId): Command {
  return (state, dispatch) => {
    const { doc } = state;
    const target = requireLabel(doc, label, 'label');
    const objects = lookup(doc, ids);
    if (!objects || objects.length === 0) return false;
    if (objects.every((o) => o.label === label)) return false;
    if (!objects.every((o) => labelFits(o, doc.label(o.label), target))) return false;
    return execute(state, dispatch, 'change-label', (tx) => {
      for (const o of objects) if (o.label !== label) tx.put(relabel(o, target));
    });
  };
}

/**
 * Sets attribute `attribute` of object `id` to `value` on `frame`. Shapes and tags: only on their
 * own frame. Tracks: immutable attributes are set on the track; a mutable one is set on the keyframe at
 * `frame`, creating that keyframe (with the interpolated geometry) when there is none, and is
 * held until the next keyframe. False for a missing object, a shape or tag on another frame, or
 * when nothing would change. Throws `unknown-attribute` when the object's label has no such
 * attribute, `attribute-value` for a value outside the spec and `frame-range` for a bad frame.
 */
export function setAttribute(
  id: ObjectId,
  attribute: AttributeId,
  value: string,
  frame: number,
): Command {
  return (state, dispatch) => {
    const { doc } = state;
    const o = doc.object(id);
    if (!o) return false;
    const label = requireLabel(doc, o.label, 'label');
    const spec = label.attributes.find((a) => a.id === attribute);
    if (!spec) {
      throw new AnnotkitError(
        ErrorCode.UnknownAttribute,
        `label "${label.name}" has no attribute ${attribute}`,
        { path: ['attribute'] },
      );
    }
    validateAttributeValue(spec, value, ['value']);
    checkFrame(doc, frame, 'frame');
    const source = editedSource(o.source);
    if (o.kind !== 'track') {
      if (o.frame !== frame || (o.attributes[attribute] ?? spec.default) === value) return false;
      return execute(state, dispatch, 'set-attribute', (tx) => {
        tx.put({ ...o, attributes: { ...o.attributes, [attribute]: value }, source });
      });
    }
    if (!spec.mutable) {
      if ((o.attributes[attribute] ?? spec.default) === value) return false;
      return execute(state, dispatch, 'set-attribute', (tx) => {
        tx.put({ ...o, attributes: { ...o.attributes, [attribute]: value }, source });
      });
    }
    const held = trackAttributesAt(o, frame)[attribute] ?? spec.default;
    if (held === value) return false;
    return execute(state, dispatch, 'set-attribute', (tx) => {
      const edited = withKeyframe(o, frame, (kf) => ({
        ...kf,
        attributes: { ...kf.attributes, [attribute]: value },
      }));
      tx.put({ ...edited, source });
    });
  };
}

/** `g` with attribute `attribute` of point `index` set to `value`; undefined when `g` has none. */
function withPointAttribute(
  g: Geometry,
  index: number,
  attribute: AttributeId,
  value: string,
): { geometry: SkeletonGeometry; before: string | undefined } | undefined {
  const element = g.type === 'skeleton' ? g.elements[index] : undefined;
  if (g.type !== 'skeleton' || !element) return undefined;
  const elements = g.elements.map((el, i) =>
    i === index ? { ...el, attributes: { ...el.attributes, [attribute]: value } } : el,
  );
  return { geometry: { ...g, elements }, before: element.attributes[attribute] };
}

/**
 * Sets attribute `attribute` of point `index` of skeleton `id` as seen on `frame` (CVAT's
 * attributes of skeleton elements, specs in `Label.sublabels[index].attributes`). Shapes (on
 * their frame only) and mutable attributes of tracks: an `updateGeometry` of the skeleton as
 * resolved on `frame` (on a track's non-keyframe that creates the keyframe). An immutable
 * attribute of a track holds on every frame (CVAT keeps it on the element track), so it is
 * written into every keyframe, as one `set-point-attribute` step, and no keyframe is created.
 * The source changes like other edits.
 *
 * False for a missing object, a non-skeleton, a shape on another frame, or no change. Throws
 * `unknown-attribute` when the point's sublabel has no such attribute, `attribute-value` for a
 * value outside the spec and `frame-range` for a bad frame.
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
    const spec = requireLabel(doc, o.label, 'label').sublabels?.[index]?.attributes.find(
      (a) => a.id === attribute,
    );
    if (!spec) {
      throw new AnnotkitError(
        ErrorCode.UnknownAttribute,
        `point ${index} of object ${id} has no attribute ${attribute}`,
        { path: ['attribute'] },
      );
    }
    validateAttributeValue(spec, value, ['value']);
    checkFrame(doc, frame, 'frame');
    const unchanged = (before: string | undefined): boolean => (before ?? spec.default) === value;
    if (o.kind === 'shape' || spec.mutable) {
      // The point's values are part of the geometry: one geometry edit on `frame` (on a track's
      // non-keyframe it creates the keyframe, with the held attributes).
      const g =
        o.kind === 'shape'
          ? o.frame === frame
            ? o.geometry
            : undefined
          : resolveTrack(o, frame).geometry;
      const edit = g && withPointAttribute(g, index, attribute, value);
      if (!edit || unchanged(edit.before)) return false;
      return updateGeometry(id, frame, edit.geometry)(state, dispatch);
    }
    let changed = false;
    const keyframes = o.keyframes.map((kf) => {
      const edit = withPointAttribute(kf.geometry, index, attribute, value);
      if (!edit || unchanged(edit.before)) return kf;
      changed = true;
      return { ...kf, geometry: edit.geometry };
    });
    if (!changed) return false;
    const source = editedSource(o.source);
    return execute(state, dispatch, 'set-point-attribute', (tx) => {
      tx.put({ ...o, keyframes, source });
    });
  };
}
