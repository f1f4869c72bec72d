import { expect } from 'chai';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import './editor.js';
import type { AnnotEditor } from './editor.component.js';
import {
  CAR,
  PERSON,
  box,
  canvasCount,
  ids,
  konvaStageCount,
  settled,
  testDoc,
} from '../../testing/testData.js';

function mount(style = 'width:1000px;height:600px'): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.cssText = style;
  el.document = testDoc();
  document.body.appendChild(el);
  return el;
}

const part = <T extends Element>(el: AnnotEditor, sel: string): T =>
  el.shadowRoot!.querySelector<T>(sel)!;

describe('<annot-editor>', () => {
  afterEach(() => resetMouse());

  it('composes its parts around one provided controller and re-emits its events', async () => {
    const el = mount();
    const events: string[] = [];
    const types = [
      'annot-change',
      'annot-commit',
      'annot-selection-change',
      'annot-frame-change',
      'annot-tool-change',
    ] as const;
    const log = (e: Event) => events.push(`${e.type}:${e.bubbles}:${e.composed}`);
    for (const t of types) document.body.addEventListener(t, log);
    try {
      await settled(el);
      for (const tag of [
        'annot-frame-navigator',
        'annot-toolbar',
        'annot-canvas-2d',
        'annot-label-picker',
        'annot-object-list',
        'annot-attribute-panel',
      ] as const) {
        expect(part<HTMLElementTagNameMap[typeof tag]>(el, tag).controller, tag).to.equal(
          el.controller,
        );
      }
      el.frame = 2;
      await settled(el);
      expect(el.controller.frame).to.equal(2);
      el.controller.setFrame(0);
      el.controller.select(ids(1));
      el.tool = 'draw-rectangle';
      await settled(el);
      expect(el.controller.tool).to.equal('draw-rectangle');
      expect(el.getAttribute('tool')).to.equal('draw-rectangle');
      el.controller.deleteSelection();
      expect(events).to.include.members([
        'annot-frame-change:true:true',
        'annot-selection-change:true:true',
        'annot-tool-change:true:true',
        'annot-change:true:true',
        'annot-commit:true:true',
      ]);
      // Language: every part follows the editor's locale.
      el.locale = 'de';
      await settled(el);
      expect(
        part<HTMLElement>(el, 'annot-toolbar')
          .shadowRoot!.querySelector('[data-tool="select"]')!
          .getAttribute('aria-label'),
      ).to.equal('Auswählen');
      expect(el.shadowRoot!.textContent).to.include('Objekte');
    } finally {
      for (const t of types) document.body.removeEventListener(t, log);
      el.remove();
    }
  });

  it('controlled mode: a host filter rewrites and rejects transactions', async () => {
    const el = mount();
    try {
      await settled(el);
      const rejected: string[] = [];
      el.addEventListener('annot-transaction-reject', (e) =>
        rejected.push(e.detail.transaction.options.name ?? ''),
      );
      // The host refuses every removal.
      el.transactionFilter = (tr) => (tr.change.removed.length > 0 ? null : tr);
      el.controller.select(ids(1));
      el.focus();
      await sendKeys({ press: 'Delete' });
      expect(el.document!.objects()).to.have.length(2);
      expect(rejected).to.deep.equal(['remove']);
    } finally {
      el.remove();
    }
  });

  it('two editors on one page are independent; keys act only in the focused one', async () => {
    const a = mount('width:800px;height:500px');
    const b = mount('width:800px;height:500px');
    try {
      await settled(a);
      await settled(b);
      expect(a.controller).to.not.equal(b.controller);
      a.focus();
      await sendKeys({ press: 'f' });
      await sendKeys({ press: 'f' });
      expect(a.controller.frame).to.equal(2);
      expect(b.controller.frame).to.equal(0);
      b.controller.select(ids(1));
      b.focus();
      await sendKeys({ press: 'Delete' });
      expect(b.document!.objects()).to.have.length(1);
      expect(a.document!.objects()).to.have.length(2);
      await sendKeys({ press: '2' });
      expect(b.controller.label).to.equal(PERSON);
      expect(a.controller.label).to.equal(CAR);
      // Undo in a undoes nothing of b.
      a.focus();
      await sendKeys({ press: 'Control+z' });
      expect(b.document!.objects()).to.have.length(1);
      b.focus();
      await sendKeys({ press: 'Control+z' });
      expect(b.document!.objects()).to.have.length(2);
      // Typing in an input does not trigger shortcuts.
      b.controller.select(ids(1));
      await settled(b);
      const panel = part<HTMLElement>(b, 'annot-attribute-panel');
      const note = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
      note.focus();
      await sendKeys({ type: 'fd' });
      expect(b.controller.frame).to.equal(0);
      expect(note.value).to.equal('fd');
    } finally {
      a.remove();
      b.remove();
    }
  });

  it('creating and removing the editor 50 times leaves no canvas, stage or listener behind', async () => {
    const doc = testDoc();
    const stages = konvaStageCount();
    const canvases = canvasCount();
    const controllers = [];
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('annot-editor');
      el.style.cssText = 'width:600px;height:400px';
      el.document = doc;
      document.body.appendChild(el);
      await settled(el);
      expect(konvaStageCount()).to.equal(stages + 1);
      el.remove();
      controllers.push(el.controller);
    }
    expect(konvaStageCount()).to.equal(stages);
    expect(canvasCount()).to.equal(canvases);
    expect(controllers.map((c) => c.listenerCount())).to.deep.equal(controllers.map(() => 0));
    // No removed editor still listens to the shared document.
    let changes = 0;
    for (const c of controllers) c.on('change', () => changes++);
    doc.transact((tx) => tx.add(box(100, 0, 1, 1, 5, 5)));
    expect(changes).to.equal(0);
  });

  it('end to end: draw a rectangle with the real mouse, relabel it, undo and redo', async () => {
    const el = mount('position:absolute;left:0;top:0;width:790px;height:590px');
    try {
      await settled(el);
      const at = (node: Element, x?: number, y?: number): [number, number] => {
        const r = node.getBoundingClientRect();
        return [Math.round(r.left + (x ?? r.width / 2)), Math.round(r.top + (y ?? r.height / 2))];
      };
      const click = async (node: Element) => {
        await sendMouse({ type: 'click', position: at(node) });
        await settled(el);
      };
      const toolbar = part<HTMLElement>(el, 'annot-toolbar');
      await click(toolbar.shadowRoot!.querySelector('[data-tool="draw-rectangle"]')!);
      expect(el.controller.tool).to.equal('draw-rectangle');

      const canvasEl = part<HTMLElementTagNameMap['annot-canvas-2d']>(el, 'annot-canvas-2d');
      const stage = canvasEl.shadowRoot!.querySelector('.stage')!;
      const view = canvasEl.canvas!.view;
      const screen = (x: number, y: number) =>
        at(stage, x * view.scale + view.offsetX, y * view.scale + view.offsetY);
      const commits: string[] = [];
      el.addEventListener('annot-commit', (e) => commits.push(`${e.detail.kind}:${e.detail.name}`));
      await sendMouse({ type: 'move', position: screen(100, 100) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: screen(200, 150) });
      await sendMouse({ type: 'move', position: screen(300, 200) });
      await sendMouse({ type: 'up' });
      const created = el.document!.objects().filter((o) => o.id > 2);
      expect(created).to.have.length(1);
      const rect = created[0]!;
      expect(rect.kind === 'shape' && rect.geometry.type).to.equal('rectangle');
      const pts =
        rect.kind === 'shape' && rect.geometry.type === 'rectangle' ? rect.geometry.points : [];
      pts.forEach((v, i) => expect(v).to.be.closeTo([100, 100, 300, 200][i]!, 2));
      expect(rect.label).to.equal(CAR);
      expect(commits).to.deep.equal(['transaction:create']);

      // Select tool, click the rectangle, pick "person" in the label picker.
      await click(toolbar.shadowRoot!.querySelector('[data-tool="select"]')!);
      await sendMouse({ type: 'click', position: screen(250, 180) });
      await settled(el);
      expect(el.controller.selection).to.deep.equal([rect.id]);
      const rows = part<HTMLElement>(el, 'annot-object-list').shadowRoot!;
      expect(rows.querySelector(`[data-id="${rect.id}"]`)!.getAttribute('aria-selected')).to.equal(
        'true',
      );
      const picker = part<HTMLElement>(el, 'annot-label-picker').shadowRoot!;
      await click(picker.querySelector(`[data-label="${PERSON}"]`)!);
      expect(el.document!.object(rect.id)!.label).to.equal(PERSON);

      // Undo twice (label, then the rectangle) and redo both, with the keyboard.
      el.focus();
      await sendKeys({ press: 'Control+z' });
      expect(el.document!.object(rect.id)!.label).to.equal(CAR);
      await sendKeys({ press: 'Control+z' });
      expect(el.document!.object(rect.id)).to.equal(undefined);
      await sendKeys({ press: 'Control+Shift+z' });
      await sendKeys({ press: 'Control+y' });
      expect(el.document!.object(rect.id)!.label).to.equal(PERSON);
      expect(commits).to.deep.equal([
        'transaction:create',
        'transaction:change-label',
        'undo:undefined',
        'undo:undefined',
        'redo:undefined',
        'redo:undefined',
      ]);
    } finally {
      el.remove();
    }
  });
});

describe('<annot-editor> panels', () => {
  it('opens the import/export menu in a modal dialog on demand', async () => {
    const el = mount();
    try {
      await settled(el);
      expect(el.shadowRoot!.querySelector('annot-io-menu')).to.equal(null);
      part<HTMLButtonElement>(el, '.open-io').click();
      await settled(el);
      const dialog = part<HTMLDialogElement>(el, 'dialog.panel-dialog');
      expect(dialog.open).to.equal(true);
      // Booleans, not objects: a failing equality would make chai print the whole controller.
      const io = part<HTMLElementTagNameMap['annot-io-menu']>(el, 'annot-io-menu');
      expect(io.controller === el.controller).to.equal(true);
      part<HTMLButtonElement>(el, '.close-panel').click();
      await settled(el);
      expect(dialog.open).to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('opens the label schema editor in a modal dialog on demand', async () => {
    const el = mount();
    try {
      await settled(el);
      part<HTMLButtonElement>(el, '.open-labels').click();
      await settled(el);
      const dialog = part<HTMLDialogElement>(el, 'dialog.panel-dialog');
      expect(dialog.open).to.equal(true);
      const editor = part<HTMLElementTagNameMap['annot-label-editor']>(el, 'annot-label-editor');
      expect(editor.controller === el.controller).to.equal(true);
      expect(editor.shadowRoot!.querySelectorAll('.labels .label')).to.have.length(3);
      part<HTMLButtonElement>(el, '.close-panel').click();
      await settled(el);
      expect(dialog.open).to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('opens and closes every panel in turn in one editor, the dialog reused', async () => {
    const el = mount();
    try {
      await settled(el);
      let first: HTMLDialogElement | undefined;
      for (const [button, tag] of [
        ['.open-io', 'annot-io-menu'],
        ['.open-labels', 'annot-label-editor'],
        ['.open-statistics', 'annot-statistics'],
        ['.open-io', 'annot-io-menu'],
      ] as const) {
        part<HTMLButtonElement>(el, button).click();
        await settled(el);
        const dialog = part<HTMLDialogElement>(el, 'dialog.panel-dialog');
        first ??= dialog;
        expect(dialog === first).to.equal(true);
        expect(dialog.open).to.equal(true);
        expect(dialog.querySelector(tag) ?? el.shadowRoot!.querySelector(tag)).to.not.equal(null);
        part<HTMLButtonElement>(el, '.close-panel').click();
        await settled(el);
        expect(dialog.open).to.equal(false);
      }
    } finally {
      el.remove();
    }
  });

  it('header buttons: statistics dialog, attribute mode toggle and appearance panel', async () => {
    const el = mount();
    try {
      await settled(el);
      part<HTMLButtonElement>(el, '.open-statistics').click();
      await settled(el);
      const dialog = part<HTMLDialogElement>(el, 'dialog.panel-dialog');
      expect(dialog.open).to.equal(true);
      const stats = part<HTMLElementTagNameMap['annot-statistics']>(el, 'annot-statistics');
      expect(stats.controller === el.controller).to.equal(true);
      expect(stats.statistics!.totals.shapes.rectangle).to.equal(2);
      part<HTMLButtonElement>(el, '.close-panel').click();
      await settled(el);
      const toggle = part<HTMLButtonElement>(el, '.toggle-aam');
      toggle.click();
      await settled(el);
      expect(el.controller.attributeMode).to.equal(true);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot!.querySelector('annot-attribute-mode')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('annot-object-list')).to.equal(null);
      toggle.click();
      await settled(el);
      expect(el.controller.attributeMode).to.equal(false);
      expect(el.shadowRoot!.querySelector('annot-object-list')).to.not.equal(null);
    } finally {
      el.remove();
    }
  });
});
