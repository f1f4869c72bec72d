/**
 * Polygon and polyline interpolation, bit-compatible with CVAT's polyshape algorithm.
 *
 * Why reproduce CVAT exactly: tracks exported to CVAT (or imported from it) must look the same
 * between keyframes in both tools, and CVAT's client and server agree bit for bit. So the
 * arithmetic below follows CVAT's order of operations (cumulative arc length divided by the
 * total, `l + (r − l)·t`, `sqrt(dx² + dy²)` distances, the `≥` and `<` comparisons, "first
 * nearest wins" ties, right indices sorted per left vertex), even where another formula would be
 * cleaner.
 *
 * Why split preparation from evaluation: the matching (offset vectors, left→right and right→left
 * nearest-offset pairing, the partition into left/right segments and their thresholds) depends
 * only on the two keyframes, while a track is evaluated on every frame between them. Preparing
 * once leaves the lerp and the threshold walk per frame, which is what lets
 * thousands of polygon tracks resolve within a frame budget.
 *
 * Why `alignStart` exists: CVAT assumes both keyframes start at the same vertex and run in the
 * same direction. When vertex 0 moves around the contour (an annotator redraws the polygon, a
 * detector emits rings from another start), the matching pairs far-apart vertices and the shape
 * folds over itself between keyframes. The opt-in fix rotates (and, when that fits better,
 * reverses) the right ring to minimise the squared distance between arc-length resamplings of
 * the two rings, then runs CVAT's algorithm unchanged, so the output stays CVAT-shaped.
 */
import { doubleArray } from './common.js';

/** A prepared polyshape interpolation: returns a fresh flat point array for `t` in [0, 1]. */
export type PolyshapeEvaluator = (t: number) => number[];

/** The raw evaluator; `dropLast` leaves out the last point (polygons: the closing point). */
type RawEvaluator = (t: number, dropLast?: boolean) => number[];

const SINGLE = 0;
const MINIMIZE = 1;

/** Cumulative arc length of each vertex divided by the total (CVAT's `curveToOffsetVec`). */
function offsetVector(points: readonly number[]): number[] {
  const n = points.length >> 1;
  let length = 0;
  for (let i = 1; i < n; i++) {
    const dx = points[2 * i] - points[2 * i - 2];
    const dy = points[2 * i + 1] - points[2 * i - 1];
    length = length + Math.sqrt(dx * dx + dy * dy);
  }
  const out = new Array<number>(n);
  out[0] = 0;
  let accumulated = 0;
  for (let i = 1; i < n; i++) {
    const dx = points[2 * i] - points[2 * i - 2];
    const dy = points[2 * i + 1] - points[2 * i - 1];
    accumulated += Math.sqrt(dx * dx + dy * dy);
    out[i] = accumulated / length;
  }
  return out;
}

/** Length of the sub-curve from vertex `start` to `stop` inclusive (CVAT's `curveLength`). */
function subCurveLength(points: readonly number[], start: number, stop: number): number {
  let length = 0;
  for (let i = start + 1; i <= stop; i++) {
    const dx = points[2 * i] - points[2 * i - 2];
    const dy = points[2 * i + 1] - points[2 * i - 1];
    length = length + Math.sqrt(dx * dx + dy * dy);
  }
  return length;
}

/** Index of the entry of `curve` nearest to `value`; the first one wins ties. */
function nearest(value: number, curve: readonly number[]): number {
  let best = 0;
  let bestDistance = Math.abs(value - curve[0]);
  for (let i = 1; i < curve.length; i++) {
    const d = Math.abs(value - curve[i]);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The vertex matching of CVAT's algorithm: for each left vertex, the sorted right vertices it
 * is paired with. Exposed for tests and tools that visualise the correspondence.
 */
export function matchPolyshapes(left: readonly number[], right: readonly number[]): number[][] {
  const leftOffsets = offsetVector(left);
  const rightOffsets = offsetVector(right);
  const matching: number[][] = [];
  const matched = new Array<boolean>(rightOffsets.length).fill(false);
  for (let i = 0; i < leftOffsets.length; i++) {
    const r = nearest(leftOffsets[i], rightOffsets);
    matching.push([r]);
    matched[r] = true;
  }
  for (let r = 0; r < rightOffsets.length; r++) {
    if (!matched[r]) matching[nearest(rightOffsets[r], leftOffsets)].push(r);
  }
  for (const list of matching) if (list.length > 1) list.sort((a, b) => a - b);
  return matching;
}

/**
 * Prepares CVAT's polyline interpolation from `left` to `right` (flat `[x1, y1, …]`, at least
 * one point each). The evaluator is meant for `t` in (0, 1]; at `t = 0` CVAT returns the left
 * points unchanged, which callers handle before calling it (see {@link preparePolyline}).
 */
function preparePolyshape(
  left: readonly number[],
  right: readonly number[],
  closed: boolean,
): RawEvaluator {
  // Closed rings repeat their first point at the end for the matching; the evaluator reads the
  // keyframe arrays themselves (indices taken modulo the vertex count), so nothing is copied.
  const leftCurve = closed ? [...left, left[0], left[1]] : left;
  const rightCurve = closed ? [...right, right[0], right[1]] : right;
  const leftN = left.length >> 1;
  const rightN = right.length >> 1;
  const matching = matchPolyshapes(leftCurve, rightCurve);
  const leftCount = matching.length;

  // Flattened pairs in left order, and the first interpolated index of each left vertex.
  const firstPair = new Array<number>(leftCount);
  let pairCount = 0;
  for (let i = 0; i < leftCount; i++) {
    firstPair[i] = pairCount;
    pairCount += matching[i].length;
  }
  // Per pair: offsets of the left and right vertex in the keyframe arrays.
  const pairs = new Array<number>(2 * pairCount);
  for (let i = 0, k = 0; i < leftCount; i++) {
    for (const r of matching[i]) {
      pairs[k++] = 2 * (i % leftN);
      pairs[k++] = 2 * (r % rightN);
    }
  }

  // Segments in output order: [kind, startPair, stopPair] plus a threshold per segment.
  const segKind: number[] = [];
  const segStart: number[] = [];
  const segStop: number[] = [];
  const segThreshold: number[] = [];
  const leftSegment = (start: number, stop: number): void => {
    const startPair = firstPair[start];
    const stopPair = firstPair[stop];
    if (startPair === stopPair) {
      segKind.push(SINGLE);
      segStart.push(startPair);
      segStop.push(startPair);
      segThreshold.push(0);
      return;
    }
    const baseLength = subCurveLength(leftCurve, start, stop);
    const n = stop - start + 1;
    segKind.push(MINIMIZE);
    segStart.push(startPair);
    segStop.push(stopPair);
    segThreshold.push(baseLength / (2 * n));
  };
  const rightSegment = (leftIndex: number): void => {
    const list = matching[leftIndex];
    const start = list[0];
    const stop = list[list.length - 1];
    const baseLength = subCurveLength(rightCurve, start, stop);
    const n = stop - start + 1;
    segKind.push(MINIMIZE);
    segStart.push(firstPair[leftIndex]);
    segStop.push(firstPair[leftIndex] + list.length - 1);
    segThreshold.push(baseLength / (2 * n));
  };
  let opened = -1;
  for (let i = 0; i < leftCount; i++) {
    if (matching[i].length === 1) {
      if (opened >= 0) {
        if (matching[i][0] === matching[opened][0]) continue;
        leftSegment(opened, i - 1);
      }
      opened = i;
    } else {
      if (opened >= 0) {
        leftSegment(opened, i - 1);
        opened = -1;
      }
      rightSegment(i);
    }
  }
  if (opened >= 0) leftSegment(opened, leftCount - 1);

  // Everything the evaluator reads lives in two typed arrays, in output order: per pair the left
  // point and the delta to the right point (`l + d·t` is CVAT's `l + (r − l)·t`: the delta is the
  // same double, computed once), and per segment its kind, pair range and threshold. For
  // thousands of tracks per frame, memory locality is what costs: one contiguous buffer per
  // keyframe pair is ~10× faster than chasing the keyframe arrays and per-segment lists.
  const coef = new Float64Array(4 * pairCount);
  for (let k = 0; k < pairCount; k++) {
    const l = pairs[2 * k];
    const r = pairs[2 * k + 1];
    coef[4 * k] = left[l];
    coef[4 * k + 1] = left[l + 1];
    coef[4 * k + 2] = right[r] - left[l];
    coef[4 * k + 3] = right[r + 1] - left[l + 1];
  }
  const segments = segKind.length;
  const seg = new Float64Array(4 * segments);
  for (let s = 0; s < segments; s++) {
    seg[4 * s] = segKind[s];
    seg[4 * s + 1] = segStart[s];
    seg[4 * s + 2] = segStop[s];
    seg[4 * s + 3] = segThreshold[s];
  }

  // The output is written straight into an array of the largest possible length and trimmed
  // at the end (trimming shrinks the array in place; growing by push would allocate and discard
  // two or three buffers per polygon and frame, which shows up as garbage-collection time).
  const maxLength = 2 * pairCount;
  if (segKind.every((kind) => kind === SINGLE)) {
    // Every vertex is a segment of its own (each left vertex matched one right vertex and no
    // two share one): nothing to reduce, and the output is every pair lerped in order, by the
    // same expression as below. The usual case — a polygon moved or reshaped between keyframes
    // — then runs one straight loop instead of the segment walk.
    const full = doubleArray(maxLength);
    const short = doubleArray(Math.max(0, maxLength - 2));
    return (t: number, dropLast = false): number[] => {
      const out = dropLast ? short.slice() : full.slice();
      const n = out.length;
      for (let k = 0; k < n; k += 2) {
        const c = 2 * k;
        out[k] = coef[c] + coef[c + 2] * t;
        out[k + 1] = coef[c + 1] + coef[c + 3] * t;
      }
      return out;
    };
  }
  const template = doubleArray(maxLength);
  return (t: number, dropLast = false): number[] => {
    const out = template.slice();
    let k = 0;
    for (let s = 0; s < segments; s++) {
      const start = seg[4 * s + 1];
      let c = 4 * start;
      const sx = coef[c] + coef[c + 2] * t;
      const sy = coef[c + 1] + coef[c + 3] * t;
      out[k++] = sx;
      out[k++] = sy;
      if (seg[4 * s] === SINGLE) continue;
      const stop = seg[4 * s + 2];
      const threshold = seg[4 * s + 3];
      let kept = 1;
      let latestX = sx;
      let latestY = sy;
      for (let i = start + 1; i < stop; i++) {
        c = 4 * i;
        const px = coef[c] + coef[c + 2] * t;
        const py = coef[c + 1] + coef[c + 3] * t;
        const dx = latestX - px;
        const dy = latestY - py;
        if (Math.sqrt(dx * dx + dy * dy) >= threshold) {
          out[k++] = px;
          out[k++] = py;
          latestX = px;
          latestY = py;
          kept++;
        }
      }
      c = 4 * stop;
      const ex = coef[c] + coef[c + 2] * t;
      const ey = coef[c + 1] + coef[c + 3] * t;
      if (kept === 1) {
        const dx = sx - ex;
        const dy = sy - ey;
        if (Math.sqrt(dx * dx + dy * dy) < threshold) {
          // Only the two ends are left and they are closer than the threshold: their average.
          out[k - 2] = (0 + sx + ex) / 2;
          out[k - 1] = (0 + sy + ey) / 2;
          continue;
        }
      }
      out[k++] = ex;
      out[k++] = ey;
    }
    if (dropLast) k -= 2;
    if (k < maxLength) out.length = k;
    return out;
  };
}

/**
 * Prepares CVAT's polyline interpolation between two flat point arrays. The result at `t = 0`
 * is a copy of `left`; for `t` in (0, 1] it is CVAT's matched, lerped and reduced polyline.
 */
export function preparePolyline(
  left: readonly number[],
  right: readonly number[],
): PolyshapeEvaluator {
  const evaluate = preparePolyshape(left, right, false);
  return (t) => (t === 0 ? left.slice() : evaluate(t));
}

/**
 * Prepares CVAT's polygon interpolation: both rings are closed (first point appended), the
 * polyline algorithm runs, and the last output point is dropped. With `alignStart`, the right
 * ring is first rotated/reversed by {@link alignRing}.
 */
export function preparePolygon(
  left: readonly number[],
  right: readonly number[],
  alignStart = false,
): PolyshapeEvaluator {
  const r = alignStart ? alignRing(left, right) : right;
  const evaluate = preparePolyshape(left, r, true);
  return (t) => (t === 0 ? left.slice() : evaluate(t, true));
}

/** Resamples a closed ring at `count` points evenly spaced by arc length, from vertex 0. */
function resampleRing(ring: readonly number[], count: number, out: Float64Array): void {
  const n = ring.length >> 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    total += Math.hypot(ring[2 * j] - ring[2 * i], ring[2 * j + 1] - ring[2 * i + 1]);
  }
  let edge = 0;
  let edgeStart = 0;
  const first = 1 % n;
  let edgeLength = Math.hypot(ring[2 * first] - ring[0], ring[2 * first + 1] - ring[1]);
  for (let k = 0; k < count; k++) {
    const s = (total * k) / count;
    while (edge < n - 1 && s > edgeStart + edgeLength) {
      edgeStart += edgeLength;
      edge++;
      const j = (edge + 1) % n;
      edgeLength = Math.hypot(ring[2 * j] - ring[2 * edge], ring[2 * j + 1] - ring[2 * edge + 1]);
    }
    const j = (edge + 1) % n;
    const f = edgeLength > 0 ? Math.min(1, (s - edgeStart) / edgeLength) : 0;
    out[2 * k] = ring[2 * edge] + (ring[2 * j] - ring[2 * edge]) * f;
    out[2 * k + 1] = ring[2 * edge + 1] + (ring[2 * j + 1] - ring[2 * edge + 1]) * f;
  }
}

/**
 * Re-orders the ring `right` to best match `left`: among every start vertex and both directions,
 * picks the one that minimises the summed squared distance between the two rings resampled at
 * the same arc-length fractions (2 × the larger vertex count, between 16 and 256 samples). Ties
 * keep the original order. Returns `right` itself when it is already best.
 */
export function alignRing(left: readonly number[], right: readonly number[]): readonly number[] {
  const m = right.length >> 1;
  const count = Math.min(256, Math.max(16, 2 * Math.max(left.length >> 1, m)));
  const leftSamples = new Float64Array(2 * count);
  const samples = new Float64Array(2 * count);
  resampleRing(left, count, leftSamples);
  const candidate = new Array<number>(2 * m);
  let best: readonly number[] = right;
  let bestCost = Infinity;
  for (let direction = 0; direction < 2; direction++) {
    for (let start = 0; start < m; start++) {
      for (let k = 0; k < m; k++) {
        const src = direction === 0 ? (start + k) % m : (start - k + m) % m;
        candidate[2 * k] = right[2 * src];
        candidate[2 * k + 1] = right[2 * src + 1];
      }
      resampleRing(candidate, count, samples);
      let cost = 0;
      for (let i = 0; i < 2 * count; i++) {
        const d = samples[i] - leftSamples[i];
        cost += d * d;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = direction === 0 && start === 0 ? right : candidate.slice();
      }
    }
  }
  return best;
}
