/**
 * Path emitters: one per shape type, in one lookup table (nothing else in canvas2d switches on
 * the type). Each appends sub-paths for a geometry to the current path of a sink, in SCREEN
 * pixels, so a whole style batch is one `beginPath … stroke`.
 *
 * Simplification: consecutive vertices closer than `tolerance` screen px (Chebyshev distance)
 * to the last emitted vertex are skipped. When zoomed in this drops nothing visible; when zoomed
 * far out a 16-vertex polygon collapses to a handful of vertices, and a shape smaller than the
 * tolerance becomes one 1-px square so it stays visible.
 */
import type { Geometry, GeometryOf, Label, LabelId, ShapeType } from '@annotkit/core';
import type { ViewTransform } from '../canvas/view.js';
import type { DrawSink } from './sink.js';

/** What an emitter may need besides the geometry. */
export interface EmitContext {
  readonly view: ViewTransform;
  /** Skip distance in screen px. 0 disables simplification. */
  readonly tolerance: number;
  /** Diameter of the circle drawn for a point, in screen px. */
  readonly pointSize: number;
  /** Label lookup (skeleton edges). */
  readonly label: (id: LabelId) => Label | undefined;
}

type Emitter<T extends ShapeType> = (
  sink: DrawSink,
  g: GeometryOf<T>,
  c: EmitContext,
  label: LabelId,
) => void;

/**
 * Emits a flat `[x0, y0, x1, y1, …]` image-px vertex list as one sub-path. Returns the number of
 * vertices emitted.
 */
export function emitPolyline(
  sink: DrawSink,
  pts: readonly number[],
  closed: boolean,
  c: EmitContext,
): number {
  const n = pts.length >> 1;
  if (n === 0) return 0;
  const { scale: s, offsetX: ox, offsetY: oy } = c.view;
  const tol = c.tolerance;
  const x0 = pts[0] * s + ox;
  const y0 = pts[1] * s + oy;
  let lx = x0;
  let ly = y0;
  let emitted = 1;
  let pendingX = x0;
  let pendingY = y0;
  let pending = false;
  sink.moveTo(x0, y0);
  for (let i = 1; i < n; i++) {
    const x = pts[2 * i] * s + ox;
    const y = pts[2 * i + 1] * s + oy;
    const dx = x - lx;
    const dy = y - ly;
    if (dx >= tol || dx <= -tol || dy >= tol || dy <= -tol) {
      sink.lineTo(x, y);
      lx = x;
      ly = y;
      emitted++;
      pending = false;
    } else {
      pendingX = x;
      pendingY = y;
      pending = true;
    }
  }
  if (!closed && pending && emitted > 1) {
    sink.lineTo(pendingX, pendingY);
    emitted++;
  }
  if (emitted === 1) {
    // Everything fell within the tolerance: a single pixel keeps the object visible.
    sink.rect(x0, y0, 1, 1);
    return 1;
  }
  if (closed) sink.closePath();
  return emitted;
}

/** The 4 corners (image px, clockwise from top-left) of a possibly rotated rectangle. */
export function rectangleCorners(g: GeometryOf<'rectangle'>): number[] {
  const [x1, y1, x2, y2] = g.points;
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const a = (g.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out: number[] = [];
  for (const [x, y] of [
    [x1, y1],
    [x2, y1],
    [x2, y2],
    [x1, y2],
  ] as const) {
    const dx = x - cx;
    const dy = y - cy;
    out.push(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
  }
  return out;
}

function emitPoints(sink: DrawSink, pts: readonly number[], c: EmitContext): void {
  const { scale: s, offsetX: ox, offsetY: oy } = c.view;
  // Points are small circles of diameter `pointSize` (screen px); moveTo starts each as its
  // own sub-path so no connecting line is drawn.
  const r = c.pointSize / 2;
  for (let i = 0; i + 1 < pts.length; i += 2) {
    const x = pts[i] * s + ox;
    const y = pts[i + 1] * s + oy;
    sink.moveTo(x + r, y);
    sink.ellipse(x, y, r, r, 0, 0, 2 * Math.PI);
  }
}

const emitters: { readonly [T in ShapeType]: Emitter<T> } = {
  rectangle: (sink, g, c) => {
    emitPolyline(sink, rectangleCorners(g), true, c);
  },
  polygon: (sink, g, c) => {
    emitPolyline(sink, g.points, true, c);
  },
  polyline: (sink, g, c) => {
    emitPolyline(sink, g.points, false, c);
  },
  points: (sink, g, c) => emitPoints(sink, g.points, c),
  ellipse: (sink, g, c) => {
    const { scale: s, offsetX: ox, offsetY: oy } = c.view;
    const cx = g.cx * s + ox;
    const cy = g.cy * s + oy;
    const rx = g.rx * s;
    const ry = g.ry * s;
    if (rx < c.tolerance && ry < c.tolerance) {
      sink.rect(cx, cy, 1, 1);
      return;
    }
    const a = (g.rotation * Math.PI) / 180;
    sink.moveTo(cx + rx * Math.cos(a), cy + rx * Math.sin(a));
    sink.ellipse(cx, cy, rx, ry, a, 0, 2 * Math.PI);
  },
  cuboid: (sink, g, c) => {
    const p = g.points;
    // Faces as tl, tr, br, bl of each face (stored tl, bl, tr, br).
    for (const base of [0, 8]) {
      const face = [0, 4, 6, 2].flatMap((k) => [p[base + k], p[base + k + 1]]);
      emitPolyline(sink, face, true, c);
    }
    for (let i = 0; i < 8; i += 2) {
      emitPolyline(sink, [p[i], p[i + 1], p[i + 8], p[i + 9]], false, c);
    }
  },
  cuboid3d: () => {
    // Not drawn by the 2D canvas: 3D boxes belong to point-cloud frames (canvas3d).
  },
  skeleton: (sink, g, c, labelId) => {
    const visible = g.elements.filter((e) => !e.outside);
    const label = c.label(labelId);
    if (label?.edges) {
      const at = new Map(visible.map((e) => [e.label, e] as const));
      for (const [a, b] of label.edges) {
        const ea = at.get(a);
        const eb = at.get(b);
        if (ea && eb) emitPolyline(sink, [ea.x, ea.y, eb.x, eb.y], false, c);
      }
    }
    emitPoints(
      sink,
      visible.flatMap((e) => [e.x, e.y]),
      c,
    );
  },
  mask: (sink, g, c) => {
    // Foundation only: a mask is shown by its box outline (pixel rendering is future work).
    emitPolyline(
      sink,
      [g.left, g.top, g.right + 1, g.top, g.right + 1, g.bottom + 1, g.left, g.bottom + 1],
      true,
      c,
    );
  },
};

/**
 * Appends the outline of `g` (screen px) to the sink's current path. `label` is the object's
 * label (skeletons read their edges from it).
 */
export function emitGeometry(sink: DrawSink, g: Geometry, c: EmitContext, label: LabelId): void {
  (emitters[g.type] as Emitter<ShapeType>)(sink, g as never, c, label);
}

/** True when the type has an interior that is filled with the fill opacity. */
export function isFillable(type: ShapeType): boolean {
  return (
    type === 'rectangle' ||
    type === 'polygon' ||
    type === 'ellipse' ||
    type === 'cuboid' ||
    type === 'mask'
  );
}
