/**
 * Helpers shared by the commands: transaction building, CVAT's source transitions, attribute
 * defaults and keyframe editing.
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AnnotationDocument, Writer } from '../document/types.js';
import type { LabelId, ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  AttributeValues,
  Geometry,
  Keyframe,
  Label,
  Source,
  TrackObject,
} from '../model/records.js';
import { resolveTrack } from '../tracks/index.js';
import type { CommandState, Transaction } from './types.js';

/** A command's plan: the edit to run inside `doc.draft`, or false when it cannot run. */
export type Plan = ((tx: Writer) => void) | false;

/**
 * Runs a plan the way every command does: without `dispatch` only reports whether it can run;
 * with `dispatch` drafts the change and dispatches one user transaction named `name`.
 */
export function execute(
  state: CommandState,
  dispatch: ((tr: Transaction) => void) | undefined,
  name: string,
  plan: Plan,
): boolean {
  if (plan === false) return false;
  if (!dispatch) return true;
  const change = state.doc.draft(plan);
  dispatch({ change, options: { origin: 'user', history: 'record', name } });
  return true;
}

/** CVAT's source transition on an edit: auto and semi-auto become semi-auto, others manual. */
export function editedSource(source: Source): Source {
  return source === 'auto' || source === 'semi-auto' ? 'semi-auto' : 'manual';
}

/** Throws `frame-range` unless `frame` is an integer frame index of the media. */
export function checkFrame(doc: AnnotationDocument, frame: number, path: string): void {
  if (!Number.isInteger(frame) || frame < 0 || frame >= doc.media.frames.length) {
    throw new AnnotkitError(
      ErrorCode.FrameRange,
      `frame ${frame} is not a frame of the media (0…${doc.media.frames.length - 1})`,
      { path: [path] },
    );
  }
}

/** The label, or throws `unknown-label`. */
export function requireLabel(doc: AnnotationDocument, id: LabelId, path: string): Label {
  const label = doc.label(id);
  if (!label) {
    throw new AnnotkitError(ErrorCode.UnknownLabel, `label ${id} does not exist`, {
      path: [path],
    });
  }
  return label;
}

/** The objects with these ids (deduplicated, in the given order), or undefined if any is missing. */
export function lookup(
  doc: AnnotationDocument,
  ids: readonly ObjectId[],
): AnnotationObject[] | undefined {
  const out: AnnotationObject[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const o = doc.object(id);
    if (!o) return undefined;
    out.push(o);
  }
  return out;
}

/** Default values of the label's attributes, filtered by mutability (`undefined`: all). */
export function attributeDefaults(
  label: Pick<Label, 'attributes'>,
  mutable?: boolean,
): AttributeValues {
  const out: Record<number, string> = {};
  for (const a of label.attributes) {
    if (mutable === undefined || a.mutable === mutable) out[a.id] = a.default;
  }
  return out;
}

/** The values of `values` whose attribute spec on `label` has the given mutability. */
export function pickAttributes(
  label: Label,
  values: AttributeValues,
  mutable: boolean,
): AttributeValues {
  const out: Record<number, string> = {};
  for (const a of label.attributes) {
    const v = values[a.id];
    if (a.mutable === mutable && v !== undefined) out[a.id] = v;
  }
  return out;
}

/** Index of the keyframe at exactly `frame`, or −1 (binary search; keyframes are sorted). */
export function keyframeIndex(track: TrackObject, frame: number): number {
  let lo = 0;
  let hi = track.keyframes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = track.keyframes[mid]!.frame;
    if (f === frame) return mid;
    if (f < frame) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The keyframe held at `frame`: the last one at or before it, else (before the first) none. */
export function leftKeyframe(track: TrackObject, frame: number): Keyframe | undefined {
  let left: Keyframe | undefined;
  for (const kf of track.keyframes) {
    if (kf.frame > frame) break;
    left = kf;
  }
  return left;
}

/**
 * The track's state on `frame` as a keyframe: interpolated geometry, `outside`, `occluded` and
 * `zOrder` from the track resolution, and the held mutable attributes of the left keyframe
 * (before the first keyframe: the first keyframe's).
 */
export function keyframeAt(track: TrackObject, frame: number): Keyframe {
  const i = keyframeIndex(track, frame);
  if (i >= 0) return track.keyframes[i]!;
  const s = resolveTrack(track, frame);
  const left = leftKeyframe(track, frame) ?? track.keyframes[0]!;
  return {
    frame,
    geometry: s.geometry,
    outside: s.outside,
    occluded: s.occluded,
    zOrder: s.zOrder,
    attributes: left.attributes,
  };
}

/**
 * The track with the keyframe at `frame` replaced by `edit(keyframe)`; when there is no keyframe
 * there, one is created from the resolved state (`keyframeAt`) first.
 */
export function withKeyframe(
  track: TrackObject,
  frame: number,
  edit: (kf: Keyframe) => Keyframe,
): TrackObject {
  const i = keyframeIndex(track, frame);
  const keyframes = [...track.keyframes];
  if (i >= 0) {
    keyframes[i] = edit(keyframes[i]!);
  } else {
    const kf = edit(keyframeAt(track, frame));
    let at = keyframes.findIndex((k) => k.frame > frame);
    if (at < 0) at = keyframes.length;
    keyframes.splice(at, 0, kf);
  }
  return { ...track, keyframes };
}

/** All attribute values of a track on `frame`: immutable ones plus the held mutable ones. */
export function trackAttributesAt(track: TrackObject, frame: number): AttributeValues {
  return resolveTrack(track, frame).attributes;
}

/** Shape type of an object's geometry, or undefined for tags. */
export function shapeTypeOf(o: AnnotationObject): Geometry['type'] | undefined {
  if (o.kind === 'tag') return undefined;
  if (o.kind === 'shape') return o.geometry.type;
  return o.keyframes[0]?.geometry.type;
}
