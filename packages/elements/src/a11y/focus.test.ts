/**
 * Keyboard focus in `<annot-editor>`: Tab walks the parts in reading order (navigator, toolbar,
 * canvas, label picker, object list, attribute panel), and focus stays inside the editor after
 * actions that remove or disable the focused control (delete, undo, last frame) — so the
 * editor's shortcuts keep working without the user clicking back into it.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../elements/editor/editor.js';
import type { AnnotEditor } from '../elements/editor/editor.component.js';
import { deepActiveElement, partOf } from '../testing/focus.js';
import { ids, settled, testDoc } from '../testing/testData.js';

/** The order a sighted keyboard user reads the editor in (top, left column, centre, sidebar). */
const ORDER = [
  // The editor itself is the first stop: its shortcuts work from there.
  'annot-editor',
  'annot-frame-navigator',
  'annot-toolbar',
  'annot-canvas-2d',
  // The sidebar's own buttons (import/export, labels, attribute mode, statistics, help, …).
  'aside',
  'annot-label-picker',
  'annot-object-list',
  'annot-attribute-panel',
];

function mount(): AnnotEditor {
  const el = document.createElement('annot-editor') as AnnotEditor;
  el.style.cssText = 'width:1000px;height:600px';
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

const inside = (el: AnnotEditor): boolean => {
  const active = deepActiveElement();
  return active !== null && (active === el || partOf(active, el) !== undefined);
};

/**
 * Waits until the editor has re-rendered and the browser has run a rendering step (Chromium
 * moves focus off a disabled control there) and a task after it.
 */
async function afterRendering(el: AnnotEditor): Promise<void> {
  await settled(el);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

const shadowQuery = <T extends Element>(el: AnnotEditor, part: string, sel: string): T =>
  el.shadowRoot!.querySelector(part)!.shadowRoot!.querySelector<T>(sel)!;

describe('keyboard focus in <annot-editor>', () => {
  it('Tab visits the parts in reading order and reaches every part', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.appendChild(before);
    const el = mount();
    try {
      await settled(el);
      el.controller.select(ids(1));
      await settled(el);
      before.focus();
      const visited: string[] = [];
      // Bounded: the editor has well under 200 tab stops with two objects on the frame.
      for (let i = 0; i < 200; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        if (!active || !inside(el)) break;
        const tag = partOf(active, el)?.localName ?? active.localName;
        if (visited[visited.length - 1] !== tag) visited.push(tag);
      }
      expect(visited).to.deep.equal(ORDER);
    } finally {
      el.remove();
      before.remove();
    }
  });

  it('focus stays inside the editor after delete, undo and moving to the last frame', async () => {
    const el = mount();
    try {
      await settled(el);
      // Delete through the toolbar button: the button disables itself once nothing is selected.
      el.controller.select(ids(1));
      await settled(el);
      shadowQuery<HTMLButtonElement>(el, 'annot-toolbar', '[data-action="delete"]').focus();
      await sendKeys({ press: 'Enter' });
      await afterRendering(el);
      expect(el.document!.objects()).to.have.length(1);
      expect(inside(el), `after delete: ${deepActiveElement()?.outerHTML}`).to.equal(true);

      // Undo through its button: with one step in the history it disables itself too.
      shadowQuery<HTMLButtonElement>(el, 'annot-toolbar', '[data-action="undo"]').focus();
      await sendKeys({ press: 'Enter' });
      await afterRendering(el);
      expect(el.document!.objects()).to.have.length(2);
      expect(inside(el), `after undo: ${deepActiveElement()?.outerHTML}`).to.equal(true);

      // The shortcut keys still reach the editor: Delete on the row's own button removes it.
      el.controller.select(ids(2));
      await settled(el);
      shadowQuery<HTMLButtonElement>(
        el,
        'annot-object-list',
        '[data-id="2"] [data-toggle="hide"]',
      ).focus();
      await sendKeys({ press: 'Delete' });
      await afterRendering(el);
      expect(el.document!.objects()).to.have.length(1);
      expect(inside(el), `after row delete: ${deepActiveElement()?.outerHTML}`).to.equal(true);
      await sendKeys({ press: 'Control+z' });
      await settled(el);
      expect(el.document!.objects()).to.have.length(2);

      // Next frame until the last: the button disables itself on the last frame.
      shadowQuery<HTMLButtonElement>(el, 'annot-frame-navigator', '[data-action="next"]').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await afterRendering(el);
      expect(el.controller.frame).to.equal(2);
      expect(inside(el), `after last frame: ${deepActiveElement()?.outerHTML}`).to.equal(true);
      // And a shortcut typed now still acts on this editor (D = previous frame).
      await sendKeys({ press: 'd' });
      expect(el.controller.frame).to.equal(1);
    } finally {
      el.remove();
    }
  });
});
