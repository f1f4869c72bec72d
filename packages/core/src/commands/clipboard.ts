/** Copy/paste and propagation: objects copied as independent shapes and tags. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AnnotationDocument } from '../document/types.js';
import type { ObjectId } from '../model/ids.js';
import type { AnnotationObject, Geometry, ShapeObject, TagObject } from '../model/records.js';
import { shapeDefinition } from '../shapes/index.js';
import type { Command } from './types.js';
import { checkFrame, execute, keyframeAt, requireLabel, trackAttributesAt } from './util.js';

/** A copied object: a plain shape or tag record without an id. JSON-serialisable. */
export type ClipboardRecord = Omit<ShapeObject, 'id'> | Omit<TagObject, 'id'>;

/** A paste offset in image pixels. */
export interface PasteOffset {
  readonly dx: number;
  readonly dy: number;
}

/**
 * The object as a shape or tag on `frame`: shapes and tags as they are, a track as a shape of
 * its resolved position there with all attributes held there. Undefined for an outside track.
 */
function snapshot(o: AnnotationObject, frame: number): ClipboardRecord | undefined {
  if (o.kind !== 'track') {
    const { id: _id, ...rest } = o;
    void _id;
    return rest;
  }
  const s = keyframeAt(o, frame);
  if (s.outside) return undefined;
  return {
    kind: 'shape',
    label: o.label,
    attributes: trackAttributesAt(o, frame),
    group: o.group,
    source: o.source,
    ...(o.score !== undefined ? { score: o.score } : {}),
    frame,
    geometry: s.geometry,
    zOrder: s.zOrder,
    occluded: s.occluded,
  };
}

/**
 * Copies objects into plain clipboard records (not a command: nothing changes). Shapes and tags
 * are copied as they are; a track is copied as a shape of its resolved position on `frame`, as
 * CVAT does. Throws `frame-range` for a bad frame, `unknown-object` for a missing id and
 * `unsupported` for a track that is outside on `frame` (it has no position to copy).
 */
export function copyObjects(
  doc: AnnotationDocument,
  ids: readonly ObjectId[],
  frame: number,
): ClipboardRecord[] {
  checkFrame(doc, frame, 'frame');
  return ids.map((id, i) => {
    const o = doc.object(id);
    if (!o) {
      throw new AnnotkitError(ErrorCode.UnknownObject, `object ${id} does not exist`, {
        path: ['ids', i],
      });
    }
    const r = snapshot(o, frame);
    if (!r) {
      throw new AnnotkitError(ErrorCode.Unsupported, `track ${id} is outside on frame ${frame}`, {
        path: ['ids', i],
      });
    }
    return r;
  });
}

function translated(g: Geometry, offset: PasteOffset): Geometry {
  if (offset.dx === 0 && offset.dy === 0) return g;
  const def = shapeDefinition(g.type) as {
    translate(g: Geometry, dx: number, dy: number): Geometry;
  };
  return def.translate(g, offset.dx, offset.dy);
}

/**
 * Adds the clipboard records on `frame` as new objects with new ids, shapes moved by `offset`
 * (pixels; defaults to no move). Everything else (label, attributes, group, source, score) is
 * kept. False for an empty clipboard. Throws `frame-range` for a bad frame, `not-finite` for a
 * non-finite offset, `unknown-label` for a label the document lacks and, when dispatching, the
 * document's validation errors (e.g. a label that does not allow the shape type).
 */
export function paste(
  clipboard: readonly ClipboardRecord[],
  frame: number,
  offset: PasteOffset = { dx: 0, dy: 0 },
): Command {
  return (state, dispatch) => {
    checkFrame(state.doc, frame, 'frame');
    if (!Number.isFinite(offset.dx) || !Number.isFinite(offset.dy)) {
      throw new AnnotkitError(ErrorCode.NotFinite, 'the paste offset must be finite', {
        path: ['offset'],
      });
    }
    if (clipboard.length === 0) return false;
    clipboard.forEach((r, i) => requireLabel(state.doc, r.label, `clipboard[${i}].label`));
    return execute(state, dispatch, 'paste', (tx) => {
      for (const r of clipboard) {
        if (r.kind === 'tag') tx.add({ ...r, id: tx.newObjectId(), frame });
        else {
          tx.add({ ...r, id: tx.newObjectId(), frame, geometry: translated(r.geometry, offset) });
        }
      }
    });
  };
}

/**
 * Copies object `id` as it is on `fromFrame` (a shape or tag on its frame, or a track's resolved
 * position) as independent shapes/tags onto every frame from `fromFrame` to `toFrame` (either
 * direction, `fromFrame` itself excluded), skipping frames outside the media; one change
 * (CVAT's propagate, Ctrl+B). False for a missing object, a shape or tag of another frame, an
 * outside track, or an empty range. Throws `frame-range` for a bad `fromFrame` and
 * `invalid-type` for a non-integer `toFrame`.
 */
export function propagate(id: ObjectId, fromFrame: number, toFrame: number): Command {
  return (state, dispatch) => {
    const { doc } = state;
    checkFrame(doc, fromFrame, 'fromFrame');
    if (!Number.isInteger(toFrame)) {
      throw new AnnotkitError(ErrorCode.InvalidType, `toFrame must be an integer, got ${toFrame}`, {
        path: ['toFrame'],
      });
    }
    const o = doc.object(id);
    if (!o || (o.kind !== 'track' && o.frame !== fromFrame)) return false;
    const r = snapshot(o, fromFrame);
    if (!r) return false;
    const last = doc.media.frames.length - 1;
    const lo = Math.max(Math.min(fromFrame, toFrame), 0);
    const hi = Math.min(Math.max(fromFrame, toFrame), last);
    const frames: number[] = [];
    for (let f = lo; f <= hi; f++) if (f !== fromFrame) frames.push(f);
    if (frames.length === 0) return false;
    return execute(state, dispatch, 'propagate', (tx) => {
      for (const frame of frames) tx.add({ ...r, id: tx.newObjectId(), frame });
    });
  };
}
