/**
 * Tracks through COCO-like formats. CVAT writes a track as one shape per visible frame with the
 * custom attributes `track_id` and `keyframe`; on import it keeps the keyframe shapes and adds an
 * `outside` keyframe after every gap and after the last visible frame. `foldTracks` does the
 * import side; the export side expands tracks with core's resolver (`util/trackFrames.ts`).
 */
import { objectId } from '@annotkit/core';
import type { AnnotationObject, Keyframe, ShapeObject, TrackObject } from '@annotkit/core';
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

/** True for objects that are tracks. */
export function isTrack(o: AnnotationObject): o is TrackObject {
  return o.kind === 'track';
}
