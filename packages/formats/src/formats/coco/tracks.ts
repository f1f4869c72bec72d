/**
 * Tracks through COCO-like formats. CVAT writes a track as one shape per visible frame with the
 * custom attributes `track_id` and `keyframe`; on import it keeps the keyframe shapes and adds an
 * `outside` keyframe after every gap and after the last visible frame. These helpers do both
 * directions so that a CVAT export and our own exports rebuild the same tracks.
 */
import { objectId } from '@annotkit/core';
import type {
  AnnotationObject,
  Geometry,
  Keyframe,
  ShapeObject,
  TrackObject,
} from '@annotkit/core';
import type { DocBuilder } from './docBuilder.js';

/** Track membership of an imported shape, by object id. */
export interface TrackMark {
  readonly trackId: number;
  readonly keyframe: boolean;
}

/**
 * Folds shapes marked with a track id into tracks (CVAT's rebuild rules). `marks` maps object
 * ids to their marks; `frameCount` bounds the trailing `outside` keyframe.
 */
export function foldTracks(
  builder: DocBuilder,
  marks: ReadonlyMap<number, TrackMark>,
  frameCount: number,
): void {
  if (marks.size === 0) return;
  const shapes = builder.takeObjects((o) => o.kind === 'shape' && marks.has(o.id)) as ShapeObject[];
  const byTrack = new Map<string, ShapeObject[]>();
  for (const s of shapes) {
    const key = `${marks.get(s.id)!.trackId}\u0000${s.label}`;
    const list = byTrack.get(key);
    if (list) list.push(s);
    else byTrack.set(key, [s]);
  }
  for (const list of byTrack.values()) {
    list.sort((a, b) => a.frame - b.frame);
    const keyframes: Keyframe[] = [];
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const next = list[i + 1];
      const isKey = i === 0 || marks.get(s.id)!.keyframe;
      if (isKey) keyframes.push(keyframe(s, s.frame, false));
      const gapAfter = next ? next.frame > s.frame + 1 : s.frame < frameCount - 1;
      if (gapAfter) keyframes.push(keyframe(s, s.frame + 1, true));
    }
    const first = list[0];
    builder.object((id): TrackObject => ({
      kind: 'track',
      id: objectId(id),
      label: first.label,
      attributes: first.attributes,
      group: first.group,
      source: first.source,
      keyframes,
    }));
  }
}

function keyframe(s: ShapeObject, frame: number, outside: boolean): Keyframe {
  return {
    frame,
    geometry: s.geometry,
    outside,
    occluded: s.occluded,
    zOrder: s.zOrder,
    attributes: {},
  };
}

/** One exported frame of a track. */
export interface TrackFrame {
  readonly frame: number;
  readonly geometry: Geometry;
  readonly occluded: boolean;
  readonly keyframe: boolean;
  /** Mutable attributes held from the left keyframe. */
  readonly attributes: Keyframe['attributes'];
}

/**
 * Expands a track to its visible frames for formats without track records. Frames between
 * keyframes get the left keyframe's geometry moved linearly towards the right one when both
 * have the same shape type and number count (boxes, ellipses, equal polygons); otherwise the
 * left geometry is held. Returns the frames and how many were held rather than interpolated.
 */
export function expandTrack(
  track: TrackObject,
  frameCount: number,
): { frames: TrackFrame[]; held: number } {
  const frames: TrackFrame[] = [];
  let held = 0;
  const kfs = track.keyframes;
  for (let i = 0; i < kfs.length; i++) {
    const k = kfs[i];
    if (k.outside) continue;
    const next = kfs[i + 1];
    const end = next ? next.frame : frameCount;
    const attributes = k.attributes;
    frames.push({
      frame: k.frame,
      geometry: k.geometry,
      occluded: k.occluded,
      keyframe: true,
      attributes,
    });
    for (let f = k.frame + 1; f < end; f++) {
      const t = next ? (f - k.frame) / (next.frame - k.frame) : 0;
      const g = next && !next.outside ? lerpGeometry(k.geometry, next.geometry, t) : k.geometry;
      if (g === undefined) held++;
      frames.push({
        frame: f,
        geometry: g ?? k.geometry,
        occluded: k.occluded,
        keyframe: false,
        attributes,
      });
    }
  }
  return { frames, held };
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function lerpArray(a: readonly number[], b: readonly number[], t: number): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = lerp(a[i], b[i], t);
  return out;
}

function lerpAngle(a: number, b: number, t: number): number {
  const d = ((((b - a) % 360) + 540) % 360) - 180;
  return (((a + d * t) % 360) + 360) % 360;
}

/** Linear interpolation for same-shaped geometries; `undefined` when it does not apply. */
function lerpGeometry(a: Geometry, b: Geometry, t: number): Geometry | undefined {
  if (a.type === 'rectangle' && b.type === 'rectangle') {
    return {
      type: 'rectangle',
      points: lerpArray(a.points, b.points, t),
      rotation: lerpAngle(a.rotation, b.rotation, t),
    };
  }
  if (a.type === 'ellipse' && b.type === 'ellipse') {
    return {
      type: 'ellipse',
      cx: lerp(a.cx, b.cx, t),
      cy: lerp(a.cy, b.cy, t),
      rx: lerp(a.rx, b.rx, t),
      ry: lerp(a.ry, b.ry, t),
      rotation: lerpAngle(a.rotation, b.rotation, t),
    };
  }
  if (
    (a.type === 'polygon' || a.type === 'polyline' || a.type === 'points') &&
    b.type === a.type &&
    a.points.length === b.points.length
  ) {
    return { type: a.type, points: lerpArray(a.points, b.points, t) };
  }
  if (a.type === 'skeleton' && b.type === 'skeleton' && a.elements.length === b.elements.length) {
    return {
      type: 'skeleton',
      elements: a.elements.map((e, i) => ({
        ...e,
        x: lerp(e.x, b.elements[i].x, t),
        y: lerp(e.y, b.elements[i].y, t),
      })),
    };
  }
  return undefined;
}

/** True for objects that are tracks. */
export function isTrack(o: AnnotationObject): o is TrackObject {
  return o.kind === 'track';
}
