/**
 * The one place where canvas2d turns document records into what is visible on a frame. A full
 * frame goes through core's cached `frameState`; single records changed by a transaction are
 * re-resolved alone (shapes by frame, tracks with `resolveTrack`) so that an edit costs
 * O(changed records), not O(document).
 */
import { frameState, resolveTrack } from '@annotkit/core';
import type {
  AnnotationDocument,
  AnnotationObject,
  Geometry,
  LabelId,
  ObjectId,
} from '@annotkit/core';

/** An object as drawn on one frame: its resolved geometry and the fields styling needs. */
export interface VisibleShape {
  readonly id: ObjectId;
  /** `'shape'` or `'track'`: tags have no geometry and are never visible on the canvas. */
  readonly kind: 'shape' | 'track';
  readonly label: LabelId;
  readonly group: number;
  readonly geometry: Geometry;
  readonly occluded: boolean;
  readonly zOrder: number;
}

/**
 * Every visible (not outside) shape of `frame`, in core's order (zOrder, then id). The objects
 * are core's resolved objects themselves (a resolved shape or track with geometry is a
 * `VisibleShape`): copying 10k of them per frame switch cost time and, worse, garbage that
 * outlived minor collections (see core's CONTEXT.md, Performance).
 */
export function resolveFrame(doc: AnnotationDocument, frame: number): VisibleShape[] {
  const out: VisibleShape[] = [];
  for (const o of frameState(doc, frame).objects) {
    if (o.kind === 'tag' || o.geometry === undefined || o.outside) continue;
    out.push(o as VisibleShape);
  }
  return out;
}

/** Resolves one record on `frame`; undefined when it is a tag, on another frame, or outside. */
export function resolveRecord(record: AnnotationObject, frame: number): VisibleShape | undefined {
  if (record.kind === 'tag') return undefined;
  if (record.kind === 'shape') {
    if (record.frame !== frame) return undefined;
    return {
      id: record.id,
      kind: 'shape',
      label: record.label,
      group: record.group,
      geometry: record.geometry,
      occluded: record.occluded,
      zOrder: record.zOrder,
    };
  }
  const r = resolveTrack(record, frame);
  if (r.outside) return undefined;
  return {
    id: record.id,
    kind: 'track',
    label: record.label,
    group: record.group,
    geometry: r.geometry,
    occluded: r.occluded,
    zOrder: r.zOrder,
  };
}
