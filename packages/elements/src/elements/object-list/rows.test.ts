import { expect } from 'chai';
import fc from 'fast-check';
import { objectRows, rowWindow } from './rows.js';
import { manyBoxes, testDoc } from '../../testing/testData.js';

describe('object list rows', () => {
  it('property: the window covers every row in view, and no more than view + 2·overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 6000000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 10 }),
        (count, rowHeight, scrollTop, height, overscan) => {
          const w = rowWindow(count, rowHeight, scrollTop, height, overscan);
          expect(w.start).to.be.at.least(0);
          expect(w.end).to.be.at.most(count);
          expect(w.end - w.start).to.be.at.most(Math.ceil(height / rowHeight) + 1 + 2 * overscan);
          for (const i of [
            Math.floor(scrollTop / rowHeight),
            Math.floor((scrollTop + height - 1) / rowHeight),
          ]) {
            if (i < count && height > 0) {
              expect(i).to.be.at.least(w.start);
              expect(i).to.be.below(w.end);
            }
          }
        },
      ),
    );
  });

  it('sorts by id, label name and zOrder', () => {
    const doc = testDoc(manyBoxes(6));
    expect(objectRows(doc, 0, 'id').map((r) => r.object.id)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(objectRows(doc, 0, 'zOrder').map((r) => r.object.id)).to.deep.equal([6, 5, 4, 3, 2, 1]);
    expect(objectRows(doc, 0, 'label').map((r) => r.label?.name)).to.deep.equal([
      'car',
      'car',
      'car',
      'person',
      'person',
      'person',
    ]);
    expect(objectRows(doc, 1, 'id')).to.deep.equal([]);
    expect(objectRows(null, 0, 'id')).to.deep.equal([]);
  });
});
