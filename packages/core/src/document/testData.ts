/**
 * Small hand-written documents and helpers for tests of the document, history and
 * serialization modules. Test helper only; not exported from the package entry.
 */
import { AnnotkitError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type { DocumentData, Label, ShapeObject, TagObject } from '../model/records.js';

/** A rectangle label (id 1) with a select attribute (id 1) and a tag label (id 2). */
export const LABELS: readonly Label[] = [
  {
    kind: 'label',
    id: 1 as LabelId,
    name: 'car',
    color: '#ff0000',
    type: 'rectangle',
    attributes: [
      {
        id: 1 as AttributeId,
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'blue'],
        default: 'red',
      },
    ],
  },
  { kind: 'label', id: 2 as LabelId, name: 'sunny', color: '#ffff00', type: 'tag', attributes: [] },
];

/** A rectangle shape of label 1 on `frame` with corner `(x, y)`. */
export function box(id: number, x = 0, frame = 0): ShapeObject {
  return {
    kind: 'shape',
    id: id as ObjectId,
    label: 1 as LabelId,
    frame,
    geometry: { type: 'rectangle', points: [x, 0, x + 10, 10], rotation: 0 },
    zOrder: 0,
    occluded: false,
    attributes: {},
    group: 0,
    source: 'manual',
  };
}

/** A tag of label 2. */
export function tag(id: number, frame = 0): TagObject {
  return {
    kind: 'tag',
    id: id as ObjectId,
    label: 2 as LabelId,
    frame,
    attributes: {},
    group: 0,
    source: 'manual',
  };
}

/** Five frames of 100 × 100 images, the labels above and three boxes (ids 1, 2, 5). */
export function sampleData(): DocumentData {
  return {
    schemaVersion: 1,
    media: {
      kind: 'images',
      frames: Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, width: 100, height: 100 })),
    },
    labels: LABELS,
    objects: [box(1, 0), box(2, 20), box(5, 40, 3)],
    meta: { project: 'test' },
  };
}

/** Runs `fn` and returns the AnnotkitError it throws; fails when it throws nothing or else. */
export function catchError(fn: () => unknown, code?: ErrorCode): AnnotkitError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AnnotkitError)) throw e;
    if (code !== undefined && e.code !== code) {
      throw new Error(`expected ${code}, got ${e.code}: ${e.message}`, { cause: e });
    }
    return e;
  }
  throw new Error(`expected an AnnotkitError${code ? ` ${code}` : ''}, nothing was thrown`);
}
