import { expect } from 'chai';
import './label-picker.js';
import { EditorController } from '../../controller/EditorController.js';
import { CAR, PERSON, ids, settled, testDoc } from '../../testing/testData.js';

describe('<annot-label-picker>', () => {
  it('lists labels as radios with their keys; a click picks and relabels the selection', async () => {
    const c = new EditorController({ document: testDoc(), lang: 'de' });
    const el = document.createElement('annot-label-picker');
    el.controller = c;
    document.body.appendChild(el);
    try {
      await settled(el);
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
      expect(radios.map((r) => r.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'car 1',
        'person 2',
        'road 3',
      ]);
      expect(
        el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label'),
      ).to.equal('Klassen');
      expect(radios[0]!.getAttribute('aria-checked')).to.equal('true');
      c.select(ids(1));
      radios[1]!.click();
      await settled(el);
      expect(c.label).to.equal(PERSON);
      expect(c.document!.object(ids(1)[0]!)!.label).to.equal(PERSON);
      const again = [...el.shadowRoot!.querySelectorAll('[role="radio"]')];
      expect(again.map((r) => r.getAttribute('aria-checked'))).to.deep.equal([
        'false',
        'true',
        'false',
      ]);
      // Arrow keys move the choice.
      again[1]!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }),
      );
      expect(c.label).to.equal(CAR);
    } finally {
      el.remove();
    }
  });
});
