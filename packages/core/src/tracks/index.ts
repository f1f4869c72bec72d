export { resolveTrack, createTrackResolver, leftKeyframeIndex } from './resolve.js';
export type { ResolvedTrack, ResolveTrackOptions, TrackResolver } from './resolve.js';
