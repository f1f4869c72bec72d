import { expect } from 'chai';
import fc from 'fast-check';
import { FrameLru } from './frameLru.js';

describe('FrameLru', () => {
  it('keeps the most recently used frames and drops the least recent one', () => {
    const lru = new FrameLru<string>(2);
    lru.set(1, 'a');
    lru.set(2, 'b');
    expect(lru.get(1)).to.equal('a'); // 1 is now the most recent
    lru.set(3, 'c'); // drops 2
    expect(lru.keys()).to.deep.equal([3, 1]);
    expect(lru.get(2)).to.equal(undefined);
    lru.set(1, 'a2'); // replaces in place, no eviction
    expect(lru.keys()).to.deep.equal([1, 3]);
    expect(lru.get(1)).to.equal('a2');
  });

  it('drops frames by predicate and keeps the rest in order', () => {
    const lru = new FrameLru<number>(4);
    for (const f of [1, 2, 3, 4]) lru.set(f, f * 10);
    lru.deleteWhere((f) => f % 2 === 0);
    expect(lru.keys()).to.deep.equal([3, 1]);
    lru.set(5, 50);
    expect(lru.keys()).to.deep.equal([5, 3, 1]);
    lru.clear();
    expect(lru.keys()).to.deep.equal([]);
    expect(lru.get(5)).to.equal(undefined);
  });

  it('behaves like a reference LRU under random operations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('get' as const), frame: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('set' as const), frame: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('drop' as const), frame: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (cap, ops) => {
        const lru = new FrameLru<string>(cap);
        let model: [number, string][] = []; // most recent first
        ops.forEach(({ kind, frame }, i) => {
          const at = model.findIndex(([f]) => f === frame);
          if (kind === 'get') {
            const hit = at >= 0 ? model[at]! : undefined;
            expect(lru.get(frame)).to.equal(hit?.[1]);
            if (hit) model = [hit, ...model.filter((_, k) => k !== at)];
          } else if (kind === 'set') {
            const entry: [number, string] = [frame, `v${i}`];
            lru.set(frame, entry[1]);
            model = [entry, ...model.filter(([f]) => f !== frame)].slice(0, cap);
          } else {
            lru.deleteWhere((f) => f >= frame);
            model = model.filter(([f]) => f < frame);
          }
          expect(lru.keys()).to.deep.equal(model.map(([f]) => f));
        });
      }),
    );
  });
});
