/**
 * The keyboard-only editing path of `<annot-canvas-2d>` (no pointer needed):
 *
 * - a drawing tool active: arrows move a visible drawing cursor (10 screen px, Shift 50) and
 *   Space clicks there (press + release), so a rectangle is Space, arrows, Space and a polygon
 *   is Space per vertex then Enter (the tool's own finish key);
 * - the select or edit tool with a selection: arrows move the selected objects by 1 image px
 *   (Shift 10), one transaction and so one undo step per key press (auto-repeat included: each
 *   repeat is a step, which keeps undo predictable without timers).
 *
 * Why synthetic pointer input rather than a keyboard mode in each tool: every tool already
 * implements click semantics (two-click rectangles, click-to-add vertices, snapping), so one
 * cursor gives all of them a keyboard path at once, and canvas2d stays unchanged.
 */
import type { Canvas2D } from '@annotkit/canvas2d';
import type { EditorController } from '../../controller/EditorController.js';
import { toolSpec } from '../../controller/tools.js';

const ARROWS: { readonly [key: string]: readonly [number, number] } = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Cursor step in screen px (Shift: the larger one). */
export const CURSOR_STEP = 10;
/** Cursor step with Shift, in screen px. */
export const CURSOR_STEP_SHIFT = 50;
/** Nudge step in image px (Shift: the larger one). */
export const NUDGE_STEP = 1;
/** Nudge step with Shift, in image px. */
export const NUDGE_STEP_SHIFT = 10;

/** A cursor position in image px. */
export interface CursorPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Handles one keydown of the keyboard path. Returns undefined when the key is not part of it
 * (the canvas and the editor handle it as before), `'same'` when it was used and the cursor
 * did not move, or the new cursor position.
 */
export function keyboardPathKey(
  e: KeyboardEvent,
  view: Canvas2D,
  c: EditorController,
  cursor: CursorPoint | null,
): CursorPoint | 'same' | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || c.attributeMode) return undefined;
  const arrow = ARROWS[e.key];
  const spec = toolSpec(c.tool);
  if (spec?.draws !== undefined) {
    if (!arrow && e.key !== ' ') return undefined;
    const v = view.view;
    // The cursor appears at the viewport centre on first use.
    const at = cursor ?? {
      x: (view.stage.width() / 2 - v.offsetX) / v.scale,
      y: (view.stage.height() / 2 - v.offsetY) / v.scale,
    };
    let next = at;
    if (arrow) {
      const step = (e.shiftKey ? CURSOR_STEP_SHIFT : CURSOR_STEP) / v.scale;
      next = { x: at.x + arrow[0] * step, y: at.y + arrow[1] * step };
    }
    const x = next.x * v.scale + v.offsetX;
    const y = next.y * v.scale + v.offsetY;
    // Moves feed the tool's preview (rubber-band rectangle, next polygon edge).
    view.dispatchInput({ type: 'pointermove', x, y });
    if (e.key === ' ') {
      view.dispatchInput({ type: 'pointerdown', x, y, button: 0 });
      view.dispatchInput({ type: 'pointerup', x, y, button: 0 });
    }
    return next;
  }
  if (arrow && (c.tool === 'select' || c.tool === 'edit') && c.selection.length > 0) {
    const step = e.shiftKey ? NUDGE_STEP_SHIFT : NUDGE_STEP;
    c.nudgeSelection(arrow[0] * step, arrow[1] * step);
    return 'same';
  }
  return undefined;
}
