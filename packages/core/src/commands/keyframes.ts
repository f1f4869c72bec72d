/**
 * Per-frame track state commands: keyframe toggling, outside and occluded. On a track, each
 * writes the keyframe at the frame, creating it from the resolved state when there is none (as
 * CVAT does), so the value holds from that frame to the next keyframe.
 */
import type { ObjectId } from '../model/ids.js';
import type { Command } from './types.js';
import {
  checkFrame,
  editedSource,
  execute,
  keyframeAt,
  keyframeIndex,
  withKeyframe,
} from './util.js';

/**
 * Makes `frame` a keyframe of track `id` (with the resolved state there) or, when it is one,
 * removes that keyframe. False for a missing object or a non-track, and when removing the last
 * keyframe. Throws `frame-range` for a bad frame.
 */
export function toggleKeyframe(id: ObjectId, frame: number): Command {
  return (state, dispatch) => {
    checkFrame(state.doc, frame, 'frame');
    const o = state.doc.object(id);
    if (!o || o.kind !== 'track') return false;
    const i = keyframeIndex(o, frame);
    if (i >= 0 && o.keyframes.length === 1) return false;
    const source = editedSource(o.source);
    return execute(state, dispatch, 'toggle-keyframe', (tx) => {
      if (i >= 0) {
        tx.put({ ...o, keyframes: o.keyframes.filter((_, j) => j !== i), source });
      } else {
        tx.put({ ...withKeyframe(o, frame, (kf) => kf), source });
      }
    });
  };
}

/**
 * Sets `outside` of track `id` from `frame` on (until the next keyframe). Shapes have no
 * outside state (remove them instead). False for a missing object, a shape or tag, or when the
 * track already has that value there. Throws `frame-range` for a bad frame.
 */
export function setOutside(id: ObjectId, frame: number, value: boolean): Command {
  return (state, dispatch) => {
    checkFrame(state.doc, frame, 'frame');
    const o = state.doc.object(id);
    if (!o || o.kind !== 'track') return false;
    if (keyframeAt(o, frame).outside === value) return false;
    return execute(state, dispatch, 'set-outside', (tx) => {
      tx.put({
        ...withKeyframe(o, frame, (kf) => ({ ...kf, outside: value })),
        source: editedSource(o.source),
      });
    });
  };
}

/**
 * Sets `occluded` of object `id`: a shape on its own frame, or a track from `frame` on (until
 * the next keyframe). False for a missing object, a tag, a shape on another frame, or no change.
 * Throws `frame-range` for a bad frame.
 */
export function setOccluded(id: ObjectId, frame: number, value: boolean): Command {
  return (state, dispatch) => {
    checkFrame(state.doc, frame, 'frame');
    const o = state.doc.object(id);
    if (!o || o.kind === 'tag') return false;
    const source = editedSource(o.source);
    if (o.kind === 'shape') {
      if (o.frame !== frame || o.occluded === value) return false;
      return execute(state, dispatch, 'set-occluded', (tx) => {
        tx.put({ ...o, occluded: value, source });
      });
    }
    if (keyframeAt(o, frame).occluded === value) return false;
    return execute(state, dispatch, 'set-occluded', (tx) => {
      tx.put({ ...withKeyframe(o, frame, (kf) => ({ ...kf, occluded: value })), source });
    });
  };
}
