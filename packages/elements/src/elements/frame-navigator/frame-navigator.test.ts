import { expect } from 'chai';
import './frame-navigator.js';
import { EditorController } from '../../controller/EditorController.js';
import { settled, testDoc } from '../../testing/testData.js';

describe('<annot-frame-navigator>', () => {
  it('steps, jumps and disables buttons at the ends', async () => {
    const c = new EditorController({ document: testDoc(undefined, 30) });
    const el = document.createElement('annot-frame-navigator');
    el.controller = c;
    el.step = 5;
    document.body.appendChild(el);
    const btn = (a: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${a}"]`)!;
    try {
      await settled(el);
      expect(btn('prev').disabled).to.equal(true);
      expect(btn('first').disabled).to.equal(true);
      btn('next').click();
      expect(c.frame).to.equal(1);
      btn('forward').click();
      expect(c.frame).to.equal(6);
      await settled(el);
      btn('back').click();
      await settled(el);
      btn('back').click();
      expect(c.frame).to.equal(0);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = '17';
      input.dispatchEvent(new Event('change'));
      expect(c.frame).to.equal(16);
      await settled(el);
      expect(el.shadowRoot!.textContent).to.include('Frame 17 of 30');
      expect(el.shadowRoot!.textContent).to.include('frame_016.png');
      // Out of range: not applied, the input shows the current frame again.
      input.value = '99';
      input.dispatchEvent(new Event('change'));
      expect(c.frame).to.equal(16);
      expect(input.value).to.equal('17');
      btn('last').click();
      await settled(el);
      expect(c.frame).to.equal(29);
      expect(btn('next').disabled).to.equal(true);
      expect(btn('forward').disabled).to.equal(true);
    } finally {
      el.remove();
    }
  });
});
