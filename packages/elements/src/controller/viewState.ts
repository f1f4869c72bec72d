/**
 * Per-object view state of one editor: hidden, locked, pinned and colour overrides. Not
 * document state (CVAT records these in its undo history; we do not): no transaction, no undo
 * step. Each change replaces the set or map, so a holder of the old one sees no mutation.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ObjectId } from '@annotkit/core';

/** The view state as the `view` event carries it. */
export interface ViewSnapshot {
  readonly hidden: ReadonlySet<ObjectId>;
  readonly locked: ReadonlySet<ObjectId>;
  readonly pinned: ReadonlySet<ObjectId>;
  readonly colors: ReadonlyMap<ObjectId, string>;
}

/** A copy of `set` with `ids` added (`on`) or removed. */
function toggled(set: ReadonlySet<ObjectId>, ids: readonly ObjectId[], on: boolean): Set<ObjectId> {
  const next = new Set(set);
  for (const id of ids)
    if (on) next.add(id);
    else next.delete(id);
  return next;
}

/** The view state of one editor (see the module note). */
export class ViewState implements ViewSnapshot {
  hidden: ReadonlySet<ObjectId> = new Set();
  locked: ReadonlySet<ObjectId> = new Set();
  pinned: ReadonlySet<ObjectId> = new Set();
  colors: ReadonlyMap<ObjectId, string> = new Map();

  /** Back to nothing hidden, locked, pinned or coloured (a new document). */
  reset(): void {
    this.hidden = new Set();
    this.locked = new Set();
    this.pinned = new Set();
    this.colors = new Map();
  }

  setHidden(ids: readonly ObjectId[], on: boolean): void {
    this.hidden = toggled(this.hidden, ids, on);
  }

  setLocked(ids: readonly ObjectId[], on: boolean): void {
    this.locked = toggled(this.locked, ids, on);
  }

  setPinned(ids: readonly ObjectId[], on: boolean): void {
    this.pinned = toggled(this.pinned, ids, on);
  }

  /**
   * Gives objects their own colour (`#rrggbb`), or back the label's with undefined. Throws
   * `unsupported` (path `['color']`) for another syntax, changing nothing: the canvas derives
   * its translucent fill from the hex digits.
   */
  setColor(ids: readonly ObjectId[], color: string | undefined): void {
    if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color)) {
      throw new AnnotkitError(ErrorCode.Unsupported, `colour "${color}" is not #rrggbb`, {
        path: ['color'],
      });
    }
    const next = new Map(this.colors);
    for (const id of ids)
      if (color === undefined) next.delete(id);
      else next.set(id, color.toLowerCase());
    this.colors = next;
  }

  /** The current state, for the `view` event. */
  snapshot(): ViewSnapshot {
    return { hidden: this.hidden, locked: this.locked, pinned: this.pinned, colors: this.colors };
  }
}
