/**
 * Cuboids example: draw 2D cuboids from a rectangle or by four points, then edit faces and points.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, createHistory, labelId } from '@annotkit/core';
import type { Label } from '@annotkit/core';
import {
  createCanvas2D,
  createDrawCuboidTool,
  createEditTool,
  createSelectTool,
} from '@annotkit/canvas2d';
import { byId, mountToolbar, sampleImage } from '../canvas2d-shared/demo.js';

const WIDTH = 1280;
const HEIGHT = 800;
const CAR = labelId(1);
const LABELS: Label[] = [
  { kind: 'label', id: CAR, name: 'car', color: '#ff6a00', type: 'any', attributes: [] },
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
  ['Edit', () => createEditTool()],
  ['Cuboid from rectangle', () => createDrawCuboidTool({ label: CAR, method: 'rectangle' })],
  ['Cuboid by 4 points', () => createDrawCuboidTool({ label: CAR, method: 'points' })],
]);
