import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import './object-list.js';
import '../canvas-2d/canvas-2d.js';
import type { AnnotCanvas2D } from '../canvas-2d/canvas-2d.component.js';
import { EditorController } from '../../controller/EditorController.js';
import { terminalKeyframe } from '../../controller/actions.js';
import { deepActiveElement } from '../../testing/focus.js';
import { createDocument, labelId, objectId } from '@annotkit/core';
import type { AnnotationObject, Geometry, Label } from '@annotkit/core';
import {
  CAR,
  COLOR,
  LABELS,
  PERSON,
  box,
  ids,
  manyBoxes,
  settled,
  testDoc,
} from '../../testing/testData.js';
import type { AnnotObjectList } from './object-list.component.js';

const rowIds = (el: AnnotObjectList): number[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][data-id]')].map((r) =>
    Number(r.dataset['id']),
  );

async function scrollTo(viewport: HTMLElement, top: number): Promise<void> {
  const scrolled = new Promise((r) => viewport.addEventListener('scroll', r, { once: true }));
  viewport.scrollTop = top;
  await scrolled;
}

/** Appends a list over `c`, styled by `style` (rendering still pending). */
function mountList(c: EditorController, style: string): AnnotObjectList {
  const el = document.createElement('annot-object-list');
  el.style.cssText = style;
  el.controller = c;
  document.body.appendChild(el);
  return el;
}

describe('<annot-object-list>', () => {
  it('renders only the visible rows of 100,000 objects, and scrolling changes them', async () => {
    let t = performance.now();
    const c = new EditorController({ document: testDoc(manyBoxes(100_000)) });
    const createMs = performance.now() - t;
    t = performance.now();
    const el = mountList(c, 'display:flex;height:400px;width:360px');
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

      // Expanding objects adds child rows (one per attribute: 5 for a car) without breaking the
      // window: the row count grows, the DOM stays bounded, later rows shift down.
      el.setExpanded(objectId(99_999), true);
      await settled(el);
      expect(viewport.getAttribute('aria-rowcount')).to.equal('100005');
      const children = el.shadowRoot!.querySelectorAll('[data-parent="99999"]');
      expect(children.length).to.equal(5);
      expect(children[0]!.getAttribute('aria-level')).to.equal('2');
      el.setExpanded(objectId(1), true);
      await settled(el);
      expect(viewport.getAttribute('aria-rowcount')).to.equal('100010');
      expect(viewport.scrollHeight).to.equal(100_010 * el.rowHeight);
      expect(el.shadowRoot!.querySelectorAll('[role="row"]').length).to.be.at.most(
        perView + 2 * el.overscan,
      );
      await scrollTo(viewport, 0);
      await settled(el);
      expect(el.shadowRoot!.querySelectorAll('[data-parent="1"]').length).to.equal(5);
      const row2 = el.shadowRoot!.querySelector<HTMLElement>('[data-id="2"]')!;
      expect(row2.getAttribute('aria-rowindex')).to.equal('7');
      expect(el.shadowRoot!.querySelector('[data-id="1"]')!.getAttribute('aria-expanded')).to.equal(
        'true',
      );
      await scrollTo(viewport, 50_000 * el.rowHeight);
      await settled(el);
      expect(el.shadowRoot!.querySelectorAll('[role="row"]').length).to.be.at.most(
        perView + 2 * el.overscan,
      );
      expect(rowIds(el)).to.include(49_996);

      console.log(
        `object list, 100,000 objects: document ${createMs.toFixed(0)} ms, first render ` +
          `${firstRenderMs.toFixed(0)} ms, scroll to the middle + render ${scrollMs.toFixed(1)} ms, ` +
          `${rows.length} rows in the DOM`,
      );
    } finally {
      el.remove();
    }
  });

  it('reuses row elements when scrolling, and a reused row acts on the object it shows', async () => {
    const c = new EditorController({ document: testDoc(manyBoxes(1000)) });
    const el = mountList(c, 'display:flex;height:300px;width:360px');
    try {
      await settled(el);
      const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
      const before = [...el.shadowRoot!.querySelectorAll('[role="row"]')];
      await scrollTo(viewport, 500 * el.rowHeight);
      await settled(el);
      const after = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')];
      expect(rowIds(el)).to.include(501);
      expect(rowIds(el)).to.not.include(1);
      // The same elements, now showing other objects.
      expect(after.filter((r) => before.includes(r)).length).to.equal(
        Math.min(before.length, after.length),
      );
      const row = el.shadowRoot!.querySelector<HTMLElement>('[data-id="501"]')!;
      row.querySelector<HTMLButtonElement>('[data-toggle="hide"]')!.click();
      expect([...c.hidden]).to.deep.equal(ids(501));
      row.click();
      expect(c.selection).to.deep.equal(ids(501));
    } finally {
      el.remove();
    }
  });

  it('stays windowed when the host overrides its layout with display: block', async () => {
    const c = new EditorController({ document: testDoc(manyBoxes(20_000)) });
    const el = mountList(c, 'display:block;width:360px');
    try {
      await settled(el);
      await settled(el);
      const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
      expect(viewport.clientHeight).to.be.at.most(window.innerHeight);
      const bound = Math.ceil(window.innerHeight / el.rowHeight) + 1 + 2 * el.overscan;
      expect(rowIds(el).length).to.be.at.most(bound);
      await scrollTo(viewport, 10_000 * el.rowHeight);
      await settled(el);
      expect(rowIds(el)).to.include(10_001);
    } finally {
      el.remove();
    }
  });

  it('sorts, toggles hide/lock/occluded per row, and follows the language', async () => {
    const c = new EditorController({ document: testDoc(manyBoxes(4)) });
    const el = mountList(c, 'display:flex;height:300px');
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

const POSE = labelId(40);
const HEAD = labelId(41);
const FOOT = labelId(42);
const POSE_LABEL: Label = {
  kind: 'label',
  id: POSE,
  name: 'pose',
  color: '#aa00ff',
  type: 'skeleton',
  attributes: [],
  sublabels: [
    { id: HEAD, name: 'head', color: '#ff0000', attributes: [] },
    { id: FOOT, name: 'foot', color: '#0000ff', attributes: [] },
  ],
  edges: [[HEAD, FOOT]],
};
const skeleton = (x: number): Geometry => ({
  type: 'skeleton',
  elements: [
    { label: HEAD, x, y: 10, occluded: false, outside: false, attributes: {} },
    { label: FOOT, x, y: 90, occluded: false, outside: false, attributes: {} },
  ],
});
const rect = (x: number): Geometry => ({
  type: 'rectangle',
  points: [x, 0, x + 20, 20],
  rotation: 0,
});
const keyframe = (frame: number, geometry: Geometry) => ({
  frame,
  geometry,
  outside: false,
  occluded: false,
  zOrder: 0,
  attributes: {},
});

/** Frames 0–9: a car track (keyframes 0, 4, 8), a skeleton shape and a skeleton track. */
function trackDoc() {
  const objects: AnnotationObject[] = [
    {
      kind: 'track',
      id: objectId(1),
      label: CAR,
      keyframes: [keyframe(0, rect(0)), keyframe(4, rect(40)), keyframe(8, rect(80))],
      attributes: { [COLOR]: 'blue' },
      group: 0,
      source: 'manual',
    },
    {
      kind: 'shape',
      id: objectId(2),
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
      id: objectId(3),
      label: POSE,
      keyframes: [keyframe(0, skeleton(0)), keyframe(6, skeleton(60))],
      attributes: {},
      group: 0,
      source: 'manual',
    },
    box(4, 2, 0, 0, 10, 10, PERSON),
  ];
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, width: 640, height: 480 })),
    },
    labels: [...LABELS, POSE_LABEL],
    objects,
  });
}

describe('<annot-object-list> rows (CVAT object sidebar)', () => {
  const mount = async (c: EditorController): Promise<AnnotObjectList> => {
    const el = mountList(c, 'display:flex;height:500px;width:520px');
    await settled(el);
    return el;
  };
  const q = <T extends Element = HTMLButtonElement>(el: AnnotObjectList, sel: string): T =>
    el.shadowRoot!.querySelector<T>(sel)!;

  it('track toggles (keyframe, outside, occluded) and pin each dispatch one undo step', async () => {
    const c = new EditorController({ document: trackDoc() });
    const el = await mount(c);
    try {
      c.setFrame(2);
      await settled(el);
      const depth = () => c.history!.state().undoDepth;
      const trackFrames = (): number[] => {
        const o = c.document!.object(objectId(1));
        return o?.kind === 'track' ? o.keyframes.map((k) => k.frame) : [];
      };
      expect(q(el, '[data-id="1"] [data-toggle="keyframe"]').getAttribute('aria-pressed')).to.equal(
        'false',
      );
      // Keyframe: frame 2 becomes one (one step), and back.
      q(el, '[data-id="1"] [data-toggle="keyframe"]').click();
      expect(depth()).to.equal(1);
      expect(trackFrames()).to.deep.equal([0, 2, 4, 8]);
      await settled(el);
      expect(q(el, '[data-id="1"] [data-toggle="keyframe"]').getAttribute('aria-pressed')).to.equal(
        'true',
      );
      c.undo();
      await settled(el);
      expect(trackFrames().length).to.equal(3);
      // Occluded from frame 2 on: one step.
      q(el, '[data-id="1"] [data-toggle="occluded"]').click();
      expect(depth()).to.equal(1);
      await settled(el);
      expect(q(el, '[data-id="1"] [data-toggle="occluded"]').getAttribute('aria-pressed')).to.equal(
        'true',
      );
      // Outside from frame 2 on: one step; the track leaves the list on this frame.
      q(el, '[data-id="1"] [data-toggle="outside"]').click();
      expect(depth()).to.equal(2);
      await settled(el);
      expect(rowIds(el)).to.not.include(1);
      c.undo();
      await settled(el);
      expect(rowIds(el)).to.include(1);
      // Keyframe navigation (the occluded edit made frame 2 a keyframe: 0, 2, 4, 8); the track
      // stays selected.
      q(el, '[data-id="1"] [data-action="next-keyframe"]').click();
      expect(c.frame).to.equal(4);
      expect(c.selection).to.deep.equal(ids(1));
      await settled(el);
      q(el, '[data-id="1"] [data-action="prev-keyframe"]').click();
      expect(c.frame).to.equal(2);
      await settled(el);
      q(el, '[data-id="1"] [data-action="prev-keyframe"]').click();
      expect(c.frame).to.equal(0);
      // Shapes have no track controls.
      c.setFrame(2);
      await settled(el);
      expect(el.shadowRoot!.querySelector('[data-id="4"] [data-toggle="keyframe"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[data-id="4"] [data-toggle="outside"]')).to.equal(null);
      // Pin: view state (no undo step), pressed, and locked for the canvas pointer.
      const before = depth();
      q(el, '[data-id="4"] [data-toggle="pin"]').click();
      expect(c.pinned.has(objectId(4))).to.equal(true);
      expect(depth()).to.equal(before);
      await settled(el);
      expect(q(el, '[data-id="4"] [data-toggle="pin"]').getAttribute('aria-pressed')).to.equal(
        'true',
      );
      // Shortcuts: P pins/unpins the selection, K toggles the keyframe, O outside.
      c.select(ids(4));
      expect(c.handleKey({ key: 'p' })).to.equal('pin');
      expect(c.pinned.has(objectId(4))).to.equal(false);
      c.select(ids(1));
      // Frame 2 is a keyframe (from the occluded edit): K removes it, K again adds it back.
      expect(c.handleKey({ key: 'k' })).to.equal('keyframe');
      expect(trackFrames()).to.deep.equal([0, 4, 8]);
      expect(c.handleKey({ key: 'k' })).to.equal('keyframe');
      expect(trackFrames()).to.deep.equal([0, 2, 4, 8]);
      expect(c.handleKey({ key: 'o' })).to.equal('outside');
      expect(c.document!.object(objectId(1))).to.satisfy(
        (o: AnnotationObject) => o.kind === 'track' && o.keyframes[1]!.outside === true,
      );
    } finally {
      el.remove();
    }
  });

  it('skeleton points are child rows with their own outside/occluded toggles', async () => {
    const c = new EditorController({ document: trackDoc() });
    const el = await mount(c);
    try {
      c.setFrame(2);
      await settled(el);
      // Collapsed by default; the expander opens two point rows (the pose label has no attributes).
      expect(el.shadowRoot!.querySelectorAll('[data-parent="2"]').length).to.equal(0);
      q(el, '[data-id="2"] [data-toggle="details"]').click();
      await settled(el);
      const points = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-parent="2"]')];
      expect(points.map((p) => p.dataset['element'])).to.deep.equal(['0', '1']);
      expect(points[0]!.textContent).to.include('head');
      expect(points[1]!.textContent).to.include('foot');
      expect(c.selection).to.deep.equal([]); // the expander does not select

      const point = (id: number, i: number, what: string) =>
        q(el, `[data-parent="${id}"][data-element="${i}"] [data-toggle="${what}"]`);
      const depth = () => c.history!.state().undoDepth;
      // Shape: the foot becomes outside (one step) and the head occluded (one step).
      point(2, 1, 'outside').click();
      point(2, 0, 'occluded').click();
      expect(depth()).to.equal(2);
      const shape = c.document!.object(objectId(2))!;
      const elements =
        shape.kind === 'shape' && shape.geometry.type === 'skeleton' ? shape.geometry.elements : [];
      expect(elements.map((e) => [e.outside, e.occluded])).to.deep.equal([
        [false, true],
        [true, false],
      ]);
      await settled(el);
      expect(point(2, 1, 'outside').getAttribute('aria-pressed')).to.equal('true');
      expect(point(2, 0, 'occluded').getAttribute('aria-pressed')).to.equal('true');
      c.undo();
      await settled(el);
      expect(point(2, 0, 'occluded').getAttribute('aria-pressed')).to.equal('false');

      // Track: toggling a point on a non-keyframe writes a keyframe there (one step).
      el.setExpanded(objectId(3), true);
      await settled(el);
      point(3, 0, 'outside').click();
      const t = c.document!.object(objectId(3))!;
      expect(t.kind === 'track' && t.keyframes.map((k) => k.frame)).to.deep.equal([0, 2, 6]);
      const kf = t.kind === 'track' ? t.keyframes[1]! : undefined;
      expect(kf?.geometry.type === 'skeleton' && kf.geometry.elements[0]!.outside).to.equal(true);
      // Locked objects cannot be edited from the list.
      c.setLocked(ids(3), true);
      await settled(el);
      expect(point(3, 1, 'occluded').disabled).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('expanded objects edit attributes inline; the filter limits the rows', async () => {
    const c = new EditorController({ document: trackDoc() });
    const el = await mount(c);
    try {
      c.setFrame(2);
      el.setExpanded(objectId(1), true);
      await settled(el);
      const select = q<HTMLSelectElement>(
        el,
        `[data-parent="1"] select[data-attribute="${COLOR}"]`,
      );
      expect(select.value).to.equal('blue');
      select.value = 'white';
      select.dispatchEvent(new Event('change'));
      const o = c.document!.object(objectId(1))!;
      expect(o.attributes[COLOR]).to.equal('white');
      expect(c.history!.state().undoDepth).to.equal(1);

      expect(rowIds(el)).to.deep.equal([1, 2, 3, 4]);
      c.setFilter({
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'rule', field: 'label', op: 'is', value: PERSON },
          { kind: 'rule', field: 'source', op: 'is', value: 'auto' },
        ],
      });
      await settled(el);
      expect(rowIds(el)).to.deep.equal([2, 4]);
      expect(el.shadowRoot!.textContent).to.include('2 of 4 objects');
      c.setFilter(null);
      await settled(el);
      expect(rowIds(el)).to.deep.equal([1, 2, 3, 4]);
      c.setLang('de');
      await settled(el);
      expect(q(el, '[data-id="1"] [data-toggle="outside"]').getAttribute('aria-label')).to.equal(
        'Außerhalb',
      );
      expect(q(el, '[data-id="1"] [data-toggle="pin"]').getAttribute('aria-label')).to.equal(
        'Anheften',
      );
    } finally {
      el.remove();
    }
  });
});

describe('<annot-object-list> header actions and row menu', () => {
  const mount = async (c: EditorController, width = 520): Promise<AnnotObjectList> => {
    const el = mountList(c, `display:flex;height:500px;width:${width}px`);
    await settled(el);
    return el;
  };
  const q = <T extends Element = HTMLButtonElement>(el: AnnotObjectList, sel: string): T =>
    el.shadowRoot!.querySelector<T>(sel)!;
  const menu = (el: AnnotObjectList): HTMLElement | null =>
    el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]');
  const menuItem = (el: AnnotObjectList, item: string): HTMLElement =>
    q<HTMLElement>(el, `[role="menu"] [data-item="${item}"]`);
  const openMenu = async (el: AnnotObjectList, id: number): Promise<HTMLElement> => {
    q(el, `[data-id="${id}"] [data-action="more"]`).click();
    await settled(el);
    return menu(el)!;
  };
  const depth = (c: EditorController): number => c.history!.state().undoDepth;

  it('first/last keyframe: the helper, and the row menu of tracks', async () => {
    const c = new EditorController({ document: trackDoc() });
    c.setFrame(2);
    expect(terminalKeyframe(c, objectId(1), 'first')).to.equal(0);
    expect(terminalKeyframe(c, objectId(1), 'last')).to.equal(8);
    expect(terminalKeyframe(c, objectId(4), 'first')).to.equal(undefined); // a shape
    expect(terminalKeyframe(c, undefined, 'last')).to.equal(undefined);
    const el = await mount(c);
    try {
      const m = await openMenu(el, 1);
      expect(m.getAttribute('aria-label')).to.equal('Actions for car #1');
      expect(q(el, '[data-id="1"] [data-action="more"]').getAttribute('aria-expanded')).to.equal(
        'true',
      );
      // Opening focuses the first item.
      expect(deepActiveElement()).to.equal(menuItem(el, 'first-keyframe'));
      menuItem(el, 'last-keyframe').click();
      expect(c.frame).to.equal(8);
      expect(c.selection).to.deep.equal(ids(1)); // the track stays selected
      await settled(el);
      expect(menu(el)).to.equal(null);
      // Focus is back on the row's "more" button.
      expect(deepActiveElement()).to.equal(q(el, '[data-id="1"] [data-action="more"]'));
      expect(terminalKeyframe(c, objectId(1), 'last')).to.equal(undefined); // already there
      await openMenu(el, 1);
      expect(menuItem(el, 'last-keyframe').getAttribute('aria-disabled')).to.equal('true');
      menuItem(el, 'last-keyframe').click(); // disabled: nothing happens
      expect(c.frame).to.equal(8);
      menuItem(el, 'first-keyframe').click();
      expect(c.frame).to.equal(0);
      expect(c.history!.state().undoDepth).to.equal(0); // navigation only
      // Shapes have no keyframe items.
      c.setFrame(2);
      await settled(el);
      await openMenu(el, 4);
      expect(el.shadowRoot!.querySelector('[data-item="first-keyframe"]')).to.equal(null);
      expect(menuItem(el, 'copy')).to.not.equal(null);
    } finally {
      el.remove();
    }
  });

  it('a track row with all its buttons fits a 300 px list, its name still visible', async () => {
    const c = new EditorController({ document: trackDoc() });
    c.setFrame(2);
    const el = await mount(c, 300);
    try {
      const row = q<HTMLElement>(el, '[data-id="1"]');
      const right = row.getBoundingClientRect().right;
      const buttons = [...row.querySelectorAll('button')];
      // Details, prev/next keyframe and keyframe, outside, occluded, pin, lock, hide, more.
      expect(buttons.length).to.equal(10);
      for (const b of buttons) {
        expect(b.getBoundingClientRect().right).to.be.at.most(right + 0.5);
      }
      expect(row.querySelector('.name')!.getBoundingClientRect().width).to.be.greaterThan(20);
    } finally {
      el.remove();
    }
  });

  it('header: lock all, hide all and expand all act on the listed (filtered) objects', async () => {
    const c = new EditorController({ document: trackDoc() });
    c.setFrame(2);
    const el = await mount(c);
    try {
      // Listed: the pose shape (2, auto) and the person box (4); not the car (1) or pose track (3).
      c.setFilter({
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'rule', field: 'label', op: 'is', value: PERSON },
          { kind: 'rule', field: 'source', op: 'is', value: 'auto' },
        ],
      });
      await settled(el);
      expect(rowIds(el)).to.deep.equal([2, 4]);
      const header = (what: string) => q(el, `header [data-action="${what}-all"]`);
      expect(header('lock').getAttribute('aria-pressed')).to.equal('false');
      header('lock').click();
      expect([...c.locked].sort()).to.deep.equal(ids(2, 4));
      await settled(el);
      expect(header('lock').getAttribute('aria-pressed')).to.equal('true');
      expect(header('lock').title).to.equal('Unlock all');
      expect(q(el, '[data-id="2"] [data-toggle="lock"]').getAttribute('aria-pressed')).to.equal(
        'true',
      );
      // All listed are locked: the same button unlocks them (an object locked elsewhere stays).
      c.setLocked(ids(1), true);
      header('lock').click();
      expect([...c.locked]).to.deep.equal(ids(1));

      header('hide').click();
      expect([...c.hidden].sort()).to.deep.equal(ids(2, 4));
      // One of them shown again: not all hidden, so the button hides all again.
      c.setHidden(ids(4), false);
      await settled(el);
      expect(header('hide').getAttribute('aria-pressed')).to.equal('false');
      header('hide').click();
      expect([...c.hidden].sort()).to.deep.equal(ids(2, 4));
      await settled(el);
      header('hide').click();
      expect(c.hidden.size).to.equal(0);

      // Expand all: only the skeleton (2) has details here (a person has no attributes).
      header('expand').click();
      await settled(el);
      expect([...el.expanded]).to.deep.equal(ids(2));
      expect(el.shadowRoot!.querySelectorAll('[data-parent="2"]').length).to.equal(2);
      expect(header('expand').getAttribute('aria-pressed')).to.equal('true');
      expect(header('expand').title).to.equal('Collapse all');
      header('expand').click();
      await settled(el);
      expect(el.expanded.size).to.equal(0);
      // View state only: no undo step.
      expect(depth(c)).to.equal(0);
      c.setLang('de');
      await settled(el);
      expect(header('hide').getAttribute('aria-label')).to.equal('Alle ausblenden');
    } finally {
      el.remove();
    }
  });

  it('menu edits (copy, propagate, front/back, remove) are one undo step each', async () => {
    const c = new EditorController({ document: trackDoc() });
    c.setFrame(2);
    const el = await mount(c);
    try {
      const count = () => c.document!.objects().length;
      // Copy of the track: a shape of its position on frame 2, moved by 10 px, selected.
      await openMenu(el, 1);
      menuItem(el, 'copy').click();
      expect(depth(c)).to.equal(1);
      expect(count()).to.equal(5);
      const copy = c.document!.object(c.selection[0]!)!;
      expect(copy.kind).to.equal('shape');
      expect(copy.kind === 'shape' && copy.frame).to.equal(2);
      // The track is at x = 20 on frame 2 (between 0 and 40): the copy at 30.
      expect(
        copy.kind === 'shape' && copy.geometry.type === 'rectangle' && copy.geometry.points,
      ).to.deep.equal([30, 10, 50, 30]);
      c.undo();
      expect(count()).to.equal(4);

      // Propagate the person box (4) to the next 3 frames: one step, three new shapes.
      await settled(el);
      await openMenu(el, 4);
      const frames = menuItem(el, 'propagate-frames') as HTMLInputElement;
      frames.value = '3';
      frames.dispatchEvent(new Event('input'));
      await settled(el);
      menuItem(el, 'propagate').click();
      expect(depth(c)).to.equal(1);
      const copies = c
        .document!.objects()
        .filter((o) => o.kind === 'shape' && o.label === PERSON && o.id !== objectId(4));
      expect(copies.map((o) => (o.kind === 'shape' ? o.frame : -1)).sort()).to.deep.equal([
        3, 4, 5,
      ]);
      c.undo();

      // Bring to front / send to back: zOrder above / below every other object of the frame.
      await settled(el);
      await openMenu(el, 4);
      menuItem(el, 'to-front').click();
      const z = (id: number) => {
        const o = c.document!.object(objectId(id))!;
        return o.kind === 'shape' ? o.zOrder : NaN;
      };
      expect(z(4)).to.equal(1);
      expect(depth(c)).to.equal(1);
      await settled(el);
      await openMenu(el, 4);
      menuItem(el, 'to-back').click();
      expect(z(4)).to.equal(-1);
      expect(depth(c)).to.equal(2);

      // Remove: one step; the menu closes and focus goes back to the list.
      await settled(el);
      await openMenu(el, 2);
      menuItem(el, 'remove').click();
      expect(c.document!.object(objectId(2))).to.equal(undefined);
      expect(depth(c)).to.equal(3);
      await settled(el);
      expect(menu(el)).to.equal(null);
      c.undo();
      expect(c.document!.object(objectId(2))).to.not.equal(undefined);

      // Locked objects: no z-order or remove (copy and propagate do not change them).
      c.setLocked(ids(4), true);
      await settled(el);
      await openMenu(el, 4);
      expect(menuItem(el, 'remove').getAttribute('aria-disabled')).to.equal('true');
      expect(menuItem(el, 'to-front').getAttribute('aria-disabled')).to.equal('true');
      expect(menuItem(el, 'copy').getAttribute('aria-disabled')).to.equal('false');
      menuItem(el, 'remove').click();
      expect(c.document!.object(objectId(4))).to.not.equal(undefined);
    } finally {
      el.remove();
    }
  });

  it('the menu is keyboard accessible and keeps its keys from the editor', async () => {
    const c = new EditorController({ document: trackDoc() });
    c.setFrame(2);
    const el = await mount(c);
    const outside: string[] = [];
    const listen = (e: KeyboardEvent) => outside.push(e.key);
    el.addEventListener('keydown', listen);
    try {
      const more = q(el, '[data-id="1"] [data-action="more"]');
      more.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settled(el);
      const m = menu(el)!;
      expect(m.getAttribute('role')).to.equal('menu');
      const items = [...m.querySelectorAll<HTMLElement>('[data-menu-focus]')];
      const at = () => items.indexOf(deepActiveElement() as HTMLElement);
      expect(at()).to.equal(0);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(1);
      await sendKeys({ press: 'End' });
      expect(deepActiveElement()).to.equal(menuItem(el, 'remove'));
      await sendKeys({ press: 'ArrowDown' }); // wraps
      expect(at()).to.equal(0);
      await sendKeys({ press: 'ArrowUp' }); // wraps back
      expect(at()).to.equal(items.length - 1);
      await sendKeys({ press: 'Home' });
      expect(at()).to.equal(0);
      // The menu owns only menu items (fields sit in a menuitem wrapper).
      for (const child of m.children) {
        expect(['menuitem', 'separator']).to.include(child.getAttribute('role'));
      }
      // Escape closes and returns focus to the button.
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(menu(el)).to.equal(null);
      expect(deepActiveElement()).to.equal(more);
      expect(outside).to.deep.equal([]);

      // ArrowUp on the button opens on the last item; Enter runs the focused item.
      await sendKeys({ press: 'ArrowUp' });
      await settled(el);
      expect(deepActiveElement()).to.equal(menuItem(el, 'remove'));
      await sendKeys({ press: 'ArrowUp' }); // "Reset colour" (disabled: no colour yet)
      await sendKeys({ press: 'ArrowUp' }); // the colour field
      await sendKeys({ press: 'ArrowUp' }); // send to back
      expect(deepActiveElement()).to.equal(menuItem(el, 'to-back'));
      await sendKeys({ press: 'Enter' });
      const o = c.document!.object(objectId(1))!;
      expect(o.kind === 'track' && o.keyframes.find((k) => k.frame === 2)?.zOrder).to.equal(-1);
      await settled(el);
      expect(menu(el)).to.equal(null);
      expect(deepActiveElement()).to.equal(more);

      // Typing a frame count and Enter in the field propagates (to frames 3 and 4).
      more.click();
      await settled(el);
      (menuItem(el, 'propagate-frames') as HTMLInputElement).focus();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '2' });
      await sendKeys({ press: 'Enter' });
      expect(c.document!.objects().length).to.equal(6);
      expect(el.propagateFrames).to.equal(2);
      expect(outside).to.deep.equal([]);

      // A click elsewhere (focus leaves the menu) closes it.
      more.click();
      await settled(el);
      expect(menu(el)).to.not.equal(null);
      q<HTMLElement>(el, '.viewport').focus();
      await settled(el);
      expect(menu(el)).to.equal(null);
    } finally {
      el.removeEventListener('keydown', listen);
      el.remove();
    }
  });

  it('colour: the row swatch and the canvas draw the object in the chosen colour', async () => {
    const c = new EditorController({ document: testDoc([box(1, 0, 100, 100, 200, 200)], 1) });
    const el = await mount(c);
    const canvasEl = document.createElement('annot-canvas-2d') as AnnotCanvas2D;
    canvasEl.style.cssText = 'display:block;width:640px;height:480px';
    canvasEl.controller = c;
    document.body.appendChild(canvasEl);
    try {
      await settled(canvasEl);
      const canvas = canvasEl.canvas!;
      canvas.setView({ scale: 1, offsetX: 0, offsetY: 0 });
      const pixel = (x: number, y: number): number[] => {
        canvas.flush(true);
        const layer = canvas.stage.getLayers()[1]!.getCanvas();
        const r = layer.getPixelRatio();
        return [...layer.getContext().getImageData(x * r, y * r, 1, 1).data];
      };
      // The left edge of the box (x = 100) in the car label's red.
      let [r, g, b] = pixel(100, 200);
      expect(r).to.be.greaterThan(200);
      expect(b).to.be.lessThan(100);

      await openMenu(el, 1);
      const input = menuItem(el, 'color') as HTMLInputElement;
      expect(input.value).to.equal('#ff3b30'); // starts from the label colour
      input.value = '#0000ff';
      input.dispatchEvent(new Event('change'));
      expect(c.colors.get(objectId(1))).to.equal('#0000ff');
      expect(depth(c)).to.equal(0); // view state
      await settled(el);
      expect(menu(el)).to.equal(null);
      expect(q<HTMLElement>(el, '[data-id="1"] .swatch').style.background).to.equal(
        'rgb(0, 0, 255)',
      );
      expect(canvas.display.colors.get(objectId(1))).to.equal('#0000ff');
      [r, g, b] = pixel(100, 200);
      expect(b).to.be.greaterThan(200);
      expect(r).to.be.lessThan(60);
      expect(g).to.be.lessThan(60);

      // Reset colour: back to the label's.
      await openMenu(el, 1);
      expect(menuItem(el, 'reset-color').getAttribute('aria-disabled')).to.equal('false');
      menuItem(el, 'reset-color').click();
      expect(c.colors.size).to.equal(0);
      expect(pixel(100, 200)[0]).to.be.greaterThan(200);
      expect(() => c.setColor(ids(1), 'red')).to.throw(/#rrggbb/);
    } finally {
      canvasEl.remove();
      el.remove();
    }
  });
});
