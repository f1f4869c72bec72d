/**
 * Per-type editors for the vertex-edit tool, in one lookup table (nothing else here switches on
 * the shape type). An editor lists the handles of a geometry and computes the geometry after a
 * handle is dragged, a vertex inserted or a vertex deleted. All coordinates are image px.
 *
 * - polygon / polyline: a `vertex` handle per point, a `midpoint` handle per edge (drag or click
 *   it to insert a vertex there); delete keeps at least 3 / 2 points.
 * - points: a `vertex` handle per point; delete keeps at least 1 point.
 * - skeleton: a `vertex` handle per visible element (drag moves that element); a press inside
 *   the box of its visible points drags the whole skeleton.
 * - cuboid: a `vertex` handle per point, a `midpoint` handle per edge (moves its 2 points) and
 *   per face (moves its 4 points), plus projection-line guides.
 * - ellipse: `e` and `s` handles on the axes (set `rx` / `ry`) and a `rotate` handle.
 */
import type { Geometry, GeometryOf, ShapeType } from '@annotkit/core';
import type { ViewTransform } from '../../canvas/view.js';
import {
  CUBOID_EDGES,
  CUBOID_FACES,
  cuboidProjectionLines,
} from '../draw-cuboid/cuboidGeometry.js';
import { ROTATE_HANDLE_OFFSET } from '../transform/transform.js';
import type { Handle } from '../types.js';

/** A handle of the vertex-edit tool. */
export interface EditHandle extends Handle {
  /** Point indices that follow the pointer when this handle is dragged. */
  readonly move?: readonly number[];
  /** Midpoints of polygon/polyline edges: the index the inserted vertex gets. */
  readonly insertAt?: number;
  /** Vertex handles of deletable types: the vertex index. */
  readonly vertex?: number;
}

/** How one shape type is edited. */
export interface ShapeEditor<G extends Geometry = Geometry> {
  handles(g: G, view: ViewTransform): EditHandle[];
  /**
   * The geometry after dragging `h` so that its anchor lands on `(x, y)`; undefined when that
   * would make an invalid shape (e.g. a zero radius). `snap` is a rotation step in degrees.
   */
  drag(g: G, h: EditHandle, x: number, y: number, snap: number): Geometry | undefined;
  /** Inserts a vertex at index `at`. */
  insert?(g: G, at: number, x: number, y: number): Geometry;
  /** Deletes vertex `i`; undefined when the type's minimum point count forbids it. */
  remove?(g: G, i: number): Geometry | undefined;
  /**
   * A press at `(x, y)` that hits no handle: a hidden handle that moves the whole shape, or
   * undefined to leave the press to the select tool. Skeletons use it: their hit area is only
   * their points (all covered by handles), so the box around them drags the whole skeleton.
   */
  body?(g: G, x: number, y: number): EditHandle | undefined;
  /** Guide lines shown while the shape is selected. */
  guides?(g: G): number[][];
}

function movePoints(
  pts: readonly number[],
  move: readonly number[],
  dx: number,
  dy: number,
): number[] {
  const out = [...pts];
  for (const k of move) {
    out[2 * k] += dx;
    out[2 * k + 1] += dy;
  }
  return out;
}

/** An editor for flat point lists (polygon, polyline, points). */
type PointListType = 'polygon' | 'polyline' | 'points';

function pointListEditor(
  type: PointListType,
  min: number,
  edges: 'closed' | 'open' | 'none',
): ShapeEditor<GeometryOf<PointListType>> {
  const make = (points: number[]): Geometry => ({ type, points }) as Geometry;
  return {
    handles(g) {
      const p = g.points;
      const n = p.length >> 1;
      const out: EditHandle[] = [];
      for (let i = 0; i < n; i++) {
        out.push({ kind: 'vertex', x: p[2 * i], y: p[2 * i + 1], move: [i], vertex: i });
      }
      if (edges !== 'none') {
        const m = edges === 'closed' ? n : n - 1;
        for (let i = 0; i < m; i++) {
          const j = (i + 1) % n;
          out.push({
            kind: 'midpoint',
            x: (p[2 * i] + p[2 * j]) / 2,
            y: (p[2 * i + 1] + p[2 * j + 1]) / 2,
            insertAt: i + 1,
          });
        }
      }
      return out;
    },
    drag: (g, h, x, y) => make(movePoints(g.points, h.move ?? [], x - h.x, y - h.y)),
    insert(g, at, x, y) {
      const out = [...g.points];
      out.splice(2 * at, 0, x, y);
      return make(out);
    },
    remove(g, i) {
      if ((g.points.length >> 1) - 1 < min) return undefined;
      const out = [...g.points];
      out.splice(2 * i, 2);
      return make(out);
    },
  };
}

const cuboidEditor: ShapeEditor<GeometryOf<'cuboid'>> = {
  handles(g) {
    const p = g.points;
    const at = (ks: readonly number[]): { x: number; y: number } => ({
      x: ks.reduce((s, k) => s + p[2 * k], 0) / ks.length,
      y: ks.reduce((s, k) => s + p[2 * k + 1], 0) / ks.length,
    });
    return [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k): EditHandle => ({
        kind: 'vertex',
        ...at([k]),
        move: [k],
      })),
      ...CUBOID_EDGES.map((e): EditHandle => ({ kind: 'midpoint', ...at(e), move: e })),
      ...CUBOID_FACES.map((f): EditHandle => ({ kind: 'midpoint', ...at(f), move: f })),
    ];
  },
  drag: (g, h, x, y) => ({
    type: 'cuboid',
    points: movePoints(g.points, h.move ?? [], x - h.x, y - h.y),
  }),
  guides: (g) => cuboidProjectionLines(g),
};

const skeletonEditor: ShapeEditor<GeometryOf<'skeleton'>> = {
  body(g, x, y) {
    const vis = g.elements.filter((e) => !e.outside);
    const xs = vis.map((e) => e.x);
    const ys = vis.map((e) => e.y);
    if (vis.length === 0 || x < Math.min(...xs) || x > Math.max(...xs)) return undefined;
    if (y < Math.min(...ys) || y > Math.max(...ys)) return undefined;
    return { kind: 'midpoint', x, y, move: g.elements.map((_, i) => i) };
  },
  handles: (g) =>
    g.elements.flatMap((e, i): EditHandle[] =>
      e.outside ? [] : [{ kind: 'vertex', x: e.x, y: e.y, move: [i] }],
    ),
  drag: (g, h, x, y) => ({
    type: 'skeleton',
    elements: g.elements.map((e, i) =>
      h.move?.includes(i) ? { ...e, x: e.x + x - h.x, y: e.y + y - h.y } : e,
    ),
  }),
};

const ellipseEditor: ShapeEditor<GeometryOf<'ellipse'>> = {
  handles(g, view) {
    const a = (g.rotation * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const up = g.ry + ROTATE_HANDLE_OFFSET / view.scale;
    return [
      { kind: 'e', x: g.cx + g.rx * cos, y: g.cy + g.rx * sin },
      { kind: 's', x: g.cx - g.ry * sin, y: g.cy + g.ry * cos },
      { kind: 'rotate', x: g.cx + up * sin, y: g.cy - up * cos },
    ];
  },
  drag(g, h, x, y, snap) {
    const dx = x - g.cx;
    const dy = y - g.cy;
    if (h.kind === 'rotate') {
      let deg = (Math.atan2(dy, dx) * 180) / Math.PI + 90;
      if (snap > 0) deg = Math.round(deg / snap) * snap;
      return { ...g, rotation: ((deg % 360) + 360) % 360 };
    }
    const a = (g.rotation * Math.PI) / 180;
    const u = Math.abs(dx * Math.cos(a) + dy * Math.sin(a));
    const v = Math.abs(-dx * Math.sin(a) + dy * Math.cos(a));
    const r = h.kind === 'e' ? u : v;
    if (!(r > 0)) return undefined;
    return h.kind === 'e' ? { ...g, rx: r } : { ...g, ry: r };
  },
};

const editors: { readonly [T in ShapeType]?: ShapeEditor<GeometryOf<T>> } = {
  polygon: pointListEditor('polygon', 3, 'closed'),
  polyline: pointListEditor('polyline', 2, 'open'),
  points: pointListEditor('points', 1, 'none'),
  cuboid: cuboidEditor,
  skeleton: skeletonEditor,
  ellipse: ellipseEditor,
};

/** The editor of a shape type, or undefined when the vertex-edit tool does not edit it. */
export function editorOf(type: ShapeType): ShapeEditor | undefined {
  return editors[type] as ShapeEditor | undefined;
}
