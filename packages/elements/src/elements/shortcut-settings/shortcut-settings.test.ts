import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../editor/editor.js';
import type { AnnotEditor } from '../editor/editor.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { DEFAULT_SHORTCUTS, actionFor } from '../../controller/shortcuts.js';
import { shortcutsStorageKey } from '../../controller/persistence.js';
import { auditA11y } from '../../testing/axe.js';
import { deepActiveElement } from '../../testing/focus.js';
import { ids, settled, testDoc } from '../../testing/testData.js';
import type { AnnotShortcutSettings } from './shortcut-settings.component.js';
import './shortcut-settings.js';

function mount(persistKey?: string): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.cssText = 'position:absolute;left:0;top:0;width:1000px;height:600px';
  if (persistKey) el.setAttribute('persist-key', persistKey);
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

const helpOf = (el: AnnotEditor) => el.shadowRoot!.querySelector('annot-help')!;
const dialogOf = (el: AnnotEditor) => helpOf(el).shadowRoot!.querySelector('dialog')!;
const settingsOf = (el: AnnotEditor) =>
  helpOf(el).shadowRoot!.querySelector('annot-shortcut-settings')!;
const stageOf = (el: AnnotEditor) =>
  el
    .shadowRoot!.querySelector('annot-canvas-2d')!
    .shadowRoot!.querySelector<HTMLElement>('.stage')!;
const button = (s: AnnotShortcutSettings, action: string, role: string) =>
  s.shadowRoot!.querySelector<HTMLButtonElement>(
    `tr[data-action="${action}"] button[data-role="${role}"]`,
  )!;
const status = (s: AnnotShortcutSettings) => s.shadowRoot!.querySelector('[role="status"]')!;

/** Opens the help from the canvas with F1 and switches it to the shortcut settings. */
async function openSettings(el: AnnotEditor): Promise<AnnotShortcutSettings> {
  await settled(el);
  stageOf(el).focus();
  await sendKeys({ press: 'F1' });
  await settled(el);
  expect(dialogOf(el).open).to.equal(true);
  // Focus starts on Close; Shift+Tab reaches "Change shortcuts" before it.
  await sendKeys({ press: 'Shift+Tab' });
  expect(deepActiveElement()?.getAttribute('data-action')).to.equal('customise');
  await sendKeys({ press: 'Enter' });
  await settled(el);
  return settingsOf(el);
}

/** Focuses a row's button and presses Enter on it (real key events). */
async function press(s: AnnotShortcutSettings, action: string, role: string): Promise<void> {
  button(s, action, role).focus();
  await sendKeys({ press: 'Enter' });
  await settled(s);
}

let counter = 0;
const uniqueKey = (): string => `shortcut-settings-${Date.now()}-${++counter}`;

describe('<annot-shortcut-settings>', () => {
  it('records a new key in the editor: modifiers alone wait, the key binds, the editor uses it', async () => {
    const el = mount();
    try {
      const s = await openSettings(el);
      await press(s, 'next-frame', 'change');
      const change = button(s, 'next-frame', 'change');
      expect(change.getAttribute('aria-pressed')).to.equal('true');
      expect(status(s).getAttribute('aria-live')).to.equal('polite');
      expect(status(s).textContent).to.include('Next frame');
      expect(status(s).textContent).to.include('Escape');
      // A modifier alone does not end the recording.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ up: 'Shift' });
      await settled(s);
      expect(button(s, 'next-frame', 'change').getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'g' });
      await settled(el);
      expect(el.shortcuts['next-frame']).to.deep.equal(['G']);
      expect(button(s, 'next-frame', 'change').getAttribute('aria-pressed')).to.equal('false');
      expect(deepActiveElement()).to.equal(button(s, 'next-frame', 'change'));
      expect(status(s).textContent).to.include('G');
      // The list of the help shows the new key.
      const back = helpOf(el).shadowRoot!.querySelector<HTMLElement>('[data-action="customise"]')!;
      back.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      const row = dialogOf(el).querySelector('tr[data-action="next-frame"]')!.textContent!;
      expect(row).to.include('G');
      expect(row).to.not.include('F');
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(false);
      expect(deepActiveElement()).to.equal(stageOf(el));
      await sendKeys({ press: 'f' });
      expect(el.controller.frame).to.equal(0);
      await sendKeys({ press: 'g' });
      expect(el.controller.frame).to.equal(1);
      // The editor's help button announces the keys in force after a remap.
      el.shortcuts = { ...el.shortcuts, help: ['F1', 'Shift+F1'] };
      await settled(el);
      const helpButton = el.shadowRoot!.querySelector('.open-help')!;
      expect(helpButton.getAttribute('aria-keyshortcuts')).to.equal('F1 Shift+F1');
    } finally {
      el.remove();
    }
  });

  it('Escape cancels a recording without closing the dialog; the recorded key never runs its action', async () => {
    const el = mount();
    try {
      el.controller.select(ids(1));
      const s = await openSettings(el);
      await press(s, 'undo', 'change');
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(true);
      expect(el.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
      expect(deepActiveElement()).to.equal(button(s, 'undo', 'change'));
      expect(button(s, 'undo', 'change').getAttribute('aria-pressed')).to.equal('false');
      // Delete belongs to the delete action: recording it asks, and deletes nothing.
      await press(s, 'hide', 'change');
      await sendKeys({ press: 'Delete' });
      await settled(el);
      expect(el.document!.objects()).to.have.length(2);
      expect(el.controller.hidden.size).to.equal(0);
      const conflict = s.shadowRoot!.querySelector('[part="conflict"]')!;
      expect(conflict.textContent).to.include('Delete');
      expect(conflict.textContent).to.include('Delete the selected objects');
      expect(deepActiveElement()?.getAttribute('data-role')).to.equal('replace');
      // Escape on the question cancels it (and not the dialog).
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(true);
      expect(s.shadowRoot!.querySelector('[part="conflict"]')).to.equal(null);
      expect(el.shortcuts.hide).to.deep.equal(['H']);
      expect(el.shortcuts.delete).to.deep.equal(['Delete']);
      expect(deepActiveElement()).to.equal(button(s, 'hide', 'change'));
    } finally {
      el.remove();
    }
  });

  it('a conflict asks; Replace moves the combo and focus returns to the change button', async () => {
    const el = mount();
    try {
      const s = await openSettings(el);
      await press(s, 'undo', 'change');
      await sendKeys({ press: 'Control+y' });
      await settled(el);
      const conflict = s.shadowRoot!.querySelector('[part="conflict"]')!;
      expect(conflict.textContent).to.include('Ctrl+Y');
      expect(conflict.textContent).to.include('Redo');
      // Nothing changed until the user answers.
      expect(el.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
      await sendKeys({ press: 'Enter' }); // focus is on Replace
      await settled(el);
      expect(el.shortcuts.undo).to.deep.equal(['Ctrl+Y']);
      expect(el.shortcuts.redo).to.deep.equal(['Ctrl+Shift+Z']);
      expect(deepActiveElement()).to.equal(button(s, 'undo', 'change'));
      expect(status(s).textContent).to.include('Redo');
    } finally {
      el.remove();
    }
  });

  it('refuses combos the browser keeps, with a message', async () => {
    const el = mount();
    try {
      const s = await openSettings(el);
      await press(s, 'undo', 'change');
      await sendKeys({ press: 'Control+w' });
      await settled(el);
      expect(el.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
      expect(status(s).textContent).to.include('Ctrl+W');
      expect(status(s).textContent).to.include('browser');
      expect(deepActiveElement()).to.equal(button(s, 'undo', 'change'));
    } finally {
      el.remove();
    }
  });

  it('removes one key, adds a second, resets one action and resets all (standalone)', async () => {
    const c = new EditorController({ document: testDoc() });
    const s = document.createElement('annot-shortcut-settings');
    s.controller = c;
    document.body.appendChild(s);
    try {
      await settled(s);
      // Remove Ctrl+Y from redo with its own button.
      const remove = s.shadowRoot!.querySelector<HTMLButtonElement>(
        'tr[data-action="redo"] button[data-role="remove"][data-combo="Ctrl+Y"]',
      )!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove Ctrl+Y from Redo');
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await settled(s);
      expect(c.shortcuts.redo).to.deep.equal(['Ctrl+Shift+Z']);
      expect(deepActiveElement()).to.equal(button(s, 'redo', 'change'));
      // Add a second key to undo.
      await press(s, 'undo', 'add');
      await sendKeys({ press: 'Alt+Backspace' });
      await settled(s);
      expect(c.shortcuts.undo).to.deep.equal(['Ctrl+Z', 'Alt+Backspace']);
      expect(deepActiveElement()).to.equal(button(s, 'undo', 'add'));
      // The second key performs undo too.
      expect(actionFor(c.shortcuts, { key: 'Backspace', altKey: true })).to.equal('undo');
      // Unbind hide entirely; the row says so.
      s.shadowRoot!.querySelector<HTMLButtonElement>(
        'tr[data-action="hide"] button[data-role="remove"]',
      )!.click();
      await settled(s);
      expect(c.shortcuts.hide).to.deep.equal([]);
      expect(s.shadowRoot!.querySelector('tr[data-action="hide"]')!.textContent).to.include(
        'not bound',
      );
      await press(s, 'undo', 'reset');
      expect(c.shortcuts.undo).to.deep.equal(['Ctrl+Z']);
      expect(c.shortcuts.redo).to.deep.equal(['Ctrl+Shift+Z']);
      s.shadowRoot!.querySelector<HTMLButtonElement>('[data-role="reset-all"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(s);
      expect(c.shortcuts).to.deep.equal(DEFAULT_SHORTCUTS);
    } finally {
      s.remove();
    }
  });

  it('labels every control in the editor language', async () => {
    const c = new EditorController({ lang: 'de' });
    const s = document.createElement('annot-shortcut-settings');
    s.controller = c;
    document.body.appendChild(s);
    try {
      await settled(s);
      expect(button(s, 'undo', 'change').getAttribute('aria-label')).to.equal(
        'Tasten für Rückgängig ändern',
      );
      for (const b of s.shadowRoot!.querySelectorAll('button')) {
        const name = b.getAttribute('aria-label') ?? b.textContent!.trim();
        expect(name, b.outerHTML).to.not.equal('');
      }
    } finally {
      s.remove();
    }
  });

  it('the open dialog in the settings view, recording and asking, passes axe (WCAG 2.1 AA)', async () => {
    const el = mount();
    try {
      const s = await openSettings(el);
      await press(s, 'undo', 'change');
      let found = await auditA11y(el);
      expect(found.map((f) => `${f.rule}: ${f.targets.join(' ')}`)).to.deep.equal([]);
      await sendKeys({ press: 'Control+y' });
      await settled(el);
      expect(s.shadowRoot!.querySelector('[part="conflict"]')).to.not.equal(null);
      found = await auditA11y(el);
      expect(found.map((f) => `${f.rule}: ${f.targets.join(' ')}`)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('Tab and Shift+Tab stay inside the dialog in the settings view', async () => {
    const el = mount();
    try {
      const s = await openSettings(el);
      const dialog = dialogOf(el);
      // From the first control, Shift+Tab wraps to the last one: the last reset button.
      await sendKeys({ press: 'Shift+Tab' });
      const last = [...s.shadowRoot!.querySelectorAll('button')].at(-1)!;
      expect(deepActiveElement()).to.equal(last);
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.getAttribute('data-action')).to.equal('customise');
      expect(dialog.contains(deepActiveElement())).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('persists through persist-key: a fresh editor with the same key has the remapped keys', async () => {
    const key = uniqueKey();
    const el = mount(key);
    try {
      const s = await openSettings(el);
      await press(s, 'lock', 'change');
      await sendKeys({ press: 'Shift+L' });
      await settled(el);
      expect(el.shortcuts.lock).to.deep.equal(['Shift+L']);
      expect(JSON.parse(localStorage.getItem(shortcutsStorageKey(key))!)).to.deep.equal({
        lock: ['Shift+L'],
      });
      el.remove();
      const fresh = mount(key);
      try {
        await settled(fresh);
        expect(fresh.shortcuts.lock).to.deep.equal(['Shift+L']);
        fresh.controller.select(ids(1));
        stageOf(fresh).focus();
        await sendKeys({ press: 'Shift+L' });
        expect(fresh.controller.locked.has(ids(1)[0]!)).to.equal(true);
        // Reset all through the UI removes the stored entry (nothing differs any more).
        const s2 = await openSettings(fresh);
        s2.shadowRoot!.querySelector<HTMLButtonElement>('[data-role="reset-all"]')!.click();
        await settled(fresh);
        expect(localStorage.getItem(shortcutsStorageKey(key))).to.equal(null);
      } finally {
        fresh.remove();
      }
    } finally {
      el.remove();
      localStorage.removeItem(shortcutsStorageKey(key));
    }
  });
});
