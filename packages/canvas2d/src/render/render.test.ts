/**
 * Renderer tests on Konva's recorded canvas call trace (as Konva's own tests do), not pixels.
 */
import { expect } from 'chai';
import Konva from 'konva';
import { objectId } from '@annotkit/core';
import type { AnnotationObject, ShapeObject } from '@annotkit/core';
import { createCanvas2D } from '../canvas/createCanvas2D.js';
import type { Canvas2D, Canvas2DOptions } from '../canvas/types.js';
import { CAR, PERSON, polygon, rect, shape, testDoc } from '../testing/testDoc.js';

const containers: HTMLElement[] = [];
const canvases: Canvas2D[] = [];

function make(objects: readonly AnnotationObject[], options: Canvas2DOptions = {}): Canvas2D {
  const container = document.createElement('div');
  document.body.appendChild(container);
  containers.push(container);
  const c = createCanvas2D(container, {
    width: 500,
    height: 400,
    document: testDoc(objects),
    ...options,
  });
  canvases.push(c);
  return c;
}

/** Draws now and returns the static layer's trace of that draw. */
function staticTrace(c: Canvas2D, settle = true): string {
  const ctx = c.stage.getLayers()[1].getContext();
  ctx.clearTrace();
  c.flush(settle);
  return ctx.getTrace();
}

/** The RGBA of one stage pixel of the static layer (in CSS px). */
function pixel(c: Canvas2D, x: number, y: number): number[] {
  const canvas = c.stage.getLayers()[1].getCanvas();
  const r = canvas.getPixelRatio();
  return [...canvas.getContext().getImageData(x * r, y * r, 1, 1).data];
}

const count = (trace: string, call: string): number => trace.split(`${call}`).length - 1;

const circle = (cx: number, cy: number, r: number, n = 16): number[] =>
  Array.from({ length: n }, (_, i) => [
    cx + r * Math.cos((2 * Math.PI * i) / n),
    cy + r * Math.sin((2 * Math.PI * i) / n),
  ]).flat();

describe('static renderer (canvas trace)', () => {
  let traceWas: boolean;
  before(() => {
    traceWas = Konva.enableTrace;
    Konva.enableTrace = true;
  });
  after(() => {
    Konva.enableTrace = traceWas;
  });
  afterEach(() => {
    for (const c of canvases.splice(0)) c.destroy();
    for (const el of containers.splice(0)) el.remove();
  });

  it('draws every style as one path when it is small: one beginPath, fill and stroke per colour', () => {
    const c = make([
      shape(1, CAR, rect(10, 10, 50, 50)),
      shape(2, CAR, rect(60, 10, 90, 50)),
      shape(3, CAR, rect(100, 10, 150, 50)),
      shape(4, PERSON, polygon(200, 200, 250, 200, 225, 250)),
      shape(5, PERSON, polygon(300, 200, 350, 200, 325, 250)),
    ]);
    const trace = staticTrace(c);
    expect(count(trace, 'beginPath()')).to.equal(2);
    expect(count(trace, 'fill()')).to.equal(2);
    expect(count(trace, 'stroke()')).to.equal(2);
    expect(count(trace, 'moveTo(')).to.equal(5);
    expect(trace).to.include(
      'beginPath();moveTo(10,10);lineTo(50,10);lineTo(50,50);lineTo(10,50);closePath();moveTo(60,10)',
    );
    expect(trace).to.include('strokeStyle=#ff0000');
    expect(trace).to.include('strokeStyle=#00ff00');
    expect(trace).to.include('fillStyle=rgba(255,0,0,0.1)');
    expect(c.stats).to.deep.include({ mode: 'full', batches: 2, objects: 5 });
  });

  it('splits a large style batch into paths of at most 8 objects (one fill and stroke each)', () => {
    // Ten boxes of one style (Konva's trace keeps its last 100 calls: a small scene).
    const objects = Array.from({ length: 10 }, (_, i) =>
      shape(i + 1, CAR, rect(10 + 40 * i, 10, 40 + 40 * i, 50)),
    );
    const c = make(objects);
    const trace = staticTrace(c);
    expect(count(trace, 'beginPath()')).to.equal(2); // 8 + 2
    expect(count(trace, 'fill()')).to.equal(2);
    expect(count(trace, 'stroke()')).to.equal(2);
    expect(count(trace, 'moveTo(')).to.equal(10);
    expect(c.stats).to.deep.include({ batches: 1, objects: 10 });
  });

  it('draws occluded objects dashed, in their own batch', () => {
    const c = make([
      shape(1, CAR, rect(10, 10, 50, 50)),
      shape(2, CAR, rect(60, 10, 90, 50), { occluded: true }),
    ]);
    const trace = staticTrace(c);
    expect(count(trace, 'beginPath()')).to.equal(2);
    expect(trace).to.include('setLineDash(6,4);beginPath();moveTo(60,10)');
  });

  it('culls objects outside the viewport through the index', () => {
    const c = make([shape(1, CAR, rect(10, 10, 50, 50)), shape(2, CAR, rect(900, 10, 950, 50))]);
    let trace = staticTrace(c);
    expect(count(trace, 'moveTo(')).to.equal(1);
    c.panBy(-600, 0);
    trace = staticTrace(c);
    expect(count(trace, 'moveTo(')).to.equal(1);
    expect(trace).to.include('moveTo(300,10)');
  });

  it('simplifies outlines when zoomed far out', () => {
    const c = make([shape(1, CAR, polygon(...circle(200, 200, 100)))]);
    expect(count(staticTrace(c), 'lineTo(')).to.equal(15);
    c.zoomTo(1 / 40, { x: 0, y: 0 });
    const far = staticTrace(c);
    // Radius 2.5 screen px: vertices closer than 1 px to the last one are skipped.
    expect(count(far, 'lineTo(')).to.be.within(1, 8);
    c.zoomTo(1 / 64, { x: 0, y: 0 });
    // Radius < 1.6 px: a single pixel keeps it visible.
    const tiny = staticTrace(c);
    expect(count(tiny, 'lineTo(') + count(tiny, 'rect(')).to.be.greaterThan(0);
  });

  it('pans and zooms by transforming the cached bitmap, then redraws after settling', () => {
    const c = make([
      shape(1, CAR, rect(10, 10, 50, 50)),
      shape(2, PERSON, rect(100, 100, 120, 130)),
    ]);
    staticTrace(c);
    c.panBy(30, 5);
    let trace = staticTrace(c, false);
    expect(c.stats.mode).to.equal('bitmap');
    expect(count(trace, 'beginPath()')).to.equal(0);
    expect(count(trace, 'drawImage(')).to.equal(1);
    expect(trace).to.include('drawImage([object HTMLCanvasElement],0,0,500,400,30,5,500,400)');
    c.zoomTo(2, { x: 0, y: 0 });
    trace = staticTrace(c, false);
    // The anchor (0, 0) stays fixed: offset (30, 5) becomes (60, 10).
    expect(trace).to.include('drawImage([object HTMLCanvasElement],0,0,500,400,60,10,1000,800)');
    trace = staticTrace(c);
    expect(c.stats.mode).to.equal('full');
    expect(trace).to.include('moveTo(80,30)');
  });

  it('keeps selected objects off the static layer and draws them as Konva nodes', () => {
    const c = make([shape(1, CAR, rect(10, 10, 50, 50)), shape(2, CAR, rect(100, 100, 120, 130))]);
    c.select([objectId(2)]);
    const trace = staticTrace(c);
    expect(count(trace, 'moveTo(')).to.equal(1);
    expect(c.stage.find('.selected')).to.have.length(1);
    expect(c.stage.getLayers()[2].getChildren().length).to.be.greaterThan(1); // node + handles
  });

  it('does not draw hidden objects', () => {
    const c = make([shape(1, CAR, rect(10, 10, 50, 50)), shape(2, CAR, rect(100, 100, 120, 130))]);
    c.setHidden([objectId(1)], true);
    const trace = staticTrace(c);
    expect(count(trace, 'moveTo(')).to.equal(1);
    expect(trace).to.include('moveTo(100,100)');
  });

  it('colours by instance (bounded palette) and by group', () => {
    const objects = [1, 2, 3].map((i) =>
      shape(i, CAR, rect(10 * i, 10, 10 * i + 5, 15), { group: 0 }),
    );
    const c = make(objects, { display: { colorBy: 'instance' } });
    expect(count(staticTrace(c), 'beginPath()')).to.equal(3);
    c.configure({ colorBy: 'group' });
    expect(count(staticTrace(c), 'beginPath()')).to.equal(1);
  });

  it('draws outlined borders and text labels when configured', () => {
    const c = make([shape(7, CAR, rect(10, 20, 50, 50))], {
      display: { outlinedBorders: '#000000', showText: true, fillOpacity: 0 },
    });
    const trace = staticTrace(c);
    expect(count(trace, 'fill()')).to.equal(0);
    expect(trace).to.include(
      'strokeStyle=#000000;lineWidth=4;stroke();strokeStyle=#ff0000;lineWidth=2;stroke()',
    );
    expect(trace).to.include('fillText(car #7,10,18)');
  });

  it('redraws incrementally after a document change', () => {
    const c = make([shape(1, CAR, rect(10, 10, 50, 50))]);
    staticTrace(c);
    const doc = c.document!;
    doc.transact((tx) => {
      const o = tx.object(objectId(1)) as ShapeObject;
      tx.put({ ...o, geometry: rect(20, 30, 40, 60) });
    });
    expect(staticTrace(c)).to.include('moveTo(20,30)');
  });

  it('emits each shape type through its own path emitter', () => {
    const c = make([
      shape(1, CAR, { type: 'ellipse', cx: 100, cy: 100, rx: 30, ry: 20, rotation: 0 }),
      shape(2, PERSON, { type: 'points', points: [10, 10, 20, 20] }),
      shape(3, PERSON, { type: 'polyline', points: [0, 300, 50, 300, 50, 350] }),
      shape(4, CAR, {
        type: 'cuboid',
        points: [200, 200, 200, 250, 250, 200, 250, 250, 220, 180, 220, 230, 270, 180, 270, 230],
      }),
      shape(5, CAR, { type: 'mask', rle: [0, 4], left: 400, top: 10, right: 401, bottom: 11 }),
    ]);
    const trace = staticTrace(c);
    expect(trace).to.include('moveTo(130,100);ellipse(100,100,30,20,0,0,6.283');
    // Points: circles of diameter pointSize (6) px, each its own sub-path.
    expect(trace).to.include('moveTo(13,10);ellipse(10,10,3,3,0,0,6.283');
    expect(trace).to.include('moveTo(23,20);ellipse(20,20,3,3,0,0,6.283');
    // Polyline: open (no closePath), in a batch without fill.
    expect(trace).to.include('moveTo(0,300);lineTo(50,300);lineTo(50,350);');
    // Cuboid: two closed faces and four connecting edges.
    expect(trace).to.include(
      'moveTo(200,200);lineTo(250,200);lineTo(250,250);lineTo(200,250);closePath()',
    );
    expect(trace).to.include('moveTo(200,200);lineTo(220,180);');
    // Mask: its pixels as one bitmap over the box, right/bottom inclusive (render/masks.ts).
    expect(trace).to.match(/drawImage\(\[object \w+\],400,10,2,2\)/);
    // Filled batches: car (ellipse, cuboid, mask); person points and polyline are not filled.
    expect(count(trace, 'fill()')).to.equal(1);
  });

  it('draws the frame image with the view transform', () => {
    const c = make([]);
    const img = document.createElement('canvas');
    img.width = 100;
    img.height = 50;
    c.setImage(img);
    c.setView({ scale: 2, offsetX: 10, offsetY: 20 });
    const ctx = c.stage.getLayers()[0].getContext();
    ctx.clearTrace();
    c.flush();
    expect(ctx.getTrace()).to.include('drawImage([object HTMLCanvasElement],10,20,200,100)');
    c.fit();
    expect(c.view).to.deep.equal({ scale: 5, offsetX: 0, offsetY: 75 });
  });

  it('renders big views progressively into a bitmap swapped in when complete', () => {
    const objects = Array.from({ length: 30 }, (_, i) =>
      shape(i + 1, CAR, rect(i * 10, 10, i * 10 + 5, 15)),
    );
    const c = make(objects, { syncLimit: 10, chunk: 4 });
    c.panBy(1, 0);
    c.flush(false);
    // Settling starts a progressive redraw; the old bitmap keeps showing meanwhile; flush
    // completes it and the new bitmap is drawn without any shape being stroked on the layer.
    const trace = staticTrace(c, true);
    expect(c.stats).to.deep.include({ mode: 'bitmap', progressive: false, objects: 30 });
    expect(count(trace, 'beginPath()')).to.equal(0);
    expect(trace).to.include('drawImage([object HTMLCanvasElement],0,0,500,400,0,0,500,400)');
  });

  it('draws an object in its own colour as its own batch, and back in the label colour', () => {
    const c = make([shape(1, CAR, rect(10, 10, 50, 50)), shape(2, CAR, rect(60, 10, 100, 50))], {
      display: { colors: new Map([[objectId(2), '#0000ff']]) },
    });
    let trace = staticTrace(c);
    expect(trace).to.include('strokeStyle=#ff0000');
    expect(trace).to.include('strokeStyle=#0000ff');
    expect(trace).to.include('fillStyle=rgba(0,0,255,0.1)');
    // Object 2 is in the blue batch, object 1 in the red one.
    expect(trace).to.match(/moveTo\(60,10\)[^]*?strokeStyle=#0000ff/);
    expect(c.stats).to.deep.include({ batches: 2, objects: 2 });
    // The outline pixel (2 px stroke on x = 60) really is blue.
    const [r, g, b, a] = pixel(c, 60, 30);
    expect(b).to.be.greaterThan(200);
    expect(r).to.be.lessThan(60);
    expect(g).to.be.lessThan(60);
    expect(a).to.be.greaterThan(200);

    c.configure({ colors: new Map() });
    trace = staticTrace(c);
    expect(trace).to.not.include('#0000ff');
    expect(c.stats).to.deep.include({ batches: 1 });
    expect(pixel(c, 60, 30)[0]).to.be.greaterThan(200);
  });

  it('uses the colour for the selected object on the interactive layer too', () => {
    const c = make([shape(1, PERSON, rect(10, 10, 50, 50))], {
      display: { colors: new Map([[objectId(1), '#abcdef']]) },
    });
    c.select([objectId(1)]);
    c.flush(true);
    const node = c.stage.findOne('.selected') as Konva.Shape | undefined;
    expect(node?.stroke()).to.equal('#abcdef');
  });
});

describe('static renderer scheduling (real timers and animation frames)', () => {
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

  it('redraws at full quality by itself once the gesture settles', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const c = createCanvas2D(container, {
      width: 300,
      height: 200,
      settleDelay: 0,
      document: testDoc([shape(1, CAR, rect(10, 10, 50, 50))]),
    });
    try {
      c.flush();
      c.panBy(5, 5);
      expect(c.stats.mode).to.equal('bitmap');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(c.stats.mode).to.equal('full');
    } finally {
      c.destroy();
      container.remove();
    }
  });

  it('completes a progressive redraw over animation frames without blocking', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const objects = Array.from({ length: 400 }, (_, i) =>
      shape(
        i + 1,
        CAR,
        rect((i % 20) * 14, Math.floor(i / 20) * 9, (i % 20) * 14 + 10, Math.floor(i / 20) * 9 + 6),
      ),
    );
    const c = createCanvas2D(container, {
      width: 300,
      height: 200,
      settleDelay: 0,
      syncLimit: 50,
      chunk: 20,
      sliceMs: 0,
      document: testDoc(objects),
    });
    try {
      c.flush(false);
      expect(c.stats.progressive).to.equal(true);
      let frames = 0;
      while (c.stats.progressive && frames < 500) {
        await nextFrame();
        frames++;
      }
      // 400 objects in chunks of 20 with a zero time budget: one chunk per frame.
      expect(frames).to.be.greaterThan(1);
      expect(c.stats).to.deep.include({ progressive: false, mode: 'bitmap', objects: 400 });
    } finally {
      c.destroy();
      container.remove();
    }
  });
});

describe('canvas lifecycle', () => {
  it('destroy frees the stage, its nodes and its DOM, and stops events', () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const c = createCanvas2D(container, {
      width: 200,
      height: 100,
      document: testDoc([shape(1, CAR, rect(10, 10, 50, 50))]),
    });
    c.flush();
    const stagesBefore = Konva.stages.length;
    let hovers = 0;
    c.on('hover', () => hovers++);
    c.destroy();
    expect(container.children).to.have.length(0);
    expect(Konva.stages.length).to.equal(stagesBefore - 1);
    expect(c.stage.getLayers()).to.have.length(0);
    container.dispatchEvent(new PointerEvent('pointermove', { clientX: 20, clientY: 20 }));
    c.dispatchInput({ type: 'pointermove', x: 20, y: 20 });
    expect(hovers).to.equal(0);
    container.remove();
  });

  it('two canvases on one page share no state', () => {
    const doc = testDoc([shape(1, CAR, rect(10, 10, 50, 50))]);
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const ca = createCanvas2D(a, { width: 200, height: 100, document: doc });
    const cb = createCanvas2D(b, { width: 200, height: 100, document: doc });
    ca.select([objectId(1)]);
    ca.setHidden([objectId(1)], false);
    cb.setLocked([objectId(1)], true);
    ca.zoomTo(3);
    expect(cb.selection).to.deep.equal([]);
    expect(ca.isLocked(objectId(1))).to.equal(false);
    expect(cb.view.scale).to.equal(1);
    expect(ca.hitTest(30, 30)).to.equal(undefined); // zoomed: (30,30) is elsewhere
    expect(cb.hitTest(30, 30)).to.equal(undefined); // locked
    const layers = cb.stage.getLayers().length;
    ca.destroy();
    expect(cb.stage.getLayers()).to.have.length(layers);
    cb.destroy();
    a.remove();
    b.remove();
  });

  it('fit and focus frame the image and an object', () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const c = createCanvas2D(container, {
      width: 500,
      height: 400,
      document: testDoc([shape(1, CAR, rect(100, 100, 200, 150))]),
    });
    c.fit();
    expect(c.view).to.deep.equal({ scale: 0.5, offsetX: 0, offsetY: 0 });
    expect(c.focus(objectId(1), 50)).to.equal(true);
    expect(c.view.scale).to.equal(4);
    expect(c.focus(objectId(99))).to.equal(false);
    c.destroy();
    container.remove();
  });
});
