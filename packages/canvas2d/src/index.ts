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
export { BrushMode, BrushState, createBrushTool } from './tools/brush/brushTool.js';
export type { BrushTool, BrushToolOptions } from './tools/brush/brushTool.js';
export { BrushTip, paintMask, paintSegment, snapCenter } from './tools/brush/raster.js';
export type { WorkArea } from './tools/brush/raster.js';
export { createMaskCache, drawMasks, maskBitmap } from './render/masks.js';
export type { MaskCache, RasterDrawStats } from './render/masks.js';
export type { RasterOverlay } from './tools/types.js';
export { ClickToolState, createClickTool } from './tools/draw-clicks/clickTool.js';
export type { ClickToolSpec } from './tools/draw-clicks/clickTool.js';
export { DragToolState, createDragTool } from './tools/draw-clicks/dragTool.js';
export type { DragToolSpec, XY } from './tools/draw-clicks/dragTool.js';
export { snapPoint, snapVertices } from './tools/snap/snap.js';
export type { SnapOptions, SnapResult } from './tools/snap/snap.js';
export { createDrawPointsTool } from './tools/draw-points/drawPointsTool.js';
export type { DrawPointsOptions } from './tools/draw-points/drawPointsTool.js';
export { createDrawPathTool } from './tools/draw-path/drawPathTool.js';
export type { DrawPathOptions } from './tools/draw-path/drawPathTool.js';
export {
  boxOfPoints,
  createDrawExtremeRectangleTool,
} from './tools/draw-extreme-rectangle/drawExtremeRectangleTool.js';
export type { DrawExtremeRectangleOptions } from './tools/draw-extreme-rectangle/drawExtremeRectangleTool.js';
export { createDrawEllipseTool, ellipseFrom } from './tools/draw-ellipse/drawEllipseTool.js';
export type { DrawEllipseOptions } from './tools/draw-ellipse/drawEllipseTool.js';
export {
  CUBOID_EDGES,
  CUBOID_FACES,
  DEFAULT_CUBOID_DEPTH,
  cuboidFrom4Points,
  cuboidFromRect,
  cuboidProjectionLines,
} from './tools/draw-cuboid/cuboidGeometry.js';
export { createDrawCuboidTool } from './tools/draw-cuboid/drawCuboidTool.js';
export type { DrawCuboidOptions } from './tools/draw-cuboid/drawCuboidTool.js';
export {
  createDrawSkeletonTool,
  skeletonFromPoints,
  skeletonFromTemplate,
  skeletonSublabels,
} from './tools/draw-skeleton/drawSkeletonTool.js';
export type { DrawSkeletonOptions } from './tools/draw-skeleton/drawSkeletonTool.js';
export { EditState, createEditTool } from './tools/vertex-edit/editTool.js';
export type { EditToolOptions } from './tools/vertex-edit/editTool.js';
export { editorOf } from './tools/vertex-edit/editors.js';
export type { EditHandle, ShapeEditor } from './tools/vertex-edit/editors.js';
export {
  Rotation,
  containerDeltaToStage,
  containerToStage,
  rotateBy,
  rotationCss,
  stageSize,
  stageToContainer,
} from './view-features/rotation.js';
export { DEFAULT_IMAGE_ADJUSTMENTS, imageFilterCss } from './view-features/imageFilters.js';
export type { ImageAdjustments } from './view-features/imageFilters.js';
export {
  DEFAULT_CROSSHAIR,
  DEFAULT_GRID,
  MIN_GRID_SPACING,
  gridLines,
} from './view-features/overlayLayer.js';
export type { CrosshairConfig, GridConfig } from './view-features/overlayLayer.js';
export { unionBounds } from './view-features/viewFeatures.js';
export {
  KEY_ZOOM_FACTOR,
  PAN_FRACTION,
  SHIFT_PAN_FRACTION,
  viewKeyAction,
} from './view-features/viewKeys.js';
export type { ViewKeyAction } from './view-features/viewKeys.js';
export { JoinCheck, joinGeometry, joinObjects } from './tools/join/join.js';
export { JoinState, createJoinTool } from './tools/join/joinTool.js';
export { cutRegion, sliceGeometry, sliceObject } from './tools/slice/slice.js';
export { SliceState, createSliceTool } from './tools/slice/sliceTool.js';
export { DEFAULT_TEXT_FIELDS, TextField, objectText } from './view-features/objectText.js';
