/**
 * Track expansion for CVAT-for-video export: the state of a track on every frame.
 *
 * CVAT's importer keeps only keyframes and re-interpolates, so the interpolated rows written
 * here are informative. Boxes, ellipses, cuboids, skeletons and equal-length point lists are
 * interpolated linearly (rotation along the shortest arc); polygons and polylines whose vertex
 * counts differ and masks hold the left keyframe.
 */
import type { Geometry, Keyframe, TrackObject } from '@annotkit/core';

/** What a track looks like on one frame. */
export interface TrackState {
  readonly frame: number;
  readonly keyframe: boolean;
  readonly outside: boolean;
  readonly occluded: boolean;
  readonly zOrder: number;
  readonly geometry: Geometry;
  readonly attributes: Keyframe['attributes'];
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
function lerpAngle(a: number, b: number, t: number): number {
  let d = ((((b - a) % 360) + 540) % 360) - 180;
  if (d === -180) d = 180;
  const r = a + d * t;
  return ((r % 360) + 360) % 360;
}
const lerpArr = (a: readonly number[], b: readonly number[], t: number) =>
  a.map((v, i) => lerp(v, b[i], t));

/** Linear interpolation between two keyframe geometries of one type (see module comment). */
export function interpolateGeometry(a: Geometry, b: Geometry, t: number): Geometry {
  if (t === 0 || a.type !== b.type) return a;
  switch (a.type) {
    case 'rectangle': {
      const g = b as typeof a;
      return {
        type: 'rectangle',
        points: lerpArr(a.points, g.points, t),
        rotation: lerpAngle(a.rotation, g.rotation, t),
      };
    }
    case 'ellipse': {
      const g = b as typeof a;
      return {
        type: 'ellipse',
        cx: lerp(a.cx, g.cx, t),
        cy: lerp(a.cy, g.cy, t),
        rx: lerp(a.rx, g.rx, t),
        ry: lerp(a.ry, g.ry, t),
        rotation: lerpAngle(a.rotation, g.rotation, t),
      };
    }
    case 'cuboid':
    case 'points':
    case 'polygon':
    case 'polyline': {
      const g = b as typeof a;
      return g.points.length === a.points.length
        ? { type: a.type, points: lerpArr(a.points, g.points, t) }
        : a;
    }
    case 'skeleton': {
      const g = b as typeof a;
      return {
        type: 'skeleton',
        elements: a.elements.map((e, i) => {
          const f = g.elements[i];
          return !f || e.outside || f.outside
            ? e
            : { ...e, x: lerp(e.x, f.x, t), y: lerp(e.y, f.y, t) };
        }),
      };
    }
    default:
      return a;
  }
}

/**
 * States of a track from its first keyframe to `frameCount − 1`: every visible frame, plus each
 * outside keyframe (frames inside an outside run are left out), as CVAT writes tracks.
 */
export function expandTrack(track: TrackObject, frameCount: number): TrackState[] {
  const out: TrackState[] = [];
  const kfs = track.keyframes;
  let k = 0;
  for (let f = kfs[0].frame; f < frameCount; f++) {
    while (k + 1 < kfs.length && kfs[k + 1].frame <= f) k++;
    const left = kfs[k];
    const isKey = left.frame === f;
    if (left.outside && !isKey) continue;
    const right = kfs[k + 1];
    const t = right && !left.outside ? (f - left.frame) / (right.frame - left.frame) : 0;
    out.push({
      frame: f,
      keyframe: isKey,
      outside: left.outside,
      occluded: left.occluded,
      zOrder: left.zOrder,
      geometry:
        right && t > 0 ? interpolateGeometry(left.geometry, right.geometry, t) : left.geometry,
      attributes: left.attributes,
    });
  }
  return out;
}
