export {
  resolveTrack,
  resolveTrackCached,
  createTrackCache,
  enterTrackSegment,
  trackGeometryAt,
  createTrackResolver,
  leftKeyframeIndex,
} from './resolve.js';
export type { ResolvedTrack, ResolveTrackOptions, TrackCache, TrackResolver } from './resolve.js';
