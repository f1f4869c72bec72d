/**
 * Masks example: paint masks with a brush and eraser, add or cut polygons, join and slice masks.
 * Uses only the public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { createDocument, createHistory, labelId } from '@annotkit/core';
import type { Label } from '@annotkit/core';
import {
  createBrushTool,
  createCanvas2D,
  createJoinTool,
  createSelectTool,
  createSliceTool,
} from '@annotkit/canvas2d';
import type { Tool } from '@annotkit/canvas2d';
import { button, byId, mountToolbar, sampleImage } from '../canvas2d-shared/demo.js';

const WIDTH = 1280;
const HEIGHT = 800;
const SKY = labelId(1);
const GRASS = labelId(2);
const LABELS: Label[] = [
  { kind: 'label', id: SKY, name: 'sky', color: '#4da6ff', type: 'any', attributes: [] },
  { kind: 'label', id: GRASS, name: 'grass', color: '#5cd65c', type: 'any', attributes: [] },
];
let brushSize = 20;
let brushTip: 'round' | 'square' = 'round';
const doc = createDocument({
  media: { kind: 'images', frames: [{ name: 'sample.png', width: WIDTH, height: HEIGHT }] },
  labels: LABELS,
  objects: [],
});
const history = createHistory(doc);
const canvas = createCanvas2D(byId('stage'), { document: doc });
canvas.setImage(sampleImage(WIDTH, HEIGHT));
canvas.fit();
const sizeLabel = document.createElement('label');
sizeLabel.textContent = ' brush size ';
const sizeInput = document.createElement('input');
sizeInput.type = 'range';
sizeInput.min = '1';
sizeInput.max = '100';
sizeInput.value = String(brushSize);
sizeInput.addEventListener('input', () => {
  brushSize = Number(sizeInput.value);
  const tool = canvas.tool as Tool & { setSize?: (size: number) => void };
  tool.setSize?.(brushSize);
});
sizeLabel.appendChild(sizeInput);
byId('tools').after(sizeLabel);
const tipButton = button(sizeLabel, 'Square tip', () => {
  brushTip = brushTip === 'round' ? 'square' : 'round';
  tipButton.textContent = brushTip === 'round' ? 'Square tip' : 'Round tip';
  const tool = canvas.tool as Tool & { setTip?: (tip: 'round' | 'square') => void };
  tool.setTip?.(brushTip);
});
mountToolbar(canvas, history, doc, [
  ['Select', () => createSelectTool()],
  ['Brush (sky)', () => createBrushTool({ label: SKY, size: brushSize, tip: brushTip })],
  ['Brush (grass)', () => createBrushTool({ label: GRASS, size: brushSize, tip: brushTip })],
  ['Eraser', () => createBrushTool({ label: SKY, mode: 'eraser', size: brushSize, tip: brushTip })],
  ['Polygon +', () => createBrushTool({ label: SKY, mode: 'polygon-plus' })],
  ['Polygon −', () => createBrushTool({ label: SKY, mode: 'polygon-minus' })],
  ['Join', () => createJoinTool()],
  ['Slice', () => createSliceTool()],
]);
