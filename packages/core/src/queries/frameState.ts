/**
 * `frameState`: every object on one frame, resolved, cached per document.
 *
 * Design note. Playback asks for consecutive frames of documents with thousands of tracks, and
 * editing changes a few records at a time. So each document gets one cache (in a WeakMap keyed
 * by the document object: two documents share nothing, and the cache dies with its document)
 * holding
 * - a frame → shapes/tags index and the list of tracks, kept up to date from the document's
 *   change events (one subscription per document) instead of rescanning `doc.objects()`;
 * - a track resolver that keeps each keyframe pair's prepared interpolator, so resolving a
 *   track on a frame is a binary search plus one call;
 * - a small LRU of resolved frames. A shape or tag change invalidates its frame(s) only; a track
 *   change invalidates the frames from its first keyframe on (before it the track is outside,
 *   so default results there do not depend on it); results that include outside tracks are all
 *   invalidated by any track change.
 * The document's `version` is checked on every query: if it moved without an event reaching us
 * the cache is rebuilt, so a stale answer is impossible.
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AnnotationDocument, ChangeEvent } from '../document/types.js';
import type { LabelId, ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  AnyRecord,
  AttributeValues,
  Geometry,
  ShapeObject,
  Source,
  TagObject,
  TrackObject,
} from '../model/records.js';
import {
  createTrackCache,
  enterTrackSegment,
  resolveTrack,
  trackGeometryAt,
} from '../tracks/index.js';
import type { TrackCache } from '../tracks/index.js';
import { FrameLru } from './frameLru.js';
import type { FrameState, FrameStateOptions, ResolvedObject } from './types.js';

/**
 * Number of resolved frames kept per document and option set. Small on purpose: the views of
 * one editor ask for the same frame, and on 10k tracks every kept frame is ~2 MB that the
 * garbage collector copies at every minor collection during playback.
 */
const LRU_CAPACITY = 2;

/**
 * A resolved object. A class rather than an object literal: ten thousand of these are made per
 * frame, and object literals let V8 move a hot allocation site's objects to the old generation,
 * where they keep each frame's young geometry alive through minor garbage collections (see the
 * note in `shapes/common.ts`). `geometry` (absent for tags) and `score` are own properties only
 * when defined, as {@link ResolvedObject} documents.
 */
class Resolved implements ResolvedObject {
  declare readonly id: ObjectId;
  declare readonly kind: ResolvedObject['kind'];
  declare readonly label: LabelId;
  declare readonly frame: number;
  declare readonly geometry?: Geometry;
  declare readonly outside: boolean;
  declare readonly occluded: boolean;
  declare readonly zOrder: number;
  declare readonly attributes: AttributeValues;
  declare readonly keyframe: boolean;
  declare readonly group: number;
  declare readonly source: Source;
  declare readonly score?: number;

  constructor(
    id: ObjectId,
    kind: ResolvedObject['kind'],
    label: LabelId,
    frame: number,
    geometry: Geometry | undefined,
    outside: boolean,
    occluded: boolean,
    zOrder: number,
    attributes: AttributeValues,
    keyframe: boolean,
    group: number,
    source: Source,
    score: number | undefined,
  ) {
    this.id = id;
    this.kind = kind;
    this.label = label;
    this.frame = frame;
    if (geometry !== undefined) this.geometry = geometry;
    this.outside = outside;
    this.occluded = occluded;
    this.zOrder = zOrder;
    this.attributes = attributes;
    this.keyframe = keyframe;
    this.group = group;
    this.source = source;
    if (score !== undefined) this.score = score;
  }
}

/**
 * A track's segment cache plus the track fields every resolved object repeats, copied once when
 * the record is indexed: resolving a frame then reads one object per track instead of chasing
 * the record, a wrapper and the cache (on 10k tracks, memory locality is what costs).
 */
interface TrackEntry extends TrackCache {
  readonly record: TrackObject;
  readonly id: ObjectId;
  readonly label: TrackObject['label'];
  readonly group: number;
  readonly source: TrackObject['source'];
  readonly score: number | undefined;
}

function trackEntry(track: TrackObject): TrackEntry {
  return {
    ...createTrackCache(),
    record: track,
    id: track.id,
    label: track.label,
    group: track.group,
    source: track.source,
    score: track.score,
  };
}

/**
 * A track on `frame` straight from its entry (no intermediate object: with 10k tracks per frame,
 * every allocation shows up in garbage-collection time), or undefined when it is outside and
 * outside tracks are not wanted.
 */
function resolvedCachedTrack(
  entry: TrackEntry,
  frame: number,
  includeOutside: boolean,
): ResolvedObject | undefined {
  enterTrackSegment(entry.record, frame, entry);
  if (entry.outside && !includeOutside) return undefined;
  const geometry = trackGeometryAt(entry, frame);
  const keyframe = entry.index >= 0 && frame === entry.from;
  return new Resolved(
    entry.id,
    'track',
    entry.label,
    frame,
    geometry,
    entry.outside,
    entry.occluded,
    entry.zOrder,
    entry.attributes,
    keyframe,
    entry.group,
    entry.source,
    entry.score,
  );
}

/**
 * Every track of `list` on `frame`, in list order (outside ones only when wanted). A function of
 * its own so that it is optimised as a whole: as a loop inside `frameState` it was compiled on
 * stack replacement during the first (cold) call, and the code after the loop, which had no
 * type feedback yet, then deoptimised on every later call.
 */
function resolvedTracks(
  list: readonly TrackEntry[],
  frame: number,
  includeOutside: boolean,
): ResolvedObject[] {
  const tracks: ResolvedObject[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = resolvedCachedTrack(list[i]!, frame, includeOutside);
    if (r) tracks.push(r);
  }
  return tracks;
}

interface DocCache {
  version: number;
  /** frame → shapes and tags on that frame, by id. */
  readonly byFrame: Map<number, Map<ObjectId, ShapeObject | TagObject>>;
  /**
   * Tracks with their prepared data, held directly (no lookup per track and frame: on 10k
   * tracks a WeakMap lookup per track cost as much as the interpolation itself).
   */
  readonly tracks: Map<ObjectId, TrackEntry>;
  /** `tracks` sorted by id; rebuilt lazily after a track is added or removed. */
  trackList: TrackEntry[] | null;
  /** Recently resolved frames, without and with outside tracks. */
  readonly visible: FrameLru<FrameState>;
  readonly all: FrameLru<FrameState>;
}

const caches = new WeakMap<AnnotationDocument, DocCache>();

function checkFrame(doc: AnnotationDocument, frame: number): void {
  if (!Number.isInteger(frame) || frame < 0 || frame >= doc.media.frames.length) {
    throw new AnnotkitError(
      ErrorCode.FrameRange,
      `frame ${frame} is not a frame of the media (0…${doc.media.frames.length - 1})`,
      { path: ['frame'] },
    );
  }
}

function indexObject(cache: DocCache, o: AnnotationObject): void {
  if (o.kind === 'track') {
    cache.tracks.set(o.id, trackEntry(o));
    return;
  }
  let onFrame = cache.byFrame.get(o.frame);
  if (!onFrame) {
    onFrame = new Map();
    cache.byFrame.set(o.frame, onFrame);
  }
  onFrame.set(o.id, o);
}

function unindexObject(cache: DocCache, o: AnnotationObject): void {
  if (o.kind === 'track') {
    cache.tracks.delete(o.id);
    return;
  }
  const onFrame = cache.byFrame.get(o.frame);
  if (!onFrame) return;
  onFrame.delete(o.id);
  if (onFrame.size === 0) cache.byFrame.delete(o.frame);
}

function rebuild(cache: DocCache, doc: AnnotationDocument): void {
  cache.byFrame.clear();
  cache.tracks.clear();
  cache.trackList = null;
  cache.visible.clear();
  cache.all.clear();
  for (const o of doc.objects()) indexObject(cache, o);
  cache.version = doc.version;
}

function isObject(r: AnyRecord): r is AnnotationObject {
  return r.kind !== 'label';
}

/** Drops cached frames that a record (before or after a change) may appear on. */
function invalidateFor(cache: DocCache, o: AnnotationObject): void {
  if (o.kind === 'track') {
    cache.all.clear();
    const first = o.keyframes.length > 0 ? o.keyframes[0]!.frame : 0;
    cache.visible.deleteWhere((frame) => frame >= first);
  } else {
    cache.visible.deleteWhere((frame) => frame === o.frame);
    cache.all.deleteWhere((frame) => frame === o.frame);
  }
}

function onChange(cache: DocCache, event: ChangeEvent): void {
  // Already part of a rebuild (a query ran before this queued event arrived): nothing to do.
  if (event.version <= cache.version) return;
  // A gap means an event was missed: let the next query rebuild from scratch.
  if (event.version !== cache.version + 1) {
    cache.version = -1;
    return;
  }
  const { change } = event;
  let tracksChanged = false;
  const touch = (o: AnnotationObject): void => {
    invalidateFor(cache, o);
    if (o.kind === 'track') tracksChanged = true;
  };
  for (const r of change.removed) {
    if (!isObject(r)) continue;
    touch(r);
    unindexObject(cache, r);
  }
  for (const [before, after] of change.updated) {
    if (isObject(before)) {
      touch(before);
      unindexObject(cache, before);
    }
    if (isObject(after)) {
      touch(after);
      indexObject(cache, after);
    }
  }
  for (const r of change.added) {
    if (!isObject(r)) continue;
    touch(r);
    indexObject(cache, r);
  }
  if (tracksChanged) cache.trackList = null;
  cache.version = event.version;
}

function cacheOf(doc: AnnotationDocument): DocCache {
  let cache = caches.get(doc);
  if (!cache) {
    const created: DocCache = {
      version: -1,
      byFrame: new Map(),
      tracks: new Map(),
      trackList: null,
      visible: new FrameLru(LRU_CAPACITY),
      all: new FrameLru(LRU_CAPACITY),
    };
    rebuild(created, doc);
    doc.subscribe((event) => onChange(created, event));
    caches.set(doc, created);
    cache = created;
  } else if (cache.version !== doc.version) {
    rebuild(cache, doc);
  }
  return cache;
}

const byId = (a: { id: number }, b: { id: number }): number => a.id - b.id;
const byTrackId = (a: TrackEntry, b: TrackEntry): number => a.id - b.id;

/** A shape or tag as a resolved object. */
function resolvedStatic(o: ShapeObject | TagObject): ResolvedObject {
  const shape = o.kind === 'shape';
  return new Resolved(
    o.id,
    o.kind,
    o.label,
    o.frame,
    shape ? o.geometry : undefined,
    false,
    shape ? o.occluded : false,
    shape ? o.zOrder : 0,
    o.attributes,
    true,
    o.group,
    o.source,
    o.score,
  );
}

/** A track on `frame`, or undefined when it is outside and outside tracks are not wanted. */
function resolvedTrack(
  track: TrackObject,
  frame: number,
  s: ReturnType<typeof resolveTrack>,
  includeOutside: boolean,
): ResolvedObject | undefined {
  if (s.outside && !includeOutside) return undefined;
  return new Resolved(
    track.id,
    'track',
    track.label,
    frame,
    s.geometry,
    s.outside,
    s.occluded,
    s.zOrder,
    s.attributes,
    s.keyframe,
    track.group,
    track.source,
    track.score,
  );
}

/**
 * Sorts by zOrder then id. Input: `statics` in any order (few), `tracks` already by id. The
 * two are merged by id, then distributed into zOrder buckets (stable), which is linear for the
 * usual handful of distinct zOrder values.
 */
function sortResolved(statics: ResolvedObject[], tracks: ResolvedObject[]): ResolvedObject[] {
  statics.sort(byId);
  const merged: ResolvedObject[] =
    statics.length === 0 ? tracks : new Array<ResolvedObject>(statics.length + tracks.length);
  if (statics.length > 0) {
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < statics.length || j < tracks.length) {
      if (j >= tracks.length || (i < statics.length && statics[i]!.id < tracks[j]!.id)) {
        merged[k++] = statics[i++]!;
      } else {
        merged[k++] = tracks[j++]!;
      }
    }
  }
  // Usually every object shares one zOrder: then the id order is the answer.
  let sorted = true;
  for (let i = 1; i < merged.length && sorted; i++) {
    if (merged[i]!.zOrder < merged[i - 1]!.zOrder) sorted = false;
  }
  if (sorted) return merged;
  const buckets = new Map<number, ResolvedObject[]>();
  for (const o of merged) {
    const bucket = buckets.get(o.zOrder);
    if (bucket) bucket.push(o);
    else buckets.set(o.zOrder, [o]);
  }
  if (buckets.size === 1) return merged;
  const out: ResolvedObject[] = [];
  for (const z of [...buckets.keys()].sort((a, b) => a - b)) {
    for (const o of buckets.get(z)!) out.push(o);
  }
  return out;
}

/**
 * Every object on `frame`: shapes and tags of that frame and every track resolved there
 * (interpolated between keyframes, held after the last). Sorted by `zOrder`, then `id`.
 * Tracks that are outside are left out unless `options.includeOutside` is true.
 *
 * Results are cached per document and invalidated by the document's changes; the returned
 * objects are shared between calls and must not be mutated.
 * Throws `frame-range` when `frame` is not an integer frame index of the media.
 */
export function frameState(
  doc: AnnotationDocument,
  frame: number,
  options: FrameStateOptions = {},
): FrameState {
  checkFrame(doc, frame);
  const includeOutside = options.includeOutside === true;
  const cache = cacheOf(doc);
  const lru = includeOutside ? cache.all : cache.visible;
  const hit = lru.get(frame);
  if (hit) return hit;
  if (!cache.trackList) cache.trackList = [...cache.tracks.values()].sort(byTrackId);
  const statics: ResolvedObject[] = [];
  const onFrame = cache.byFrame.get(frame);
  if (onFrame) for (const o of onFrame.values()) statics.push(resolvedStatic(o));
  const tracks = resolvedTracks(cache.trackList, frame, includeOutside);
  const state: FrameState = { frame, objects: sortResolved(statics, tracks) };
  lru.set(frame, state);
  return state;
}

/**
 * The same result as `frameState`, recomputed from `doc.objects()` with no cache of any kind
 * (every track's interpolator is prepared afresh). The baseline for benchmarks and tests.
 * Throws `frame-range` when `frame` is not an integer frame index of the media.
 */
export function resolveFrameUncached(
  doc: AnnotationDocument,
  frame: number,
  options: FrameStateOptions = {},
): FrameState {
  checkFrame(doc, frame);
  const includeOutside = options.includeOutside === true;
  const objects: ResolvedObject[] = [];
  for (const o of doc.objects()) {
    if (o.kind === 'track') {
      const r = resolvedTrack(o, frame, resolveTrack(o, frame), includeOutside);
      if (r) objects.push(r);
    } else if (o.frame === frame) {
      objects.push(resolvedStatic(o));
    }
  }
  // A plain comparison sort: the baseline shares no code path with the bucketed one.
  objects.sort((a, b) => a.zOrder - b.zOrder || a.id - b.id);
  return { frame, objects };
}
