/**
 * Join: the union of several polygons and/or masks of one label on one frame into ONE object,
 * as one transaction (inputs removed, the result added) = one undo step.
 *
 * Decisions:
 * - Only shapes (not tracks: which keyframes would a joined track keep?) on the given frame,
 *   all of the same label, at least two, polygon or mask.
 * - All polygons: the exact union (polygon-clipping). A polygon record has no holes and is one
 *   ring, so a union that is not connected, or that encloses a hole, is REFUSED (the command
 *   answers false) rather than silently dropping the hole or a piece; join them as masks, or
 *   convert first.
 * - Any mask among the inputs: the result is a mask, the bitmap union of the masks and of the
 *   polygons rasterised with core's `polygonToMask` (pixel centres). A mask may have several
 *   components, so disconnected inputs are fine.
 * - The result takes attributes, group and occluded from the first input (in the order given,
 *   e.g. click order), the highest zOrder of the inputs, no score, and the source core gives an
 *   edit (auto/semi-auto → semi-auto, else manual).
 */
import type { Command, ObjectId, Geometry, ShapeObject } from '@annotkit/core';
import {
  asMask,
  boxToMask,
  orMask,
  outerRings,
  piecesWithHoles,
  polygonClipping,
  derive,
  replaceObjects,
  toRing,
} from './regions.js';
import type { BoxBitmap } from './regions.js';

/** Why a join cannot run, or `ok`. */
export const JoinCheck = {
  Ok: 'ok',
  TooFew: 'too-few',
  NotShape: 'not-shape',
  WrongType: 'wrong-type',
  MixedLabels: 'mixed-labels',
  Disconnected: 'disconnected',
  Holes: 'holes',
} as const;
/** Why a join cannot run, or `ok`. */
export type JoinCheck = (typeof JoinCheck)[keyof typeof JoinCheck];

/** The joined geometry of `inputs`, or the reason it cannot be built. */
export function joinGeometry(
  inputs: readonly Geometry[],
): { readonly geometry: Geometry } | { readonly refused: JoinCheck } {
  if (inputs.length < 2) return { refused: 'too-few' };
  if (inputs.some((g) => g.type !== 'polygon' && g.type !== 'mask')) {
    return { refused: 'wrong-type' };
  }
  if (inputs.every((g) => g.type === 'polygon')) {
    const rings = inputs.map((g) => [toRing(g.type === 'polygon' ? g.points : [])]);
    const [first, ...rest] = rings;
    const union = polygonClipping.union(first, ...rest);
    if (union.length !== 1) return { refused: 'disconnected' };
    if (piecesWithHoles(union) > 0) return { refused: 'holes' };
    return { geometry: { type: 'polygon', points: outerRings(union)[0] } };
  }
  const masks = inputs.map(asMask);
  const left = Math.min(...masks.map((m) => m.left));
  const top = Math.min(...masks.map((m) => m.top));
  const width = Math.max(...masks.map((m) => m.right)) - left + 1;
  const height = Math.max(...masks.map((m) => m.bottom)) - top + 1;
  const box: BoxBitmap = { left, top, width, height, bitmap: new Uint8Array(width * height) };
  for (const m of masks) orMask(box, m);
  const mask = boxToMask(box);
  return mask ? { geometry: mask } : { refused: 'wrong-type' };
}

/** Checks the objects a join would take; returns them in order, or the reason it cannot run. */
export function joinInputs(
  doc: { object(id: ObjectId): unknown },
  ids: readonly ObjectId[],
  frame: number,
): readonly ShapeObject[] | JoinCheck {
  const unique = [...new Set(ids)];
  if (unique.length < 2) return 'too-few';
  const objects: ShapeObject[] = [];
  for (const id of unique) {
    const o = doc.object(id) as ShapeObject | { kind: string } | undefined;
    if (!o || o.kind !== 'shape' || (o as ShapeObject).frame !== frame) return 'not-shape';
    objects.push(o as ShapeObject);
  }
  if (objects.some((o) => o.label !== objects[0].label)) return 'mixed-labels';
  if (objects.some((o) => o.geometry.type !== 'polygon' && o.geometry.type !== 'mask')) {
    return 'wrong-type';
  }
  return objects;
}

/**
 * The join command (ProseMirror form): without `dispatch` answers whether `ids` can be joined on
 * `frame` (false for any reason listed in the module comment); with it dispatches one
 * transaction that removes them and adds the union. `onJoined` receives the new object's id.
 */
export function joinObjects(
  ids: readonly ObjectId[],
  frame: number,
  onJoined?: (id: ObjectId) => void,
): Command {
  return (state, dispatch) => {
    const inputs = joinInputs(state.doc, ids, frame);
    if (typeof inputs === 'string') return false;
    const result = joinGeometry(inputs.map((o) => o.geometry));
    if (!('geometry' in result)) return false;
    if (!dispatch) return true;
    const zOrder = Math.max(...inputs.map((o) => o.zOrder));
    const [id] = replaceObjects(
      state,
      dispatch,
      inputs,
      [derive(inputs[0], result.geometry, zOrder)],
      'join',
    );
    onJoined?.(id);
    return true;
  };
}
