/**
 * Small hand-written documents for canvas2d tests (a test helper, not exported from the
 * package index).
 */
import { createDocument, objectId, labelId, attributeId } from '@annotkit/core';
import type {
  AnnotationDocument,
  AnnotationObject,
  Geometry,
  Label,
  ShapeObject,
  TrackObject,
} from '@annotkit/core';

/** Label ids of the test documents. */
export const CAR = labelId(1);
/** Label ids of the test documents. */
export const PERSON = labelId(2);
/** The select attribute of `CAR`. */
export const COLOR_ATTR = attributeId(10);

/** Labels: car (red, with a select attribute), person (green). */
export const LABELS: readonly Label[] = [
  {
    kind: 'label',
    id: CAR,
    name: 'car',
    color: '#ff0000',
    type: 'any',
    attributes: [
      {
        id: COLOR_ATTR,
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'blue'],
        default: 'red',
      },
    ],
  },
  { kind: 'label', id: PERSON, name: 'person', color: '#00ff00', type: 'any', attributes: [] },
];

/** A shape record on `frame` (default 0). */
export function shape(
  id: number,
  label: typeof CAR,
  geometry: Geometry,
  extra: Partial<ShapeObject> = {},
): ShapeObject {
  return {
    kind: 'shape',
    id: objectId(id),
    label,
    frame: 0,
    geometry,
    attributes: label === CAR ? { [COLOR_ATTR]: 'red' } : {},
    group: 0,
    zOrder: 0,
    occluded: false,
    source: 'manual',
    ...extra,
  };
}

/** A rectangle geometry. */
export function rect(x1: number, y1: number, x2: number, y2: number, rotation = 0): Geometry {
  return { type: 'rectangle', points: [x1, y1, x2, y2], rotation };
}

/** A polygon geometry. */
export function polygon(...points: number[]): Geometry {
  return { type: 'polygon', points };
}

/** A two-keyframe rectangle track from `a` at frame 0 to `b` at frame 10. */
export function track(id: number, a: Geometry, b: Geometry): TrackObject {
  const kf = (frame: number, geometry: Geometry) => ({
    frame,
    geometry,
    outside: false,
    occluded: false,
    zOrder: 0,
    attributes: {},
  });
  return {
    kind: 'track',
    id: objectId(id),
    label: PERSON,
    attributes: {},
    group: 0,
    source: 'manual',
    keyframes: [kf(0, a), kf(10, b)],
  };
}

/** A document with 20 frames of 1000 × 800 px holding `objects`. */
export function testDoc(objects: readonly AnnotationObject[] = []): AnnotationDocument {
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: 20 }, (_, i) => ({
        name: `f${i}.png`,
        width: 1000,
        height: 800,
      })),
    },
    labels: LABELS,
    objects,
  });
}
