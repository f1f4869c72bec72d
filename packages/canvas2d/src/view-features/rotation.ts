/**
 * 90° image rotation. The renderer always works in an unrotated "stage" space (the view
 * transform `screen = image · scale + offset`, culling, the cached bitmap, traces); rotation is
 * applied on top by a CSS transform of the stage's content element, and input is mapped back
 * from container to stage coordinates before tools see it. So geometry stays in image
 * coordinates, the batched renderer is untouched, and a rotation costs no redraw of the shapes.
 * For 90° and 270° the stage is `height × width` of the container.
 */
import type { Point } from '../canvas/view.js';

/** Clockwise rotation of the view in degrees. */
export const Rotation = { None: 0, Quarter: 90, Half: 180, ThreeQuarters: 270 } as const;
/** Clockwise rotation of the view in degrees. */
export type Rotation = (typeof Rotation)[keyof typeof Rotation];

/** The rotation after turning `rotation` by `quarterTurns` × 90° clockwise (negative: counter-clockwise). */
export function rotateBy(rotation: Rotation, quarterTurns: number): Rotation {
  const q = Math.round(quarterTurns);
  return (((((rotation / 90 + q) % 4) + 4) % 4) * 90) as Rotation;
}

/** True when `value` is one of the four rotations. */
export function isRotation(value: number): value is Rotation {
  return value === 0 || value === 90 || value === 180 || value === 270;
}

/** The stage size (px) for a container of `width × height` px: swapped at 90° and 270°. */
export function stageSize(
  rotation: Rotation,
  width: number,
  height: number,
): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/**
 * Maps a stage point (px) to the container point (px) where it appears, for a container of
 * `width × height` px.
 */
export function stageToContainer(
  rotation: Rotation,
  width: number,
  height: number,
  p: Point,
): Point {
  switch (rotation) {
    case 90:
      return { x: width - p.y, y: p.x };
    case 180:
      return { x: width - p.x, y: height - p.y };
    case 270:
      return { x: p.y, y: height - p.x };
    default:
      return { x: p.x, y: p.y };
  }
}

/** Maps a container point (px) to the stage point (px) drawn there; inverse of `stageToContainer`. */
export function containerToStage(
  rotation: Rotation,
  width: number,
  height: number,
  p: Point,
): Point {
  switch (rotation) {
    case 90:
      return { x: p.y, y: width - p.x };
    case 180:
      return { x: width - p.x, y: height - p.y };
    case 270:
      return { x: height - p.y, y: p.x };
    default:
      return { x: p.x, y: p.y };
  }
}

/** Maps a container displacement (px) to the stage displacement (px), e.g. for panning. */
export function containerDeltaToStage(rotation: Rotation, dx: number, dy: number): Point {
  switch (rotation) {
    case 90:
      return { x: dy, y: -dx };
    case 180:
      return { x: -dx, y: -dy };
    case 270:
      return { x: -dy, y: dx };
    default:
      return { x: dx, y: dy };
  }
}

/**
 * The CSS `transform` of the stage's content element (with `transform-origin: 0 0`) that shows
 * the stage rotated inside a container of `width × height` px. Empty string at 0°.
 */
export function rotationCss(rotation: Rotation, width: number, height: number): string {
  if (rotation === 0) return '';
  const t = { 90: [width, 0], 180: [width, height], 270: [0, height] }[rotation];
  return `translate(${t[0]}px, ${t[1]}px) rotate(${rotation}deg)`;
}
