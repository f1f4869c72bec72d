/**
 * What every tool that collects clicks shares (polygon/polyline drawing, the click tools, the
 * slice line, join picks): the double click that ends a path, and the keys that finish, cancel
 * or take back a click, as in CVAT — Enter finishes, Escape cancels, Backspace drops the last
 * click.
 */

/**
 * A double click is two pointer-ups on one spot, so the path ending with it holds its last
 * point twice: drops the repeat (flat `[x1, y1, …]`, in place).
 */
export function dropRepeatedPoint(points: number[]): void {
  const n = points.length;
  if (n >= 4 && points[n - 1] === points[n - 3] && points[n - 2] === points[n - 4]) {
    points.splice(n - 2, 2);
  }
}

/** Drops the last point of a flat `[x1, y1, …]` path, in place. True when points are left. */
export function removeLastPoint(points: number[]): boolean {
  points.splice(points.length - 2, 2);
  return points.length > 0;
}

/** What the keys of a clicked path do; without `undo`, Backspace is not handled. */
export interface PathKeyActions {
  finish(): void;
  cancel(): void;
  undo?(): void;
}

/** Handles `key` for a path being collected. True when the key was one of the path's. */
export function pathKey(key: string, actions: PathKeyActions): boolean {
  if (key === 'Enter') actions.finish();
  else if (key === 'Escape') actions.cancel();
  else if (key === 'Backspace' && actions.undo) actions.undo();
  else return false;
  return true;
}
