/**
 * Frame images for `<annot-canvas-2d>`: decodes the host's per-frame sources with
 * `createImageBitmap` and keeps a small cache. Bitmaps it decoded are closed when evicted or
 * cleared; sources the host passed as ready images are never closed.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ImageSource } from '@annotkit/canvas2d';

/** One frame's image: a URL, an encoded file, or a ready image the host owns. */
export type MediaItem = string | Blob | ImageBitmap | HTMLCanvasElement | HTMLImageElement;

/** A per-element cache of decoded frames. */
export interface FrameImages {
  /** The image of `frame` (decoded at most once while cached). Rejects with `AnnotkitError`. */
  get(frame: number): Promise<ImageSource>;
  /** Number of decoded entries held. */
  readonly size: number;
  /** Closes every bitmap this cache decoded and forgets everything. */
  clear(): void;
}

async function decode(item: MediaItem, frame: number): Promise<ImageSource> {
  if (typeof item !== 'string' && !(item instanceof Blob)) return item;
  try {
    const blob = typeof item === 'string' ? await (await fetch(item)).blob() : item;
    return await createImageBitmap(blob);
  } catch (cause) {
    throw new AnnotkitError(ErrorCode.Parse, `frame ${frame}: the image could not be decoded`, {
      path: ['media', frame],
      cause,
    });
  }
}

/** What a frame cache keeps per frame. */
interface CacheEntry<T> {
  readonly promise: Promise<T>;
  /** Set once loaded, when the cache made (and must close) the bitmap. */
  owned: ImageBitmap | undefined;
}

/**
 * The LRU behind the frame images and the thumbnails: at most `capacity` frames, each loaded
 * once while cached; bitmaps the cache made (`owned`) are closed when evicted or cleared, and a
 * load that finishes after its entry left (evicted, or the cache cleared) closes its bitmap at
 * once. `clear()` starts a new generation, so the cache stays usable afterwards.
 */
export function createFrameCache<T>(
  media: readonly MediaItem[],
  capacity: number,
  load: (item: MediaItem, frame: number) => Promise<T>,
  owned: (value: T, item: MediaItem) => ImageBitmap | undefined,
): { get(frame: number): Promise<T>; readonly size: number; clear(): void } {
  let entries = new Map<number, CacheEntry<T>>();
  const evict = (frame: number): void => {
    const e = entries.get(frame);
    entries.delete(frame);
    e?.owned?.close();
  };
  return {
    get(frame) {
      const hit = entries.get(frame);
      if (hit) {
        entries.delete(frame);
        entries.set(frame, hit);
        return hit.promise;
      }
      const item = media[frame];
      if (item === undefined) {
        return Promise.reject(
          new AnnotkitError(ErrorCode.FrameRange, `no media for frame ${frame}`, {
            path: ['media', frame],
          }),
        );
      }
      const generation = entries;
      const entry: CacheEntry<T> = { promise: load(item, frame), owned: undefined };
      entry.promise.then(
        (value) => {
          const bitmap = owned(value, item);
          if (!bitmap) return;
          if (generation === entries && entries.get(frame) === entry) entry.owned = bitmap;
          else bitmap.close();
        },
        () => {
          if (entries.get(frame) === entry) entries.delete(frame);
        },
      );
      entries.set(frame, entry);
      while (entries.size > capacity) evict(entries.keys().next().value as number);
      return entry.promise;
    },
    get size() {
      return entries.size;
    },
    clear() {
      for (const frame of [...entries.keys()]) evict(frame);
      entries = new Map();
    },
  };
}

/** Creates a cache over `media` holding at most `capacity` frames (default 4). */
export function createFrameImages(media: readonly MediaItem[], capacity = 4): FrameImages {
  return createFrameCache(media, capacity, decode, (img, item) =>
    img !== item && img instanceof ImageBitmap ? img : undefined,
  );
}
