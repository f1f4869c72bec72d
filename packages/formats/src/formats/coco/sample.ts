/**
 * Test support: a small in-memory document shaped like a CVAT export (four 60×40 frames, a
 * box with rotation, a polygon, a mask, an ellipse, a polyline, a skeleton, a tag and a track),
 * used by the cross-format tests of the COCO, YOLO and VOC codecs.
 */
import { attributeId, labelId, objectId } from '@annotkit/core';
import type { DocumentData } from '@annotkit/core';

/** Builds the sample document (fresh objects on every call). */
export function sampleDocument(): DocumentData {
  const car = labelId(1);
  const road = labelId(2);
  const person = labelId(3);
  const [nose, l, r] = [labelId(4), labelId(5), labelId(6)];
  const parked = attributeId(1);
  const common = {
    attributes: {},
    group: 0,
    source: 'manual',
    zOrder: 0,
    occluded: false,
  } as const;
  return {
    schemaVersion: 1,
    media: {
      kind: 'images',
      frames: [0, 1, 2, 3].map((i) => ({ name: `img${i}.png`, width: 60, height: 40 })),
    },
    labels: [
      {
        kind: 'label',
        id: car,
        name: 'car',
        color: '#ff0000',
        type: 'any',
        attributes: [
          {
            id: parked,
            name: 'parked',
            inputType: 'checkbox',
            mutable: false,
            values: ['false', 'true'],
            default: 'false',
          },
        ],
      },
      { kind: 'label', id: road, name: 'road', color: '#00ff00', type: 'any', attributes: [] },
      {
        kind: 'label',
        id: person,
        name: 'person',
        color: '#0000ff',
        type: 'skeleton',
        attributes: [],
        sublabels: [
          { id: nose, name: 'nose', color: '#111111', attributes: [] },
          { id: l, name: 'l', color: '#222222', attributes: [] },
          { id: r, name: 'r', color: '#333333', attributes: [] },
        ],
        edges: [
          [nose, l],
          [nose, r],
        ],
      },
    ],
    objects: [
      {
        ...common,
        kind: 'shape',
        id: objectId(1),
        label: car,
        frame: 0,
        occluded: true,
        attributes: { [parked]: 'true' },
        geometry: { type: 'rectangle', points: [1, 2, 11, 8], rotation: 30 },
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(2),
        label: car,
        frame: 1,
        geometry: { type: 'polygon', points: [10, 10, 30, 10, 30, 25, 12, 30] },
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(3),
        label: road,
        frame: 1,
        geometry: {
          type: 'mask',
          rle: [1, 2, 1, 4, 1, 2, 1],
          left: 40,
          top: 20,
          right: 43,
          bottom: 22,
        },
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(4),
        label: road,
        frame: 2,
        geometry: { type: 'ellipse', cx: 20, cy: 20, rx: 6, ry: 4, rotation: 0 },
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(5),
        label: car,
        frame: 0,
        geometry: { type: 'polyline', points: [0, 0, 5, 5] },
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(6),
        label: person,
        frame: 0,
        geometry: {
          type: 'skeleton',
          elements: [
            { label: nose, x: 5, y: 5, occluded: false, outside: false, attributes: {} },
            { label: l, x: 9, y: 7, occluded: true, outside: false, attributes: {} },
            { label: r, x: 1, y: 1, occluded: false, outside: true, attributes: {} },
          ],
        },
      },
      {
        kind: 'tag',
        id: objectId(7),
        label: car,
        frame: 0,
        attributes: {},
        group: 0,
        source: 'manual',
      },
      {
        kind: 'track',
        id: objectId(8),
        label: car,
        attributes: {},
        group: 0,
        source: 'manual',
        keyframes: [
          {
            frame: 0,
            geometry: { type: 'rectangle', points: [10, 10, 20, 20], rotation: 0 },
            outside: false,
            occluded: false,
            zOrder: 0,
            attributes: {},
          },
          {
            frame: 2,
            geometry: { type: 'rectangle', points: [20, 20, 30, 30], rotation: 0 },
            outside: false,
            occluded: false,
            zOrder: 0,
            attributes: {},
          },
          {
            frame: 3,
            geometry: { type: 'rectangle', points: [20, 20, 30, 30], rotation: 0 },
            outside: true,
            occluded: false,
            zOrder: 0,
            attributes: {},
          },
        ],
      },
    ],
    meta: {},
  };
}
