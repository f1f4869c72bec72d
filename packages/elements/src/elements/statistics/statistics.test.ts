import { expect } from 'chai';
import { objectId } from '@annotkit/core';
import type { AnnotationObject } from '@annotkit/core';
import './statistics.js';
import { EditorController } from '../../controller/EditorController.js';
import { CAR, PERSON, ROAD, box, testDoc } from '../../testing/testData.js';

const polygon = (id: number, frame: number): AnnotationObject => ({
  kind: 'shape',
  id: objectId(id),
  label: ROAD,
  frame,
  geometry: { type: 'polygon', points: [0, 0, 10, 0, 10, 10] },
  zOrder: 0,
  occluded: false,
  attributes: {},
  group: 0,
  source: 'manual',
});

/** A person track with keyframes on 0 and 3 (visible) and 6 (outside), in 10 frames. */
const track = (id: number): AnnotationObject => ({
  kind: 'track',
  id: objectId(id),
  label: PERSON,
  attributes: {},
  group: 0,
  source: 'manual',
  keyframes: [0, 3, 6].map((frame) => ({
    frame,
    geometry: { type: 'rectangle', points: [0, 0, 10, 10], rotation: 0 },
    outside: frame === 6,
    occluded: false,
    zOrder: 0,
    attributes: {},
  })),
});

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe('<annot-statistics>', () => {
  it('shows per-label counts of a document, with totals, and follows changes once per frame', async () => {
    const doc = testDoc(
      [
        box(1, 0, 0, 0, 5, 5),
        box(2, 1, 0, 0, 5, 5),
        box(3, 0, 0, 0, 5, 5, PERSON),
        polygon(4, 2),
        track(5),
      ],
      10,
    );
    const c = new EditorController({ document: doc });
    const el = document.createElement('annot-statistics');
    el.controller = c;
    document.body.appendChild(el);
    try {
      await el.updateComplete;
      const cell = (label: string | number, field: string): string =>
        el
          .shadowRoot!.querySelector(`tr[data-label="${label}"] [data-${field}]`)!
          .textContent!.replace(/\s+/g, ' ')
          .trim();
      const byType = (label: string | number, type: string) =>
        el
          .shadowRoot!.querySelector(`tr[data-label="${label}"] [data-type="${type}"]`)!
          .textContent!.replace(/\s+/g, '')
          .trim();
      // Only the shape types that occur get a column.
      const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent);
      expect(heads).to.deep.equal([
        'Label',
        'rectangle',
        'polygon',
        'Tags',
        'Manual',
        'Interpolated',
        'Total',
      ]);
      expect(byType(CAR, 'rectangle')).to.equal('2/0');
      expect(byType(PERSON, 'rectangle')).to.equal('1/1');
      expect(byType(ROAD, 'polygon')).to.equal('1/0');
      // Person: 1 shape + 2 visible keyframes manual; frames 1–2 and 4–5 interpolated.
      expect(cell(PERSON, 'field="manual"')).to.equal('3');
      expect(cell(PERSON, 'field="interpolated"')).to.equal('4');
      expect(cell(PERSON, 'field="total"')).to.equal('7');
      expect(byType('totals', 'rectangle')).to.equal('3/1');
      expect(cell('totals', 'field="manual"')).to.equal('6');
      expect(cell('totals', 'field="total"')).to.equal('10');

      // Three edits in one task: the table waits for the next animation frame, then shows all.
      c.deleteSelection();
      c.select([objectId(1), objectId(2)]);
      c.deleteSelection();
      c.changeLabel([objectId(3)], CAR);
      await el.updateComplete;
      expect(byType(CAR, 'rectangle')).to.equal('2/0');
      await nextFrame();
      await el.updateComplete;
      expect(byType(CAR, 'rectangle')).to.equal('1/0');
      expect(byType(PERSON, 'rectangle')).to.equal('0/1');
      expect(cell('totals', 'field="manual"')).to.equal('4');
      // Undo is a change too.
      c.undo();
      await nextFrame();
      await el.updateComplete;
      expect(byType(PERSON, 'rectangle')).to.equal('1/1');
    } finally {
      el.remove();
    }
    // Removed: no listener left on the controller.
    expect(c.listenerCount()).to.equal(0);
  });
});
