/**
 * Frame images for `<annot-canvas-2d>`: decodes the host's per-frame sources with
 * `createImageBitmap` and keeps a small cache. Bitmaps it decoded are closed when evicted or
 * cleared; sources the host passed as ready images are never closed.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ImageSource } from '@annotkit/canvas2d';

/** One frame's image: a URL, an encoded file, or a ready image the host owns. */
export type MediaItem = string | Blob | ImageBitmap | HTMLCanvasElement | HTMLImageElement;

interface Entry {
  readonly promise: Promise<ImageSource>;
  /** Set once decoded, when this cache owns (and must close) the bitmap. */
  owned: ImageBitmap | undefined;
}

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

/** Creates a cache over `media` holding at most `capacity` frames (default 4). */
export function createFrameImages(media: readonly MediaItem[], capacity = 4): FrameImages {
  const entries = new Map<number, Entry>();
  let cleared = false;
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
      const entry: Entry = { promise: decode(item, frame), owned: undefined };
      entry.promise.then(
        (img) => {
          const mine = img !== item && img instanceof ImageBitmap;
          if (mine && (cleared || entries.get(frame) !== entry)) img.close();
          else if (mine) entry.owned = img;
        },
        () => entries.get(frame) === entry && entries.delete(frame),
      );
      entries.set(frame, entry);
      while (entries.size > capacity) evict(entries.keys().next().value as number);
      return entry.promise;
    },
    get size() {
      return entries.size;
    },
    clear() {
      cleared = true;
      for (const frame of [...entries.keys()]) evict(frame);
    },
  };
}
