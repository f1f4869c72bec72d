import { expect } from 'chai';
import './frame-navigator.js';
import { EditorController } from '../../controller/EditorController.js';
import { CAR, PERSON, box, pngBlob, settled, testDoc } from '../../testing/testData.js';
import type { AnnotationObject } from '@annotkit/core';
import type { AnnotFrameNavigator } from './frame-navigator.component.js';
import { createThumbnailCache } from './thumbnails.js';

const btn = (el: AnnotFrameNavigator, a: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${a}"]`)!;

/** Waits (bounded number of turns, no timing asserted) until `check` holds. */
async function until(check: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), 'condition reached').to.equal(true);
}

/** Colour of frame `i` of the thumbnail media (distinct per frame). */
const colorOf = (i: number): [number, number, number] => [
  (i * 37) % 256,
  255 - ((i * 23) % 256),
  90,
];

describe('<annot-frame-navigator>', () => {
  it('steps, jumps and disables buttons at the ends', async () => {
    const c = new EditorController({ document: testDoc(undefined, 30) });
    const el = document.createElement('annot-frame-navigator');
    el.controller = c;
    el.step = 5;
    document.body.appendChild(el);
    try {
      await settled(el);
      expect(btn(el, 'prev').disabled).to.equal(true);
      expect(btn(el, 'first').disabled).to.equal(true);
      btn(el, 'next').click();
      expect(c.frame).to.equal(1);
      btn(el, 'forward').click();
      expect(c.frame).to.equal(6);
      await settled(el);
      btn(el, 'back').click();
      await settled(el);
      btn(el, 'back').click();
      expect(c.frame).to.equal(0);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = '17';
      input.dispatchEvent(new Event('change'));
      expect(c.frame).to.equal(16);
      await settled(el);
      expect(el.shadowRoot!.textContent).to.include('Frame 17 of 30');
      expect(el.shadowRoot!.textContent).to.include('frame_016.png');
      // Out of range: not applied, the input shows the current frame again.
      input.value = '99';
      input.dispatchEvent(new Event('change'));
      expect(c.frame).to.equal(16);
      expect(input.value).to.equal('17');
      btn(el, 'last').click();
      await settled(el);
      expect(c.frame).to.equal(29);
      expect(btn(el, 'next').disabled).to.equal(true);
      expect(btn(el, 'forward').disabled).to.equal(true);
      // No strip unless asked for.
      expect(el.shadowRoot!.querySelector('.strip')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('searches the next/previous frame matching the filter and the next/previous empty frame', async () => {
    const occludedPerson = { ...box(5, 8, 0, 0, 10, 10, PERSON), occluded: true };
    const objects: AnnotationObject[] = [
      box(1, 0, 0, 0, 10, 10, CAR),
      box(2, 1, 0, 0, 10, 10, PERSON),
      box(3, 4, 0, 0, 10, 10, CAR),
      box(4, 6, 0, 0, 10, 10, PERSON),
      occludedPerson as AnnotationObject,
    ];
    // Frames 2, 3, 5, 7, 9 are empty.
    const c = new EditorController({ document: testDoc(objects, 10) });
    const el = document.createElement('annot-frame-navigator');
    el.controller = c;
    document.body.appendChild(el);
    // Buttons are disabled at the ends: let the bar render the current frame before a click.
    const click = async (action: string): Promise<void> => {
      await settled(el);
      btn(el, action).click();
    };
    try {
      await settled(el);
      // No filter: the next frame with any object.
      await click('search-next');
      expect(c.frame).to.equal(1);
      await click('search-next');
      expect(c.frame).to.equal(4);
      // A filter core can search (label is car).
      c.setFilter({
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'rule', field: 'label', op: 'is', value: CAR }],
      });
      await click('search-prev');
      expect(c.frame).to.equal(0);
      await click('search-next');
      expect(c.frame).to.equal(4);
      // Nothing after frame 4: the frame stays and the status says so.
      await click('search-next');
      expect(c.frame).to.equal(4);
      await settled(el);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include(
        'No such frame',
      );
      // A filter core cannot express (an OR with occluded): resolved frame by frame.
      c.setFilter({
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'rule', field: 'occluded', value: true },
          { kind: 'rule', field: 'id', op: '==', value: 2 },
        ],
      });
      await click('search-next');
      expect(c.frame).to.equal(8);
      await click('search-prev');
      expect(c.frame).to.equal(1);
      // Empty frames ignore the filter.
      await click('empty-next');
      expect(c.frame).to.equal(2);
      await click('empty-next');
      expect(c.frame).to.equal(3);
      await click('empty-next');
      expect(c.frame).to.equal(5);
      await click('empty-prev');
      expect(c.frame).to.equal(3);
      // The shortcuts do the same (Right/Left: filter search; Alt+Right: empty frame).
      expect(c.handleKey({ key: 'ArrowRight' })).to.equal('search-forward');
      expect(c.frame).to.equal(8);
      expect(c.handleKey({ key: 'ArrowRight', altKey: true })).to.equal('next-empty-frame');
      expect(c.frame).to.equal(9);
      expect(c.handleKey({ key: 'ArrowLeft' })).to.equal('search-back');
      expect(c.frame).to.equal(8);
      expect(c.handleKey({ key: 'ArrowLeft', altKey: true })).to.equal('prev-empty-frame');
      expect(c.frame).to.equal(7);
    } finally {
      el.remove();
    }
  });

  it('shows a virtualised thumbnail strip of the right frames, bounded in number', async () => {
    const frames = 40;
    const media = await Promise.all(
      Array.from({ length: frames }, (_, i) => {
        const [r, g, b] = colorOf(i);
        return pngBlob(160, 120, `rgb(${r},${g},${b})`);
      }),
    );
    const c = new EditorController({ document: testDoc([], frames) });
    const el = document.createElement('annot-frame-navigator');
    el.style.cssText = 'display:flex;width:420px';
    el.controller = c;
    el.thumbnails = true;
    el.thumbnailWidth = 60;
    el.thumbnailCache = 12;
    el.media = media;
    document.body.appendChild(el);
    const thumbs = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.thumb')];
    const canvasOf = (f: number) =>
      el.shadowRoot!.querySelector<HTMLCanvasElement>(`canvas[data-frame="${f}"]`);
    try {
      await settled(el);
      await settled(el);
      const strip = el.shadowRoot!.querySelector<HTMLElement>('.strip')!;
      const perView = Math.ceil(strip.clientWidth / 64) + 1;
      expect(thumbs().length).to.be.greaterThan(2);
      expect(thumbs().length).to.be.at.most(perView + 2 * el.overscan);
      expect(thumbs()[0]!.getAttribute('aria-current')).to.equal('true');
      expect(thumbs()[1]!.getAttribute('aria-current')).to.equal('false');

      // Each drawn thumbnail shows its own frame, downscaled to the thumbnail width.
      for (const f of [0, 1, 2]) {
        await until(() => canvasOf(f)?.dataset['drawn'] === String(f));
        const canvas = canvasOf(f)!;
        expect(canvas.width).to.equal(60);
        expect(canvas.height).to.equal(45);
        const [r, g, b] = canvas.getContext('2d')!.getImageData(30, 22, 1, 1).data;
        const want = colorOf(f);
        expect(Math.abs(r! - want[0])).to.be.at.most(2);
        expect(Math.abs(g! - want[1])).to.be.at.most(2);
        expect(Math.abs(b! - want[2])).to.be.at.most(2);
      }

      // Click goes to a frame; the current one is marked.
      el.shadowRoot!.querySelector<HTMLButtonElement>('.thumb[data-frame="2"]')!.click();
      expect(c.frame).to.equal(2);
      await settled(el);
      const current = el.shadowRoot!.querySelector('.thumb[aria-current="true"]')!;
      expect(current.getAttribute('data-frame')).to.equal('2');
      expect(current.getAttribute('aria-label')).to.equal('Frame 3');

      // Going far scrolls the strip: only thumbnails around frame 35 exist and get drawn.
      c.setFrame(35);
      await settled(el);
      await settled(el);
      const shown = thumbs().map((t) => Number(t.dataset['frame']));
      expect(shown).to.include(35);
      expect(shown).to.not.include(0);
      expect(shown.length).to.be.at.most(perView + 2 * el.overscan);
      await until(() => canvasOf(35)?.dataset['drawn'] === '35');
      const px = canvasOf(35)!.getContext('2d')!.getImageData(10, 10, 1, 1).data;
      expect(Math.abs(px[0]! - colorOf(35)[0])).to.be.at.most(2);

      // Keyboard: arrows move along the strip and keep focus on the current thumbnail.
      const focused = el.shadowRoot!.querySelector<HTMLButtonElement>('.thumb[data-frame="35"]')!;
      focused.focus();
      focused.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
      );
      expect(c.frame).to.equal(34);
      await settled(el);
      expect(el.shadowRoot!.activeElement?.getAttribute('data-frame')).to.equal('34');

      // The cache never holds more than its capacity, and is dropped on removal.
      expect(el.thumbnailImages!.size).to.be.at.most(12);
    } finally {
      el.remove();
    }
    expect(el.thumbnailImages).to.equal(undefined);
  });

  it('thumbnail cache: LRU bounded, evicted bitmaps closed, bad media rejected', async () => {
    const media = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pngBlob(40, 40, `rgb(${i * 40},0,0)`)),
    );
    const cache = createThumbnailCache([...media, new Blob(['not an image'])], {
      width: 10,
      capacity: 3,
    });
    const first = await cache.get(0);
    expect(first.width).to.equal(10);
    for (const f of [1, 2, 3]) await cache.get(f);
    expect(cache.size).to.equal(3);
    // Frame 0 was evicted: its bitmap is closed (a closed ImageBitmap reports 0 × 0).
    expect(first.width).to.equal(0);
    const kept = await cache.get(3);
    cache.clear();
    expect(cache.size).to.equal(0);
    expect(kept.width).to.equal(0);
    let code = '';
    await cache.get(6).catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('parse');
    await cache.get(99).catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('frame-range');
  });
});
