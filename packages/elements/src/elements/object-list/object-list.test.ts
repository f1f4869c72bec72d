import { expect } from 'chai';
import './object-list.js';
import { EditorController } from '../../controller/EditorController.js';
import { ids, manyBoxes, settled, testDoc } from '../../testing/testData.js';
import type { AnnotObjectList } from './object-list.component.js';

const rowIds = (el: AnnotObjectList): number[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')].map((r) =>
    Number(r.dataset['id']),
  );

async function scrollTo(viewport: HTMLElement, top: number): Promise<void> {
  const scrolled = new Promise((r) => viewport.addEventListener('scroll', r, { once: true }));
  viewport.scrollTop = top;
  await scrolled;
}

describe('<annot-object-list>', () => {
  it('renders only the visible rows of 100,000 objects, and scrolling changes them', async () => {
    let t = performance.now();
    const c = new EditorController({ document: testDoc(manyBoxes(100_000)) });
    const createMs = performance.now() - t;
    const el = document.createElement('annot-object-list');
    el.style.cssText = 'display:flex;height:400px;width:360px';
    el.controller = c;
    t = performance.now();
    document.body.appendChild(el);
    try {
      await settled(el);
      await settled(el);
      const firstRenderMs = performance.now() - t;
      const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
      const perView = Math.ceil(viewport.clientHeight / el.rowHeight) + 1;
      let rows = rowIds(el);
      expect(rows.length).to.be.greaterThan(5);
      expect(rows.length).to.be.at.most(perView + 2 * el.overscan);
      expect(rows[0]).to.equal(1);
      expect(viewport.getAttribute('aria-rowcount')).to.equal('100000');
      expect(viewport.scrollHeight).to.equal(100_000 * el.rowHeight);

      t = performance.now();
      await scrollTo(viewport, 50_000 * el.rowHeight);
      await settled(el);
      const scrollMs = performance.now() - t;
      rows = rowIds(el);
      expect(rows.length).to.be.at.most(perView + 2 * el.overscan);
      expect(rows).to.include(50_001);
      expect(rows).to.not.include(1);
      const first = el.shadowRoot!.querySelector<HTMLElement>(`[data-id="50001"]`)!;
      expect(first.getAttribute('aria-rowindex')).to.equal('50001');

      // Clicking a row selects its object; Ctrl-click adds.
      first.click();
      expect(c.selection).to.deep.equal(ids(50_001));
      el.shadowRoot!.querySelector<HTMLElement>(`[data-id="50002"]`)!.dispatchEvent(
        new MouseEvent('click', { ctrlKey: true, bubbles: true }),
      );
      expect(c.selection).to.deep.equal(ids(50_001, 50_002));
      await settled(el);
      expect(first.getAttribute('aria-selected')).to.equal('true');

      // Selecting elsewhere scrolls the row into view.
      c.select(ids(99_999));
      await settled(el);
      expect(rowIds(el)).to.include(99_999);

      console.log(
        `object list, 100,000 objects: document ${createMs.toFixed(0)} ms, first render ` +
          `${firstRenderMs.toFixed(0)} ms, scroll to the middle + render ${scrollMs.toFixed(1)} ms, ` +
          `${rows.length} rows in the DOM`,
      );
    } finally {
      el.remove();
    }
  });

  it('sorts, toggles hide/lock/occluded per row, and follows the language', async () => {
    const c = new EditorController({ document: testDoc(manyBoxes(4)) });
    const el = document.createElement('annot-object-list');
    el.style.cssText = 'display:flex;height:300px';
    el.controller = c;
    document.body.appendChild(el);
    try {
      await settled(el);
      expect(rowIds(el)).to.deep.equal([1, 2, 3, 4]);
      el.sort = 'zOrder';
      await settled(el);
      expect(rowIds(el)).to.deep.equal([4, 3, 2, 1]);
      const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
      sort.value = 'label';
      sort.dispatchEvent(new Event('change'));
      await settled(el);
      expect(rowIds(el)).to.deep.equal([1, 3, 2, 4]);

      const toggle = (id: number, what: string) =>
        el.shadowRoot!.querySelector<HTMLButtonElement>(
          `[data-id="${id}"] [data-toggle="${what}"]`,
        )!;
      toggle(3, 'hide').click();
      toggle(1, 'lock').click();
      toggle(2, 'occluded').click();
      expect(c.hidden.has(ids(3)[0]!)).to.equal(true);
      expect(c.locked.has(ids(1)[0]!)).to.equal(true);
      expect(c.document!.object(ids(2)[0]!)).to.include({ occluded: true });
      expect(c.selection).to.deep.equal([]); // toggles do not select
      await settled(el);
      expect(toggle(3, 'hide').getAttribute('aria-pressed')).to.equal('true');
      expect(toggle(1, 'occluded').disabled).to.equal(true);
      expect(toggle(2, 'occluded').getAttribute('aria-pressed')).to.equal('true');
      c.undo();
      await settled(el);
      expect(toggle(2, 'occluded').getAttribute('aria-pressed')).to.equal('false');

      c.setLang('de');
      await settled(el);
      expect(el.shadowRoot!.textContent).to.include('4 Objekte');
      expect(toggle(2, 'hide').getAttribute('aria-label')).to.equal('Ausblenden');
    } finally {
      el.remove();
    }
  });
});
