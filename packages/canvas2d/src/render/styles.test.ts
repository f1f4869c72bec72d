/**
 * Colour choice: `colorOf`, including per-object colours (`DisplayConfig.colors`). How the
 * renderer draws them is tested with the other renderer tests (`render.test.ts`).
 */
import { expect } from 'chai';
import { labelId, objectId } from '@annotkit/core';
import type { Label, LabelId } from '@annotkit/core';
import { CAR, LABELS } from '../testing/testDoc.js';
import { FALLBACK_COLOR, PALETTE, colorOf, withAlpha } from './styles.js';

const labelOf = (id: LabelId): Label | undefined => LABELS.find((l) => l.id === id);

describe('colorOf', () => {
  it('takes an object colour over every colorBy mode, and only for that object', () => {
    const colors = new Map([[objectId(7), '#123456']]);
    for (const by of ['label', 'instance', 'group'] as const) {
      expect(colorOf(by, objectId(7), CAR, 3, labelOf, colors)).to.equal('#123456');
    }
    expect(colorOf('label', objectId(8), CAR, 3, labelOf, colors)).to.equal('#ff0000');
    expect(colorOf('instance', objectId(8), CAR, 0, labelOf, colors)).to.equal(
      PALETTE[8 % PALETTE.length],
    );
    expect(colorOf('group', objectId(8), CAR, 5, labelOf, colors)).to.equal(
      PALETTE[5 % PALETTE.length],
    );
    expect(colorOf('label', objectId(8), labelId(99), 0, labelOf)).to.equal(FALLBACK_COLOR);
    expect(withAlpha('#123456', 0.5)).to.equal('rgba(18,52,86,0.5)');
  });
});
