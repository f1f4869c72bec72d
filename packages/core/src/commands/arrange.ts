/** Grouping and drawing-order commands. */
import type { AnnotationObject } from '../model/records.js';
import type { ObjectId } from '../model/ids.js';
import type { Command } from './types.js';
import { checkFrame, execute, leftKeyframe, lookup, withKeyframe } from './util.js';

/**
 * Puts the objects into one new group whose id is the largest group id in the document plus one
 * (CVAT's `++groupsInfo.max`). An object is in one group at most, so this moves objects out of
 * their previous group. False for fewer than two objects or a missing id.
 */
export function group(ids: readonly ObjectId[]): Command {
  return (state, dispatch) => {
    const objects = lookup(state.doc, ids);
    if (!objects || objects.length < 2) return false;
    let max = 0;
    for (const o of state.doc.objects()) max = Math.max(max, o.group);
    const id = max + 1;
    return execute(state, dispatch, 'group', (tx) => {
      for (const o of objects) tx.put({ ...o, group: id });
    });
  };
}

/** Removes the objects from their groups (group 0). False when none of them is grouped. */
export function ungroup(ids: readonly ObjectId[]): Command {
  return (state, dispatch) => {
    const objects = lookup(state.doc, ids);
    if (!objects) return false;
    const grouped = objects.filter((o) => o.group !== 0);
    if (grouped.length === 0) return false;
    return execute(state, dispatch, 'ungroup', (tx) => {
      for (const o of grouped) tx.put({ ...o, group: 0 });
    });
  };
}

/** How `zOrder` moves objects. */
export const ZOrderMove = {
  /** One layer up: zOrder + 1. */
  Forward: 'forward',
  /** One layer down: zOrder − 1. */
  Backward: 'backward',
  /** Above every other object on the frame, keeping the selection's relative order. */
  Front: 'front',
  /** Below every other object on the frame, keeping the selection's relative order. */
  Back: 'back',
} as const;
export type ZOrderMove = (typeof ZOrderMove)[keyof typeof ZOrderMove];

/** zOrder of an object on `frame`, or undefined when it is not drawn there. */
function zOrderOn(o: AnnotationObject, frame: number): number | undefined {
  if (o.kind === 'tag') return undefined;
  if (o.kind === 'shape') return o.frame === frame ? o.zOrder : undefined;
  const left = leftKeyframe(o, frame);
  return left === undefined || left.outside ? undefined : left.zOrder;
}

/**
 * Changes the drawing order of the objects on `frame`, as one change for all of them (CVAT
 * batches its layer updates into one history item the same way). Shapes change their zOrder;
 * tracks get (or update) a keyframe at `frame`, so the new order holds from there on. False
 * when an object is missing or not drawn on `frame` (a tag, a shape of another frame, an
 * outside track) or when nothing would change. Throws `frame-range` for a bad frame.
 */
export function zOrder(ids: readonly ObjectId[], move: ZOrderMove, frame: number): Command {
  return (state, dispatch) => {
    const { doc } = state;
    checkFrame(doc, frame, 'frame');
    const objects = lookup(doc, ids);
    if (!objects || objects.length === 0) return false;
    const current = new Map<ObjectId, number>();
    for (const o of objects) {
      const z = zOrderOn(o, frame);
      if (z === undefined) return false;
      current.set(o.id, z);
    }
    const next = new Map<ObjectId, number>();
    if (move === 'forward' || move === 'backward') {
      const d = move === 'forward' ? 1 : -1;
      for (const [id, z] of current) next.set(id, z + d);
    } else {
      let min = Infinity;
      let max = -Infinity;
      for (const o of doc.objects()) {
        if (current.has(o.id)) continue;
        const z = zOrderOn(o, frame);
        if (z === undefined) continue;
        min = Math.min(min, z);
        max = Math.max(max, z);
      }
      const sorted = [...current].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      const n = sorted.length;
      if (min === Infinity) {
        // Nothing else on the frame: the selection is already in front and at the back.
        return false;
      }
      sorted.forEach(([id], i) => next.set(id, move === 'front' ? max + 1 + i : min - n + i));
    }
    const changed = objects.filter((o) => next.get(o.id) !== current.get(o.id));
    if (changed.length === 0) return false;
    return execute(state, dispatch, 'z-order', (tx) => {
      for (const o of changed) {
        const z = next.get(o.id)!;
        if (o.kind === 'shape') tx.put({ ...o, zOrder: z });
        else if (o.kind === 'track') tx.put(withKeyframe(o, frame, (kf) => ({ ...kf, zOrder: z })));
      }
    });
  };
}
