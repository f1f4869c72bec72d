/**
 * The document model: plain, JSON-serialisable, immutable records. Semantics follow CVAT
 * (see CONTEXT.md for where and why we differ). Records are never mutated in place: an edit
 * replaces a record with a new one inside a transaction.
 */
import type { AttributeId, LabelId, ObjectId } from './ids.js';

/** JSON values, for `meta`. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------
// Media

export const MediaKind = { Images: 'images', Video: 'video', PointCloud: 'pointcloud' } as const;
export type MediaKind = (typeof MediaKind)[keyof typeof MediaKind];

/** One frame of the media. Frames are addressed by index, never by time × fps. */
export interface FrameInfo {
  /** File name or path of the frame (for video: the video's name plus index is fine). */
  readonly name: string;
  /** Width in pixels (0 for point clouds). */
  readonly width: number;
  /** Height in pixels (0 for point clouds). */
  readonly height: number;
  /** Presentation timestamp in seconds, video only: exact, from the container. */
  readonly timestamp?: number;
}

export interface MediaInfo {
  readonly kind: MediaKind;
  /** Per-frame info; the frame count is `frames.length`. */
  readonly frames: readonly FrameInfo[];
}

// ---------------------------------------------------------------------------------------------
// Labels

export const AttributeInputType = {
  Select: 'select',
  Radio: 'radio',
  Checkbox: 'checkbox',
  Number: 'number',
  Text: 'text',
} as const;
export type AttributeInputType = (typeof AttributeInputType)[keyof typeof AttributeInputType];

/**
 * An attribute spec. Values are always strings, as in CVAT:
 * - select/radio: `values` lists the allowed values;
 * - checkbox: `'true'` or `'false'`;
 * - number: `values = [min, max, step]`, value must be a number with min ≤ v ≤ max;
 * - text: anything.
 */
export interface AttributeSpec {
  readonly id: AttributeId;
  readonly name: string;
  readonly inputType: AttributeInputType;
  /** Mutable attributes may change per track keyframe; immutable ones live on the track. */
  readonly mutable: boolean;
  readonly values: readonly string[];
  readonly default: string;
}

export const ShapeType = {
  Rectangle: 'rectangle',
  Polygon: 'polygon',
  Polyline: 'polyline',
  Points: 'points',
  Ellipse: 'ellipse',
  Cuboid: 'cuboid',
  Cuboid3d: 'cuboid3d',
  Skeleton: 'skeleton',
  Mask: 'mask',
} as const;
/** Geometry types of drawn shapes. Tags have no geometry and are objects of their own kind. */
export type ShapeType = (typeof ShapeType)[keyof typeof ShapeType];

/** What a label may be used for: any shape, one shape type, or tags only. */
export type LabelType = 'any' | 'tag' | ShapeType;

/** A skeleton point template: one per element of a skeleton label. */
export interface Sublabel {
  readonly id: LabelId;
  readonly name: string;
  readonly color: string;
  readonly attributes: readonly AttributeSpec[];
  /** Template position in [0, 1]² of the skeleton's box, for drawing a new skeleton. */
  readonly position?: readonly [number, number];
}

export interface Label {
  readonly kind: 'label';
  readonly id: LabelId;
  readonly name: string;
  /** CSS colour `#rrggbb`. */
  readonly color: string;
  readonly type: LabelType;
  readonly attributes: readonly AttributeSpec[];
  /** Skeleton labels only: the points, in element order. */
  readonly sublabels?: readonly Sublabel[];
  /** Skeleton labels only: edges between sublabels. */
  readonly edges?: readonly (readonly [LabelId, LabelId])[];
}

// ---------------------------------------------------------------------------------------------
// Geometry: one variant per shape type, see `shapes/<type>.ts` for each definition.

/** `points = [xtl, ytl, xbr, ybr]`; `rotation` in degrees about the centre, clockwise on screen. */
export interface RectangleGeometry {
  readonly type: 'rectangle';
  readonly points: readonly number[];
  readonly rotation: number;
}
/** `points = [x1, y1, x2, y2, …]`, at least 3 points, implicitly closed. */
export interface PolygonGeometry {
  readonly type: 'polygon';
  readonly points: readonly number[];
}
/** `points = [x1, y1, …]`, at least 2 points. */
export interface PolylineGeometry {
  readonly type: 'polyline';
  readonly points: readonly number[];
}
/** `points = [x1, y1, …]`, at least 1 point. */
export interface PointsGeometry {
  readonly type: 'points';
  readonly points: readonly number[];
}
/** Centre `(cx, cy)`, radii `rx, ry` (> 0); `rotation` in degrees about the centre. */
export interface EllipseGeometry {
  readonly type: 'ellipse';
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly rotation: number;
}
/**
 * A 2D cuboid as 8 points (16 numbers) in CVAT's order: front face then back face, each as
 * top-left, bottom-left, top-right, bottom-right. See `shapes/cuboid.ts`.
 */
export interface CuboidGeometry {
  readonly type: 'cuboid';
  readonly points: readonly number[];
}
/** A 3D box: centre, Euler XYZ rotation in radians, size along its local axes. */
export interface Cuboid3dGeometry {
  readonly type: 'cuboid3d';
  readonly position: readonly [number, number, number];
  readonly rotation: readonly [number, number, number];
  readonly scale: readonly [number, number, number];
}
/** One point of a skeleton, for the sublabel `label`. */
export interface SkeletonElement {
  readonly label: LabelId;
  readonly x: number;
  readonly y: number;
  readonly occluded: boolean;
  readonly outside: boolean;
  readonly attributes: AttributeValues;
}
/** A skeleton: exactly one element per sublabel of its label, in sublabel order. */
export interface SkeletonGeometry {
  readonly type: 'skeleton';
  readonly elements: readonly SkeletonElement[];
}
/**
 * A mask in CVAT's RLE over a tight box with inclusive right/bottom: the box is
 * `(right − left + 1) × (bottom − top + 1)` pixels, scanned row-major; `rle` holds alternating
 * run lengths starting with a run of zeros (which may be 0).
 */
export interface MaskGeometry {
  readonly type: 'mask';
  readonly rle: readonly number[];
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export type Geometry =
  | RectangleGeometry
  | PolygonGeometry
  | PolylineGeometry
  | PointsGeometry
  | EllipseGeometry
  | CuboidGeometry
  | Cuboid3dGeometry
  | SkeletonGeometry
  | MaskGeometry;

/** Narrows `Geometry` by its type. */
export type GeometryOf<T extends ShapeType> = Extract<Geometry, { readonly type: T }>;

// ---------------------------------------------------------------------------------------------
// Objects

export const Source = {
  Manual: 'manual',
  Auto: 'auto',
  SemiAuto: 'semi-auto',
  File: 'file',
} as const;
export type Source = (typeof Source)[keyof typeof Source];

/** Attribute values by attribute id. Values are strings, as in CVAT. */
export type AttributeValues = { readonly [attributeId: number]: string };

interface ObjectCommon {
  readonly id: ObjectId;
  readonly label: LabelId;
  /**
   * Shapes and tags: all attributes. Tracks: the immutable attributes only (mutable ones are
   * held per keyframe).
   */
  readonly attributes: AttributeValues;
  /** Group id; 0 means no group. */
  readonly group: number;
  readonly source: Source;
  /** Confidence in [0, 1] for automatic annotations. */
  readonly score?: number;
}

/** An annotation on one frame. */
export interface ShapeObject extends ObjectCommon {
  readonly kind: 'shape';
  readonly frame: number;
  readonly geometry: Geometry;
  readonly zOrder: number;
  readonly occluded: boolean;
}

/** A keyframe of a track. Everything between keyframes is computed. */
export interface Keyframe {
  readonly frame: number;
  readonly geometry: Geometry;
  /** The object is not visible from this keyframe until the next keyframe. */
  readonly outside: boolean;
  readonly occluded: boolean;
  readonly zOrder: number;
  /** Mutable attributes, held until the next keyframe. */
  readonly attributes: AttributeValues;
}

/** An object followed over frames. Keyframes are sorted by frame, at least one, one shape type. */
export interface TrackObject extends ObjectCommon {
  readonly kind: 'track';
  readonly keyframes: readonly Keyframe[];
}

/** A frame-level label. */
export interface TagObject extends ObjectCommon {
  readonly kind: 'tag';
  readonly frame: number;
}

export type AnnotationObject = ShapeObject | TrackObject | TagObject;
export type ObjectKind = AnnotationObject['kind'];

/** Any record a transaction can add, update or remove. */
export type AnyRecord = AnnotationObject | Label;

// ---------------------------------------------------------------------------------------------
// Document

/** The whole document as plain JSON. `schemaVersion` is `CURRENT_SCHEMA_VERSION` when written. */
export interface DocumentData {
  readonly schemaVersion: number;
  readonly media: MediaInfo;
  readonly labels: readonly Label[];
  readonly objects: readonly AnnotationObject[];
  readonly meta: JsonObject;
}
