/**
 * Keyboard pan and zoom: what a key does to the view when the active tool did not handle it.
 * Arrows move the camera (the content moves the opposite way), like scrolling a page; `+`/`=`
 * and `-` zoom about the viewport centre; `0` would clash with label shortcuts, so fit and 1:1
 * are API calls (`fit()`, `zoomToActualSize()`), not keys.
 */
import type { ToolKeyEvent } from '../tools/types.js';

/** A view action bound to a key. Pan deltas are container px; zoom is a factor. */
export type ViewKeyAction =
  | { readonly kind: 'pan'; readonly dx: number; readonly dy: number }
  | { readonly kind: 'zoom'; readonly factor: number };

/** Fraction of the viewport an arrow key pans. Shift pans `SHIFT_PAN_FRACTION` instead. */
export const PAN_FRACTION = 0.1;
/** Fraction of the viewport an arrow key pans with Shift held. */
export const SHIFT_PAN_FRACTION = 0.5;
/** Zoom factor of one `+` press (`-` divides by it). */
export const KEY_ZOOM_FACTOR = 1.25;

/**
 * The view action of key `e` in a viewport of `width × height` container px, or undefined for
 * keys that are not view keys (and for any key with Ctrl/Meta/Alt, which belong to the host).
 */
export function viewKeyAction(
  e: ToolKeyEvent,
  width: number,
  height: number,
): ViewKeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const f = e.shiftKey ? SHIFT_PAN_FRACTION : PAN_FRACTION;
  switch (e.key) {
    case 'ArrowLeft':
      return { kind: 'pan', dx: width * f, dy: 0 };
    case 'ArrowRight':
      return { kind: 'pan', dx: -width * f, dy: 0 };
    case 'ArrowUp':
      return { kind: 'pan', dx: 0, dy: height * f };
    case 'ArrowDown':
      return { kind: 'pan', dx: 0, dy: -height * f };
    case '+':
    case '=':
      return { kind: 'zoom', factor: KEY_ZOOM_FACTOR };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / KEY_ZOOM_FACTOR };
    default:
      return undefined;
  }
}
