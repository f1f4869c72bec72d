import type { ErrorPath } from '../errors.js';
import type { Geometry, GeometryOf, ShapeType } from '../model/records.js';

/** Axis-aligned box in image pixels. */
export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Options for interpolation between two keyframes. */
export interface InterpolateOptions {
  /**
   * Polygons only: rotate the right ring's start point (and flip its direction when that fits
   * better) to best match the left ring before CVAT's matching. Fixes CVAT's weakness when
   * vertex 0 moves around the contour, at the cost of differing from CVAT's output.
   * Defaults to false (bit-compatible with CVAT).
   */
  readonly alignStart?: boolean;
}

/**
 * Everything core knows about one shape type. One definition file per type; nothing else in
 * core switches on the type — it looks the definition up with `shapeDefinition(type)`.
 */
export interface ShapeDefinition<T extends ShapeType = ShapeType> {
  readonly type: T;
  /**
   * Checks an untrusted value and returns it typed. Throws `AnnotkitError` (`invalid-type`,
   * `not-finite`, `point-count`, `invalid-geometry`) with `path` prefixed to the field path.
   * Never clamps or drops anything.
   */
  validate(value: unknown, path: ErrorPath): GeometryOf<T>;
  /** Axis-aligned bounds in image pixels (cuboid3d: its footprint on the x/y plane). */
  bounds(g: GeometryOf<T>): Box;
  /**
   * Hit distance from `(x, y)` to the shape in pixels: 0 inside filled shapes (rectangle,
   * polygon, ellipse, cuboid, mask pixel set), else the distance to the outline or nearest point.
   */
  distance(g: GeometryOf<T>, x: number, y: number): number;
  /** Area in square pixels (0 for polylines and points). */
  area(g: GeometryOf<T>): number;
  /** Moves the geometry by `(dx, dy)` pixels (cuboid3d: along x/y). */
  translate(g: GeometryOf<T>, dx: number, dy: number): GeometryOf<T>;
  /**
   * Prepares interpolation from keyframe `a` to keyframe `b`. The returned function is called
   * with `t` in [0, 1]; `t = 0` must return `a` exactly. Tracks cache the prepared function per
   * keyframe pair, so expensive matching (polyshapes) happens once per pair.
   */
  interpolator(
    a: GeometryOf<T>,
    b: GeometryOf<T>,
    options?: InterpolateOptions,
  ): (t: number) => GeometryOf<T>;
}

/** A definition of any type, as stored in the lookup table. */
export type AnyShapeDefinition = { [T in ShapeType]: ShapeDefinition<T> }[ShapeType];

/** Geometry helper type re-exported for definition files. */
export type { Geometry };
