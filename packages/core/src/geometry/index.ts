export {
  pointSegmentDistance,
  pointInPolygon,
  distanceToPolyline,
  distanceToPoints,
  distanceToPolygon,
  signedPolygonArea,
  polygonArea,
  polylineLength,
  distanceToBox,
  pointsBounds,
} from './distance.js';
export { convexHull } from './hull.js';
export { rotatePoint, angleDiff, normalizeDegrees } from './angles.js';
export { eulerToQuaternion, quaternionToEuler, slerp } from './quaternion.js';
export type { Quaternion, EulerXYZ } from './quaternion.js';
export { douglasPeucker } from './simplify.js';
