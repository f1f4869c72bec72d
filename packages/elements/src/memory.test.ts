/**
 * Leak test of `<annot-editor>`: 100 create → show a frame → change frame → remove cycles with a
 * shared document and real decoded media. What is measured, before and after all cycles:
 *
 * - controller subscriptions (`controller.listenerCount()`) of every removed editor: 0;
 * - the shared document's subscriptions: after the cycles a change to the document reaches no
 *   removed controller (the document does not expose a subscriber count, so the test observes
 *   delivery instead);
 * - Konva stages alive on the page (`Konva.stages`): back to the count before;
 * - `<canvas>` elements in the document and every open shadow tree: back to the count before;
 * - `annot-*` elements left in the document: none of ours.
 *
 * Not measured: workers (the editor and its parts create none today: formats run in a worker
 * only in the examples' converter page), and the JS heap: the shared test runner launches
 * Chromium without `--js-flags=--expose-gc`, and without a forced collection
 * `performance.memory` is coarse and stale, so a heap bound would either never fail or fail at
 * random. The bench harness has both flags; see bench/README.md.
 */
import { expect } from 'chai';
import './index.js';
import type { EditorController } from './controller/EditorController.js';
import type { AnnotEditor } from './elements/editor/editor.component.js';
import {
  box,
  canvasCount,
  konvaStageCount,
  manyBoxes,
  pngBlob,
  settled,
  testDoc,
} from './testing/testData.js';

const CYCLES = 100;

const frameLoad = (el: Element, frame: number): Promise<void> =>
  new Promise((resolve) => {
    const on = (e: Event): void => {
      if ((e as CustomEvent<{ frame: number }>).detail.frame !== frame) return;
      el.removeEventListener('annot-frame-load', on);
      resolve();
    };
    el.addEventListener('annot-frame-load', on);
  });

const ourElements = (): number => document.querySelectorAll('annot-editor').length;

describe('memory: <annot-editor> created and removed 100 times', () => {
  it('leaves no controller or document listener, Konva stage or canvas behind', async () => {
    const doc = testDoc(manyBoxes(200), 3);
    const media = await Promise.all(['#aaa', '#bbb', '#ccc'].map((c) => pngBlob(640, 480, c)));
    const stages = konvaStageCount();
    const canvases = canvasCount();
    const editors = ourElements();
    const controllers: EditorController[] = [];
    let peakStages = 0;
    for (let i = 0; i < CYCLES; i++) {
      const el = document.createElement('annot-editor') as AnnotEditor;
      el.style.cssText = 'width:800px;height:500px';
      el.document = doc;
      el.media = media;
      const first = frameLoad(el, 0);
      document.body.appendChild(el);
      await settled(el);
      await first;
      const second = frameLoad(el, 1);
      el.controller.setFrame(1);
      await second;
      peakStages = Math.max(peakStages, konvaStageCount());
      // While mounted the editor holds listeners; the check below must see them drop to zero.
      expect(el.controller.listenerCount()).to.be.greaterThan(0);
      el.remove();
      controllers.push(el.controller);
    }
    expect(peakStages, 'one stage per mounted editor').to.equal(stages + 1);
    expect(konvaStageCount(), 'Konva stages').to.equal(stages);
    expect(canvasCount(), '<canvas> elements').to.equal(canvases);
    expect(ourElements(), '<annot-editor> elements').to.equal(editors);
    expect(controllers.map((c) => c.listenerCount())).to.deep.equal(controllers.map(() => 0));
    // No removed controller still listens to the shared document.
    let delivered = 0;
    for (const c of controllers) c.on('change', () => delivered++);
    doc.transact((tx) => tx.add(box(10_000, 0, 1, 1, 5, 5)));
    expect(delivered).to.equal(0);
  });
});
