import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { isAnnotkitError } from '@annotkit/core';
import '../editor/editor.js';
import './appearance.js';
import type { AnnotEditor } from '../editor/editor.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { settled, testDoc } from '../../testing/testData.js';
import { DEFAULT_APPEARANCE, mergeAppearance } from './settings.js';

function mount(): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.cssText = 'position:absolute;left:0;top:0;width:1000px;height:600px';
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

describe('<annot-appearance>', () => {
  it('validates settings with stable error codes and paths', () => {
    const bad: [object, string][] = [
      [{ fillOpacity: 1.5 }, 'fillOpacity'],
      [{ selectedFillOpacity: -0.1 }, 'selectedFillOpacity'],
      [{ gamma: 0 }, 'gamma'],
      [{ brightness: -1 }, 'brightness'],
      [{ grid: { size: 0 } }, 'grid'],
      [{ colorBy: 'rainbow' }, 'colorBy'],
    ];
    for (const [patch, field] of bad) {
      try {
        mergeAppearance(DEFAULT_APPEARANCE, patch);
        expect.fail(`accepted ${JSON.stringify(patch)}`);
      } catch (e) {
        expect(isAnnotkitError(e) && e.path).to.deep.equal(['appearance', field]);
      }
    }
    const next = mergeAppearance(DEFAULT_APPEARANCE, { grid: { size: 20 } });
    expect(next.grid).to.deep.equal({ ...DEFAULT_APPEARANCE.grid, size: 20 });
    // The controller keeps the old settings when a value is refused.
    const c = new EditorController();
    expect(() => c.setAppearance({ fillOpacity: 2 })).to.throw();
    expect(c.appearance).to.equal(DEFAULT_APPEARANCE);
  });

  it('changes made in the panel (keyboard and clicks) reach the editor canvas', async () => {
    const el = mount();
    try {
      await settled(el);
      const canvas = el.shadowRoot!.querySelector('annot-canvas-2d')!.canvas!;
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle-appearance')!;
      const panel = el.shadowRoot!.querySelector('annot-appearance')!;
      expect(panel.checkVisibility()).to.equal(false);
      toggle.click();
      await settled(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.checkVisibility()).to.equal(true);
      const q = <T extends Element>(sel: string): T => panel.shadowRoot!.querySelector<T>(sel)!;
      const events: number[] = [];
      el.addEventListener('annot-appearance-change', (e) => events.push(e.detail.fillOpacity));

      // Range inputs move with the arrow keys, in their step.
      q<HTMLInputElement>('#fill').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(canvas.display.fillOpacity).to.be.closeTo(0.2, 1e-9);
      expect(events.length).to.equal(2);
      q<HTMLInputElement>('#brightness').focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(canvas.imageAdjustments.brightness).to.be.closeTo(0.95, 1e-9);
      q<HTMLInputElement>('#gamma').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(canvas.imageAdjustments.gamma).to.be.closeTo(1.05, 1e-9);

      // Select: colour by instance.
      const colorBy = q<HTMLSelectElement>('#color-by');
      colorBy.value = 'instance';
      colorBy.dispatchEvent(new Event('change'));
      expect(canvas.display.colorBy).to.equal('instance');

      // Checkboxes by click: outlined borders and the grid.
      q<HTMLInputElement>('#outlined').click();
      expect(canvas.display.outlinedBorders).to.equal('#000000');
      q<HTMLInputElement>('#grid-on').click();
      expect(canvas.grid.enabled).to.equal(true);
      const size = q<HTMLInputElement>('#grid-size');
      size.focus();
      size.select();
      await sendKeys({ type: '25' });
      await sendKeys({ press: 'Tab' });
      expect(canvas.grid.size).to.equal(25);
      const text = q<HTMLSelectElement>('#show-text');
      text.value = 'always';
      text.dispatchEvent(new Event('change'));
      expect(canvas.display.showText).to.equal(true);

      // A refused value is reported and not applied.
      size.focus();
      size.select();
      await sendKeys({ type: '0' });
      await sendKeys({ press: 'Tab' });
      await settled(el);
      expect(canvas.grid.size).to.equal(25);
      expect(q('[role="alert"]').textContent).to.include('grid size');

      // Reset restores the canvas defaults.
      q<HTMLButtonElement>('[data-action="reset"]').click();
      await settled(el);
      expect(canvas.display.fillOpacity).to.equal(DEFAULT_APPEARANCE.fillOpacity);
      expect(canvas.display.colorBy).to.equal('label');
      expect(canvas.grid.enabled).to.equal(false);
      expect(canvas.imageAdjustments.brightness).to.equal(1);
    } finally {
      el.remove();
    }
  });
});
