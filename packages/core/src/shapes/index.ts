/**
 * Shape definitions, looked up by type. The table is a frozen object literal: there is no
 * registry to mutate, so two documents on a page cannot interfere.
 */
import type { Geometry, GeometryOf, ShapeType } from '../model/records.js';
import { cuboidDefinition } from './cuboid.js';
import { cuboid3dDefinition } from './cuboid3d.js';
import { ellipseDefinition } from './ellipse.js';
import { maskDefinition } from './mask.js';
import { pointsDefinition } from './points.js';
import { polygonDefinition } from './polygon.js';
import { polylineDefinition } from './polyline.js';
import { rectangleDefinition } from './rectangle.js';
import { skeletonDefinition } from './skeleton.js';
import type { InterpolateOptions, ShapeDefinition } from './types.js';
import { AnnotkitError, ErrorCode } from '../errors.js';

const DEFINITIONS: { readonly [T in ShapeType]: ShapeDefinition<T> } = Object.freeze({
  rectangle: rectangleDefinition,
  polygon: polygonDefinition,
  polyline: polylineDefinition,
  points: pointsDefinition,
  ellipse: ellipseDefinition,
  cuboid: cuboidDefinition,
  cuboid3d: cuboid3dDefinition,
  skeleton: skeletonDefinition,
  mask: maskDefinition,
});

/**
 * The definition of a shape type. Throws `invalid-type` for a string that is not a shape type
 * (for example `'tag'`), so it is safe to call with untrusted input.
 */
export function shapeDefinition<T extends ShapeType>(type: T): ShapeDefinition<T> {
  const def = Object.prototype.hasOwnProperty.call(DEFINITIONS, type)
    ? (DEFINITIONS[type] as ShapeDefinition<T> | undefined)
    : undefined;
  if (def === undefined) {
    throw new AnnotkitError(ErrorCode.InvalidType, `unknown shape type '${String(type)}'`, {
      path: ['type'],
    });
  }
  return def;
}

/**
 * Prepares the interpolation between two keyframe geometries of the same type. Throws
 * `invalid-type` when the types differ.
 */
export function geometryInterpolator<T extends ShapeType>(
  a: GeometryOf<T>,
  b: GeometryOf<T>,
  options?: InterpolateOptions,
): (t: number) => GeometryOf<T>;
export function geometryInterpolator(
  a: Geometry,
  b: Geometry,
  options?: InterpolateOptions,
): (t: number) => Geometry;
export function geometryInterpolator(
  a: Geometry,
  b: Geometry,
  options?: InterpolateOptions,
): (t: number) => Geometry {
  if (a.type !== b.type) {
    throw new AnnotkitError(
      ErrorCode.InvalidType,
      `cannot interpolate a ${a.type} into a ${b.type}`,
      { path: ['type'] },
    );
  }
  const def = shapeDefinition(a.type) as ShapeDefinition<ShapeType>;
  return def.interpolator(a as never, b as never, options);
}

/**
 * One-off interpolation between two geometries of the same type at `t` in [0, 1] (0 = `a`).
 * For many frames of the same pair, prepare once with {@link geometryInterpolator}.
 */
export function interpolateGeometry<T extends Geometry>(
  a: T,
  b: T,
  t: number,
  options?: InterpolateOptions,
): T {
  return geometryInterpolator(a, b, options)(t) as T;
}

export { rectangleDefinition } from './rectangle.js';
export { polygonDefinition } from './polygon.js';
export { polylineDefinition } from './polyline.js';
export { pointsDefinition } from './points.js';
export { ellipseDefinition } from './ellipse.js';
export { cuboidDefinition } from './cuboid.js';
export { cuboid3dDefinition } from './cuboid3d.js';
export { skeletonDefinition } from './skeleton.js';
export { maskDefinition } from './mask.js';
export { matchPolyshapes, preparePolyline, preparePolygon, alignRing } from './polyshape.js';
export type { PolyshapeEvaluator } from './polyshape.js';
export type { Box, InterpolateOptions, ShapeDefinition, AnyShapeDefinition } from './types.js';
