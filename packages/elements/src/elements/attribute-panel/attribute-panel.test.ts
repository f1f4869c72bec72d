import { expect } from 'chai';
import './attribute-panel.js';
import { EditorController } from '../../controller/EditorController.js';
import {
  COLOR,
  KIND,
  NOTE,
  PARKED,
  PASSENGERS,
  PERSON,
  ids,
  settled,
  testDoc,
} from '../../testing/testData.js';

describe('<annot-attribute-panel>', () => {
  it('edits each input type through one transaction that undo reverts', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = document.createElement('annot-attribute-panel');
    el.controller = c;
    document.body.appendChild(el);
    const root = el.shadowRoot!;
    const attr = () => c.document!.object(ids(1)[0]!)!.attributes;
    try {
      await settled(el);
      expect(root.textContent).to.include('Select an object');
      c.select(ids(1));
      await settled(el);
      const commits: string[] = [];
      c.on('commit', (e) => commits.push(`${e.kind}:${e.name ?? ''}`));

      const select = root.querySelector<HTMLSelectElement>(`select[data-attribute="${COLOR}"]`)!;
      expect(select.value).to.equal('red');
      select.value = 'white';
      select.dispatchEvent(new Event('change'));
      expect(attr()[COLOR]).to.equal('white');

      const van = root.querySelector<HTMLInputElement>(
        `fieldset[data-attribute="${KIND}"] input[value="van"]`,
      )!;
      van.click();
      expect(attr()[KIND]).to.equal('van');

      const box = root.querySelector<HTMLInputElement>(`input[data-attribute="${PARKED}"]`)!;
      box.click();
      expect(attr()[PARKED]).to.equal('true');

      const num = root.querySelector<HTMLInputElement>(`input[data-attribute="${PASSENGERS}"]`)!;
      expect([num.min, num.max, num.step]).to.deep.equal(['0', '8', '1']);
      num.value = '3';
      num.dispatchEvent(new Event('change'));
      expect(attr()[PASSENGERS]).to.equal('3');

      const text = root.querySelector<HTMLInputElement>(`input[data-attribute="${NOTE}"]`)!;
      text.value = 'dented door';
      text.dispatchEvent(new Event('change'));
      expect(attr()[NOTE]).to.equal('dented door');
      expect(commits).to.have.length(5);

      // A value outside the spec is refused, shown, and not written.
      num.value = '42';
      num.dispatchEvent(new Event('change'));
      await settled(el);
      expect(attr()[PASSENGERS]).to.equal('3');
      expect(root.querySelector('[role="alert"]')!.textContent).to.include('passengers');

      // One undo step per edit: undo the text, then the number.
      c.undo();
      expect(attr()[NOTE]).to.equal('');
      c.undo();
      expect(attr()[PASSENGERS]).to.equal('0');
      await settled(el);
      expect(
        root.querySelector<HTMLInputElement>(`input[data-attribute="${PASSENGERS}"]`)!.value,
      ).to.equal('0');
      c.undo();
      c.undo();
      c.undo();
      expect(attr()[COLOR]).to.equal('red');
      await settled(el);
      expect(
        root.querySelector<HTMLSelectElement>(`select[data-attribute="${COLOR}"]`)!.value,
      ).to.equal('red');

      // The label select relabels the object.
      const labelSelect = root.querySelector<HTMLSelectElement>('select[data-field="label"]')!;
      labelSelect.value = String(PERSON);
      labelSelect.dispatchEvent(new Event('change'));
      expect(c.document!.object(ids(1)[0]!)!.label).to.equal(PERSON);
      await settled(el);
      expect(root.textContent).to.include('This label has no attributes');
    } finally {
      el.remove();
    }
  });
});
