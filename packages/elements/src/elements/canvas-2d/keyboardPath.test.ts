/**
 * The keyboard-only path through the editor: create a rectangle, select, move, relabel and
 * delete it with real key presses only, with focus never leaving the editor.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { ObjectId } from '@annotkit/core';
import '../editor/editor.js';
import type { AnnotEditor } from '../editor/editor.component.js';
import { deepActiveElement } from '../../testing/focus.js';
import { CAR, PERSON, settled, testDoc } from '../../testing/testData.js';
import { CURSOR_STEP, NUDGE_STEP_SHIFT } from './keyboardPath.js';

const press = async (el: AnnotEditor, key: string, times = 1) => {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
  await settled(el);
};

describe('keyboard-only editing in <annot-editor>', () => {
  it('creates, selects, nudges, relabels and deletes a rectangle without a pointer', async () => {
    const el = document.createElement('annot-editor');
    el.style.cssText = 'position:absolute;left:0;top:0;width:1000px;height:600px';
    el.document = testDoc();
    document.body.appendChild(el);
    try {
      await settled(el);
      const part = el.shadowRoot!.querySelector('annot-canvas-2d')!;
      const stage = part.shadowRoot!.querySelector<HTMLElement>('.stage')!;
      const cursorEl = part.shadowRoot!.querySelector<HTMLElement>('.kbd-cursor')!;
      const canvas = part.canvas!;
      const c = el.controller;
      stage.focus();
      await press(el, 'n'); // draw again: the rectangle tool
      expect(c.tool).to.equal('draw-rectangle');
      expect(cursorEl.hidden).to.equal(true);
      // The cursor appears at the centre on the first arrow and moves in screen px steps.
      await press(el, 'ArrowLeft');
      expect(cursorEl.hidden).to.equal(false);
      const start = part.keyboardCursor!;
      await press(el, ' ');
      await press(el, 'ArrowRight', 4);
      await press(el, 'ArrowDown', 3);
      const end = part.keyboardCursor!;
      const step = CURSOR_STEP / canvas.view.scale;
      expect(end.x - start.x).to.be.closeTo(4 * step, 1e-6);
      expect(end.y - start.y).to.be.closeTo(3 * step, 1e-6);
      await press(el, ' ');
      const created = c.document!.objects().filter((o) => o.id > 2);
      expect(created).to.have.length(1);
      const rect = created[0]!;
      const pts =
        rect.kind === 'shape' && rect.geometry.type === 'rectangle' ? rect.geometry.points : [];
      [start.x, start.y, end.x, end.y].forEach((v, i) => expect(pts[i]).to.be.closeTo(v, 1e-6));
      expect(rect.label).to.equal(CAR);
      expect(deepActiveElement()).to.equal(stage);

      // Escape: back to the select tool (the cursor goes away).
      await press(el, 'Escape');
      expect(c.tool).to.equal('select');
      expect(cursorEl.hidden).to.equal(true);
      // Tab walks the objects in list order: 1, 2, then the new one.
      c.select([]);
      await press(el, 'Tab');
      expect(c.selection).to.deep.equal([1 as ObjectId]);
      await press(el, 'Tab', 2);
      expect(c.selection).to.deep.equal([rect.id]);
      expect(deepActiveElement()).to.equal(stage);

      // Shift+arrow nudges by the large step; each press is one undo step.
      const undoBefore = c.history!.state().undoDepth;
      await press(el, 'Shift+ArrowRight');
      await press(el, 'ArrowUp');
      const moved = c.document!.object(rect.id)!;
      const mpts =
        moved.kind === 'shape' && moved.geometry.type === 'rectangle' ? moved.geometry.points : [];
      expect(mpts[0]).to.be.closeTo(pts[0]! + NUDGE_STEP_SHIFT, 1e-6);
      expect(mpts[1]).to.be.closeTo(pts[1]! - 1, 1e-6);
      expect(c.history!.state().undoDepth).to.equal(undoBefore + 2);
      await press(el, 'Control+z');
      const back = c.document!.object(rect.id)!;
      const bpts =
        back.kind === 'shape' && back.geometry.type === 'rectangle' ? back.geometry.points : [];
      expect(bpts[1]).to.be.closeTo(pts[1]!, 1e-6);
      expect(bpts[0]).to.be.closeTo(pts[0]! + NUDGE_STEP_SHIFT, 1e-6);

      // A digit relabels; Delete removes; focus stays on the canvas all along.
      await press(el, '2');
      expect(c.document!.object(rect.id)!.label).to.equal(PERSON);
      await press(el, 'Delete');
      expect(c.document!.object(rect.id)).to.equal(undefined);
      expect(deepActiveElement()).to.equal(stage);

      // Past the last object Tab leaves the canvas (no keyboard trap).
      c.select([2 as ObjectId]);
      await press(el, 'Tab');
      expect(deepActiveElement()).to.not.equal(stage);
    } finally {
      el.remove();
    }
  });
});
