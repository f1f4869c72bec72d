/**
 * Draws a skeleton of a skeleton label (one element per sublabel, in sublabel order):
 * - `method: 'points'` (default): click each sublabel's point in order; the skeleton is created
 *   at the last one. Enter finishes early: the elements not placed yet are created `outside`
 *   (not visible) at the centroid of the placed ones, as CVAT creates missing elements.
 *   Backspace drops the last point, Escape cancels.
 * - `method: 'template'`: a drag (or two clicks) spans a box and every element is dropped at
 *   its sublabel's `position` (in [0, 1]² of the box). Sublabels without a position are spread
 *   evenly on the ellipse inscribed in the box.
 * Edges are drawn from the label's `edges` (render/paths.ts). Edit the points afterwards with
 * the vertex-edit tool, or drag the whole skeleton with the select tool.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type {
  AttributeValues,
  Label,
  LabelId,
  SkeletonElement,
  SkeletonGeometry,
  Sublabel,
} from '@annotkit/core';
import { createClickTool } from '../draw-clicks/clickTool.js';
import { createDragTool } from '../draw-clicks/dragTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Tool, ToolContext } from '../types.js';

/** Options of the skeleton tool. */
export interface DrawSkeletonOptions extends SnapOptions {
  /** The skeleton label (must have sublabels). */
  readonly label: LabelId;
  /** `'points'` (click each point) or `'template'` (drag a box). Defaults to `'points'`. */
  readonly method?: 'points' | 'template';
}

/** The sublabels of `label`; throws `label-shape-type` when it is not a skeleton label. */
export function skeletonSublabels(ctx: ToolContext, label: LabelId): readonly Sublabel[] {
  const spec: Label | undefined = ctx.doc?.label(label);
  if (!spec) {
    throw new AnnotkitError(ErrorCode.UnknownLabel, `label ${label} does not exist`, {
      path: ['label'],
    });
  }
  if (!spec.sublabels || spec.sublabels.length === 0) {
    throw new AnnotkitError(
      ErrorCode.LabelShapeType,
      `label "${spec.name}" has no sublabels, so it cannot draw skeletons`,
      { path: ['label'] },
    );
  }
  return spec.sublabels;
}

function element(sub: Sublabel, x: number, y: number, outside = false): SkeletonElement {
  const attributes: Record<number, string> = {};
  for (const a of sub.attributes) attributes[a.id] = a.default;
  return {
    label: sub.id,
    x,
    y,
    occluded: false,
    outside,
    attributes: attributes as AttributeValues,
  };
}

/**
 * The skeleton for points placed in sublabel order (flat image px). Sublabels beyond the
 * placed points are `outside` at the centroid of the placed ones. Undefined with no points.
 */
export function skeletonFromPoints(
  subs: readonly Sublabel[],
  pts: readonly number[],
): SkeletonGeometry | undefined {
  const n = Math.min(subs.length, pts.length >> 1);
  if (n === 0) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += pts[2 * i];
    sy += pts[2 * i + 1];
  }
  return {
    type: 'skeleton',
    elements: subs.map((s, i) =>
      i < n ? element(s, pts[2 * i], pts[2 * i + 1]) : element(s, sx / n, sy / n, true),
    ),
  };
}

/** The label's template dropped into the box `[x1, y1, x2, y2]` (image px). */
export function skeletonFromTemplate(
  subs: readonly Sublabel[],
  box: readonly [number, number, number, number],
): SkeletonGeometry {
  const [x1, y1, x2, y2] = box;
  const w = x2 - x1;
  const h = y2 - y1;
  return {
    type: 'skeleton',
    elements: subs.map((s, i) => {
      const a = (2 * Math.PI * i) / subs.length;
      const [u, v] = s.position ?? [0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a)];
      return element(s, x1 + u * w, y1 + v * h);
    }),
  };
}

/** Creates a skeleton tool. */
export function createDrawSkeletonTool(options: DrawSkeletonOptions): Tool {
  const label = options.label;
  if (options.method === 'template') {
    return createDragTool({
      id: 'draw-skeleton-template',
      label,
      snapRadius: options.snapRadius,
      build: (a, b, _mods, ctx) => {
        const box = [
          Math.min(a.x, b.x),
          Math.min(a.y, b.y),
          Math.max(a.x, b.x),
          Math.max(a.y, b.y),
        ] as const;
        if (!(box[2] > box[0]) || !(box[3] > box[1])) return undefined;
        return skeletonFromTemplate(skeletonSublabels(ctx, label), box);
      },
    });
  }
  return createClickTool({
    id: 'draw-skeleton',
    label,
    maxPoints: (ctx) => skeletonSublabels(ctx, label).length,
    snapRadius: options.snapRadius,
    build: (pts, ctx) => skeletonFromPoints(skeletonSublabels(ctx, label), pts),
    preview: (pts, ctx) => {
      const subs = skeletonSublabels(ctx, label);
      const placed = skeletonFromPoints(subs.slice(0, pts.length >> 1), pts);
      return { previews: placed ? [{ geometry: placed, label }] : [] };
    },
  });
}
