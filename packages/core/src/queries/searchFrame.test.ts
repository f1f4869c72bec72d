import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '../errors.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import { createDocument } from '../document/createDocument.js';
import type { AnnotationDocument } from '../document/types.js';
import type { AttributeId, LabelId } from '../model/ids.js';
import type { DocumentData } from '../model/records.js';
import { A, L, kf, rect, shape, tag, testDoc, track } from '../commands/testDoc.js';
import { resolveFrameUncached } from './frameState.js';
import { searchFrame } from './searchFrame.js';
import type { AttributePredicate, FrameFilter, ResolvedObject } from './types.js';

const doc = (): AnnotationDocument =>
  testDoc([
    shape(1, 3, rect(0, 0), { attributes: { [A.color]: 'blue' } }),
    tag(2, 5),
    track(3, [
      kf(8, rect(0, 0), { attributes: { [A.speed]: '10' } }),
      kf(12, rect(0, 0), { attributes: { [A.speed]: '50' } }),
      kf(15, rect(0, 0), { outside: true }),
    ]),
    shape(4, 17, rect(0, 0), { label: L.bike }),
    shape(
      5,
      18,
      { type: 'points', points: [1, 1] },
      { label: L.any, attributes: { [A.note]: 'hello' } },
    ),
  ]);

const pred = (
  id: AttributeId,
  op: AttributePredicate['op'],
  value: string,
): AttributePredicate => ({
  id,
  op,
  value,
});

describe('searchFrame', () => {
  it('finds frames by label and shape type in both directions', () => {
    const d = doc();
    expect(searchFrame(d, 0, 1, { labels: [L.bike] })).to.equal(17);
    expect(searchFrame(d, 17, 1, { labels: [L.bike] })).to.equal(null);
    expect(searchFrame(d, 19, -1, { labels: [L.bike] })).to.equal(17);
    expect(searchFrame(d, -1, 1, { shapeTypes: ['tag'] })).to.equal(5);
    expect(searchFrame(d, 0, 1, { shapeTypes: ['points', 'tag'] })).to.equal(5);
    expect(searchFrame(d, 6, 1, { shapeTypes: ['points'] })).to.equal(18);
    expect(searchFrame(d, 0, 1, { labels: [] })).to.equal(null);
  });

  it('filters by attributes with held track values, optionally keyframes only', () => {
    const d = doc();
    expect(searchFrame(d, 0, 1, { attributes: [pred(A.speed, '>', '20')] })).to.equal(12);
    expect(searchFrame(d, 8, 1, { attributes: [pred(A.speed, '==', '10')] })).to.equal(9);
    expect(
      searchFrame(d, 8, 1, { attributes: [pred(A.speed, '==', '10')], keyframesOnly: true }),
    ).to.equal(null);
    expect(searchFrame(d, 19, -1, { attributes: [pred(A.speed, '<=', '50')] })).to.equal(14);
    expect(searchFrame(d, 0, 1, { attributes: [pred(A.color, '==', 'blue')] })).to.equal(3);
    // The track's colour is the default ('red').
    expect(searchFrame(d, 3, 1, { attributes: [pred(A.color, '!=', 'blue')] })).to.equal(8);
    expect(searchFrame(d, 0, 1, { attributes: [pred(A.note, 'contains', 'ell')] })).to.equal(18);
    expect(searchFrame(d, 0, 1, { attributes: [pred(A.speed, '>', 'abc')] })).to.equal(null);
    expect(searchFrame(d, 0, 1, { keyframesOnly: true, labels: [L.car] })).to.equal(3);
    expect(searchFrame(d, 3, 1, { keyframesOnly: true, labels: [L.car] })).to.equal(8);
    expect(searchFrame(d, 8, 1, { keyframesOnly: true, labels: [L.car] })).to.equal(12);
  });

  it('finds empty and non-empty frames', () => {
    const d = doc();
    expect(searchFrame(d, 2, 1, { emptyFrame: true })).to.equal(4);
    expect(searchFrame(d, 7, 1, { emptyFrame: true })).to.equal(15);
    expect(searchFrame(d, 15, -1, { emptyFrame: true })).to.equal(7);
    expect(searchFrame(d, 1, -1, { emptyFrame: true })).to.equal(0);
    expect(searchFrame(d, 17, 1, { emptyFrame: true })).to.equal(19);
    expect(searchFrame(d, 5, 1, { emptyFrame: false })).to.equal(8);
    expect(searchFrame(d, 4, 1, {})).to.equal(5);
    expect(searchFrame(d, 19, 1, {})).to.equal(null);
    expect(searchFrame(d, 0, 1, { emptyFrame: true, labels: [L.car] })).to.equal(null);
  });

  it('rejects a bad start or direction', () => {
    const d = doc();
    for (const call of [() => searchFrame(d, 0.5, 1, {}), () => searchFrame(d, 0, 2 as 1, {})]) {
      expect(call)
        .to.throw()
        .that.satisfies((e: unknown) => isAnnotkitError(e, 'invalid-type'));
    }
  });

  it('agrees with a frame-by-frame scan of resolved frames on random documents', () => {
    const filterArbitrary = (data: DocumentData): fc.Arbitrary<FrameFilter> => {
      const labelIds = data.labels.map((l) => l.id);
      const specs = data.labels.flatMap((l) => l.attributes);
      const predicate =
        specs.length === 0
          ? fc.constant(pred(999 as AttributeId, '==', 'x'))
          : fc
              .tuple(
                fc.constantFrom(...specs),
                fc.constantFrom('==', '!=', '<', '>', '<=', '>=', 'contains' as const),
                fc.nat(),
              )
              .map(([s, op, k]) =>
                pred(s.id, op, s.values.length > 0 ? s.values[k % s.values.length]! : s.default),
              );
      const types = ['rectangle', 'polygon', 'polyline', 'points', 'ellipse', 'tag'] as const;
      return fc.oneof(
        fc.record({ emptyFrame: fc.boolean() }),
        fc.record({ keyframesOnly: fc.constant(true) }),
        fc.record(
          {
            labels: fc.subarray(labelIds as LabelId[]),
            shapeTypes: fc.subarray([...types]),
            attributes: fc.array(predicate, { maxLength: 2 }),
            emptyFrame: fc.boolean(),
            keyframesOnly: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      );
    };
    fc.assert(
      fc.property(
        documentDataArbitrary({ maxFrames: 10, maxObjects: 4 }).chain((data) =>
          fc.tuple(
            fc.constant(data),
            filterArbitrary(data),
            fc.integer({ min: -1, max: 10 }),
            fc.boolean(),
          ),
        ),
        ([data, filter, from, forward]) => {
          const d = createDocument(data);
          const direction = forward ? 1 : -1;
          expect(searchFrame(d, from, direction, filter)).to.equal(
            bruteForce(d, from, direction, filter),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** The reference: resolve every frame and test the filter on its objects. */
function bruteForce(
  d: AnnotationDocument,
  from: number,
  direction: 1 | -1,
  filter: FrameFilter,
): number | null {
  const n = d.media.frames.length;
  const objectActive =
    filter.labels !== undefined ||
    filter.shapeTypes !== undefined ||
    filter.attributes !== undefined ||
    filter.keyframesOnly === true;
  const matches = (o: ResolvedObject): boolean => {
    if (filter.labels && !filter.labels.includes(o.label)) return false;
    if (filter.shapeTypes && !filter.shapeTypes.includes(o.geometry?.type ?? 'tag')) return false;
    if (filter.keyframesOnly && !o.keyframe) return false;
    const label = d.label(o.label)!;
    for (const p of filter.attributes ?? []) {
      const spec = label.attributes.find((a) => a.id === p.id);
      if (!spec) return false;
      const v = o.attributes[p.id] ?? spec.default;
      const a = Number(v);
      const b = Number(p.value);
      const numeric = v.trim() !== '' && p.value.trim() !== '' && isFinite(a) && isFinite(b);
      const ok =
        p.op === '=='
          ? v === p.value
          : p.op === '!='
            ? v !== p.value
            : p.op === 'contains'
              ? v.includes(p.value)
              : numeric &&
                (p.op === '<' ? a < b : p.op === '>' ? a > b : p.op === '<=' ? a <= b : a >= b);
      if (!ok) return false;
    }
    return true;
  };
  for (let f = from + direction; direction === 1 ? f < n : f >= 0; f += direction) {
    if (f < 0 || f >= n) continue;
    const objects = resolveFrameUncached(d, f).objects;
    const empty = objects.length === 0;
    if (filter.emptyFrame !== undefined && filter.emptyFrame !== empty) continue;
    if (objectActive && !objects.some(matches)) continue;
    return f;
  }
  return null;
}
