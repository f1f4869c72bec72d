/**
 * A tiny most-recently-used cache of resolved frames, in fixed slots.
 *
 * Why not a `Map`: the frame-state query keeps one or two frames of ~10k resolved objects each
 * and replaces one on every playback frame. With a `Map` that churns (`delete` + `set` on every
 * frame), Chromium's V8 kept each evicted frame's objects alive through minor garbage
 * collections until the next full one: in the 10k-track benchmark every minor collection
 * copied 20–30 MB instead of the 4–7 MB really kept, took 12–20 ms instead of ~2 ms, and the
 * heap grew by ~250 MB between full collections. Overwriting a slot releases the old frame at
 * once.
 */
export class FrameLru<T> {
  /** Frame of each slot, most recent first; −1 marks an empty slot. */
  private readonly frames: number[];
  private readonly values: (T | undefined)[];

  /** `capacity`: number of frames kept (at least 1). */
  constructor(capacity: number) {
    const n = Math.max(1, Math.floor(capacity));
    this.frames = new Array<number>(n).fill(-1);
    this.values = new Array<T | undefined>(n).fill(undefined);
  }

  /** The value kept for `frame`, now the most recent, or undefined. */
  get(frame: number): T | undefined {
    const i = this.frames.indexOf(frame);
    if (i < 0) return undefined;
    const value = this.values[i];
    this.moveToFront(i, frame, value);
    return value;
  }

  /** Keeps `value` for `frame` as the most recent; the least recent is dropped when full. */
  set(frame: number, value: T): void {
    const i = this.frames.indexOf(frame);
    this.moveToFront(i < 0 ? this.frames.length - 1 : i, frame, value);
  }

  /** Drops the value kept for every frame that `drop` returns true for. */
  deleteWhere(drop: (frame: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.frames.length; i++) {
      const frame = this.frames[i]!;
      if (frame < 0 || drop(frame)) continue;
      this.frames[kept] = frame;
      this.values[kept] = this.values[i];
      kept++;
    }
    for (; kept < this.frames.length; kept++) {
      this.frames[kept] = -1;
      this.values[kept] = undefined;
    }
  }

  /** Drops everything. */
  clear(): void {
    this.frames.fill(-1);
    this.values.fill(undefined);
  }

  /** Frames kept, most recent first (for tests). */
  keys(): number[] {
    return this.frames.filter((f) => f >= 0);
  }

  /** Puts `(frame, value)` in slot 0, shifting slots 0…i−1 down by one (slot i is overwritten). */
  private moveToFront(i: number, frame: number, value: T | undefined): void {
    for (let k = i; k > 0; k--) {
      this.frames[k] = this.frames[k - 1]!;
      this.values[k] = this.values[k - 1];
    }
    this.frames[0] = frame;
    this.values[0] = value;
  }
}
