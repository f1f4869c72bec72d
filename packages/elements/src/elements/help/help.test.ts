import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../editor/editor.js';
import './help.js';
import type { AnnotEditor } from '../editor/editor.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { ShortcutAction } from '../../controller/shortcuts.js';
import { deepActiveElement } from '../../testing/focus.js';
import { settled, testDoc } from '../../testing/testData.js';
import { helpRows } from './help.component.js';

function mount(): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.cssText = 'position:absolute;left:0;top:0;width:1000px;height:600px';
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

const helpOf = (el: AnnotEditor) => el.shadowRoot!.querySelector('annot-help')!;
const dialogOf = (el: AnnotEditor) => helpOf(el).shadowRoot!.querySelector('dialog')!;
const stageOf = (el: AnnotEditor) =>
  el
    .shadowRoot!.querySelector('annot-canvas-2d')!
    .shadowRoot!.querySelector<HTMLElement>('.stage')!;

describe('<annot-help>', () => {
  it('lists every action with its remapped keys and its translated description', () => {
    const c = new EditorController({ lang: 'de', shortcuts: { undo: ['Ctrl+U'], hide: [] } });
    const rows = helpRows(c);
    expect(rows.map((r) => r.action)).to.deep.equal(Object.values(ShortcutAction));
    const row = (a: string) => rows.find((r) => r.action === a)!;
    expect(row('undo').keys).to.deep.equal(['Ctrl+U']);
    expect(row('undo').description).to.equal('Rückgängig');
    expect(row('hide').keys).to.deep.equal([]);
    expect(row('label-3').description).to.equal('Klasse 3: damit zeichnen, Auswahl umbenennen');
    // No action falls back to its bare id in either language.
    for (const lang of ['en', 'de']) {
      c.setLang(lang);
      for (const r of helpRows(c)) expect(r.description, r.action).to.not.equal(r.action);
    }
  });

  it('F1 opens a modal dialog from the canvas; Tab stays inside; Escape closes and returns focus', async () => {
    const el = mount();
    try {
      el.shortcuts = { undo: ['Ctrl+U'] };
      await settled(el);
      stageOf(el).focus();
      await sendKeys({ press: 'F1' });
      await settled(el);
      const dialog = dialogOf(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.getAttribute('aria-modal')).to.equal('true');
      expect(helpOf(el).open).to.equal(true);
      // The table shows the remapped key, not the default.
      const undoKeys = dialog.querySelector('tr[data-action="undo"]')!.textContent!;
      expect(undoKeys).to.include('Ctrl+U');
      expect(undoKeys).to.not.include('Ctrl+Z');
      expect(dialog.querySelector('tr[data-action="attribute-mode"]')!.textContent).to.include(
        'Shift+A',
      );
      // Focus is inside the dialog and stays there however often Tab is pressed.
      for (let i = 0; i < 4; i++) {
        expect(dialog.contains(deepActiveElement()), `tab ${i}`).to.equal(true);
        await sendKeys({ press: i % 2 === 0 ? 'Tab' : 'Shift+Tab' });
      }
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(deepActiveElement())).to.equal(true);
      // Keys typed in the dialog do not reach the editor behind it.
      await sendKeys({ press: 'f' });
      expect(el.controller.frame).to.equal(0);
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialog.open).to.equal(false);
      expect(deepActiveElement()).to.equal(stageOf(el));
    } finally {
      el.remove();
    }
  });

  it('opens with ? and from the help button, in the editor language; Close returns focus to the button', async () => {
    const el = mount();
    try {
      el.locale = 'de';
      await settled(el);
      el.focus();
      await sendKeys({ press: '?' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(true);
      expect(dialogOf(el).querySelector('h2')!.textContent).to.equal('Tastenkürzel');
      await sendKeys({ press: 'Escape' });
      await settled(el);
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.open-help')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(true);
      // Focus starts on the close button; Enter presses it.
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(false);
      expect(deepActiveElement()).to.equal(button);
    } finally {
      el.remove();
    }
  });

  it('"Change shortcuts" swaps the list for the settings in the same dialog; reopening shows the list', async () => {
    const el = mount();
    try {
      await settled(el);
      el.focus();
      await sendKeys({ press: 'F1' });
      await settled(el);
      const help = helpOf(el);
      const toggle = help.shadowRoot!.querySelector<HTMLButtonElement>(
        '[data-action="customise"]',
      )!;
      expect(toggle.textContent!.trim()).to.equal('Change shortcuts');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      const settings = help.shadowRoot!.querySelector('annot-shortcut-settings')!;
      expect(dialogOf(el).contains(settings)).to.equal(true);
      expect(dialogOf(el).querySelector('table[part="table"]')).to.equal(null);
      // Focus stays on the toggle, now labelled for going back.
      expect(deepActiveElement()).to.equal(toggle);
      expect(toggle.textContent!.trim()).to.equal('Back to the list');
      // A remap made in the settings shows in the list.
      el.controller.setShortcuts({ ...el.controller.shortcuts, lock: ['Shift+K'] });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(dialogOf(el).querySelector('tr[data-action="lock"]')!.textContent).to.include(
        'Shift+K',
      );
      // Closing from the settings view and reopening starts on the list again.
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(false);
      await sendKeys({ press: 'F1' });
      await settled(el);
      expect(dialogOf(el).open).to.equal(true);
      expect(help.shadowRoot!.querySelector('annot-shortcut-settings')).to.equal(null);
      expect(dialogOf(el).querySelector('table[part="table"]')).to.not.equal(null);
    } finally {
      el.remove();
    }
  });
});
