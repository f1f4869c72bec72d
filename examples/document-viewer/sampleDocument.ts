/**
 * A small video document built in code: three labels, shapes on a few frames, two interpolated
 * tracks and frame tags. Plain JSON records, as stored by `@annotkit/core`.
 */
import { attributeId, labelId, objectId } from '@annotkit/core';
import type { DocumentInit, Label } from '@annotkit/core';

/** Number of frames of the sample video. */
export const FRAME_COUNT = 40;

const labels: Label[] = [
  {
    kind: 'label',
    id: labelId(1),
    name: 'car',
    color: '#e8590c',
    type: 'rectangle',
    attributes: [
      {
        id: attributeId(1),
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['white', 'red', 'blue'],
        default: 'white',
      },
      {
        id: attributeId(2),
        name: 'moving',
        inputType: 'checkbox',
        mutable: true,
        values: ['false', 'true'],
        default: 'true',
      },
    ],
  },
  { kind: 'label', id: labelId(2), name: 'person', color: '#1c7ed6', type: 'any', attributes: [] },
  {
    kind: 'label',
    id: labelId(3),
    name: 'weather',
    color: '#2f9e44',
    type: 'tag',
    attributes: [
      {
        id: attributeId(3),
        name: 'sky',
        inputType: 'radio',
        mutable: false,
        values: ['clear', 'cloudy'],
        default: 'clear',
      },
    ],
  },
];

const common = { attributes: {}, group: 0, source: 'manual' } as const;

/** The sample document, ready for `createDocument`. */
export function sampleDocument(): DocumentInit {
  return {
    media: {
      kind: 'video',
      frames: Array.from({ length: FRAME_COUNT }, (_, f) => ({
        name: `street.mp4#${f}`,
        width: 640,
        height: 360,
        timestamp: f / 10,
      })),
    },
    labels,
    objects: [
      {
        ...common,
        kind: 'track',
        id: objectId(1),
        label: labelId(1),
        attributes: { 1: 'red' },
        keyframes: [
          {
            frame: 0,
            geometry: { type: 'rectangle', points: [40, 200, 160, 280], rotation: 0 },
            outside: false,
            occluded: false,
            zOrder: 0,
            attributes: { 2: 'true' },
          },
          {
            frame: 20,
            geometry: { type: 'rectangle', points: [300, 190, 440, 280], rotation: 10 },
            outside: false,
            occluded: true,
            zOrder: 0,
            attributes: { 2: 'true' },
          },
          {
            frame: 39,
            geometry: { type: 'rectangle', points: [480, 180, 620, 270], rotation: 0 },
            outside: false,
            occluded: false,
            zOrder: 0,
            attributes: { 2: 'false' },
          },
        ],
      },
      {
        ...common,
        kind: 'track',
        id: objectId(2),
        label: labelId(2),
        keyframes: [
          {
            frame: 5,
            geometry: {
              type: 'polygon',
              points: [100, 60, 130, 50, 150, 90, 140, 160, 110, 160, 95, 100],
            },
            outside: false,
            occluded: false,
            zOrder: 1,
            attributes: {},
          },
          {
            frame: 25,
            geometry: {
              type: 'polygon',
              points: [200, 70, 230, 60, 250, 100, 240, 170, 210, 170, 195, 110],
            },
            outside: false,
            occluded: false,
            zOrder: 1,
            attributes: {},
          },
          {
            frame: 30,
            geometry: {
              type: 'polygon',
              points: [220, 70, 250, 60, 270, 100, 260, 170, 230, 170, 215, 110],
            },
            outside: true,
            occluded: false,
            zOrder: 1,
            attributes: {},
          },
        ],
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(3),
        label: labelId(2),
        frame: 0,
        geometry: { type: 'points', points: [320, 40, 330, 48] },
        zOrder: 2,
        occluded: false,
      },
      {
        ...common,
        kind: 'shape',
        id: objectId(4),
        label: labelId(2),
        frame: 10,
        geometry: { type: 'ellipse', cx: 500, cy: 80, rx: 30, ry: 18, rotation: 15 },
        zOrder: 0,
        occluded: false,
      },
      {
        ...common,
        kind: 'tag',
        id: objectId(5),
        label: labelId(3),
        frame: 0,
        attributes: { 3: 'clear' },
      },
      {
        ...common,
        kind: 'tag',
        id: objectId(6),
        label: labelId(3),
        frame: 20,
        attributes: { 3: 'cloudy' },
      },
    ],
  };
}
