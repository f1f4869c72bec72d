import { expect } from 'chai';
import './object-list.js';
import { EditorController } from '../../controller/EditorController.js';
import {
  attributeId,
  createDocument,
  isAnnotkitError,
  labelId,
  objectId,
  runCommand,
  setPointAttribute,
} from '@annotkit/core';
import type { AnnotationObject, Keyframe, Label, SkeletonGeometry } from '@annotkit/core';
import { ids, settled } from '../../testing/testData.js';
import { auditA11y } from '../../testing/axe.js';
import type { AnnotObjectList } from './object-list.component.js';

// A skeleton label whose points carry attributes of their own (CVAT's sublabel attributes).
const POSE = labelId(60);
const HEAD = labelId(61);
const FOOT = labelId(62);
const QUALITY = attributeId(70); // the skeleton's own attribute (text)
const VISIBLE = attributeId(71); // head: checkbox, mutable
const SIDE = attributeId(72); // head: select, immutable
const PRESSURE = attributeId(73); // foot: number 0…10, mutable
const POSE_LABEL: Label = {
  kind: 'label',
  id: POSE,
  name: 'pose',
  color: '#aa00ff',
  type: 'skeleton',
  attributes: [
    { id: QUALITY, name: 'quality', inputType: 'text', mutable: false, values: [], default: '' },
  ],
  sublabels: [
    {
      id: HEAD,
      name: 'head',
      color: '#ff0000',
      attributes: [
        {
          id: VISIBLE,
          name: 'visible',
          inputType: 'checkbox',
          mutable: true,
          values: ['true'],
          default: 'true',
        },
        {
          id: SIDE,
          name: 'side',
          inputType: 'select',
          mutable: false,
          values: ['left', 'right', 'front'],
          default: 'front',
        },
      ],
    },
    {
      id: FOOT,
      name: 'foot',
      color: '#0000ff',
      attributes: [
        {
          id: PRESSURE,
          name: 'pressure',
          inputType: 'number',
          mutable: true,
          values: ['0', '10', '1'],
          default: '0',
        },
      ],
    },
  ],
  edges: [[HEAD, FOOT]],
};

const skeleton = (x: number, side = 'left', visible = 'true'): SkeletonGeometry => ({
  type: 'skeleton',
  elements: [
    {
      label: HEAD,
      x,
      y: 10,
      occluded: false,
      outside: false,
      attributes: { [VISIBLE]: visible, [SIDE]: side },
    },
    { label: FOOT, x, y: 90, occluded: false, outside: false, attributes: { [PRESSURE]: '2' } },
  ],
});
const keyframe = (frame: number, geometry: SkeletonGeometry): Keyframe => ({
  frame,
  geometry,
  outside: false,
  occluded: false,
  zOrder: 0,
  attributes: {},
});

/** Frames 0–9: a pose shape (1, auto) on frame 2 and a pose track (2) with keyframes 0 and 6. */
function poseDoc() {
  const objects: AnnotationObject[] = [
    {
      kind: 'shape',
      id: objectId(1),
      label: POSE,
      frame: 2,
      geometry: skeleton(5),
      zOrder: 0,
      occluded: false,
      attributes: {},
      group: 0,
      source: 'auto',
    },
    {
      kind: 'track',
      id: objectId(2),
      label: POSE,
      keyframes: [keyframe(0, skeleton(0, 'left', 'false')), keyframe(6, skeleton(60))],
      attributes: {},
      group: 0,
      source: 'manual',
    },
  ];
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, width: 640, height: 480 })),
    },
    labels: [POSE_LABEL],
    objects,
  });
}

/** The elements of object `id` (a shape's geometry, or each keyframe's of a track). */
function elementsOf(c: EditorController, id: number) {
  const o = c.document!.object(objectId(id))!;
  const geometries =
    o.kind === 'shape'
      ? [o.geometry]
      : o.kind === 'track'
        ? o.keyframes.map((k) => k.geometry)
        : [];
  return geometries.map((g) => (g.type === 'skeleton' ? g.elements : []));
}

function keyframesOf(c: EditorController, id: number): number[] {
  const o = c.document!.object(objectId(id));
  return o?.kind === 'track' ? o.keyframes.map((k) => k.frame) : [];
}

describe('<annot-object-list> skeleton point attributes', () => {
  const mount = async (c: EditorController): Promise<AnnotObjectList> => {
    const el = document.createElement('annot-object-list');
    el.style.cssText = 'display:flex;height:500px;width:520px';
    el.controller = c;
    document.body.appendChild(el);
    await settled(el);
    return el;
  };
  const rows = (el: AnnotObjectList, parent: number): HTMLElement[] => [
    ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[data-parent="${parent}"]`),
  ];
  const editor = <T extends HTMLElement>(el: AnnotObjectList, parent: number, attr: number): T =>
    el.shadowRoot!.querySelector<T>(
      `[data-parent="${parent}"][data-point] [data-attribute="${attr}"]`,
    )!;
  const depth = (c: EditorController): number => c.history!.state().undoDepth;

  it('each point row is followed by its attribute rows (level 3, indented one more step)', async () => {
    const c = new EditorController({ document: poseDoc() });
    c.setFrame(2);
    const el = await mount(c);
    try {
      el.setExpanded(objectId(1), true);
      await settled(el);
      const children = rows(el, 1);
      // The skeleton's own attribute, then each point followed by its sublabel's attributes.
      expect(
        children.map((r) =>
          r.dataset['point'] !== undefined
            ? `${r.dataset['point']}:${r.dataset['attributeRow']}`
            : r.dataset['element'] !== undefined
              ? `point ${r.dataset['element']}`
              : `attr ${r.dataset['attributeRow']}`,
        ),
      ).to.deep.equal([
        `attr ${QUALITY}`,
        'point 0',
        `0:${VISIBLE}`,
        `0:${SIDE}`,
        'point 1',
        `1:${PRESSURE}`,
      ]);
      expect(children.map((r) => r.getAttribute('aria-level'))).to.deep.equal([
        '2',
        '2',
        '3',
        '3',
        '2',
        '3',
      ]);
      const viewport = el.shadowRoot!.querySelector('[role="treegrid"]')!;
      expect(viewport.getAttribute('aria-rowcount')).to.equal(String(2 + children.length));
      // aria-rowindex stays consecutive through the new rows.
      expect(children.map((r) => Number(r.getAttribute('aria-rowindex')))).to.deep.equal([
        2, 3, 4, 5, 6, 7,
      ]);
      const indent = (r: HTMLElement): number => parseFloat(getComputedStyle(r).paddingInlineStart);
      expect(indent(children[2]!)).to.be.greaterThan(indent(children[1]!));
      expect(indent(children[2]!) - indent(children[1]!)).to.equal(22);
      // Every row keeps the fixed height (the windowing relies on it).
      for (const r of children) expect(r.getBoundingClientRect().height).to.equal(el.rowHeight);

      // Editors by input type, showing the point's values; names say whose attribute it is.
      const visible = editor<HTMLInputElement>(el, 1, VISIBLE);
      expect(visible.type).to.equal('checkbox');
      expect(visible.checked).to.equal(true);
      expect(visible.getAttribute('aria-label')).to.equal('visible of head (point 1)');
      expect(editor<HTMLSelectElement>(el, 1, SIDE).value).to.equal('left');
      const pressure = editor<HTMLInputElement>(el, 1, PRESSURE);
      expect([pressure.type, pressure.value, pressure.min, pressure.max]).to.deep.equal([
        'number',
        '2',
        '0',
        '10',
      ]);
      // The treegrid with its third level passes axe's WCAG 2.1 A/AA rules.
      const found = await auditA11y(el);
      expect(found.map((f) => `${f.rule}: ${f.summary} ${f.targets.join(' ')}`)).to.deep.equal([]);
      c.setLang('de');
      await settled(el);
      expect(editor(el, 1, PRESSURE).getAttribute('aria-label')).to.equal(
        'pressure von foot (Punkt 2)',
      );
    } finally {
      el.remove();
    }
  });

  it('a shape point value change is one updateGeometry (one undo step); bad values are refused', async () => {
    const c = new EditorController({ document: poseDoc() });
    const names: (string | undefined)[] = [];
    c.on('change', (e) => names.push(e.name));
    c.setFrame(2);
    const el = await mount(c);
    try {
      el.setExpanded(objectId(1), true);
      await settled(el);
      const side = editor<HTMLSelectElement>(el, 1, SIDE);
      side.value = 'right';
      side.dispatchEvent(new Event('change'));
      expect(depth(c)).to.equal(1);
      const [after] = elementsOf(c, 1);
      expect(after!.map((e) => e.attributes)).to.deep.equal([
        { [VISIBLE]: 'true', [SIDE]: 'right' },
        { [PRESSURE]: '2' },
      ]);
      // Position, outside and occluded are untouched; an edit makes an auto object semi-auto.
      expect(after!.map((e) => [e.x, e.y, e.outside, e.occluded])).to.deep.equal([
        [5, 10, false, false],
        [5, 90, false, false],
      ]);
      expect(c.document!.object(objectId(1))!.source).to.equal('semi-auto');
      expect(names).to.deep.equal(['edit-geometry']);

      const visible = editor<HTMLInputElement>(el, 1, VISIBLE);
      visible.click(); // checkbox: one change event
      expect(depth(c)).to.equal(2);
      expect(elementsOf(c, 1)[0]![0]!.attributes[VISIBLE]).to.equal('false');
      await settled(el);
      expect(editor<HTMLInputElement>(el, 1, VISIBLE).checked).to.equal(false);

      // Outside [0, 10]: nothing written, the message is shown.
      const pressure = editor<HTMLInputElement>(el, 1, PRESSURE);
      pressure.value = '42';
      pressure.dispatchEvent(new Event('change'));
      expect(depth(c)).to.equal(2);
      expect(elementsOf(c, 1)[0]![1]!.attributes[PRESSURE]).to.equal('2');
      await settled(el);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.include('pressure of foot (point 2)');
      expect(alert.textContent).to.include('42');
      pressure.value = '7';
      pressure.dispatchEvent(new Event('change'));
      expect(elementsOf(c, 1)[0]![1]!.attributes[PRESSURE]).to.equal('7');
      await settled(el);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);

      // Undo steps back one value change at a time.
      c.undo();
      expect(elementsOf(c, 1)[0]![1]!.attributes[PRESSURE]).to.equal('2');
      c.undo();
      c.undo();
      expect(elementsOf(c, 1)[0]!.map((e) => e.attributes)).to.deep.equal([
        { [VISIBLE]: 'true', [SIDE]: 'left' },
        { [PRESSURE]: '2' },
      ]);
      await settled(el);
      expect(editor<HTMLSelectElement>(el, 1, SIDE).value).to.equal('left');
    } finally {
      el.remove();
    }
  });

  it('tracks: a mutable value on a non-keyframe makes a keyframe; an immutable one holds everywhere', async () => {
    const c = new EditorController({ document: poseDoc() });
    const names: (string | undefined)[] = [];
    c.on('change', (e) => names.push(e.name));
    c.setFrame(3);
    const el = await mount(c);
    try {
      el.setExpanded(objectId(2), true);
      await settled(el);
      // Frame 3 holds keyframe 0's values (sample-and-hold).
      expect(editor<HTMLInputElement>(el, 2, VISIBLE).checked).to.equal(false);
      editor<HTMLInputElement>(el, 2, VISIBLE).click();
      expect(depth(c)).to.equal(1);
      expect(keyframesOf(c, 2)).to.deep.equal([0, 3, 6]);
      const [k0, k3, k6] = elementsOf(c, 2);
      expect(k0![0]!.attributes[VISIBLE]).to.equal('false'); // before: unchanged
      expect(k3![0]!.attributes[VISIBLE]).to.equal('true');
      expect(k6![0]!.attributes[VISIBLE]).to.equal('true');
      // The new keyframe holds the interpolated position (x from 0 to 60 over frames 0…6).
      expect(k3![0]!.x).to.equal(30);
      await settled(el);
      expect(editor<HTMLInputElement>(el, 2, VISIBLE).checked).to.equal(true);
      // On a keyframe now: another change edits it, no new keyframe.
      const pressure = editor<HTMLInputElement>(el, 2, PRESSURE);
      pressure.value = '9';
      pressure.dispatchEvent(new Event('change'));
      expect(depth(c)).to.equal(2);
      expect(keyframesOf(c, 2)).to.deep.equal([0, 3, 6]);
      expect(elementsOf(c, 2).map((els) => els[1]!.attributes[PRESSURE])).to.deep.equal([
        '2',
        '9',
        '2',
      ]);
      c.undo();
      c.undo();
      expect(keyframesOf(c, 2)).to.deep.equal([0, 6]);

      // Immutable (CVAT keeps it on the element's track): every keyframe, no new keyframe.
      c.setFrame(4);
      await settled(el);
      const side = editor<HTMLSelectElement>(el, 2, SIDE);
      side.value = 'right';
      side.dispatchEvent(new Event('change'));
      expect(depth(c)).to.equal(1);
      expect(keyframesOf(c, 2)).to.deep.equal([0, 6]);
      expect(elementsOf(c, 2).map((els) => els[0]!.attributes[SIDE])).to.deep.equal([
        'right',
        'right',
      ]);
      expect(names.at(-1)).to.equal('set-point-attribute');
      c.undo();
      expect(elementsOf(c, 2).map((els) => els[0]!.attributes[SIDE])).to.deep.equal([
        'left',
        'left',
      ]);
    } finally {
      el.remove();
    }
  });

  it('locked objects: point attribute editors are disabled and writes are skipped', async () => {
    const c = new EditorController({ document: poseDoc() });
    c.setFrame(2);
    c.setLocked(ids(1), true);
    const el = await mount(c);
    try {
      el.setExpanded(objectId(1), true);
      await settled(el);
      for (const attr of [VISIBLE, SIDE, PRESSURE]) {
        expect(editor<HTMLInputElement>(el, 1, attr).disabled).to.equal(true);
      }
      // A change event that still arrives (e.g. dispatched by script) writes nothing.
      const side = editor<HTMLSelectElement>(el, 1, SIDE);
      side.value = 'right';
      side.dispatchEvent(new Event('change'));
      expect(depth(c)).to.equal(0);
      expect(elementsOf(c, 1)[0]![0]!.attributes[SIDE]).to.equal('left');
      c.setLocked(ids(1), false);
      await settled(el);
      expect(editor<HTMLSelectElement>(el, 1, SIDE).disabled).to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('setPointAttribute: "can run?", no-op values, unknown attributes', () => {
    const doc = poseDoc();
    const state = { doc, frame: 2, selection: [] };
    // The same value, a shape on another frame, a missing object: cannot run.
    expect(setPointAttribute(objectId(1), 0, SIDE, 'left', 2)(state)).to.equal(false);
    expect(setPointAttribute(objectId(1), 0, SIDE, 'right', 3)(state)).to.equal(false);
    expect(setPointAttribute(objectId(9), 0, SIDE, 'right', 2)(state)).to.equal(false);
    expect(setPointAttribute(objectId(1), 0, SIDE, 'right', 2)(state)).to.equal(true);
    // An immutable value already on every keyframe: nothing to do.
    expect(setPointAttribute(objectId(2), 0, SIDE, 'left', 3)(state)).to.equal(false);
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (err) {
        return isAnnotkitError(err) ? err.code : 'other';
      }
      return undefined;
    };
    // The foot has no "side"; a value outside the spec.
    expect(code(() => setPointAttribute(objectId(1), 1, SIDE, 'left', 2)(state))).to.equal(
      'unknown-attribute',
    );
    expect(code(() => setPointAttribute(objectId(1), 0, SIDE, 'up', 2)(state))).to.equal(
      'attribute-value',
    );
    // Dispatched without the element: one change, the document validates it.
    expect(runCommand(setPointAttribute(objectId(2), 1, PRESSURE, '4', 8), state)).to.equal(true);
    const t = doc.object(objectId(2));
    expect(t?.kind === 'track' && t.keyframes.map((k) => k.frame)).to.deep.equal([0, 6, 8]);
  });
});
