/** 3D cuboids: centre, Euler XYZ rotation (radians) and size along the local axes. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import { distanceToBox } from '../geometry/distance.js';
import { eulerToQuaternion, quaternionToEuler, slerp } from '../geometry/quaternion.js';
import type { Cuboid3dGeometry } from '../model/records.js';
import { blankRecord } from './common.js';
import type { ShapeDefinition } from './types.js';
import { expectFiniteTuple, expectGeometryObject } from './validation.js';

type Vec3 = [number, number, number];

/** Corners of the x/y footprint: a `scale[0] × scale[1]` box rotated by `rotation[2]` about z. */
function footprint(g: Cuboid3dGeometry): number[] {
  const cos = Math.cos(g.rotation[2]);
  const sin = Math.sin(g.rotation[2]);
  const hx = g.scale[0] / 2;
  const hy = g.scale[1] / 2;
  const out: number[] = [];
  for (const [sx, sy] of [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ] as const) {
    const x = sx * hx;
    const y = sy * hy;
    out.push(g.position[0] + x * cos - y * sin, g.position[1] + x * sin + y * cos);
  }
  return out;
}

/**
 * The 3D cuboid definition. Bounds, distance and area use the footprint on the x/y plane: the
 * `scale[0] × scale[1]` rectangle centred at `position`, rotated by `rotation[2]` (yaw) about z;
 * roll and pitch are ignored there. Units are those of the point cloud.
 *
 * Interpolation: position and scale linearly (CVAT); rotation by quaternion slerp (Euler XYZ →
 * quaternion → slerp along the shorter arc → Euler XYZ). CVAT interpolates each Euler angle on
 * its own, which is right for yaw alone but takes wrong paths for combined rotations; slerp
 * gives the constant-speed shortest rotation. The Euler triple returned between keyframes is the
 * canonical one (x, z in (−π, π], y in [−π/2, π/2]), which may differ from the keyframe's own
 * spelling of the same rotation; `t = 0` returns the left keyframe itself.
 */
export const cuboid3dDefinition: ShapeDefinition<'cuboid3d'> = {
  type: 'cuboid3d',

  validate(value, path) {
    const record = expectGeometryObject(value, 'cuboid3d', ['position', 'rotation', 'scale'], path);
    const position = expectFiniteTuple(record.position, 3, [...path, 'position']) as Vec3;
    const rotation = expectFiniteTuple(record.rotation, 3, [...path, 'rotation']) as Vec3;
    const scale = expectFiniteTuple(record.scale, 3, [...path, 'scale']) as Vec3;
    for (let i = 0; i < 3; i++) {
      if (scale[i] <= 0) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `cuboid scale must be > 0, got ${scale[i]}`,
          { path: [...path, 'scale', i] },
        );
      }
    }
    return { type: 'cuboid3d', position, rotation, scale };
  },

  bounds(g) {
    const corners = footprint(g);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < 8; i += 2) {
      minX = Math.min(minX, corners[i]);
      maxX = Math.max(maxX, corners[i]);
      minY = Math.min(minY, corners[i + 1]);
      maxY = Math.max(maxY, corners[i + 1]);
    }
    return { minX, minY, maxX, maxY };
  },

  distance(g, x, y) {
    const cos = Math.cos(g.rotation[2]);
    const sin = Math.sin(g.rotation[2]);
    const dx = x - g.position[0];
    const dy = y - g.position[1];
    // Into the box frame: rotate by −yaw.
    const lx = dx * cos + dy * sin;
    const ly = -dx * sin + dy * cos;
    const hx = g.scale[0] / 2;
    const hy = g.scale[1] / 2;
    return distanceToBox(-hx, -hy, hx, hy, lx, ly);
  },

  area: (g) => g.scale[0] * g.scale[1],

  translate(g, dx, dy) {
    return {
      type: 'cuboid3d',
      position: [g.position[0] + dx, g.position[1] + dy, g.position[2]],
      rotation: g.rotation,
      scale: g.scale,
    };
  },

  interpolator(a, b) {
    const qa = eulerToQuaternion(a.rotation);
    const qb = eulerToQuaternion(b.rotation);
    const lerp3 = (u: readonly number[], v: readonly number[], t: number): Vec3 => [
      u[0] + (v[0] - u[0]) * t,
      u[1] + (v[1] - u[1]) * t,
      u[2] + (v[2] - u[2]) * t,
    ];
    return (t): Cuboid3dGeometry => {
      if (t === 0) return a;
      const g = blankRecord<Cuboid3dGeometry>();
      g.type = 'cuboid3d';
      g.position = lerp3(a.position, b.position, t);
      g.rotation = quaternionToEuler(slerp(qa, qb, t));
      g.scale = lerp3(a.scale, b.scale, t);
      return g;
    };
  },
};
