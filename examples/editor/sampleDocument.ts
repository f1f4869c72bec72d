/** The sample annotation document of the editor example: labels with attributes, a few objects. */
import { attributeId, labelId, objectId } from '@annotkit/core';
import type { AnnotationObject, DocumentInit, Label } from '@annotkit/core';
import { HEIGHT, WIDTH, carBox, personBox } from './scenes.js';

const CAR = labelId(1);
const PERSON = labelId(2);
const ROAD = labelId(3);
const SIGN = labelId(4);
const POSE = labelId(5);

const labels: Label[] = [
  {
    kind: 'label',
    id: CAR,
    name: 'car',
    color: '#ff3b30',
    type: 'any',
    attributes: [
      {
        id: attributeId(1),
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'white', 'black', 'blue'],
        default: 'red',
      },
      {
        id: attributeId(2),
        name: 'type',
        inputType: 'radio',
        mutable: false,
        values: ['sedan', 'van', 'truck'],
        default: 'sedan',
      },
      {
        id: attributeId(3),
        name: 'parked',
        inputType: 'checkbox',
        mutable: true,
        values: ['false'],
        default: 'false',
      },
      {
        id: attributeId(4),
        name: 'passengers',
        inputType: 'number',
        mutable: true,
        values: ['0', '9', '1'],
        default: '1',
      },
      {
        id: attributeId(5),
        name: 'note',
        inputType: 'text',
        mutable: true,
        values: [],
        default: '',
      },
    ],
  },
  {
    kind: 'label',
    id: PERSON,
    name: 'person',
    color: '#34c759',
    type: 'any',
    attributes: [
      {
        id: attributeId(6),
        name: 'action',
        inputType: 'select',
        mutable: true,
        values: ['walking', 'standing', 'running'],
        default: 'walking',
      },
    ],
  },
  { kind: 'label', id: ROAD, name: 'road', color: '#af52de', type: 'polygon', attributes: [] },
  { kind: 'label', id: SIGN, name: 'traffic sign', color: '#ffcc00', type: 'any', attributes: [] },
  {
    kind: 'label',
    id: POSE,
    name: 'pose',
    color: '#0a84ff',
    type: 'skeleton',
    attributes: [],
    sublabels: [
      { id: labelId(6), name: 'head', color: '#0a84ff', attributes: [], position: [0.5, 0.05] },
      { id: labelId(7), name: 'hip', color: '#0a84ff', attributes: [], position: [0.5, 0.55] },
      { id: labelId(8), name: 'left foot', color: '#0a84ff', attributes: [], position: [0.25, 1] },
      { id: labelId(9), name: 'right foot', color: '#0a84ff', attributes: [], position: [0.75, 1] },
    ],
    edges: [
      [labelId(6), labelId(7)],
      [labelId(7), labelId(8)],
      [labelId(7), labelId(9)],
    ],
  },
];

const rect = ([x, y, w, h]: number[]) => ({
  type: 'rectangle' as const,
  points: [x!, y!, x! + w!, y! + h!],
  rotation: 0,
});

/** The sample document over `frames` generated frames. */
export function sampleDocument(frames: number): DocumentInit {
  const last = frames - 1;
  const objects: AnnotationObject[] = [
    {
      kind: 'track',
      id: objectId(1),
      label: CAR,
      attributes: { 1: 'red', 2: 'sedan' },
      group: 0,
      source: 'manual',
      keyframes: [0, last].map((frame) => ({
        frame,
        geometry: rect(carBox(frame, frames)),
        outside: false,
        occluded: false,
        zOrder: 1,
        attributes: { 3: 'false', 4: '1', 5: '' },
      })),
    },
    {
      kind: 'shape',
      id: objectId(2),
      label: CAR,
      frame: 0,
      geometry: rect([500, 250, 230, 110]),
      zOrder: 0,
      occluded: true,
      attributes: { 1: 'white', 2: 'van', 3: 'true', 4: '0', 5: 'behind the red car later' },
      group: 0,
      source: 'manual',
    },
    {
      kind: 'shape',
      id: objectId(3),
      label: PERSON,
      frame: 0,
      geometry: rect(personBox(0, frames)),
      zOrder: 2,
      occluded: false,
      attributes: { 6: 'walking' },
      group: 0,
      source: 'auto',
      score: 0.91,
    },
    {
      kind: 'shape',
      id: objectId(4),
      label: ROAD,
      frame: 0,
      geometry: { type: 'polygon', points: [0, 360, WIDTH, 360, WIDTH, HEIGHT, 0, HEIGHT] },
      zOrder: 0,
      occluded: false,
      attributes: {},
      group: 0,
      source: 'file',
    },
  ];
  return {
    media: {
      kind: 'images',
      frames: Array.from({ length: frames }, (_, i) => ({
        name: `street_${String(i + 1).padStart(2, '0')}.png`,
        width: WIDTH,
        height: HEIGHT,
      })),
    },
    labels,
    objects,
  };
}
