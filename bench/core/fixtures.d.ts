import type { DocumentInit, Label, ShapeObject } from '@annotkit/core';
/** A small seeded PRNG (mulberry32); returns floats in [0, 1). */
export declare function seededRandom(seed: number): () => number;
/** Frame size of the generated media, in pixels. */
export declare const FRAME_WIDTH = 1920;
/** Frame height of the generated media, in pixels. */
export declare const FRAME_HEIGHT = 1080;
/** Two labels (`car` for boxes, `person` for polygons), each with one mutable select attribute. */
export declare function benchLabels(): Label[];
/** Options of `trackDocument`. */
export interface TrackDocumentOptions {
    /** Number of tracks, half 16-vertex polygons and half boxes. Defaults to 10,000. */
    readonly tracks?: number;
    /** Number of video frames. Defaults to 1,000. */
    readonly frames?: number;
    /** Frames between keyframes; keyframes sit on multiples of it. Defaults to 100. */
    readonly keyframeEvery?: number;
    /** Vertices per polygon. Defaults to 16. */
    readonly vertices?: number;
}
/**
 * A video document of interpolated tracks: even ids are polygons, odd ids are boxes, keyframes on
 * every multiple of `keyframeEvery`, and every object moves between keyframes.
 */
export declare function trackDocument(options?: TrackDocumentOptions): DocumentInit;
/** An image document with `count` rectangles on frame 0 (for edit and history benchmarks). */
export declare function boxesDocument(count: number): DocumentInit;
/** `shape` moved by `(dx, dy)` pixels; a new record, as an edit would make. */
export declare function movedBox(shape: ShapeObject, dx: number, dy: number): ShapeObject;
