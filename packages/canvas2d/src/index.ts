/**
 * @annotkit/canvas2d: a Konva view and annotation tools for one 2D frame of a core document.
 * See CONTEXT.md for the rendering design.
 */
export { createCanvas2D } from './canvas/createCanvas2D.js';
export type {
  Canvas2D,
  Canvas2DEvents,
  Canvas2DOptions,
  CanvasInput,
  ImageSource,
  RenderStats,
} from './canvas/types.js';
export {
  IDENTITY_VIEW,
  MAX_SCALE,
  MIN_SCALE,
  fitView,
  panView,
  sameView,
  toImage,
  toScreen,
  visibleImageRect,
  zoomView,
} from './canvas/view.js';
export type { Point, Rect, ViewTransform } from './canvas/view.js';
export { ColorBy, DEFAULT_DISPLAY, PALETTE, colorOf } from './render/styles.js';
export type { DisplayConfig } from './render/styles.js';
export type { StaticLayerOptions } from './render/staticLayer.js';
export { createSceneIndex } from './scene/sceneIndex.js';
export type { HitOptions, SceneIndex, SceneItem } from './scene/sceneIndex.js';
export type { VisibleShape } from './scene/resolve.js';
export { DRAG_THRESHOLD } from './tools/types.js';
export type {
  Handle,
  HandleKind,
  Modifiers,
  Tool,
  ToolContext,
  ToolKeyEvent,
  ToolOverlay,
  ToolPointerEvent,
} from './tools/types.js';
export { SelectState, createSelectTool } from './tools/select/selectTool.js';
export type { SelectToolOptions } from './tools/select/selectTool.js';
export {
  handleAt,
  rectangleHandles,
  resizeRectangle,
  rotateRectangle,
} from './tools/transform/transform.js';
export {
  DrawRectangleState,
  createDrawRectangleTool,
  rectangleFrom,
} from './tools/draw-rectangle/drawRectangleTool.js';
export type { DrawRectangleOptions } from './tools/draw-rectangle/drawRectangleTool.js';
export { DrawPolyState, createDrawPolyTool } from './tools/draw-poly/drawPolyTool.js';
export type { DrawPolyOptions } from './tools/draw-poly/drawPolyTool.js';
export { createShape, removeShapes, runCommand, updateGeometries } from './tools/edits.js';
export { createTestCanvas } from './testing/testCanvas.js';
export type { TestCanvas, TestCanvasOptions } from './testing/testCanvas.js';
