import { expect } from 'chai';
import './filter-builder.js';
import '../object-list/object-list.js';
import '../canvas-2d/canvas-2d.js';
import { frameState, objectId } from '@annotkit/core';
import type { AnnotationDocument, AnnotationObject } from '@annotkit/core';
import { EditorController } from '../../controller/EditorController.js';
import { CAR, COLOR, PASSENGERS, PERSON, box, settled, testDoc } from '../../testing/testData.js';
import { labelMap, matchesFilter, searchMatchingFrame, toFrameFilter } from './filter.js';
import type { FilterGroup } from './filter.js';

const car = (id: number, frame: number, color: string, extra: Partial<AnnotationObject> = {}) => {
  const o = box(id, frame, id * 10, 0, 8, 8, CAR);
  return { ...o, attributes: { ...o.attributes, [COLOR]: color }, ...extra } as AnnotationObject;
};

/** Frame by frame with `frameState` and `matchesFilter`: what the core search must agree with. */
function bruteForce(doc: AnnotationDocument, from: number, dir: 1 | -1, f: FilterGroup) {
  const labels = labelMap(doc);
  for (let i = from + dir; i >= 0 && i < doc.media.frames.length; i += dir) {
    if (frameState(doc, i).objects.some((o) => matchesFilter(f, o, labels))) return i;
  }
  return null;
}

describe('object filter', () => {
  it('maps to core only what core expresses, and core search agrees with a frame scan', () => {
    const doc = testDoc(
      [
        car(1, 0, 'red'),
        box(2, 1, 0, 0, 5, 5, PERSON),
        car(3, 3, 'blue'),
        { ...car(4, 5, 'white'), attributes: { [COLOR]: 'white', [PASSENGERS]: '5' } },
        car(5, 7, 'blue', { occluded: true }),
        box(6, 8, 0, 0, 5, 5, PERSON),
      ],
      10,
    );
    const rule = (r: object) => ({ kind: 'rule', ...r }) as FilterGroup['rules'][number];
    const and = (...rules: FilterGroup['rules']): FilterGroup => ({
      kind: 'group',
      combinator: 'and',
      rules,
    });
    const or = (...rules: FilterGroup['rules']): FilterGroup => ({
      kind: 'group',
      combinator: 'or',
      rules,
    });
    const blue = rule({
      field: 'attribute',
      label: CAR,
      attribute: COLOR,
      op: '==',
      value: 'blue',
    });
    const many = rule({
      field: 'attribute',
      label: CAR,
      attribute: PASSENGERS,
      op: '>',
      value: '3',
    });
    const isCar = rule({ field: 'label', op: 'is', value: CAR });
    const isPerson = rule({ field: 'label', op: 'is', value: PERSON });
    const rect = rule({ field: 'shapeType', op: 'is', value: 'rectangle' });

    expect(toFrameFilter(and(isCar, blue))).to.deep.equal({
      labels: [CAR],
      attributes: [{ id: COLOR, op: '==', value: 'blue' }],
    });
    expect(toFrameFilter(or(isCar, isPerson))).to.deep.equal({ labels: [CAR, PERSON] });
    expect(toFrameFilter(and(rect, and(many)))).to.deep.equal({
      labels: [CAR],
      shapeTypes: ['rectangle'],
      attributes: [{ id: PASSENGERS, op: '>', value: '3' }],
    });
    expect(toFrameFilter(or(isCar, blue))).to.equal(undefined);
    expect(toFrameFilter(and(rule({ field: 'occluded', value: true })))).to.equal(undefined);
    expect(toFrameFilter(and(rule({ field: 'label', op: 'isNot', value: CAR })))).to.equal(
      undefined,
    );
    expect(toFrameFilter(and())).to.equal(undefined);

    const filters = [
      and(isCar, blue),
      or(isCar, isPerson),
      and(rect, many),
      and(isPerson),
      or(blue, rule({ field: 'occluded', value: true })),
      and(rule({ field: 'label', op: 'isNot', value: CAR })),
      or(
        rule({ field: 'id', op: '>=', value: 6 }),
        and(blue, rule({ field: 'source', op: 'is', value: 'manual' })),
      ),
      and(rule({ field: 'objectType', op: 'is', value: 'track' })),
    ];
    for (const f of filters) {
      for (let from = -1; from <= 10; from++) {
        for (const dir of [1, -1] as const) {
          expect(
            searchMatchingFrame(doc, from, dir, f),
            `${JSON.stringify(f)} ${from} ${dir}`,
          ).to.equal(bruteForce(doc, from, dir, f));
        }
      }
    }
    // Spot checks with known answers.
    expect(searchMatchingFrame(doc, 0, 1, and(isCar, blue))).to.equal(3);
    expect(searchMatchingFrame(doc, 3, 1, and(isCar, blue))).to.equal(7);
    expect(searchMatchingFrame(doc, 0, 1, and(rect, many))).to.equal(5);
    expect(searchMatchingFrame(doc, 9, -1, and(isPerson))).to.equal(8);
    expect(
      searchMatchingFrame(doc, 0, 1, and(rule({ field: 'objectType', op: 'is', value: 'track' }))),
    ).to.equal(null);
    // No filter: the next frame with any object.
    expect(searchMatchingFrame(doc, 1, 1, null)).to.equal(3);
  });

  it('width, height and score rules test the drawn bounds and the detector score', () => {
    const doc = testDoc(
      [
        box(1, 0, 0, 0, 8, 20, PERSON),
        { ...box(2, 1, 0, 0, 30, 4), source: 'auto', score: 0.3 } as AnnotationObject,
        { ...box(3, 2, 0, 0, 30, 30), source: 'auto', score: 0.9 } as AnnotationObject,
        // 10 × 10 rotated by 45°: its drawn bounds are ~14.1 px wide.
        {
          ...box(4, 3, 0, 0, 10, 10),
          geometry: { type: 'rectangle', points: [0, 0, 10, 10], rotation: 45 },
        } as AnnotationObject,
      ],
      4,
    );
    const only = (rule: object): FilterGroup => ({
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'rule', ...rule } as FilterGroup['rules'][number]],
    });
    const matching = (f: FilterGroup): number[] => {
      const labels = labelMap(doc);
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        for (const o of frameState(doc, i).objects) if (matchesFilter(f, o, labels)) out.push(o.id);
      }
      return out;
    };
    expect(matching(only({ field: 'width', op: '<', value: 10 }))).to.deep.equal([1]);
    expect(matching(only({ field: 'height', op: '>=', value: 20 }))).to.deep.equal([1, 3]);
    expect(matching(only({ field: 'width', op: '>', value: 14 }))).to.deep.equal([2, 3, 4]);
    expect(matching(only({ field: 'width', op: '>', value: 14.2 }))).to.deep.equal([2, 3]);
    // Objects without a score never match a score rule, whatever the comparison.
    expect(matching(only({ field: 'score', op: '<', value: 0.5 }))).to.deep.equal([2]);
    expect(matching(only({ field: 'score', op: '!=', value: 0.5 }))).to.deep.equal([2, 3]);
    // Core cannot express them: the search scans frames, and agrees with the scan.
    const small = only({ field: 'height', op: '<', value: 5 });
    expect(toFrameFilter(small)).to.equal(undefined);
    expect(searchMatchingFrame(doc, -1, 1, small)).to.equal(1);
    expect(searchMatchingFrame(doc, 1, 1, small)).to.equal(null);
  });
});

describe('<annot-filter-builder>', () => {
  it('builds an AND/OR filter from the UI; the list and the canvas show only matching objects', async () => {
    const doc = testDoc([
      car(1, 0, 'red'),
      box(2, 0, 100, 100, 20, 20, PERSON),
      car(3, 0, 'blue'),
      car(4, 0, 'blue', { occluded: true }),
    ]);
    const c = new EditorController({ document: doc });
    const builder = document.createElement('annot-filter-builder');
    const list = document.createElement('annot-object-list');
    const canvas = document.createElement('annot-canvas-2d');
    list.style.cssText = 'display:flex;height:300px;width:400px';
    canvas.style.cssText = 'display:block;width:400px;height:300px';
    for (const el of [builder, list, canvas]) {
      el.controller = c;
      document.body.appendChild(el);
    }
    const root = builder.shadowRoot!;
    const pick = async (sel: string, value: string): Promise<void> => {
      await settled(builder);
      const select = root.querySelector<HTMLSelectElement | HTMLInputElement>(sel)!;
      expect(select, sel).to.not.equal(null);
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    const click = async (sel: string): Promise<void> => {
      await settled(builder);
      root.querySelector<HTMLButtonElement>(sel)!.click();
    };
    const listed = () =>
      [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][data-id]')].map((r) =>
        Number(r.dataset['id']),
      );
    const changes: (FilterGroup | null)[] = [];
    builder.addEventListener('annot-filter-change', (e) => changes.push(e.detail.filter));
    try {
      await settled(builder);
      expect(root.textContent).to.include('No filter');
      // label is person OR (car.color == blue AND not occluded)
      await pick('.group[data-path=""] > .group-head [data-role="combinator"]', 'or');
      await click('.group[data-path=""] > .group-head [data-role="add-rule"]');
      await pick('[data-path="0"] [data-role="value"]', String(PERSON));
      await click('.group[data-path=""] > .group-head [data-role="add-group"]');
      await pick('.group[data-path="1"] > .group-head [data-role="combinator"]', 'and');
      await click('.group[data-path="1"] > .group-head [data-role="add-rule"]');
      await pick('[data-path="1.0"] [data-role="field"]', 'attribute');
      await pick('[data-path="1.0"] [data-role="attribute"]', `${CAR}:${COLOR}`);
      await pick('[data-path="1.0"] [data-role="value"]', 'blue');
      await click('.group[data-path="1"] > .group-head [data-role="add-rule"]');
      await pick('[data-path="1.1"] [data-role="field"]', 'occluded');
      await pick('[data-path="1.1"] [data-role="value"]', 'false');
      // Nothing applies before "Apply".
      expect(c.filter).to.equal(null);
      await click('[data-role="apply"]');
      const expected: FilterGroup = {
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'rule', field: 'label', op: 'is', value: PERSON },
          {
            kind: 'group',
            combinator: 'and',
            rules: [
              {
                kind: 'rule',
                field: 'attribute',
                label: CAR,
                attribute: COLOR,
                op: '==',
                value: 'blue',
              },
              { kind: 'rule', field: 'occluded', value: false },
            ],
          },
        ],
      };
      expect(c.filter).to.deep.equal(expected);
      expect(changes).to.deep.equal([expected]);
      await settled(builder);
      await settled(list);
      expect(root.querySelector('[part="summary"]')!.textContent).to.include(
        'Label is person OR (car.color == "blue" AND Occluded is no)',
      );
      expect(listed()).to.deep.equal([2, 3]);
      const view = canvas.canvas!;
      expect([1, 2, 3, 4].map((id) => view.isHidden(objectId(id)))).to.deep.equal([
        true,
        false,
        false,
        true,
      ]);
      // An edit that makes an object match shows it at once (list and canvas).
      c.setOccluded(objectId(4), false);
      await settled(list);
      expect(listed()).to.deep.equal([2, 3, 4]);
      expect(view.isHidden(objectId(4))).to.equal(false);
      // A hidden object stays hidden whatever the filter says.
      c.setHidden([objectId(3)], true);
      expect(view.isHidden(objectId(3))).to.equal(true);
      c.setHidden([objectId(3)], false);

      // Clear: everything is back; the applied filter is a recent one and can be re-applied.
      await click('[data-role="clear"]');
      expect(c.filter).to.equal(null);
      await settled(list);
      expect(listed()).to.deep.equal([1, 2, 3, 4]);
      expect(view.isHidden(objectId(1))).to.equal(false);
      expect(builder.recent).to.have.length(1);
      await pick('[data-role="recent"]', '0');
      expect(c.filter).to.deep.equal(expected);
      expect(builder.recent).to.have.length(1);
      // Removing a rule edits the draft only.
      await click('[data-path="0"] [data-role="remove"]');
      expect(builder.draft.rules).to.have.length(1);
      expect(c.filter).to.deep.equal(expected);

      c.setLang('de');
      await settled(builder);
      expect(root.querySelector('[data-role="apply"]')!.textContent!.trim()).to.equal('Anwenden');
      // A filter set elsewhere (host code) shows up in the builder.
      const other: FilterGroup = {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'rule', field: 'id', op: '>', value: 2 }],
      };
      c.setFilter(other);
      await settled(builder);
      expect(builder.draft).to.equal(other);
      expect(root.querySelector('[part="summary"]')!.textContent).to.include('ID > 2');

      // A size rule from the UI: number operators and a number input.
      c.setLang('en');
      await pick('[data-path="0"] [data-role="field"]', 'height');
      await settled(builder);
      const ops = [
        ...root.querySelectorAll<HTMLOptionElement>('[data-path="0"] [data-role="op"] option'),
      ].map((o) => o.value);
      expect(ops).to.deep.equal(['==', '!=', '<', '>', '<=', '>=']);
      await pick('[data-path="0"] [data-role="op"]', '>');
      await pick('[data-path="0"] [data-role="value"]', '15');
      await click('[data-role="apply"]');
      expect(c.filter!.rules).to.deep.equal([
        { kind: 'rule', field: 'height', op: '>', value: 15 },
      ]);
      await settled(list);
      expect(listed()).to.deep.equal([2]);
    } finally {
      for (const el of [builder, list, canvas]) el.remove();
    }
  });
});
