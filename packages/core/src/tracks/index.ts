export {
  resolveTrack,
  resolveTrackCached,
  createTrackCache,
  createTrackResolver,
  leftKeyframeIndex,
} from './resolve.js';
export type { ResolvedTrack, ResolveTrackOptions, TrackCache, TrackResolver } from './resolve.js';
