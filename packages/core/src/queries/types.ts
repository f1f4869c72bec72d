import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type { AttributeValues, Geometry, ShapeType, Source } from '../model/records.js';

/** One object as it appears on one frame: shapes and tags as stored, tracks interpolated. */
export interface ResolvedObject {
  readonly id: ObjectId;
  readonly kind: 'shape' | 'track' | 'tag';
  readonly label: LabelId;
  /** The frame this object was resolved on. */
  readonly frame: number;
  /** Absent for tags. For tracks, the interpolated (or held) geometry. */
  readonly geometry?: Geometry;
  /** Tracks: from the left keyframe (true before the first keyframe). Shapes and tags: false. */
  readonly outside: boolean;
  /** Tracks: from the left keyframe. Tags: false. */
  readonly occluded: boolean;
  /** Drawing layer; tags: 0. */
  readonly zOrder: number;
  /** All attribute values: for tracks the immutable ones merged with the held mutable ones. */
  readonly attributes: AttributeValues;
  /** True when `frame` is a keyframe of the track; always true for shapes and tags. */
  readonly keyframe: boolean;
  /** Group id; 0 means no group. */
  readonly group: number;
  readonly source: Source;
  readonly score?: number;
}

/** Everything visible on one frame, sorted by `zOrder`, then by `id`. */
export interface FrameState {
  readonly frame: number;
  readonly objects: readonly ResolvedObject[];
}

/** Options of `frameState`. */
export interface FrameStateOptions {
  /**
   * Keep tracks that are outside on this frame (CVAT's "show all interpolation tracks"),
   * including frames before a track's first keyframe. Defaults to false.
   */
  readonly includeOutside?: boolean;
}

/** Comparison operators of an attribute predicate. */
export const AttributeOp = {
  Eq: '==',
  Ne: '!=',
  Lt: '<',
  Gt: '>',
  Le: '<=',
  Ge: '>=',
  Contains: 'contains',
} as const;
/**
 * `==`, `!=` and `contains` compare strings; `<`, `>`, `<=`, `>=` compare both sides as numbers
 * and are false when either side is not a finite number.
 */
export type AttributeOp = (typeof AttributeOp)[keyof typeof AttributeOp];

/** One attribute predicate: the object's value of attribute `id` compared with `value`. */
export interface AttributePredicate {
  readonly id: AttributeId;
  readonly op: AttributeOp;
  readonly value: string;
}

/**
 * A frame filter for `searchFrame`: a plain JSON-serialisable object; all given parts must hold
 * (AND).
 *
 * CVAT evaluates arbitrary JSON-logic over flattened object records. We keep a typed predicate
 * instead: it needs no runtime dependency, a typo is a compile error rather than a silent
 * non-match, and — because labels, types, attributes and visibility of a track only change at
 * keyframes — it can be answered from keyframe intervals without resolving every track on
 * every frame (CVAT falls back to a per-frame scan). Geometry-based filters (width, height,
 * rotation) are therefore not offered.
 *
 * Object predicates (`labels`, `shapeTypes`, `attributes`, `keyframesOnly`): a frame matches
 * when at least one visible object on it satisfies all of them. `emptyFrame` is a predicate on
 * the whole frame. An empty filter matches every frame.
 */
export interface FrameFilter {
  /** The object's label is one of these. */
  readonly labels?: readonly LabelId[];
  /** The object's shape type (or `'tag'`) is one of these. */
  readonly shapeTypes?: readonly (ShapeType | 'tag')[];
  /** Every predicate holds for the object's attribute values (missing values read as default). */
  readonly attributes?: readonly AttributePredicate[];
  /** true: the frame has no visible object (shape, visible track or tag); false: it has one. */
  readonly emptyFrame?: boolean;
  /** Only count objects on their keyframes: shapes, tags and track keyframes that are visible. */
  readonly keyframesOnly?: boolean;
}

/** Counts of one shape type for one label. */
export type ShapeTypeCounts = { readonly [T in ShapeType]: number };

/** Statistics of one label, as CVAT's `statistics()`. */
export interface LabelStatistics {
  readonly label: LabelId;
  /** Number of shape objects per shape type. */
  readonly shapes: ShapeTypeCounts;
  /** Number of track objects per shape type. */
  readonly tracks: ShapeTypeCounts;
  /** Number of tag objects. */
  readonly tags: number;
  /** Annotated by hand: shapes + tags + visible track keyframes within the media. */
  readonly manual: number;
  /** Frames where a track is visible without a keyframe, within the media. */
  readonly interpolated: number;
  /** `manual + interpolated`. */
  readonly total: number;
}

/** The result of `labelStatistics`: one entry per label (in label order) and the sums. */
export interface DocumentStatistics {
  readonly labels: readonly LabelStatistics[];
  /** Sums over all labels. */
  readonly totals: Omit<LabelStatistics, 'label'>;
}
