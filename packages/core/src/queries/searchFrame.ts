/**
 * `searchFrame`: the next or previous frame matching a typed filter.
 *
 * Design note. Everything a `FrameFilter` looks at (label, shape type, attribute values,
 * visibility) is constant for a track between two keyframes: attributes and `outside` are
 * sample-and-hold and only the geometry is interpolated. So each object is turned into a few
 * frame intervals on which it is visible and matches, and the answer is the nearest frame of
 * their union (or, for `emptyFrame`, the nearest frame outside the union of visible intervals).
 * The cost is O(objects + keyframes) per search, independent of the number of frames.
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { AnnotationDocument } from '../document/types.js';
import type { LabelId } from '../model/ids.js';
import type { AttributeValues, Label } from '../model/records.js';
import type { AttributePredicate, FrameFilter } from './types.js';

/** Inclusive frame interval. */
type Interval = readonly [number, number];

function compare(actual: string, p: AttributePredicate): boolean {
  switch (p.op) {
    case '==':
      return actual === p.value;
    case '!=':
      return actual !== p.value;
    case 'contains':
      return actual.includes(p.value);
    default: {
      if (actual.trim() === '' || p.value.trim() === '') return false;
      const a = Number(actual);
      const b = Number(p.value);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      if (p.op === '<') return a < b;
      if (p.op === '>') return a > b;
      if (p.op === '<=') return a <= b;
      return a >= b;
    }
  }
}

/** Value of attribute `id` for an object of `label`, or undefined if the label has no such spec. */
function attributeValue(
  label: Label | undefined,
  id: number,
  ...sources: AttributeValues[]
): string | undefined {
  const spec = label?.attributes.find((a) => a.id === id);
  if (!spec) return undefined;
  for (const s of sources) {
    const v = s[id];
    if (v !== undefined) return v;
  }
  return spec.default;
}

function attributesMatch(
  filter: FrameFilter,
  label: Label | undefined,
  ...sources: AttributeValues[]
): boolean {
  for (const p of filter.attributes ?? []) {
    const v = attributeValue(label, p.id, ...sources);
    if (v === undefined || !compare(v, p)) return false;
  }
  return true;
}

function checkArgs(from: number, direction: number): void {
  if (!Number.isInteger(from)) {
    throw new AnnotkitError(ErrorCode.InvalidType, `from must be an integer, got ${from}`, {
      path: ['from'],
    });
  }
  if (direction !== 1 && direction !== -1) {
    throw new AnnotkitError(ErrorCode.InvalidType, `direction must be 1 or -1, got ${direction}`, {
      path: ['direction'],
    });
  }
}

/** Nearest frame ≥ p (direction 1) or ≤ p (direction −1) inside any interval. */
function nearestCovered(intervals: Interval[], p: number, direction: 1 | -1): number | null {
  let best: number | null = null;
  for (const [s, e] of intervals) {
    if (direction === 1) {
      if (e < p) continue;
      const f = Math.max(s, p);
      if (best === null || f < best) best = f;
    } else {
      if (s > p) continue;
      const f = Math.min(e, p);
      if (best === null || f > best) best = f;
    }
  }
  return best;
}

/** Nearest frame from p in `direction` within [0, last] not inside any interval. */
function nearestUncovered(
  intervals: Interval[],
  p: number,
  direction: 1 | -1,
  last: number,
): number | null {
  if (direction === 1) {
    const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
    for (const [s, e] of sorted) {
      if (s > p) break;
      if (e >= p) p = e + 1;
    }
  } else {
    const sorted = [...intervals].sort((a, b) => b[1] - a[1]);
    for (const [s, e] of sorted) {
      if (e < p) break;
      if (s <= p) p = s - 1;
    }
  }
  return p >= 0 && p <= last ? p : null;
}

/**
 * The nearest frame after (`direction = 1`) or before (`direction = -1`) frame `from` that
 * matches `filter`, or `null` when there is none within the media. `from` itself is never
 * returned; it may lie outside the media (e.g. `-1` to search from frame 0 on).
 * See `FrameFilter` for the semantics. Throws `invalid-type` for a non-integer `from` or a
 * direction other than ±1.
 */
export function searchFrame(
  doc: AnnotationDocument,
  from: number,
  direction: 1 | -1,
  filter: FrameFilter,
): number | null {
  checkArgs(from, direction);
  const last = doc.media.frames.length - 1;
  const start = Math.min(Math.max(from + direction, 0), last);
  if (last < 0 || (direction === 1 ? from + 1 > last : from - 1 < 0)) return null;
  const objectActive =
    filter.labels !== undefined ||
    filter.shapeTypes !== undefined ||
    filter.attributes !== undefined ||
    filter.keyframesOnly === true;
  if (!objectActive && filter.emptyFrame === undefined) return start;
  if (objectActive && filter.emptyFrame === true) return null;

  const labels = new Map<LabelId, Label>();
  for (const l of doc.labels()) labels.set(l.id, l);
  const labelSet = filter.labels ? new Set<number>(filter.labels) : undefined;
  const typeSet = filter.shapeTypes ? new Set<string>(filter.shapeTypes) : undefined;
  const keyframesOnly = filter.keyframesOnly === true;

  const visible: Interval[] = [];
  const matching: Interval[] = [];
  const clip = (s: number, e: number): Interval | undefined => {
    const a = Math.max(s, 0);
    const b = Math.min(e, last);
    return a <= b ? [a, b] : undefined;
  };

  for (const o of doc.objects()) {
    const label = labels.get(o.label);
    const staticOk =
      (!labelSet || labelSet.has(o.label)) &&
      (!typeSet ||
        typeSet.has(
          o.kind === 'tag'
            ? 'tag'
            : o.kind === 'shape'
              ? o.geometry.type
              : (o.keyframes[0]?.geometry.type ?? ''),
        ));
    if (o.kind !== 'track') {
      const iv = clip(o.frame, o.frame);
      if (!iv) continue;
      visible.push(iv);
      if (staticOk && attributesMatch(filter, label, o.attributes)) matching.push(iv);
      continue;
    }
    const kfs = o.keyframes;
    // Mutable attributes in effect: every keyframe's values up to the left one, later winning.
    let held: AttributeValues = o.attributes;
    for (let i = 0; i < kfs.length; i++) {
      const kf = kfs[i]!;
      held = { ...held, ...kf.attributes };
      if (kf.outside) continue;
      const end = i + 1 < kfs.length ? kfs[i + 1]!.frame - 1 : last;
      const iv = clip(kf.frame, end);
      if (!iv) continue;
      visible.push(iv);
      if (staticOk && attributesMatch(filter, label, held)) {
        matching.push(keyframesOnly ? [iv[0], iv[0]] : iv);
      }
    }
  }
  if (objectActive) return nearestCovered(matching, start, direction);
  return filter.emptyFrame
    ? nearestUncovered(visible, start, direction, last)
    : nearestCovered(visible, start, direction);
}
