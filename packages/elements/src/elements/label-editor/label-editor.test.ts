import { expect } from 'chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { Label, Transaction } from '@annotkit/core';
import './label-editor.js';
import type { AnnotLabelEditor } from './label-editor.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { CAR, NOTE, PERSON, ROAD, ids, settled, testDoc } from '../../testing/testData.js';

const q = <T extends Element>(el: AnnotLabelEditor, sel: string): T =>
  el.shadowRoot!.querySelector<T>(sel)!;

function type(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

async function mount(c: EditorController): Promise<AnnotLabelEditor> {
  const el = document.createElement('annot-label-editor');
  el.controller = c;
  el.style.cssText = 'display:grid;width:700px';
  document.body.appendChild(el);
  await settled(el);
  return el;
}

async function click(el: AnnotLabelEditor, sel: string): Promise<void> {
  q<HTMLElement>(el, sel).click();
  await settled(el);
}

describe('<annot-label-editor>', () => {
  afterEach(() => resetMouse());

  it('creates and edits labels as one transaction each, through the filter', async () => {
    const seen: Transaction[] = [];
    const c = new EditorController({
      document: testDoc(),
      transactionFilter: (tr) => {
        seen.push(tr);
        return tr;
      },
    });
    const el = await mount(c);
    try {
      expect(
        [...el.shadowRoot!.querySelectorAll('.labels .name')].map((n) => n.textContent),
      ).to.deep.equal(['car', 'person', 'road']);
      await click(el, '.add');
      type(q(el, 'input.name'), 'bike');
      type(q(el, 'input.color'), '#123456');
      type(q(el, 'select.type'), 'rectangle');
      await settled(el);
      await click(el, '.attr-add');
      type(q(el, '.attribute .attr-name'), 'wheels');
      type(q(el, '.attribute .attr-type'), 'number');
      await settled(el);
      type(q(el, '.attribute .attr-min'), '1');
      type(q(el, '.attribute .attr-max'), '4');
      type(q(el, '.attribute .attr-default'), '2');
      await click(el, '.attr-add');
      const second = el.shadowRoot!.querySelectorAll('.attribute')[1]!;
      type(second.querySelector('.attr-name')!, 'kind');
      type(second.querySelector('.attr-type')!, 'radio');
      await settled(el);
      type(second.querySelector('.attr-values')!, 'city, mountain ,');
      second.querySelector<HTMLInputElement>('.attr-mutable')!.click();
      await click(el, '.save');
      expect(seen).to.have.length(1);
      const bike = c.document!.labels().find((l) => l.name === 'bike')!;
      expect(bike).to.deep.include({ color: '#123456', type: 'rectangle' });
      expect(bike.attributes.map(({ id: _id, ...rest }) => rest)).to.deep.equal([
        {
          name: 'wheels',
          inputType: 'number',
          mutable: true,
          values: ['1', '4', '1'],
          default: '2',
        },
        {
          name: 'kind',
          inputType: 'radio',
          mutable: false,
          values: ['city', 'mountain'],
          default: 'city',
        },
      ]);
      expect(el.editing).to.equal(bike.id);
      // Rename and recolour an existing label: one more step; undo restores it in one go.
      el.edit(PERSON);
      await settled(el);
      type(q(el, 'input.name'), 'pedestrian');
      type(q(el, 'input.color'), '#abcdef');
      await click(el, '.save');
      expect(seen).to.have.length(2);
      expect(c.document!.label(PERSON)).to.deep.include({ name: 'pedestrian', color: '#abcdef' });
      c.undo();
      expect(c.document!.label(PERSON)).to.deep.include({ name: 'person', color: '#34c759' });
      c.undo();
      expect(c.document!.labels().map((l) => l.name)).to.deep.equal(['car', 'person', 'road']);
    } finally {
      el.remove();
    }
  });

  it('shows core validation errors next to the field and changes nothing', async () => {
    const c = new EditorController({ document: testDoc() });
    const before = c.document!.labels();
    const el = await mount(c);
    try {
      el.edit(CAR);
      await settled(el);
      type(q(el, 'input.name'), 'person');
      await click(el, '.save');
      const nameError = q<HTMLElement>(el, 'label:has(input.name) [role="alert"]');
      expect(nameError.textContent).to.contain('person');
      expect(q(el, 'input.name').getAttribute('aria-invalid')).to.equal('true');
      expect(c.document!.labels()).to.equal(before);
      // A number range the spec refuses: the error sits in that attribute's row.
      type(q(el, 'input.name'), 'car');
      const passengers = el.shadowRoot!.querySelectorAll('.attribute')[3]!;
      type(passengers.querySelector('.attr-min')!, '9');
      await click(el, '.save');
      expect(passengers.querySelector('[role="alert"]')!.textContent).to.contain('min 9 > max 8');
      expect(q(el, 'label:has(input.name) [role="alert"]')).to.equal(null);
      expect(c.document!.labels()).to.equal(before);
      // A shape type that the label's boxes do not fit: refused, shown on the form.
      el.edit(CAR);
      await settled(el);
      type(q(el, 'select.type'), 'polygon');
      await click(el, '.save');
      expect(q(el, '.form > [role="alert"]').textContent).to.contain('does not allow rectangle');
      expect(c.document!.label(CAR)!.type).to.equal('any');
    } finally {
      el.remove();
    }
  });

  it('removes an attribute together with its values on the objects, in one step', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = await mount(c);
    try {
      el.edit(CAR);
      await settled(el);
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.attribute')];
      expect(rows.map((r) => r.querySelector<HTMLInputElement>('.attr-name')!.value)).to.deep.equal(
        ['color', 'kind', 'parked', 'passengers', 'note'],
      );
      rows[4]!.querySelector<HTMLButtonElement>('.attr-remove')!.click();
      await click(el, '.save');
      expect(c.document!.label(CAR)!.attributes.map((a) => a.name)).to.not.include('note');
      expect(Object.keys(c.document!.object(ids(1)[0]!)!.attributes)).to.not.include(String(NOTE));
      c.undo();
      expect(c.document!.object(ids(1)[0]!)!.attributes[NOTE]).to.equal('');
      expect(c.document!.label(CAR)!.attributes).to.have.length(5);
    } finally {
      el.remove();
    }
  });

  it('edits the attributes of skeleton points; removing one strips its values from the points', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = await mount(c);
    try {
      await click(el, '.add');
      type(q(el, 'input.name'), 'hand');
      type(q(el, 'select.type'), 'skeleton');
      await settled(el);
      el.addPoint(0.2, 0.2);
      el.addPoint(0.8, 0.8);
      await settled(el);
      const points = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.points > li')];
      points()[1]!.querySelector<HTMLButtonElement>('.point-add-attribute')!.click();
      await settled(el);
      const form = () => points()[1]!.querySelector<HTMLElement>('.attribute')!;
      type(form().querySelector<HTMLInputElement>('.attr-name')!, 'state');
      type(form().querySelector<HTMLSelectElement>('.attr-type')!, 'select');
      await settled(el);
      type(form().querySelector<HTMLInputElement>('.attr-values')!, 'open, closed');
      await click(el, '.save');
      const hand = () => c.document!.labels().find((l) => l.name === 'hand')!;
      const spec = hand().sublabels![1]!.attributes[0]!;
      expect(spec).to.include({ name: 'state', inputType: 'select', default: 'open' });
      expect(spec.values).to.deep.equal(['open', 'closed']);
      expect(hand().sublabels![0]!.attributes).to.deep.equal([]);
      // The saved form shows the attribute under its point, open.
      expect(points()[1]!.querySelector('details')!.open).to.equal(true);

      // A skeleton with a value on that point.
      const [a, b] = hand().sublabels!;
      const doc = c.document!;
      const change = doc.draft((tx) =>
        tx.add({
          kind: 'shape',
          id: tx.newObjectId(),
          label: hand().id,
          frame: 0,
          geometry: {
            type: 'skeleton',
            elements: [
              { label: a!.id, x: 1, y: 1, occluded: false, outside: false, attributes: {} },
              {
                label: b!.id,
                x: 5,
                y: 5,
                occluded: false,
                outside: false,
                attributes: { [spec.id]: 'closed' },
              },
            ],
          },
          zOrder: 0,
          occluded: false,
          attributes: {},
          group: 0,
          source: 'manual',
        }),
      );
      expect(
        c.dispatch({ change, options: { name: 'add', origin: 'user', history: 'record' } }),
      ).to.equal(true);
      const skeleton = () => c.document!.objects().find((o) => o.label === hand().id)!;
      const pointValues = (): object[] => {
        const o = skeleton();
        return o.kind === 'shape' && o.geometry.type === 'skeleton'
          ? o.geometry.elements.map((e) => e.attributes)
          : [];
      };
      expect(pointValues()).to.deep.equal([{}, { [spec.id]: 'closed' }]);

      // An attribute without a name is refused by core and shown at the point's attribute.
      type(form().querySelector<HTMLInputElement>('.attr-name')!, ' ');
      await click(el, '.save');
      expect(el.shadowRoot!.querySelector('[id="err-point:1:attr:0"]')).to.not.equal(null);
      expect(hand().sublabels![1]!.attributes[0]!.name).to.equal('state');
      el.revert();
      await settled(el);

      // Removing the attribute removes the value from the point in the same step.
      form().querySelector<HTMLButtonElement>('.attr-remove')!.click();
      await click(el, '.save');
      expect(hand().sublabels![1]!.attributes).to.deep.equal([]);
      expect(pointValues()).to.deep.equal([{}, {}]);
      c.undo();
      expect(pointValues()).to.deep.equal([{}, { [spec.id]: 'closed' }]);
    } finally {
      el.remove();
    }
  });

  it('deletes an unused label at once and asks before deleting one with objects', async () => {
    const c = new EditorController({ document: testDoc() });
    c.setLabel(PERSON);
    const el = await mount(c);
    try {
      el.edit(ROAD);
      await settled(el);
      await click(el, '.delete');
      expect(c.document!.label(ROAD)).to.equal(undefined);
      el.edit(PERSON);
      await settled(el);
      await click(el, '.delete');
      expect(q(el, '[role="alertdialog"]').textContent).to.contain('1 objects');
      expect(c.document!.label(PERSON)).to.not.equal(undefined);
      await click(el, '.keep');
      expect(el.shadowRoot!.querySelector('[role="alertdialog"]')).to.equal(null);
      await click(el, '.delete');
      await click(el, '.delete-with-objects');
      expect(c.document!.label(PERSON)).to.equal(undefined);
      expect(c.document!.objects().map((o) => o.id)).to.deep.equal(ids(1));
      expect(c.label).to.equal(CAR);
      expect(el.editing).to.equal(undefined);
      c.undo();
      expect(c.document!.label(PERSON)!.name).to.equal('person');
      expect(c.document!.objects().map((o) => o.id)).to.deep.equal(ids(1, 2));
    } finally {
      el.remove();
    }
  });

  it('builds a skeleton template by clicking, dragging and connecting points', async () => {
    const c = new EditorController({ document: testDoc() });
    const el = await mount(c);
    try {
      await click(el, '.add');
      type(q(el, 'input.name'), 'body');
      type(q(el, 'select.type'), 'skeleton');
      await settled(el);
      const svgEl = q<SVGSVGElement>(el, 'svg.template');
      const r = svgEl.getBoundingClientRect();
      const at = (u: number, v: number): [number, number] => [
        Math.round(r.left + u * r.width),
        Math.round(r.top + v * r.height),
      ];
      const clickAt = async (u: number, v: number) => {
        await sendMouse({ type: 'click', position: at(u, v) });
        await settled(el);
      };
      await clickAt(0.5, 0.1);
      await clickAt(0.5, 0.5);
      await clickAt(0.2, 0.9);
      expect(el.shadowRoot!.querySelectorAll('circle.point')).to.have.length(3);
      // Drag the third point to the right.
      await sendMouse({ type: 'move', position: at(0.2, 0.9) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(0.5, 0.9) });
      await sendMouse({ type: 'move', position: at(0.8, 0.9) });
      await sendMouse({ type: 'up' });
      await settled(el);
      // Connect 1–2 and 2–3 by clicking point pairs.
      await clickAt(0.5, 0.1);
      expect(el.shadowRoot!.querySelectorAll('circle.pending')).to.have.length(1);
      await clickAt(0.5, 0.5);
      await clickAt(0.5, 0.5);
      await clickAt(0.8, 0.9);
      expect(el.shadowRoot!.querySelectorAll('line.edge')).to.have.length(2);
      // Rename a point by keyboard.
      type(el.shadowRoot!.querySelectorAll<HTMLInputElement>('.point-name')[0]!, 'head');
      await click(el, '.save');
      const body = c.document!.labels().find((l) => l.name === 'body') as Label;
      expect(body.type).to.equal('skeleton');
      const subs = body.sublabels!;
      expect(subs.map((s) => s.name)).to.deep.equal(['head', '2', '3']);
      const near = (p: readonly [number, number] | undefined, x: number, y: number) =>
        Math.abs(p![0] - x) < 0.02 && Math.abs(p![1] - y) < 0.02;
      expect(near(subs[0]!.position, 0.5, 0.1), String(subs[0]!.position)).to.equal(true);
      expect(near(subs[2]!.position, 0.8, 0.9), String(subs[2]!.position)).to.equal(true);
      expect(body.edges).to.deep.equal([
        [subs[0]!.id, subs[1]!.id],
        [subs[1]!.id, subs[2]!.id],
      ]);
      // The same pair clicked again disconnects it.
      await clickAt(0.5, 0.1);
      await clickAt(0.5, 0.5);
      expect(el.shadowRoot!.querySelectorAll('line.edge')).to.have.length(1);
    } finally {
      el.remove();
    }
  });
});
