/**
 * Mask rendering on Konva's recorded canvas trace, plus the content of the cached bitmaps.
 */
import { expect } from 'chai';
import Konva from 'konva';
import { objectId, polygonToMask } from '@annotkit/core';
import type { AnnotationObject } from '@annotkit/core';
import { createCanvas2D } from '../canvas/createCanvas2D.js';
import type { Canvas2D, Canvas2DOptions } from '../canvas/types.js';
import { CAR, PERSON, polygon, shape, testDoc } from '../testing/testDoc.js';
import { context2d, createMaskCache, maskBitmap } from './masks.js';

/** Pixels 10..29 × 10..29. */
const SQUARE = polygonToMask([10, 10, 30, 10, 30, 30, 10, 30]);
/** A 3 × 3 ring at (100, 100) with a one-pixel hole in the middle. */
const RING = {
  type: 'mask' as const,
  left: 100,
  top: 100,
  right: 102,
  bottom: 102,
  rle: [0, 4, 1, 4],
};

const made: { c: Canvas2D; el: HTMLElement }[] = [];
function make(objects: readonly AnnotationObject[], options: Canvas2DOptions = {}): Canvas2D {
  const el = document.createElement('div');
  document.body.appendChild(el);
  const c = createCanvas2D(el, { width: 500, height: 400, document: testDoc(objects), ...options });
  made.push({ c, el });
  return c;
}

function trace(c: Canvas2D, layer: number, settle = true): string {
  const ctx = c.stage.getLayers()[layer].getContext();
  ctx.clearTrace();
  c.flush(settle);
  return ctx.getTrace();
}

const count = (s: string, call: string): number => s.split(call).length - 1;

describe('mask rendering', () => {
  let traceWas: boolean;
  before(() => {
    traceWas = Konva.enableTrace;
    Konva.enableTrace = true;
  });
  after(() => {
    Konva.enableTrace = traceWas;
  });
  afterEach(() => {
    for (const { c, el } of made.splice(0)) {
      c.destroy();
      el.remove();
    }
  });

  it('draws a mask as ONE drawImage of its bitmap through the view, not as a path', () => {
    const c = make([
      shape(1, CAR, SQUARE),
      shape(2, PERSON, polygon(200, 200, 250, 200, 225, 250)),
    ]);
    c.setView({ scale: 2, offsetX: 5, offsetY: -3 });
    const t = trace(c, 1);
    expect(count(t, 'drawImage(')).to.equal(1);
    // Box (10, 10)–(30, 30) in image px → screen (25, 17), 40 × 40.
    expect(t).to.match(
      /drawImage\(\[object (Offscreen)?Canvas\]|drawImage\(\[object HTMLCanvasElement\]/,
    );
    expect(t).to.include(',25,17,40,40)');
    expect(t).to.include('globalAlpha=0.1');
    expect(t).to.include('imageSmoothingEnabled=false');
    // Only the polygon is a path: one moveTo, and no sub-path at the mask's box corner.
    expect(count(t, 'moveTo(')).to.equal(1);
    expect(t).to.not.include('moveTo(25,17)');
    expect(c.stats.objects).to.equal(2);
  });

  it('culls masks outside the viewport and frees bitmaps of removed masks and on destroy', () => {
    const c = make([shape(1, CAR, SQUARE), shape(2, CAR, RING)]);
    expect(count(trace(c, 1), 'drawImage(')).to.equal(2);
    expect(c.stats.cachedMasks).to.equal(2);
    c.setView({ scale: 1, offsetX: -60, offsetY: -60 }); // only the ring (100..103) in view
    expect(count(trace(c, 1), 'drawImage(')).to.equal(1);
    const doc = c.document;
    if (!doc) throw new Error('no document');
    doc.transact((tx) => tx.remove({ kind: 'shape', id: objectId(2) }));
    trace(c, 1);
    expect(c.stats.cachedMasks).to.equal(1);
  });

  it('draws a selected mask on the interactive layer as pixels plus its outline', () => {
    const c = make([shape(1, CAR, SQUARE)]);
    c.select([objectId(1)]);
    const t = trace(c, 2);
    expect(count(t, 'drawImage(')).to.equal(1);
    expect(t).to.include('globalAlpha=0.3');
    // The outline of the square from core's maskToPolygons, stroked.
    expect(t).to.include('moveTo(10,10);lineTo(30,10);lineTo(30,30);lineTo(10,30);closePath()');
    expect(t).to.include('stroke()');
    // …and the static layer leaves it out.
    expect(count(trace(c, 1), 'drawImage(')).to.equal(0);
  });

  it('rebuilds a bitmap when the geometry or the colour changes', () => {
    const cache = createMaskCache();
    const a = cache.bitmap(objectId(1), SQUARE, '#ff0000');
    expect(cache.bitmap(objectId(1), SQUARE, '#ff0000')).to.equal(a);
    const b = cache.bitmap(objectId(1), SQUARE, '#00ff00');
    expect(b).to.not.equal(a);
    const moved = { ...SQUARE, left: 11, right: 30 };
    const m = cache.bitmap(objectId(1), moved, '#00ff00');
    expect(m).to.not.equal(b);
    expect(b.width).to.equal(0); // freed
    cache.prune(() => false);
    expect(cache.size).to.equal(0);
    expect(m.width).to.equal(0);
  });

  it('bitmaps hold the set pixels in the colour, opaque, and the rest transparent', () => {
    const bmp = maskBitmap(RING, '#336699');
    expect([bmp.width, bmp.height]).to.deep.equal([3, 3]);
    const data = context2d(bmp).getImageData(0, 0, 3, 3).data;
    const px = (i: number) => [...data.slice(4 * i, 4 * i + 4)];
    expect(px(0)).to.deep.equal([0x33, 0x66, 0x99, 255]);
    expect(px(4)).to.deep.equal([0, 0, 0, 0]); // the hole
    expect(px(8)).to.deep.equal([0x33, 0x66, 0x99, 255]);
  });

  it('progressive redraws draw masks too', () => {
    const c = make([shape(1, CAR, SQUARE), shape(2, CAR, polygon(50, 50, 80, 50, 60, 80))], {
      syncLimit: 0,
    });
    c.flush(true);
    expect(c.stats).to.deep.include({ progressive: false, objects: 2 });
  });
});
