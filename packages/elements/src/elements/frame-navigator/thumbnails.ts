/**
 * Thumbnails for the frame strip: each frame's source (URL, Blob or a ready image) downscaled by
 * `createImageBitmap(…, { resizeWidth })`, kept in a small LRU.
 *
 * Design note. Every thumbnail is a bitmap this cache made (also from a ready image: the
 * downscaled copy is ours), so every evicted or cleared entry is closed; a decode that finishes
 * after its entry was evicted or the cache cleared closes its bitmap at once. The strip draws a
 * bitmap into its own small `<canvas>`, so closing a cached bitmap never blanks what is shown.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { createFrameCache } from '../canvas-2d/media.js';
import type { MediaItem } from '../canvas-2d/media.js';

/** Options of `createThumbnailCache`. */
export interface ThumbnailCacheOptions {
  /** Width of a thumbnail in px (height keeps the aspect ratio). Defaults to 96. */
  readonly width?: number;
  /** Thumbnails kept decoded. Defaults to 48. */
  readonly capacity?: number;
}

/** A cache of downscaled frame images. */
export interface ThumbnailCache {
  /** The thumbnail of `frame`. Rejects with `AnnotkitError` (`frame-range`, `parse`). */
  get(frame: number): Promise<ImageBitmap>;
  /** Number of entries held (decoded or decoding); never above the capacity. */
  readonly size: number;
  /** Closes every bitmap and forgets everything; later `get`s start afresh. */
  clear(): void;
}

async function downscale(item: MediaItem, frame: number, width: number): Promise<ImageBitmap> {
  try {
    const source = typeof item === 'string' ? await (await fetch(item)).blob() : item;
    return await createImageBitmap(source, { resizeWidth: width, resizeQuality: 'low' });
  } catch (cause) {
    throw new AnnotkitError(ErrorCode.Parse, `frame ${frame}: no thumbnail could be made`, {
      path: ['media', frame],
      cause,
    });
  }
}

/** Creates a thumbnail cache over `media` (one source per frame). */
export function createThumbnailCache(
  media: readonly MediaItem[],
  options: ThumbnailCacheOptions = {},
): ThumbnailCache {
  const width = Math.max(1, Math.round(options.width ?? 96));
  const capacity = Math.max(1, Math.floor(options.capacity ?? 48));
  // Every thumbnail is a downscaled copy this cache made, so every one is owned.
  return createFrameCache(
    media,
    capacity,
    (item, frame) => downscale(item, frame, width),
    (bitmap) => bitmap,
  );
}
