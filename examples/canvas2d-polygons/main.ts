/**
 * Polygons example: draw polygons, polylines and points, edit vertices, join and slice polygons.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, createHistory, labelId, objectId } from '@annotkit/core';
import type { Label } from '@annotkit/core';
import {
  createCanvas2D,
  createDrawPathTool,
  createDrawPointsTool,
  createDrawPolyTool,
  createEditTool,
  createJoinTool,
  createSelectTool,
  createSliceTool,
} from '@annotkit/canvas2d';
import { byId, mountToolbar, sampleImage } from '../canvas2d-shared/demo.js';

const WIDTH = 1280;
const HEIGHT = 800;
const BUILDING = labelId(1);
const ROAD = labelId(2);
const LABELS: Label[] = [
  { kind: 'label', id: BUILDING, name: 'building', color: '#ff8c1a', type: 'any', attributes: [] },
  { kind: 'label', id: ROAD, name: 'road', color: '#33c3ff', type: 'any', attributes: [] },
];
const square = (x: number, y: number, w: number, h: number): number[] => [
  x,
  y,
  x + w,
  y,
  x + w,
  y + h,
  x,
  y + h,
];
const doc = createDocument({
  media: { kind: 'images', frames: [{ name: 'sample.png', width: WIDTH, height: HEIGHT }] },
  labels: LABELS,
  objects: [1, 2].map((i) => ({
    kind: 'shape' as const,
    id: objectId(i),
    label: BUILDING,
    frame: 0,
    geometry: { type: 'polygon' as const, points: square(80 + (i - 1) * 120, 200, 160, 240) },
    attributes: {},
    group: 0,
    zOrder: i,
    occluded: false,
    source: 'manual' as const,
  })),
});
const history = createHistory(doc);
const canvas = createCanvas2D(byId('stage'), { document: doc });
canvas.setImage(sampleImage(WIDTH, HEIGHT));
canvas.fit();

mountToolbar(canvas, history, doc, [
  ['Select', () => createSelectTool()],
  ['Edit vertices', () => createEditTool()],
  ['Polygon', () => createDrawPolyTool({ label: BUILDING, type: 'polygon' })],
  ['Polyline', () => createDrawPolyTool({ label: ROAD, type: 'polyline' })],
  ['Freehand polygon', () => createDrawPathTool({ label: BUILDING, type: 'polygon' })],
  ['Points', () => createDrawPointsTool({ label: ROAD })],
  ['Join', () => createJoinTool()],
  ['Slice', () => createSliceTool()],
]);
