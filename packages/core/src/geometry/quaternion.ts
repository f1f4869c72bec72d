/**
 * Quaternions and Euler angles for 3D cuboids. Euler angles are intrinsic XYZ in radians (the
 * rotation matrix is Rx·Ry·Rz), the convention of CVAT's 3D canvas and three.js `'XYZ'`.
 */

/** A unit quaternion `[x, y, z, w]`. */
export type Quaternion = readonly [number, number, number, number];
/** Euler angles `[x, y, z]` in radians, order XYZ. */
export type EulerXYZ = readonly [number, number, number];

/** Converts Euler XYZ angles (radians) to a unit quaternion `[x, y, z, w]`. */
export function eulerToQuaternion(euler: EulerXYZ): [number, number, number, number] {
  const c1 = Math.cos(euler[0] / 2);
  const c2 = Math.cos(euler[1] / 2);
  const c3 = Math.cos(euler[2] / 2);
  const s1 = Math.sin(euler[0] / 2);
  const s2 = Math.sin(euler[1] / 2);
  const s3 = Math.sin(euler[2] / 2);
  return [
    s1 * c2 * c3 + c1 * s2 * s3,
    c1 * s2 * c3 - s1 * c2 * s3,
    c1 * c2 * s3 + s1 * s2 * c3,
    c1 * c2 * c3 - s1 * s2 * s3,
  ];
}

/**
 * Converts a unit quaternion to Euler XYZ angles in radians: x and z in (−π, π], y in
 * [−π/2, π/2]. Near gimbal lock (|y| ≈ π/2) z is set to 0 and x carries the whole roll.
 */
export function quaternionToEuler(q: Quaternion): [number, number, number] {
  const [x, y, z, w] = q;
  const m11 = 1 - 2 * (y * y + z * z);
  const m12 = 2 * (x * y - w * z);
  const m13 = 2 * (x * z + w * y);
  const m22 = 1 - 2 * (x * x + z * z);
  const m23 = 2 * (y * z - w * x);
  const m32 = 2 * (y * z + w * x);
  const m33 = 1 - 2 * (x * x + y * y);
  const ey = Math.asin(Math.min(1, Math.max(-1, m13)));
  if (Math.abs(m13) < 0.9999999) {
    return [Math.atan2(-m23, m33), ey, Math.atan2(-m12, m11)];
  }
  return [Math.atan2(m32, m22), ey, 0];
}

/**
 * Spherical linear interpolation between unit quaternions along the shorter arc, `t` in [0, 1].
 * Falls back to normalised linear interpolation when the two are almost equal (angle below
 * about 0.06 rad), where slerp is numerically unstable.
 */
export function slerp(a: Quaternion, b: Quaternion, t: number): [number, number, number, number] {
  let bx = b[0];
  let by = b[1];
  let bz = b[2];
  let bw = b[3];
  let dot = a[0] * bx + a[1] * by + a[2] * bz + a[3] * bw;
  if (dot < 0) {
    dot = -dot;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let wa: number;
  let wb: number;
  if (dot > 0.9995) {
    wa = 1 - t;
    wb = t;
  } else {
    const theta = Math.acos(dot);
    const sin = Math.sin(theta);
    wa = Math.sin((1 - t) * theta) / sin;
    wb = Math.sin(t * theta) / sin;
  }
  const x = wa * a[0] + wb * bx;
  const y = wa * a[1] + wb * by;
  const z = wa * a[2] + wb * bz;
  const w = wa * a[3] + wb * bw;
  const len = Math.sqrt(x * x + y * y + z * z + w * w);
  return [x / len, y / len, z / len, w / len];
}
