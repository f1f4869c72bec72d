/**
 * Draws an ellipse by a drag (or two clicks). Decision: corner to corner by default, i.e. the
 * drag spans the ellipse's bounding box, as the rectangle tool does; `from: 'center'` makes
 * the press the centre and the release a corner of the box. Holding Alt switches to the other
 * mode for one gesture; holding Shift draws a circle (both radii = the larger one). New
 * ellipses have rotation 0; the vertex-edit tool rotates them with its rotation handle.
 */
import type { EllipseGeometry, LabelId } from '@annotkit/core';
import { createDragTool } from '../draw-clicks/dragTool.js';
import type { XY } from '../draw-clicks/dragTool.js';
import type { SnapOptions } from '../snap/snap.js';
import type { Modifiers, Tool } from '../types.js';

/** Options of the ellipse tool. */
export interface DrawEllipseOptions extends SnapOptions {
  /** Label of the new ellipses. */
  readonly label: LabelId;
  /**
   * Where the drag starts: `'corner'` (the drag spans the bounding box) or `'center'`.
   * Defaults to `'corner'`. Alt inverts it during a gesture.
   */
  readonly from?: 'corner' | 'center';
}

/**
 * The ellipse spanned from `a` to `b` (image px); undefined when a radius would be 0.
 * `center`: `a` is the centre. `circle`: both radii take the larger one.
 */
export function ellipseFrom(
  a: XY,
  b: XY,
  center: boolean,
  circle = false,
): EllipseGeometry | undefined {
  let cx = (a.x + b.x) / 2;
  let cy = (a.y + b.y) / 2;
  let rx = Math.abs(b.x - a.x) / 2;
  let ry = Math.abs(b.y - a.y) / 2;
  if (center) {
    cx = a.x;
    cy = a.y;
    rx *= 2;
    ry *= 2;
  }
  if (circle) {
    const r = Math.max(rx, ry);
    if (!center) {
      cx = a.x + Math.sign(b.x - a.x || 1) * r;
      cy = a.y + Math.sign(b.y - a.y || 1) * r;
    }
    rx = ry = r;
  }
  if (!(rx > 0) || !(ry > 0)) return undefined;
  return { type: 'ellipse', cx, cy, rx, ry, rotation: 0 };
}

/** Creates an ellipse tool. */
export function createDrawEllipseTool(options: DrawEllipseOptions): Tool {
  const fromCenter = options.from === 'center';
  return createDragTool({
    id: 'draw-ellipse',
    label: options.label,
    snapRadius: options.snapRadius,
    build: (a, b, mods: Modifiers) =>
      ellipseFrom(a, b, fromCenter !== (mods.altKey === true), mods.shiftKey === true),
  });
}
