import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_SHORTCUTS,
  actionFor,
  comboOf,
  mergeShortcuts,
  normalizeCombo,
} from './shortcuts.js';

describe('shortcuts', () => {
  it('normalises events and written combos to the same string', () => {
    expect(comboOf({ key: 'z', ctrlKey: true, shiftKey: true })).to.equal('Ctrl+Shift+Z');
    expect(comboOf({ key: 'z', metaKey: true })).to.equal('Ctrl+Z');
    expect(comboOf({ key: 'Shift', shiftKey: true })).to.equal('');
    expect(normalizeCombo('shift+ctrl+z')).to.equal('Ctrl+Shift+Z');
    expect(normalizeCombo('Delete')).to.equal('Delete');
  });

  it('every default combo maps back to its action', () => {
    const map = mergeShortcuts();
    for (const [action, combos] of Object.entries(DEFAULT_SHORTCUTS)) {
      for (const combo of combos) {
        const parts = combo.split('+');
        const k = parts.pop()!;
        const e = {
          key: k,
          ctrlKey: parts.includes('Ctrl'),
          shiftKey: parts.includes('Shift'),
          altKey: parts.includes('Alt'),
        };
        expect(actionFor(map, e), combo).to.equal(action);
      }
    }
  });

  it('property: normalizeCombo is idempotent', () => {
    const key = fc.oneof(
      fc.constantFrom('a', 'Z', '1', 'Delete', 'Escape', 'ArrowUp', 'space'),
      fc.string({ minLength: 1, maxLength: 1 }).filter((s) => s !== '+'),
    );
    fc.assert(
      fc.property(fc.subarray(['ctrl', 'alt', 'shift']), key, (mods, k) => {
        const once = normalizeCombo([...mods, k].join('+'));
        expect(normalizeCombo(once)).to.equal(once);
      }),
    );
  });
});
