import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { objectId } from '@annotkit/core';
import type { ObjectId } from '@annotkit/core';
import '../editor/editor.js';
import './attribute-mode.js';
import type { AnnotEditor } from '../editor/editor.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { deepActiveElement } from '../../testing/focus.js';
import { COLOR, KIND, PARKED, PASSENGERS, box, settled, testDoc } from '../../testing/testData.js';
import { digitOf, indexOfDigit } from './attribute-mode.component.js';
import { adjacentObject } from './navigation.js';

function mount(): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.cssText = 'position:absolute;left:0;top:0;width:1000px;height:600px';
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

const aamOf = (el: AnnotEditor) => el.shadowRoot!.querySelector('annot-attribute-mode')!;
const text = (el: AnnotEditor, sel: string): string =>
  aamOf(el).shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const attrs = (el: AnnotEditor, id: number) => {
  const o = el.document!.object(objectId(id));
  return o && o.kind === 'shape' ? o.attributes : {};
};
const press = async (el: AnnotEditor, key: string) => {
  await sendKeys({ press: key });
  await settled(el);
};

describe('<annot-attribute-mode>', () => {
  it('digits map to values 1–9 then 0', () => {
    expect([0, 1, 8, 9, 10].map(digitOf)).to.deep.equal(['1', '2', '9', '0', '']);
    expect(['1', '9', '0', 'a', 'F1'].map(indexOfDigit)).to.deep.equal([0, 8, 9, -1, -1]);
  });

  it('Tab order follows the object list (by id), skips hidden objects, wraps on request', () => {
    const doc = testDoc([
      box(5, 0, 0, 0, 10, 10),
      box(2, 0, 20, 0, 10, 10),
      box(9, 0, 40, 0, 9, 9),
    ]);
    const id = (n: number): ObjectId => objectId(n);
    expect(adjacentObject(doc, 0, undefined, 1)).to.equal(id(2));
    expect(adjacentObject(doc, 0, id(2), 1)).to.equal(id(5));
    expect(adjacentObject(doc, 0, id(9), 1)).to.equal(undefined);
    expect(adjacentObject(doc, 0, id(9), 1, new Set(), true)).to.equal(id(2));
    expect(adjacentObject(doc, 0, id(2), 1, new Set([id(5)]))).to.equal(id(9));
    expect(adjacentObject(doc, 0, undefined, -1)).to.equal(id(9));
  });

  it('keyboard: Shift+A enters, Up/Down/digits edit one attribute at a time, each edit undoes alone', async () => {
    const el = mount();
    try {
      await settled(el);
      const canvas = el.shadowRoot!.querySelector('annot-canvas-2d')!.canvas!;
      const before = { ...canvas.view };
      el.focus();
      await press(el, 'Shift+A');
      expect(el.controller.attributeMode).to.equal(true);
      // Nothing was selected: the mode takes the first object in list order, and its panel
      // has focus.
      expect(el.controller.selection).to.deep.equal([objectId(1)]);
      expect(deepActiveElement()?.getAttribute('part')).to.equal('panel');
      expect(text(el, '[data-field="object"]')).to.equal('car #1');
      expect(text(el, '[data-field="attribute"]')).to.equal('color');
      // The canvas shows only this object, zoomed to it.
      expect(canvas.isHidden(objectId(2))).to.equal(true);
      expect(canvas.isHidden(objectId(1))).to.equal(false);
      expect(canvas.view.scale).to.be.greaterThan(before.scale);

      await press(el, '2'); // color: blue
      expect(attrs(el, 1)[COLOR]).to.equal('blue');
      await press(el, 'ArrowDown');
      expect(text(el, '[data-field="attribute"]')).to.equal('kind');
      await press(el, '2'); // kind: van
      await press(el, 'ArrowDown');
      await press(el, '1'); // parked: toggled
      expect(attrs(el, 1)[PARKED]).to.equal('true');
      await press(el, 'ArrowDown');
      expect(text(el, '[data-field="attribute"]')).to.equal('passengers');
      await press(el, '5'); // number: the digit starts the entry in the input
      await press(el, 'Enter');
      expect(attrs(el, 1)[PASSENGERS]).to.equal('5');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('panel');
      // ArrowUp from the first attribute wraps to the last one.
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(text(el, '[data-field="attribute"]')).to.equal('color');
      await press(el, 'ArrowUp');
      expect(text(el, '[data-field="attribute"]')).to.equal('note');
      expect(attrs(el, 1)[KIND]).to.equal('van');

      // Four edits, four undo steps, newest first.
      await press(el, 'Control+z');
      expect(attrs(el, 1)[PASSENGERS]).to.equal('0');
      expect(attrs(el, 1)[PARKED]).to.equal('true');
      await press(el, 'Control+z');
      expect(attrs(el, 1)[PARKED]).to.equal('false');
      await press(el, 'Control+z');
      expect(attrs(el, 1)[KIND]).to.equal('sedan');
      expect(attrs(el, 1)[COLOR]).to.equal('blue');
      await press(el, 'Control+z');
      expect(attrs(el, 1)[COLOR]).to.equal('red');

      // Tab: next object (person has no attributes), the canvas follows; Tab again wraps.
      await press(el, 'Tab');
      expect(el.controller.selection).to.deep.equal([objectId(2)]);
      expect(text(el, '[data-field="object"]')).to.equal('person #2');
      expect(aamOf(el).shadowRoot!.textContent).to.include('This label has no attributes');
      expect(canvas.isHidden(objectId(1))).to.equal(true);
      expect(canvas.isHidden(objectId(2))).to.equal(false);
      await press(el, 'Shift+Tab');
      expect(el.controller.selection).to.deep.equal([objectId(1)]);

      // Escape leaves: every object is shown again and the view is the one from before.
      await press(el, 'Escape');
      expect(el.controller.attributeMode).to.equal(false);
      expect(el.shadowRoot!.querySelector('annot-attribute-mode')).to.equal(null);
      expect(canvas.isHidden(objectId(2))).to.equal(false);
      expect(canvas.view).to.deep.equal(before);
      // Focus stays in the editor (on the canvas), so shortcuts keep working.
      await press(el, 'f');
      expect(el.controller.frame).to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('standalone, in German, with the mouse: value buttons write and show the current value', async () => {
    const c = new EditorController({ document: testDoc(), lang: 'de' });
    const el = document.createElement('annot-attribute-mode');
    el.controller = c;
    document.body.appendChild(el);
    try {
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.include('Kein Objekt in diesem Bild');
      c.setAttributeMode(true);
      await el.updateComplete;
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
      expect(radios.map((r) => r.dataset['value'])).to.deep.equal(['red', 'blue', 'white']);
      expect(radios.map((r) => r.querySelector('kbd')!.textContent)).to.deep.equal(['1', '2', '3']);
      radios[2]!.click();
      await el.updateComplete;
      expect(c.document!.object(objectId(1))!.attributes[COLOR]).to.equal('white');
      const checked = el.shadowRoot!.querySelector('[role="radio"][aria-checked="true"]');
      expect((checked as HTMLElement).dataset['value']).to.equal('white');
      // A locked object is not edited.
      c.setLocked([objectId(1)], true);
      el.handleKey(new KeyboardEvent('keydown', { key: '1' }));
      expect(c.document!.object(objectId(1))!.attributes[COLOR]).to.equal('white');
      // A frame change keeps the mode on an object of the new frame (none here).
      c.setFrame(1);
      await el.updateComplete;
      expect(c.selection).to.deep.equal([]);
      expect(el.shadowRoot!.textContent).to.include('Kein Objekt in diesem Bild');
    } finally {
      el.remove();
    }
  });
});
