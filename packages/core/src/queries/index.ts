/** Read-side queries over an `AnnotationDocument`: resolved frames, search, statistics. */
export { frameState, resolveFrameUncached } from './frameState.js';
export { searchFrame } from './searchFrame.js';
export { labelStatistics } from './statistics.js';
export { AttributeOp } from './types.js';
export type {
  AttributePredicate,
  DocumentStatistics,
  FrameFilter,
  FrameState,
  FrameStateOptions,
  LabelStatistics,
  ResolvedObject,
  ShapeTypeCounts,
} from './types.js';
