/**
 * Boxes example: draw, select, move, resize and rotate rectangles and ellipses on a 2D canvas.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, createHistory, labelId, objectId } from '@annotkit/core';
import type { Label } from '@annotkit/core';
import {
  createCanvas2D,
  createDrawEllipseTool,
  createDrawExtremeRectangleTool,
  createDrawRectangleTool,
  createSelectTool,
} from '@annotkit/canvas2d';
import { byId, mountToolbar, sampleImage } from '../canvas2d-shared/demo.js';

const WIDTH = 1280;
const HEIGHT = 800;
const CAR = labelId(1);
const SIGN = labelId(2);
const LABELS: Label[] = [
  { kind: 'label', id: CAR, name: 'car', color: '#ff4040', type: 'any', attributes: [] },
  { kind: 'label', id: SIGN, name: 'sign', color: '#ffd000', type: 'any', attributes: [] },
];
const doc = createDocument({
  media: { kind: 'images', frames: [{ name: 'sample.png', width: WIDTH, height: HEIGHT }] },
  labels: LABELS,
  objects: [
    {
      kind: 'shape',
      id: objectId(1),
      label: CAR,
      frame: 0,
      geometry: { type: 'rectangle', points: [120, 496, 250, 570], rotation: 0 },
      attributes: {},
      group: 0,
      zOrder: 0,
      occluded: false,
      source: 'manual',
    },
  ],
});
const history = createHistory(doc);
const canvas = createCanvas2D(byId('stage'), { document: doc });
canvas.setImage(sampleImage(WIDTH, HEIGHT));
canvas.fit();

mountToolbar(canvas, history, doc, [
  ['Select', () => createSelectTool()],
  ['Rectangle', () => createDrawRectangleTool({ label: CAR })],
  ['Rectangle by 4 points', () => createDrawExtremeRectangleTool({ label: CAR })],
  ['Ellipse', () => createDrawEllipseTool({ label: SIGN })],
]);
