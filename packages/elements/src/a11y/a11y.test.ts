/**
 * Accessibility audits: every element of the package, rendered with a realistic document (a
 * selection, so the attribute panel shows its fields; a loaded frame image, so the canvas is
 * live), audited by axe-core with the WCAG 2.1 A/AA rules inside its shadow roots, in the light
 * and the dark theme. A standalone part gets the dark theme the way a host page would give it:
 * the theme's custom properties on a wrapper with the theme's background.
 */
import { expect } from 'chai';
import '../index.js';
import { EditorController } from '../controller/EditorController.js';
import type { EditorElement } from '../elements/EditorElement.js';
import type { AnnotEditor } from '../elements/editor/editor.component.js';
import { auditA11y } from '../testing/axe.js';
import type { AxeFinding } from '../testing/axe.js';
import { box, ids, manyBoxes, pngBlob, settled, testDoc, PERSON } from '../testing/testData.js';

/** The part elements, each of which also works standalone with `part.controller = c`. */
const PARTS = [
  'annot-canvas-2d',
  'annot-toolbar',
  'annot-label-picker',
  'annot-object-list',
  'annot-frame-navigator',
  'annot-attribute-panel',
  'annot-attribute-mode',
  'annot-help',
  'annot-shortcut-settings',
  'annot-appearance',
  'annot-statistics',
  'annot-io-menu',
  'annot-filter-builder',
  'annot-label-editor',
] as const;

/** The dark theme's tokens, as `<annot-editor theme="dark">` sets them. */
const DARK =
  '--annot-bg:#1c1c1e;--annot-fg:#f2f2f7;--annot-muted:#98989d;--annot-border:#3a3a3c;' +
  '--annot-panel-bg:#2c2c2e;--annot-hover:rgba(255,255,255,0.08);' +
  '--annot-row-border:rgba(255,255,255,0.06);background:#1c1c1e;color:#f2f2f7';
const LIGHT = 'background:#fff;color:#1d1d1f';

const report = (found: readonly AxeFinding[]): string =>
  found
    .map((f) => `${f.rule} (${f.impact}): ${f.help}\n  ${f.targets.join('\n  ')}\n  ${f.summary}`)
    .join('\n');

/** A document with every kind of row the parts render: cars with attributes, persons, roads. */
function richDoc() {
  return testDoc([...manyBoxes(40), box(100, 1, 10, 10, 50, 50, PERSON)], 5);
}

async function frameImages(): Promise<Blob[]> {
  return Promise.all(
    ['#d0d8e0', '#c0c8d0', '#b0b8c0', '#a0a8b0', '#9098a0'].map((c) => pngBlob(640, 480, c)),
  );
}

const loaded = (el: Element): Promise<unknown> =>
  new Promise((resolve) => el.addEventListener('annot-frame-load', resolve, { once: true }));

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('every element of the package is defined and audited here', () => {
    for (const tag of ['annot-editor', ...PARTS]) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`<annot-editor theme="${theme}"> with a document, media and a selection has no violations`, async () => {
      const el = document.createElement('annot-editor') as AnnotEditor;
      el.style.cssText = 'width:1000px;height:640px';
      el.theme = theme;
      el.document = richDoc();
      el.media = await frameImages();
      const frame = loaded(el);
      document.body.appendChild(el);
      try {
        await settled(el);
        await frame;
        el.controller.select(ids(1));
        await settled(el);
        const found = await auditA11y(el);
        expect(found, report(found)).to.deep.equal([]);
      } finally {
        el.remove();
      }
    });

    for (const tag of PARTS) {
      it(`<${tag}> standalone, ${theme} theme, has no violations`, async () => {
        const c = new EditorController({ document: richDoc() });
        c.select(ids(1));
        const wrap = document.createElement('div');
        wrap.style.cssText = `${theme === 'dark' ? DARK : LIGHT};padding:8px;width:900px`;
        const el = document.createElement(tag) as unknown as HTMLElement & EditorElement;
        el.style.cssText = tag === 'annot-canvas-2d' ? 'width:640px;height:480px' : '';
        if (tag === 'annot-object-list') el.style.height = '300px';
        el.controller = c;
        let frame: Promise<unknown> | undefined;
        if (tag === 'annot-canvas-2d') {
          (el as HTMLElementTagNameMap['annot-canvas-2d']).media = await frameImages();
          frame = loaded(el);
        }
        wrap.appendChild(el);
        document.body.appendChild(wrap);
        try {
          await settled(el);
          await frame;
          const found = await auditA11y(wrap);
          expect(found, report(found)).to.deep.equal([]);
        } finally {
          wrap.remove();
        }
      });
    }

    it(`<annot-object-list> with a row menu open, ${theme} theme, has no violations`, async () => {
      const c = new EditorController({ document: richDoc() });
      c.setColor(ids(2), '#3366ff'); // "Reset colour" enabled
      const wrap = document.createElement('div');
      wrap.style.cssText = `${theme === 'dark' ? DARK : LIGHT};padding:8px;width:400px`;
      const el = document.createElement('annot-object-list');
      el.style.height = '400px';
      el.controller = c;
      wrap.appendChild(el);
      document.body.appendChild(wrap);
      try {
        await settled(el);
        el.shadowRoot!.querySelector<HTMLElement>('[data-id="2"] [data-action="more"]')!.click();
        await settled(el);
        expect(el.shadowRoot!.querySelector('[role="menu"]')).to.not.equal(null);
        const found = await auditA11y(wrap);
        expect(found, report(found)).to.deep.equal([]);
      } finally {
        wrap.remove();
      }
    });
  }
});
