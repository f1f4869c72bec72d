/**
 * View features: rotation math (checked against the browser's own CSS transform), keyboard
 * pan/zoom, zoom to objects and 1:1, image filters, and the grid/crosshair overlay through
 * Konva's recorded canvas trace.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import Konva from 'konva';
import { AnnotkitError } from '@annotkit/core';
import { toScreen } from '../canvas/view.js';
import { createTestCanvas } from '../testing/testCanvas.js';
import type { TestCanvas } from '../testing/testCanvas.js';
import { CAR, PERSON, rect, shape, testDoc } from '../testing/testDoc.js';
import { createDrawPolyTool } from '../tools/draw-poly/drawPolyTool.js';
import { gridLines, OVERLAY_LAYER_NAME } from './overlayLayer.js';
import {
  containerDeltaToStage,
  containerToStage,
  rotateBy,
  rotationCss,
  stageSize,
  stageToContainer,
} from './rotation.js';
import type { Rotation } from './rotation.js';
import { imageFilterCss } from './imageFilters.js';

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];
const rotation = fc.constantFrom(...ROTATIONS);
const coord = fc.double({ min: -1e4, max: 1e4, noNaN: true });

describe('view rotation math', () => {
  it('containerToStage inverts stageToContainer (property)', () => {
    fc.assert(
      fc.property(rotation, coord, coord, coord, coord, (r, w, h, x, y) => {
        const q = containerToStage(r, w, h, stageToContainer(r, w, h, { x, y }));
        expect(q.x).to.be.closeTo(x, 1e-6 * (1 + Math.abs(x) + Math.abs(w) + Math.abs(h)));
        expect(q.y).to.be.closeTo(y, 1e-6 * (1 + Math.abs(y) + Math.abs(w) + Math.abs(h)));
      }),
    );
  });

  it('the CSS transform maps stage points exactly where stageToContainer says', () => {
    for (const r of ROTATIONS) {
      const css = rotationCss(r, 800, 600);
      const m = css ? new DOMMatrix(css) : new DOMMatrix();
      const s = stageSize(r, 800, 600);
      for (const p of [
        { x: 0, y: 0 },
        { x: s.width, y: 0 },
        { x: 13, y: 47 },
        { x: s.width, y: s.height },
      ]) {
        const got = m.transformPoint(new DOMPoint(p.x, p.y));
        const want = stageToContainer(r, 800, 600, p);
        expect(got.x, `${r}° x`).to.be.closeTo(want.x, 1e-9);
        expect(got.y, `${r}° y`).to.be.closeTo(want.y, 1e-9);
      }
    }
  });

  it('deltas are the linear part of the point mapping, and rotateBy wraps', () => {
    fc.assert(
      fc.property(rotation, coord, coord, (r, dx, dy) => {
        const a = containerToStage(r, 800, 600, { x: 100, y: 50 });
        const b = containerToStage(r, 800, 600, { x: 100 + dx, y: 50 + dy });
        const d = containerDeltaToStage(r, dx, dy);
        expect(b.x - a.x).to.be.closeTo(d.x, 1e-6 * (1 + Math.abs(dx) + Math.abs(dy)));
        expect(b.y - a.y).to.be.closeTo(d.y, 1e-6 * (1 + Math.abs(dx) + Math.abs(dy)));
      }),
    );
    expect(rotateBy(270, 1)).to.equal(0);
    expect(rotateBy(0, -1)).to.equal(270);
    expect(rotateBy(90, 6)).to.equal(270);
  });
});

describe('canvas view features', () => {
  let t: TestCanvas;
  let traceWas: boolean;
  before(() => {
    traceWas = Konva.enableTrace;
    Konva.enableTrace = true;
  });
  after(() => {
    Konva.enableTrace = traceWas;
  });
  afterEach(() => t.destroy());

  it('rotates the view: stage swaps size, content is laid out over the container, input maps back', () => {
    t = createTestCanvas({
      document: testDoc([shape(1, CAR, rect(100, 100, 200, 150))]),
      width: 800,
      height: 600,
    });
    const c = t.canvas;
    c.setRotation(90);
    expect(c.rotation).to.equal(90);
    expect(c.stage.width()).to.equal(600);
    expect(c.stage.height()).to.equal(800);
    // The browser lays the rotated 600×800 content exactly over the 800×600 container.
    const box = c.stage.content.getBoundingClientRect();
    const outer = c.container.getBoundingClientRect();
    expect(box.width).to.be.closeTo(800, 0.01);
    expect(box.height).to.be.closeTo(600, 0.01);
    expect(box.left).to.be.closeTo(outer.left, 0.01);
    expect(box.top).to.be.closeTo(outer.top, 0.01);
    // Where the rectangle's centre appears on screen now, the pointer hits it.
    const onStage = toScreen(c.view, { x: 150, y: 125 });
    const onScreen = stageToContainer(90, 800, 600, onStage);
    expect(c.hitTest(onScreen.x, onScreen.y)).to.equal(1);
    // A rectangle's geometry is untouched by rotation.
    t.expectObjects([{ geometry: rect(100, 100, 200, 150) }]);
    expect(() => c.setRotation(45 as Rotation))
      .to.throw(AnnotkitError)
      .with.property('code');
  });

  it('draws with rotation: the click lands on the image point under the pointer', () => {
    t = createTestCanvas({
      document: testDoc(),
      width: 800,
      height: 600,
      tool: createDrawPolyTool({ label: PERSON, type: 'polyline' }),
    });
    t.canvas.setRotation(180);
    // Stage = container at 180°, centre kept: container (790, 590) is stage (10, 10).
    const v = t.canvas.view;
    t.click(790, 590).click(700, 590).key('Enter');
    const [o] = t.doc.objects();
    expect(o.kind).to.equal('shape');
    const pts = o.kind === 'shape' && o.geometry.type === 'polyline' ? o.geometry.points : [];
    expect(pts[0]).to.be.closeTo((10 - v.offsetX) / v.scale, 1e-9);
    expect(pts[1]).to.be.closeTo((10 - v.offsetY) / v.scale, 1e-9);
    expect(pts[2]).to.be.closeTo((100 - v.offsetX) / v.scale, 1e-9);
  });

  it('arrow keys pan and +/- zoom about the centre, unless the tool uses the key', () => {
    t = createTestCanvas({ document: testDoc(), width: 800, height: 600 });
    const c = t.canvas;
    t.key('ArrowRight');
    expect(c.view).to.deep.equal({ scale: 1, offsetX: -80, offsetY: 0 });
    t.key('ArrowDown', { shiftKey: true });
    expect(c.view).to.deep.equal({ scale: 1, offsetX: -80, offsetY: -300 });
    t.key('+');
    expect(c.view.scale).to.equal(1.25);
    // The image point at the centre stays there.
    const centre = { x: (400 - -80) / 1, y: (300 - -300) / 1 };
    expect(toScreen(c.view, centre).x).to.be.closeTo(400, 1e-9);
    t.key('-');
    expect(c.view.scale).to.be.closeTo(1, 1e-12);
    // Ctrl+arrow belongs to the host.
    const before = c.view;
    t.key('ArrowLeft', { ctrlKey: true });
    expect(c.view).to.equal(before);
    // With rotation the arrow pans in screen direction: content moves left on screen.
    c.setRotation(90);
    const v0 = c.view;
    t.key('ArrowRight');
    const p = stageToContainer(90, 800, 600, toScreen(v0, { x: 0, y: 0 }));
    const q = stageToContainer(90, 800, 600, toScreen(c.view, { x: 0, y: 0 }));
    expect(q.x - p.x).to.be.closeTo(-80, 1e-9);
    expect(q.y - p.y).to.be.closeTo(0, 1e-9);
  });

  it('Backspace and Escape still reach a drawing tool (not view keys)', () => {
    t = createTestCanvas({
      document: testDoc(),
      tool: createDrawPolyTool({ label: CAR, type: 'polygon' }),
    });
    t.click(0, 0).click(10, 0).key('Escape').expectToolState('idle');
    expect(t.canvas.view).to.deep.equal({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  it('zooms to several objects with padding, and to 1:1 about the centre', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, rect(100, 100, 200, 150)),
        shape(2, PERSON, rect(300, 300, 400, 350)),
      ]),
      width: 800,
      height: 600,
    });
    const c = t.canvas;
    expect(c.focusObjects([1, 2] as never[], 100)).to.equal(true);
    // Union 100..400 × 100..350 into 600 × 400 available: scale min(2, 1.6) = 1.6.
    expect(c.view.scale).to.be.closeTo(1.6, 1e-12);
    expect(toScreen(c.view, { x: 250, y: 225 })).to.deep.equal({ x: 400, y: 300 });
    const tl = toScreen(c.view, { x: 100, y: 100 });
    expect(tl.y).to.be.closeTo(100, 1e-9);
    expect(c.focusObjects([], 10)).to.equal(false);
    c.zoomToActualSize();
    expect(c.view.scale).to.equal(1);
    expect(toScreen(c.view, { x: 250, y: 225 })).to.deep.equal({ x: 400, y: 300 });
  });

  it('applies brightness/contrast/saturation as CSS and gamma as an SVG filter on the image layer only', () => {
    t = createTestCanvas({ document: testDoc() });
    const c = t.canvas;
    const [imageLayer, staticLayer] = c.stage.getLayers();
    c.setImageAdjustments({ brightness: 1.2, contrast: 0.8, saturation: 0, gamma: 2 });
    const filter = imageLayer.getNativeCanvasElement().style.filter;
    expect(filter).to.match(
      /^brightness\(1\.2\) contrast\(0\.8\) saturate\(0\) url\("?#annotkit-gamma-/,
    );
    expect(staticLayer.getNativeCanvasElement().style.filter).to.equal('');
    const id = /#([\w-]+)/.exec(filter)?.[1] ?? '';
    const funcs = c.container.querySelectorAll(`#${id} feFuncR, #${id} feFuncG, #${id} feFuncB`);
    expect([...funcs].map((f) => f.getAttribute('exponent'))).to.deep.equal(['0.5', '0.5', '0.5']);
    c.setImageAdjustments({ brightness: 1, contrast: 1, saturation: 1, gamma: 1 });
    expect(imageLayer.getNativeCanvasElement().style.filter).to.equal('none');
    expect(() => c.setImageAdjustments({ gamma: 0 }))
      .to.throw(AnnotkitError)
      .with.property('path')
      .that.deep.equals(['imageAdjustments', 'gamma']);
    expect(c.imageAdjustments.gamma).to.equal(1);
    expect(imageFilterCss({ brightness: 1, contrast: 1, saturation: 1, gamma: 1 }, 'x')).to.equal(
      'none',
    );
    // The SVG element goes away with the canvas.
    t.destroy();
    expect(document.getElementById(id)).to.equal(null);
    t = createTestCanvas({ document: testDoc() });
  });

  it('draws the grid as one path of lines every `size` image px (trace), thinned when zoomed out', () => {
    t = createTestCanvas({ document: testDoc(), width: 500, height: 400 });
    const c = t.canvas;
    const layer = c.stage.findOne(`.${OVERLAY_LAYER_NAME}`) as Konva.Layer;
    expect(c.stage.getLayers().at(-1)).to.equal(layer);
    c.setGrid({ enabled: true, size: 100, color: '#123456', opacity: 0.25 });
    layer.getContext().clearTrace();
    c.flush();
    const trace = layer.getContext().getTrace();
    expect(trace.split('beginPath()').length - 1).to.equal(1);
    expect(trace.split('stroke()').length - 1).to.equal(1);
    expect(trace).to.include('strokeStyle=#123456');
    expect(trace).to.include('globalAlpha=0.25');
    // x = 0, 100, …, 500 and y = 0, 100, …, 400.
    expect(trace.split('moveTo(').length - 1).to.equal(6 + 5);
    expect(trace).to.include('moveTo(300,0);lineTo(300,400)');
    // 10 image px at scale 0.1 is 1 screen px: thinned to every 4th line (4 px apart).
    const lines = gridLines(10, 0.1, 0, 500);
    expect(lines.slice(0, 3)).to.deep.equal([0, 4, 8]);
    expect(lines).to.have.length(126);
    // Offsets: lines start at the first multiple of the cell size on screen.
    expect(gridLines(100, 1, -150, 300)).to.deep.equal([50, 150, 250]);
    expect(() => c.setGrid({ size: 0 })).to.throw(AnnotkitError);
  });

  it('draws a crosshair through the pointer (trace), in stage px', () => {
    t = createTestCanvas({ document: testDoc(), width: 500, height: 400 });
    const c = t.canvas;
    const layer = c.stage.findOne(`.${OVERLAY_LAYER_NAME}`) as Konva.Layer;
    c.setCrosshair({ enabled: true, color: '#00ff00' });
    t.pointerMove(120, 80);
    layer.getContext().clearTrace();
    c.flush();
    const trace = layer.getContext().getTrace();
    expect(trace).to.include('moveTo(120,0);lineTo(120,400);moveTo(0,80);lineTo(500,80)');
    expect(trace).to.include('strokeStyle=#00ff00');
  });

  it('text labels show the chosen fields: label, id, source, attributes (trace)', () => {
    t = createTestCanvas({
      document: testDoc([
        shape(1, CAR, rect(100, 100, 200, 150), { source: 'auto' }),
        shape(2, PERSON, rect(300, 100, 400, 150)),
      ]),
    });
    const c = t.canvas;
    const layer = c.stage.getLayers()[1];
    c.configure({ showText: true });
    layer.getContext().clearTrace();
    c.flush();
    expect(layer.getContext().getTrace()).to.include('fillText(car #1,100,98)');
    c.configure({ textFields: ['id', 'label', 'source', 'attributes'] });
    layer.getContext().clearTrace();
    c.flush();
    const trace = layer.getContext().getTrace();
    expect(trace).to.include('fillText(car #1 · auto · color: red,100,98)');
    expect(trace).to.include('fillText(person #2 · manual,300,98)');
    c.configure({ textFields: ['source'] });
    layer.getContext().clearTrace();
    c.flush();
    expect(layer.getContext().getTrace()).to.include('fillText(manual,300,98)');
  });
});
