/**
 * The view transform: image pixels → screen (CSS) pixels as `screen = image · scale + offset`.
 * Pure math, no DOM, so tools and tests can reason about it headless. Image rotation by 90° is
 * not part of this foundation yet.
 */

/** A point in either image or screen pixels (which one is said by the parameter name). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box `{minX, minY, maxX, maxY}` in pixels. */
export interface Rect {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** An immutable view transform. `scale` is screen px per image px; offsets in screen px. */
export interface ViewTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** The identity view: image pixel (x, y) is drawn at screen (x, y). */
export const IDENTITY_VIEW: ViewTransform = { scale: 1, offsetX: 0, offsetY: 0 };

/** Smallest zoom factor allowed (screen px per image px). */
export const MIN_SCALE = 1 / 64;
/** Largest zoom factor allowed (screen px per image px). */
export const MAX_SCALE = 64;

/** Converts a screen point to image pixels. */
export function toImage(view: ViewTransform, screen: Point): Point {
  return { x: (screen.x - view.offsetX) / view.scale, y: (screen.y - view.offsetY) / view.scale };
}

/** Converts an image point to screen pixels. */
export function toScreen(view: ViewTransform, image: Point): Point {
  return { x: image.x * view.scale + view.offsetX, y: image.y * view.scale + view.offsetY };
}

/** The image-pixel box visible in a viewport of `width × height` screen pixels. */
export function visibleImageRect(view: ViewTransform, width: number, height: number): Rect {
  return {
    minX: -view.offsetX / view.scale,
    minY: -view.offsetY / view.scale,
    maxX: (width - view.offsetX) / view.scale,
    maxY: (height - view.offsetY) / view.scale,
  };
}

/**
 * Zooms to `scale` keeping the image point under the screen `anchor` fixed. The scale is limited
 * to [`MIN_SCALE`, `MAX_SCALE`]; a non-finite or non-positive scale returns the view unchanged.
 */
export function zoomView(view: ViewTransform, scale: number, anchor: Point): ViewTransform {
  if (!Number.isFinite(scale) || scale <= 0) return view;
  const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
  const img = toImage(view, anchor);
  return { scale: s, offsetX: anchor.x - img.x * s, offsetY: anchor.y - img.y * s };
}

/** Moves the view by `(dx, dy)` screen pixels. */
export function panView(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: view.scale, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy };
}

/**
 * The view that shows the image box `box` centred in a `width × height` viewport with `padding`
 * screen pixels on every side. An empty box (zero width and height) is shown at scale 1.
 */
export function fitView(box: Rect, width: number, height: number, padding = 0): ViewTransform {
  const bw = box.maxX - box.minX;
  const bh = box.maxY - box.minY;
  const availW = Math.max(1, width - 2 * padding);
  const availH = Math.max(1, height - 2 * padding);
  let scale =
    bw > 0 || bh > 0
      ? Math.min(bw > 0 ? availW / bw : Infinity, bh > 0 ? availH / bh : Infinity)
      : 1;
  scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return { scale, offsetX: width / 2 - cx * scale, offsetY: height / 2 - cy * scale };
}

/** True when two views are equal. */
export function sameView(a: ViewTransform, b: ViewTransform): boolean {
  return a.scale === b.scale && a.offsetX === b.offsetX && a.offsetY === b.offsetY;
}
