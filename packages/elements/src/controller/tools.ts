/**
 * The catalog of 2D tools the editor offers: one entry per tool with the label type it draws
 * (if any) and a factory over the canvas2d public tool constructors. Nothing else in the
 * elements switches on tool ids.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { AnnotationDocument, Label, LabelId, LabelType } from '@annotkit/core';
import type { Tool } from '@annotkit/canvas2d';
import {
  createBrushTool,
  createDrawCuboidTool,
  createDrawEllipseTool,
  createDrawExtremeRectangleTool,
  createDrawPathTool,
  createDrawPointsTool,
  createDrawRectangleTool,
  createDrawSkeletonTool,
  createEditTool,
  createJoinTool,
  createSelectTool,
  createSliceTool,
} from '@annotkit/canvas2d';

/** Ids of the tools in the toolbar, in toolbar order. */
export const ToolId = {
  Select: 'select',
  Edit: 'edit',
  Rectangle: 'draw-rectangle',
  Rectangle4: 'draw-rectangle-4',
  Polygon: 'draw-polygon',
  Polyline: 'draw-polyline',
  Points: 'draw-points',
  Ellipse: 'draw-ellipse',
  Cuboid: 'draw-cuboid',
  Skeleton: 'draw-skeleton',
  Brush: 'brush',
  Eraser: 'eraser',
  Join: 'join',
  Slice: 'slice',
} as const;
/** A tool id. */
export type ToolId = (typeof ToolId)[keyof typeof ToolId];

/** One tool of the catalog. */
export interface ToolSpec {
  readonly id: ToolId;
  /** The shape type the tool creates, or undefined for tools that create nothing new. */
  readonly draws: Exclude<LabelType, 'any' | 'tag'> | undefined;
  /** Builds the tool; `label` is defined whenever `draws` is. */
  create(label: LabelId | undefined): Tool;
}

const needLabel = (label: LabelId | undefined): LabelId => {
  // The controller only creates drawing tools after finding a label that fits.
  if (label === undefined) {
    throw new AnnotkitError(ErrorCode.UnknownLabel, 'a drawing tool needs a label', {
      path: ['label'],
    });
  }
  return label;
};

/** Every tool, in toolbar order. */
export const TOOLS: readonly ToolSpec[] = [
  { id: 'select', draws: undefined, create: () => createSelectTool() },
  { id: 'edit', draws: undefined, create: () => createEditTool() },
  {
    id: 'draw-rectangle',
    draws: 'rectangle',
    create: (l) => createDrawRectangleTool({ label: needLabel(l) }),
  },
  {
    id: 'draw-rectangle-4',
    draws: 'rectangle',
    create: (l) => createDrawExtremeRectangleTool({ label: needLabel(l) }),
  },
  {
    id: 'draw-polygon',
    draws: 'polygon',
    create: (l) => createDrawPathTool({ label: needLabel(l), type: 'polygon' }),
  },
  {
    id: 'draw-polyline',
    draws: 'polyline',
    create: (l) => createDrawPathTool({ label: needLabel(l), type: 'polyline' }),
  },
  {
    id: 'draw-points',
    draws: 'points',
    create: (l) => createDrawPointsTool({ label: needLabel(l) }),
  },
  {
    id: 'draw-ellipse',
    draws: 'ellipse',
    create: (l) => createDrawEllipseTool({ label: needLabel(l) }),
  },
  {
    id: 'draw-cuboid',
    draws: 'cuboid',
    create: (l) => createDrawCuboidTool({ label: needLabel(l) }),
  },
  {
    id: 'draw-skeleton',
    draws: 'skeleton',
    create: (l) => createDrawSkeletonTool({ label: needLabel(l) }),
  },
  {
    id: 'brush',
    draws: 'mask',
    create: (l) => createBrushTool({ label: needLabel(l), mode: 'brush' }),
  },
  {
    id: 'eraser',
    draws: 'mask',
    create: (l) => createBrushTool({ label: needLabel(l), mode: 'eraser' }),
  },
  { id: 'join', draws: undefined, create: () => createJoinTool() },
  { id: 'slice', draws: undefined, create: () => createSliceTool() },
];

/** The catalog entry of a tool id, or undefined for an unknown id. */
export function toolSpec(id: string): ToolSpec | undefined {
  return TOOLS.find((t) => t.id === id);
}

/** True when `label` may be used to draw `type` (the label's type is `any` or that type). */
export function labelFits(label: Label, type: ToolSpec['draws']): boolean {
  if (type === undefined) return true;
  if (type === 'skeleton') return label.type === 'skeleton' && (label.sublabels?.length ?? 0) > 0;
  return label.type === 'any' || label.type === type;
}

/**
 * The label a tool draws with: `preferred` when it fits, else the first label of the document
 * that fits; undefined when the tool draws nothing or no label fits.
 */
export function labelForTool(
  doc: AnnotationDocument | null,
  spec: ToolSpec,
  preferred: LabelId | undefined,
): LabelId | undefined {
  if (spec.draws === undefined || !doc) return undefined;
  const p = preferred === undefined ? undefined : doc.label(preferred);
  if (p && labelFits(p, spec.draws)) return p.id;
  return doc.labels().find((l) => labelFits(l, spec.draws))?.id;
}

/** True when the tool can be used with this document (drawing tools need a fitting label). */
export function toolAvailable(doc: AnnotationDocument | null, spec: ToolSpec): boolean {
  if (spec.draws === undefined) return true;
  return labelForTool(doc, spec, undefined) !== undefined;
}
