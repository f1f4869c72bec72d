/**
 * Skeletons example: place a skeleton point by point or drop its template, then edit points or move it whole.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, createHistory, labelId } from '@annotkit/core';
import type { Label } from '@annotkit/core';
import {
  createCanvas2D,
  createDrawSkeletonTool,
  createEditTool,
  createSelectTool,
} from '@annotkit/canvas2d';
import { byId, mountToolbar, sampleImage } from '../canvas2d-shared/demo.js';

const WIDTH = 1280;
const HEIGHT = 800;
const PERSON = labelId(1);
const POINTS: [string, number, number][] = [
  ['head', 0.5, 0],
  ['neck', 0.5, 0.2],
  ['left hand', 0, 0.5],
  ['right hand', 1, 0.5],
  ['pelvis', 0.5, 0.55],
  ['left foot', 0.2, 1],
  ['right foot', 0.8, 1],
];
const LABELS: Label[] = [
  {
    kind: 'label',
    id: PERSON,
    name: 'person',
    color: '#ff40ff',
    type: 'skeleton',
    attributes: [],
    sublabels: POINTS.map(([name, x, y], i) => ({
      id: labelId(10 + i),
      name,
      color: '#ffffff',
      attributes: [],
      position: [x, y] as const,
    })),
    edges: [
      [labelId(10), labelId(11)],
      [labelId(11), labelId(12)],
      [labelId(11), labelId(13)],
      [labelId(11), labelId(14)],
      [labelId(14), labelId(15)],
      [labelId(14), labelId(16)],
    ],
  },
];
const doc = createDocument({
  media: { kind: 'images', frames: [{ name: 'sample.png', width: WIDTH, height: HEIGHT }] },
  labels: LABELS,
  objects: [],
});
const history = createHistory(doc);
const canvas = createCanvas2D(byId('stage'), { document: doc });
canvas.setImage(sampleImage(WIDTH, HEIGHT));
canvas.fit();

mountToolbar(canvas, history, doc, [
  ['Select', () => createSelectTool()],
  ['Edit points', () => createEditTool()],
  ['Skeleton by points', () => createDrawSkeletonTool({ label: PERSON })],
  ['Skeleton from template', () => createDrawSkeletonTool({ label: PERSON, method: 'template' })],
]);
