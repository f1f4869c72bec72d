import { expect } from 'chai';
import './toolbar.js';
import { EditorController } from '../../controller/EditorController.js';
import { ids, settled, testDoc } from '../../testing/testData.js';
import type { AnnotToolbar } from './toolbar.component.js';

async function mount(c: EditorController): Promise<AnnotToolbar> {
  const el = document.createElement('annot-toolbar');
  el.controller = c;
  document.body.appendChild(el);
  await settled(el);
  return el;
}

const button = (el: AnnotToolbar, sel: string): HTMLButtonElement =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(sel)!;

describe('<annot-toolbar>', () => {
  it('offers every 2D tool; clicking one sets the tool and marks it pressed', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = await mount(c);
    try {
      const tools = [...el.shadowRoot!.querySelectorAll('[data-tool]')].map((b) =>
        b.getAttribute('data-tool'),
      );
      expect(tools).to.include.members([
        'select',
        'edit',
        'draw-rectangle',
        'draw-polygon',
        'draw-polyline',
        'draw-points',
        'draw-ellipse',
        'draw-cuboid',
        'draw-skeleton',
        'brush',
        'join',
        'slice',
      ]);
      expect(el.shadowRoot!.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal(
        'Tools',
      );
      button(el, '[data-tool="draw-ellipse"]').click();
      expect(c.tool).to.equal('draw-ellipse');
      await settled(el);
      expect(button(el, '[data-tool="draw-ellipse"]').getAttribute('aria-pressed')).to.equal(
        'true',
      );
      expect(button(el, '[data-tool="select"]').getAttribute('aria-pressed')).to.equal('false');
      expect(button(el, '[data-tool="draw-ellipse"]').getAttribute('aria-label')).to.equal(
        'Ellipse',
      );
      // No skeleton label in this document: the skeleton tool is disabled.
      expect(button(el, '[data-tool="draw-skeleton"]').disabled).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('enables undo, redo and delete from the commands', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = await mount(c);
    try {
      expect(button(el, '[data-action="undo"]').disabled).to.equal(true);
      expect(button(el, '[data-action="delete"]').disabled).to.equal(true);
      c.select(ids(1));
      await settled(el);
      expect(button(el, '[data-action="delete"]').disabled).to.equal(false);
      button(el, '[data-action="delete"]').click();
      await settled(el);
      expect(c.document!.objects()).to.have.length(1);
      expect(button(el, '[data-action="undo"]').disabled).to.equal(false);
      expect(button(el, '[data-action="redo"]').disabled).to.equal(true);
      button(el, '[data-action="undo"]').click();
      await settled(el);
      expect(c.document!.objects()).to.have.length(2);
      expect(button(el, '[data-action="redo"]').disabled).to.equal(false);
      // Locked objects cannot be deleted: the button follows.
      c.select(ids(1));
      c.setLocked(ids(1), true);
      await settled(el);
      expect(button(el, '[data-action="delete"]').disabled).to.equal(true);
    } finally {
      el.remove();
    }
    expect(c.listenerCount()).to.equal(0);
  });
});
