/**
 * Track expansion for formats without keyframe records (CVAT for images, COCO, YOLO, VOC,
 * Datumaro) and for CVAT for video, which writes every frame of a track. Positions between
 * keyframes come from core's track resolver, so an export shows exactly what the editor shows
 * (polygons by CVAT's polyshape matching, rotations along the shortest arc, 3D cuboids by slerp,
 * masks and unequal point lists held).
 */
import { createTrackResolver } from '@annotkit/core';
import type { ResolvedTrack, TrackObject, TrackResolver } from '@annotkit/core';

/** A track's state on one frame (core's {@link ResolvedTrack} plus the frame index). */
export interface TrackFrameState extends ResolvedTrack {
  /** 0-based frame index. */
  readonly frame: number;
}

/** Options for {@link trackFrames}. */
export interface TrackFramesOptions {
  /**
   * Keep outside keyframes (CVAT for video writes them, to end a visible run). Defaults to
   * false: only frames where the track is visible.
   */
  readonly outsideKeyframes?: boolean;
  /**
   * Resolver to use; pass one per export so that prepared interpolators are shared across
   * tracks' frames. Defaults to a new resolver.
   */
  readonly resolver?: TrackResolver;
}

/**
 * The states of `track` from its first keyframe up to `frameCount − 1`: every frame on which it
 * is visible, plus (with `outsideKeyframes`) each outside keyframe. Frames inside an outside run
 * are skipped without being resolved. Keyframes at or after `frameCount` are ignored.
 */
export function trackFrames(
  track: TrackObject,
  frameCount: number,
  options: TrackFramesOptions = {},
): TrackFrameState[] {
  const resolver = options.resolver ?? createTrackResolver();
  const keepOutside = options.outsideKeyframes ?? false;
  const kfs = track.keyframes;
  const out: TrackFrameState[] = [];
  let k = 0;
  for (let f = kfs.length > 0 ? kfs[0].frame : frameCount; f < frameCount; f++) {
    while (k + 1 < kfs.length && kfs[k + 1].frame <= f) k++;
    const left = kfs[k];
    if (left.outside) {
      if (left.frame === f && keepOutside) out.push({ frame: f, ...resolver.resolve(track, f) });
      // Jump to the next keyframe: nothing is visible in between.
      if (k + 1 >= kfs.length) break;
      f = kfs[k + 1].frame - 1;
      continue;
    }
    out.push({ frame: f, ...resolver.resolve(track, f) });
  }
  return out;
}
