/**
 * Track structure commands: merge shapes/tracks into one track, split a track, and convert
 * between a shape and a track.
 *
 * Design note on merging. CVAT copies every keyframe of the inputs and appends an outside
 * keyframe after each shape; it only detects two inputs colliding on the same keyframe frame, so
 * a shape in the middle of another track's visible span silently cuts that track short. We take
 * "two visible objects on one frame" literally: each input is visible on a set of frames
 * (shapes on theirs, tracks from each visible keyframe to the next), two inputs visible on one
 * frame are a `merge-overlap` error, and the merged track copies the keyframes of whichever
 * input is visible, adding an outside keyframe where visibility ends (CVAT's `frame + 1` rule
 * for shapes falls out of this). Leading outside keyframes are dropped, as in CVAT. Visibility
 * only changes at keyframes, shape frames and the frames after shapes, so only those frames
 * are examined. Masks merge too: mask tracks hold the left keyframe.
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AnnotationDocument } from '../document/types.js';
import type { ObjectId } from '../model/ids.js';
import type { Keyframe, ShapeObject, TrackObject } from '../model/records.js';
import type { Command } from './types.js';
import {
  checkFrame,
  editedSource,
  execute,
  keyframeAt,
  keyframeIndex,
  leftKeyframe,
  lookup,
  pickAttributes,
  requireLabel,
  shapeTypeOf,
} from './util.js';

type Source = ShapeObject | TrackObject;

function visibleAt(o: Source, frame: number): boolean {
  if (o.kind === 'shape') return o.frame === frame;
  const left = leftKeyframe(o, frame);
  return left !== undefined && !left.outside;
}

/** The input's state on `frame` as a keyframe (mutable attributes only). */
function stateAt(o: Source, frame: number, doc: AnnotationDocument): Keyframe {
  if (o.kind === 'track') return keyframeAt(o, frame);
  const label = requireLabel(doc, o.label, 'label');
  return {
    frame,
    geometry: o.geometry,
    outside: o.frame !== frame,
    occluded: o.occluded,
    zOrder: o.zOrder,
    attributes: pickAttributes(label, o.attributes, true),
  };
}

/** Keyframes of the merged track; throws `merge-overlap` when two inputs are visible at once. */
function mergedKeyframes(doc: AnnotationDocument, sources: readonly Source[]): Keyframe[] {
  const frameCount = doc.media.frames.length;
  const candidates = new Set<number>();
  for (const o of sources) {
    if (o.kind === 'shape') {
      candidates.add(o.frame);
      if (o.frame + 1 < frameCount) candidates.add(o.frame + 1);
    } else {
      for (const kf of o.keyframes) candidates.add(kf.frame);
    }
  }
  const ownerAt = (frame: number, strict: boolean): Source | undefined => {
    let owner: Source | undefined;
    for (const o of sources) {
      if (!visibleAt(o, frame)) continue;
      if (owner && strict) {
        throw new AnnotkitError(
          ErrorCode.MergeOverlap,
          `objects ${owner.id} and ${o.id} are both visible on frame ${frame}`,
          { path: ['ids'] },
        );
      }
      owner ??= o;
    }
    return owner;
  };
  const out: Keyframe[] = [];
  for (const frame of [...candidates].sort((a, b) => a - b)) {
    const owner = ownerAt(frame, true);
    const prev = frame > 0 ? ownerAt(frame - 1, false) : undefined;
    if (owner) {
      const own = owner.kind === 'shape' || keyframeIndex(owner, frame) >= 0;
      if (own || owner !== prev) out.push({ ...stateAt(owner, frame, doc), outside: false });
    } else if (prev) {
      out.push({ ...stateAt(prev, frame, doc), outside: true });
    }
  }
  return out;
}

/**
 * Merges shapes and tracks of one label and one shape type into one new track (CVAT's merge,
 * with stricter overlap rules: see the design note above). Each shape becomes a keyframe (its
 * mutable attributes on the keyframe) followed by an outside keyframe at `frame + 1` unless
 * another input is visible there; track keyframes are copied. The new track takes the
 * immutable attributes, group and score of the first object of `ids`; its source follows the
 * edit rule (auto/semi-auto → semi-auto, else manual). The inputs are removed.
 *
 * False for fewer than two objects, a missing id, tags, mixed labels or shape types, or inputs
 * that are never visible. When two inputs are visible on one frame the command answers false
 * without `dispatch` and throws `merge-overlap` with it, so the user learns which frame.
 */
export function mergeIntoTrack(ids: readonly ObjectId[]): Command {
  return (state, dispatch) => {
    const { doc } = state;
    const objects = lookup(doc, ids);
    if (!objects || objects.length < 2) return false;
    const first = objects[0]!;
    const type = shapeTypeOf(first);
    if (type === undefined) return false;
    const sources: Source[] = [];
    for (const o of objects) {
      if (o.kind === 'tag' || o.label !== first.label || shapeTypeOf(o) !== type) return false;
      sources.push(o);
    }
    let keyframes: Keyframe[];
    try {
      keyframes = mergedKeyframes(doc, sources);
    } catch (e) {
      if (!dispatch && e instanceof AnnotkitError && e.code === ErrorCode.MergeOverlap) {
        return false;
      }
      throw e;
    }
    if (keyframes.length === 0) return false;
    const label = requireLabel(doc, first.label, 'label');
    const attributes =
      first.kind === 'track' ? first.attributes : pickAttributes(label, first.attributes, false);
    const source = editedSource(first.source);
    return execute(state, dispatch, 'merge', (tx) => {
      for (const o of sources) tx.remove(o);
      tx.add({
        kind: 'track',
        id: tx.newObjectId(),
        label: first.label,
        attributes,
        group: first.group,
        source,
        ...(first.score !== undefined ? { score: first.score } : {}),
        keyframes,
      });
    });
  };
}

/**
 * Splits track `id` at `frame` (CVAT's split): the track keeps its keyframes before `frame` and
 * ends with an outside copy of its position at `frame`; a new track (same label, attributes,
 * group, source) starts at `frame` with the resolved position and continues with the later
 * keyframes. False for a missing object or a non-track, when `frame` is at or before the first
 * keyframe, or when the track is outside at `frame`. Throws `frame-range` for a bad frame.
 */
export function splitTrack(id: ObjectId, frame: number): Command {
  return (state, dispatch) => {
    checkFrame(state.doc, frame, 'frame');
    const o = state.doc.object(id);
    if (!o || o.kind !== 'track') return false;
    if (frame <= o.keyframes[0]!.frame) return false;
    const at = keyframeAt(o, frame);
    if (at.outside) return false;
    return execute(state, dispatch, 'split', (tx) => {
      tx.put({
        ...o,
        keyframes: [...o.keyframes.filter((k) => k.frame < frame), { ...at, outside: true }],
      });
      tx.add({
        ...o,
        id: tx.newObjectId(),
        keyframes: [at, ...o.keyframes.filter((k) => k.frame > frame)],
      });
    });
  };
}

/**
 * Turns shape `id` into a new track with one keyframe on the shape's frame (immutable
 * attributes on the track, mutable ones on the keyframe). The track stays visible after that
 * frame, so the user can track the object forward. False unless `id` is a shape.
 */
export function shapeToTrack(id: ObjectId): Command {
  return (state, dispatch) => {
    const o = state.doc.object(id);
    if (!o || o.kind !== 'shape') return false;
    const label = requireLabel(state.doc, o.label, 'label');
    return execute(state, dispatch, 'shape-to-track', (tx) => {
      tx.remove(o);
      tx.add({
        kind: 'track',
        id: tx.newObjectId(),
        label: o.label,
        attributes: pickAttributes(label, o.attributes, false),
        group: o.group,
        source: o.source,
        ...(o.score !== undefined ? { score: o.score } : {}),
        keyframes: [
          {
            frame: o.frame,
            geometry: o.geometry,
            outside: false,
            occluded: o.occluded,
            zOrder: o.zOrder,
            attributes: pickAttributes(label, o.attributes, true),
          },
        ],
      });
    });
  };
}

/**
 * Replaces track `id` by one shape per keyframe that is not outside (geometry, occluded,
 * zOrder, and all attributes held there). Interpolated frames are not turned into shapes; use
 * `propagate` for that. False unless `id` is a track with a visible keyframe.
 */
export function trackToShapes(id: ObjectId): Command {
  return (state, dispatch) => {
    const o = state.doc.object(id);
    if (!o || o.kind !== 'track') return false;
    const visible = o.keyframes.filter((k) => !k.outside);
    if (visible.length === 0) return false;
    return execute(state, dispatch, 'track-to-shapes', (tx) => {
      tx.remove(o);
      for (const kf of visible) {
        tx.add({
          kind: 'shape',
          id: tx.newObjectId(),
          label: o.label,
          attributes: { ...o.attributes, ...kf.attributes },
          group: o.group,
          source: o.source,
          ...(o.score !== undefined ? { score: o.score } : {}),
          frame: kf.frame,
          geometry: kf.geometry,
          zOrder: kf.zOrder,
          occluded: kf.occluded,
        });
      }
    });
  };
}
