import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '@annotkit/core';
import {
  DEFAULT_SHORTCUTS,
  RESERVED_COMBOS,
  ShortcutAction,
  actionFor,
  bindCombo,
  comboOf,
  conflictOf,
  isReservedCombo,
  mergeShortcuts,
  normalizeCombo,
  resetShortcut,
  unbindCombo,
} from './shortcuts.js';
import type { ShortcutMap } from './shortcuts.js';

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

  it('bindCombo replaces or adds, and takes the combo away from the other action', () => {
    const map = mergeShortcuts();
    expect(conflictOf(map, 'undo', 'ctrl+y')).to.equal('redo');
    expect(conflictOf(map, 'redo', 'Ctrl+Y')).to.equal(undefined);
    expect(conflictOf(map, 'undo', 'Ctrl+U')).to.equal(undefined);
    const replaced = bindCombo(map, 'undo', 'ctrl+y', 'replace');
    expect(replaced.undo).to.deep.equal(['Ctrl+Y']);
    expect(replaced.redo).to.deep.equal(['Ctrl+Shift+Z']);
    const added = bindCombo(replaced, 'undo', 'Ctrl+Z', 'add');
    expect(added.undo).to.deep.equal(['Ctrl+Y', 'Ctrl+Z']);
    // Adding a combo the action already has keeps it once.
    expect(bindCombo(added, 'undo', 'Ctrl+Z', 'add').undo).to.deep.equal(['Ctrl+Y', 'Ctrl+Z']);
    expect(unbindCombo(added, 'undo', 'ctrl+y').undo).to.deep.equal(['Ctrl+Z']);
    // The input map is never changed.
    expect(map.undo).to.deep.equal(['Ctrl+Z']);
    expect(map.redo).to.deep.equal(['Ctrl+Shift+Z', 'Ctrl+Y']);
  });

  it('refuses reserved and empty combos with a typed error', () => {
    const map = mergeShortcuts();
    for (const combo of ['Ctrl+W', 'ctrl+t', 'Ctrl+N', 'Ctrl+Shift+Tab', '']) {
      let error: unknown;
      try {
        bindCombo(map, 'undo', combo, 'replace');
      } catch (e) {
        error = e;
      }
      expect(isAnnotkitError(error) && error.code, combo).to.equal('unsupported');
    }
    expect(isReservedCombo('ctrl+w')).to.equal(true);
    expect(isReservedCombo('W')).to.equal(false);
    // No default is reserved: the defaults must all work.
    for (const combos of Object.values(DEFAULT_SHORTCUTS)) {
      for (const c of combos) expect(RESERVED_COMBOS, c).to.not.include(normalizeCombo(c));
    }
  });

  it('resetShortcut restores the defaults, taking them back from another action', () => {
    let map = mergeShortcuts();
    map = bindCombo(map, 'redo', 'Ctrl+Z', 'add');
    map = bindCombo(map, 'undo', 'U', 'replace');
    expect(map.undo).to.deep.equal(['U']);
    map = resetShortcut(map, 'undo');
    expect(map.undo).to.deep.equal(['Ctrl+Z']);
    expect(map.redo).to.deep.equal(['Ctrl+Shift+Z', 'Ctrl+Y']);
  });

  it('property: after any sequence of binds no combo belongs to two actions', () => {
    const actions = Object.values(ShortcutAction);
    const step = fc.record({
      action: fc.constantFrom(...actions),
      combo: fc.constantFrom('A', 'Ctrl+Z', 'Ctrl+Y', 'F', '1', 'Shift+?', 'Alt+ArrowLeft'),
      mode: fc.constantFrom(
        'replace' as const,
        'add' as const,
        'unbind' as const,
        'reset' as const,
      ),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let map: ShortcutMap = mergeShortcuts();
        for (const s of steps) {
          if (s.mode === 'unbind') map = unbindCombo(map, s.action, s.combo);
          else if (s.mode === 'reset') map = resetShortcut(map, s.action);
          else map = bindCombo(map, s.action, s.combo, s.mode);
        }
        const seen = new Map<string, string>();
        for (const a of actions) {
          for (const c of map[a]) {
            expect(seen.get(c), `${c} on ${a} and ${seen.get(c)}`).to.equal(undefined);
            seen.set(c, a);
          }
        }
      }),
    );
  });
});
