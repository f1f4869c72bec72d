/**
 * Resolving a track at a frame, with CVAT's semantics.
 *
 * Why a resolver with a cache: playback resolves every track on every frame, and for polyshapes
 * the expensive part of interpolation (CVAT's vertex matching) depends only on the keyframe pair.
 * Records are immutable, so a WeakMap keyed by the track record is a cache that can never be
 * stale (an edited track is a new object) and never leaks (it dies with the record). Per track it
 * keeps the prepared interpolator of each keyframe pair, the attributes in effect from each
 * keyframe on. Results are not kept: callers that re-read frames (the frame-state query) cache
 * whole frames, and holding every track's last result would only make each result outlive the
 * young generation of the garbage collector.
 *
 * Attribute semantics: the immutable attributes of the track, overlaid with the mutable ones of
 * every keyframe up to and including the left keyframe, later keyframes winning. That is CVAT's
 * `getAttributes`; when every keyframe stores every mutable attribute (what CVAT writes) it is
 * simply "the left keyframe's values". Before the first keyframe we use the first keyframe's
 * values, like its geometry (CVAT shows the immutable ones only there; the object is outside).
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AttributeValues, Geometry, TrackObject } from '../model/records.js';
import { geometryInterpolator } from '../shapes/index.js';
import type { InterpolateOptions } from '../shapes/types.js';

/** A track's state on one frame. */
export interface ResolvedTrack {
  /** Interpolated between keyframes, held after the last, the first keyframe's before it. */
  readonly geometry: Geometry;
  /** True before the first keyframe and from an outside keyframe until the next keyframe. */
  readonly outside: boolean;
  /** Held from the left keyframe. */
  readonly occluded: boolean;
  /** Held from the left keyframe. */
  readonly zOrder: number;
  /** Immutable track attributes overlaid with the held mutable ones (see the module note). */
  readonly attributes: AttributeValues;
  /** True when `frame` is a keyframe of the track. */
  readonly keyframe: boolean;
}

/** Options for {@link resolveTrack} and {@link createTrackResolver}. */
export interface ResolveTrackOptions {
  /** Passed to every shape interpolator (e.g. `alignStart` for polygons). Defaults to `{}`. */
  readonly interpolate?: InterpolateOptions;
}

/** A resolver that caches prepared interpolators per track record and keyframe pair. */
export interface TrackResolver {
  /** The state of `track` on `frame`; same semantics as {@link resolveTrack}. */
  resolve(track: TrackObject, frame: number): ResolvedTrack;
}

/**
 * Index of the last keyframe whose frame is ≤ `frame`, or −1 when `frame` is before the first.
 * Binary search: keyframes are sorted by frame.
 */
export function leftKeyframeIndex(track: TrackObject, frame: number): number {
  const keyframes = track.keyframes;
  let lo = 0;
  let hi = keyframes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyframes[mid].frame <= frame) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function checkKeyframes(track: TrackObject): void {
  if (track.keyframes.length === 0) {
    throw new AnnotkitError(ErrorCode.Keyframes, `track ${track.id} has no keyframes`, {
      path: ['keyframes'],
    });
  }
}

/** Attributes in effect from keyframe `index` on (see the module note). */
function attributesAt(track: TrackObject, index: number): AttributeValues {
  const out: Record<number, string> = { ...track.attributes };
  for (let k = 0; k <= index; k++) Object.assign(out, track.keyframes[k].attributes);
  return out;
}

type Prepared = (t: number) => Geometry;

/**
 * Prepared data of one track record for the keyframe segment last resolved: the frames it
 * covers, everything held from its left keyframe, and its prepared interpolator. Playback stays
 * in one segment for many frames, so a resolve there touches only this object and the prepared
 * interpolator (no binary search, no keyframe objects scattered over the heap: on 10k tracks
 * memory locality is what costs). Keeping one segment bounds memory (every segment of 10k
 * tracks would hold ~100 MB). A cache belongs to one track record; used with another record it
 * resets itself.
 */
export interface TrackCache {
  /** The record this cache was filled from. */
  track: TrackObject | undefined;
  /** Left keyframe index of the cached segment (−1: before the first keyframe). */
  index: number;
  /** First frame of the segment (inclusive; −Infinity before the first keyframe). */
  from: number;
  /** End frame of the segment (exclusive): the next keyframe's frame, or Infinity. */
  to: number;
  outside: boolean;
  occluded: boolean;
  zOrder: number;
  attributes: AttributeValues;
  /** The held geometry: the left keyframe's (the first keyframe's before it). */
  geometry: Geometry | undefined;
  /** True when frames inside the segment are interpolated towards the next keyframe. */
  interpolates: boolean;
  /** Prepared on first use within the segment. */
  interpolator: Prepared | undefined;
}

/** An empty {@link TrackCache}. */
export function createTrackCache(): TrackCache {
  return {
    track: undefined,
    index: -1,
    from: 0,
    to: 0,
    outside: true,
    occluded: false,
    zOrder: 0,
    attributes: EMPTY_ATTRIBUTES,
    geometry: undefined,
    interpolates: false,
    interpolator: undefined,
  };
}

const EMPTY_ATTRIBUTES: AttributeValues = Object.freeze({});
const EMPTY_OPTIONS: InterpolateOptions = {};

/**
 * Points `cache` at the segment of `track` that holds `frame`, unless it already does. This is
 * where CVAT's semantics live: before the first keyframe the object is outside with the first
 * keyframe's geometry; from a keyframe on, outside/occluded/zOrder/attributes are held from it;
 * frames after a non-outside keyframe with a successor are interpolated.
 */
export function enterTrackSegment(track: TrackObject, frame: number, cache: TrackCache): void {
  if (cache.track === track && frame >= cache.from && frame < cache.to) return;
  checkKeyframes(track);
  const keyframes = track.keyframes;
  const index = leftKeyframeIndex(track, frame);
  const held = keyframes[index < 0 ? 0 : index];
  cache.track = track;
  cache.index = index;
  cache.from = index < 0 ? -Infinity : held.frame;
  cache.to = index + 1 < keyframes.length ? keyframes[index + 1].frame : Infinity;
  cache.outside = index < 0 ? true : held.outside;
  cache.occluded = held.occluded;
  cache.zOrder = held.zOrder;
  cache.attributes = attributesAt(track, index < 0 ? 0 : index);
  cache.geometry = held.geometry;
  cache.interpolates = index >= 0 && !held.outside && index + 1 < keyframes.length;
  cache.interpolator = undefined;
}

/**
 * The geometry of the track on `frame`, after {@link enterTrackSegment} put `cache` on the
 * segment holding `frame`.
 */
export function trackGeometryAt(
  cache: TrackCache,
  frame: number,
  options: InterpolateOptions = EMPTY_OPTIONS,
): Geometry {
  if (!cache.interpolates || frame === cache.from) return cache.geometry as Geometry;
  const prepared = (cache.interpolator ??= prepareAt(
    cache.track as TrackObject,
    cache.index,
    options,
  ));
  return prepared((frame - cache.from) / (cache.to - cache.from));
}

/**
 * Resolves `track` on `frame` like {@link resolveTrack}, keeping prepared data in `cache`
 * (one cache per track; it resets itself when given another record). For hot loops that hold
 * their own per-track entries (the frame-state query): no lookup per call.
 */
export function resolveTrackCached(
  track: TrackObject,
  frame: number,
  cache: TrackCache,
  options: ResolveTrackOptions = {},
): ResolvedTrack {
  enterTrackSegment(track, frame, cache);
  return {
    geometry: trackGeometryAt(cache, frame, options.interpolate ?? EMPTY_OPTIONS),
    outside: cache.outside,
    occluded: cache.occluded,
    zOrder: cache.zOrder,
    attributes: cache.attributes,
    keyframe: cache.index >= 0 && frame === cache.from,
  };
}

function prepareAt(track: TrackObject, index: number, options: InterpolateOptions): Prepared {
  const a = track.keyframes[index].geometry;
  const b = track.keyframes[index + 1].geometry;
  if (a.type !== b.type) {
    throw new AnnotkitError(
      ErrorCode.Keyframes,
      `keyframes ${index} and ${index + 1} of track ${track.id} have different shape types (${a.type}, ${b.type})`,
      { path: ['keyframes', index + 1, 'geometry', 'type'] },
    );
  }
  return geometryInterpolator(a, b, options);
}

/**
 * The state of `track` on `frame`, with CVAT's semantics:
 * - before the first keyframe: outside, with the first keyframe's geometry;
 * - on a keyframe: that keyframe;
 * - between two keyframes: geometry interpolated with `t = (frame − left) / (right − left)`, unless
 *   the left keyframe is outside (then the object is outside and the left geometry is held);
 * - after the last keyframe: the last keyframe held.
 * `outside`, `occluded`, `zOrder` and the mutable attributes come from the left keyframe.
 *
 * Prepares the interpolator afresh on each call; to resolve many frames, use
 * {@link createTrackResolver}. Throws `keyframes` when the track has no keyframes or two
 * neighbouring keyframes differ in shape type. Keyframes are assumed sorted (document validation
 * checks that).
 */
export function resolveTrack(
  track: TrackObject,
  frame: number,
  options: ResolveTrackOptions = {},
): ResolvedTrack {
  return resolveTrackCached(track, frame, createTrackCache(), options);
}

/**
 * Creates a resolver that caches, per track record (WeakMap, so edits invalidate by identity and
 * nothing leaks), the prepared interpolator of each keyframe pair, the attributes of each
 * keyframe. Resolving is then a binary search plus, between
 * keyframes, one evaluation (for polyshapes: a lerp and CVAT's point reduction). Each resolver
 * has its own cache: resolvers share nothing.
 */
export function createTrackResolver(options: ResolveTrackOptions = {}): TrackResolver {
  const resolveOptions: ResolveTrackOptions = { interpolate: options.interpolate ?? {} };
  const caches = new WeakMap<TrackObject, TrackCache>();
  return {
    resolve(track, frame) {
      let cache = caches.get(track);
      if (cache === undefined) {
        cache = createTrackCache();
        caches.set(track, cache);
      }
      return resolveTrackCached(track, frame, cache, resolveOptions);
    },
  };
}
