/**
 * Two-finger pinch on touch screens: tracks the active touch pointers and, while exactly two are
 * down, turns their movement into one `pinch` input (zoom by the ratio of finger distances about
 * their midpoint, pan by the midpoint's movement). Touch input with one finger goes to the tools
 * as usual. Trackpad pinch arrives as ctrl+wheel and is handled as a wheel zoom.
 */
import type { CanvasInput } from './types.js';

interface Finger {
  x: number;
  y: number;
}

/** What a pinch tracker says about one pointer event. */
export type PinchResult =
  /** Not part of a pinch: dispatch the pointer event as usual. */
  | { readonly kind: 'pass' }
  /** Part of a pinch: swallow the event, dispatch `input` when present. */
  | { readonly kind: 'pinch'; readonly input?: CanvasInput };

export interface PinchTracker {
  /** Feeds a touch pointer event (container px). */
  touch(type: 'down' | 'move' | 'up', pointerId: number, x: number, y: number): PinchResult;
}

/** Creates a tracker; each canvas has its own. */
export function createPinchTracker(): PinchTracker {
  const fingers = new Map<number, Finger>();
  let pinching = false;
  const pair = (): [Finger, Finger] => {
    const [a, b] = [...fingers.values()];
    return [a!, b!];
  };
  return {
    touch(type, pointerId, x, y) {
      if (type === 'down') {
        fingers.set(pointerId, { x, y });
        if (fingers.size === 2) pinching = true;
        return pinching ? { kind: 'pinch' } : { kind: 'pass' };
      }
      const finger = fingers.get(pointerId);
      if (type === 'up') {
        fingers.delete(pointerId);
        if (!pinching) return { kind: 'pass' };
        if (fingers.size === 0) pinching = false;
        return { kind: 'pinch' };
      }
      if (!finger) return { kind: 'pass' };
      if (!pinching || fingers.size !== 2) {
        finger.x = x;
        finger.y = y;
        return pinching ? { kind: 'pinch' } : { kind: 'pass' };
      }
      const [a0, b0] = pair();
      const before = { ax: a0.x, ay: a0.y, bx: b0.x, by: b0.y };
      finger.x = x;
      finger.y = y;
      const [a1, b1] = pair();
      const d0 = Math.hypot(before.bx - before.ax, before.by - before.ay);
      const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
      const mx0 = (before.ax + before.bx) / 2;
      const my0 = (before.ay + before.by) / 2;
      const mx1 = (a1.x + b1.x) / 2;
      const my1 = (a1.y + b1.y) / 2;
      return {
        kind: 'pinch',
        input: {
          type: 'pinch',
          x: mx1,
          y: my1,
          scale: d0 > 0 && d1 > 0 ? d1 / d0 : 1,
          dx: mx1 - mx0,
          dy: my1 - my0,
        },
      };
    },
  };
}
