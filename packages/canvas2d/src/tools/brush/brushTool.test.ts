import { expect } from 'chai';
import Konva from 'konva';
import { maskArea, maskHasPixel, objectId, polygonToMask } from '@annotkit/core';
import type { AnnotationObject, MaskGeometry } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, shape, testDoc, track } from '../../testing/testDoc.js';
import { createSelectTool } from '../select/selectTool.js';
import { createBrushTool } from './brushTool.js';
import type { BrushToolOptions } from './brushTool.js';
import { sameMask } from './raster.js';

/** A 20 × 20 square mask covering pixels 10..29 × 10..29. */
const SQUARE = polygonToMask([10, 10, 30, 10, 30, 30, 10, 30]);

function maskOf(t: TestCanvas, index = 0): MaskGeometry {
  const o = [...t.doc.objects()].sort((a, b) => a.id - b.id)[index];
  if (!o || o.kind !== 'shape' || o.geometry.type !== 'mask') {
    throw new Error(`object #${index} is not a mask shape: ${JSON.stringify(o)}`);
  }
  return o.geometry;
}

function brushCanvas(
  options: Partial<BrushToolOptions> = {},
  objects: readonly AnnotationObject[] = [],
): TestCanvas {
  return createTestCanvas({
    document: testDoc(objects),
    tool: createBrushTool({ label: CAR, size: 5, ...options }),
  });
}

describe('mask brush tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('a stroke becomes one mask on Enter, with the swept pixels and a tight box', () => {
    t = brushCanvas();
    t.pointerDown(10.5, 20.5).expectToolState('painting');
    t.pointerMove(20.5, 20.5).pointerMove(30.5, 20.5).pointerUp(30.5, 20.5);
    t.expectToolState('editing').expectObjects([]);
    t.key('Enter').expectToolState('idle');
    const g = maskOf(t);
    expect({ left: g.left, top: g.top, right: g.right, bottom: g.bottom }).to.deep.equal({
      left: 8,
      top: 18,
      right: 32,
      bottom: 22,
    });
    // Capsule of radius 2.5 around y = 20.5 from x = 10.5 to 30.5: rows of 25, 25, 25, 23, 23.
    expect(maskArea(g)).to.equal(121);
    expect(maskHasPixel(g, 20, 20)).to.equal(true);
    expect(maskHasPixel(g, 8, 20)).to.equal(true);
    expect(maskHasPixel(g, 8, 18)).to.equal(false);
    expect(maskHasPixel(g, 9, 18)).to.equal(true);
    expect(t.doc.objects()[0]).to.deep.include({ kind: 'shape', label: CAR, frame: 0 });
  });

  it('several strokes in one session are ONE transaction and ONE undo step', () => {
    t = brushCanvas();
    let transactions = 0;
    t.canvas.on('transaction', () => transactions++);
    t.drag([100, 100], [200, 100]).drag([100, 150], [200, 150]).click(300, 300);
    expect(transactions).to.equal(0);
    t.key('Enter');
    expect(transactions).to.equal(1);
    expect(t.doc.objects()).to.have.length(1);
    expect(t.history.state().undoDepth).to.equal(1);
    const g = maskOf(t);
    expect(maskHasPixel(g, 150, 100)).to.equal(true);
    expect(maskHasPixel(g, 150, 150)).to.equal(true);
    expect(maskHasPixel(g, 300, 300)).to.equal(true);
    expect(maskHasPixel(g, 150, 125)).to.equal(false);
    t.undo().expectObjects([]).redo();
    expect(sameMask(maskOf(t), g)).to.equal(true);
  });

  it('square and round tips of the same size differ only in the corners', () => {
    t = brushCanvas({ tip: 'square' });
    t.click(50.2, 60.9).key('Enter');
    const sq = maskOf(t);
    expect(maskArea(sq)).to.equal(25);
    expect([sq.left, sq.top, sq.right, sq.bottom]).to.deep.equal([48, 58, 52, 62]);
    expect(maskHasPixel(sq, 48, 58)).to.equal(true);
    t.destroy();
    t = brushCanvas({ tip: 'round' });
    t.click(50.2, 60.9).key('Enter');
    const rd = maskOf(t);
    expect(maskArea(rd)).to.equal(21);
    expect([rd.left, rd.top, rd.right, rd.bottom]).to.deep.equal([48, 58, 52, 62]);
    expect(maskHasPixel(rd, 48, 58)).to.equal(false);
  });

  it('the eraser removes pixels from the selected mask; undo restores it', () => {
    t = brushCanvas({ mode: 'eraser', tip: 'square', size: 4 }, [shape(1, PERSON, SQUARE)]);
    t.canvas.select([objectId(1)]);
    t.drag([0, 20], [40, 20]).expectToolState('editing');
    expect(t.canvas.tool).to.have.property('target', objectId(1));
    t.key('Enter');
    const g = maskOf(t);
    // Rows 18..21 of the 20 × 20 square are erased.
    expect(maskArea(g)).to.equal(400 - 4 * 20);
    expect(maskHasPixel(g, 15, 18)).to.equal(false);
    expect(maskHasPixel(g, 15, 21)).to.equal(false);
    expect(maskHasPixel(g, 15, 17)).to.equal(true);
    expect(maskHasPixel(g, 15, 22)).to.equal(true);
    expect(t.doc.objects()[0]).to.deep.include({ id: objectId(1), label: PERSON });
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo();
    expect(sameMask(maskOf(t), SQUARE)).to.equal(true);
  });

  it('brushing onto the selected mask extends it; its box grows', () => {
    t = brushCanvas({ size: 3 }, [shape(1, CAR, SQUARE)]);
    t.canvas.select([objectId(1)]);
    t.drag([29.5, 20.5], [50.5, 20.5]).key('Enter');
    const g = maskOf(t);
    expect(t.doc.objects()).to.have.length(1);
    expect([g.left, g.top, g.right, g.bottom]).to.deep.equal([10, 10, 51, 29]);
    expect(maskHasPixel(g, 51, 20)).to.equal(true);
    expect(maskHasPixel(g, 40, 18)).to.equal(false);
  });

  it('erasing all of a mask shape removes it (one undo step); a track goes outside', () => {
    t = brushCanvas({ mode: 'eraser', tip: 'square', size: 30 }, [shape(1, CAR, SQUARE)]);
    t.canvas.select([objectId(1)]);
    t.click(20, 20).key('Enter').expectObjects([]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo();
    expect(sameMask(maskOf(t), SQUARE)).to.equal(true);
    t.destroy();
    t = brushCanvas({ mode: 'eraser', tip: 'square', size: 30 }, [track(1, SQUARE, SQUARE)]);
    t.canvas.setFrame(5);
    t.canvas.select([objectId(1)]);
    t.click(20, 20).key('Enter');
    const o = t.doc.objects()[0];
    expect(o.kind).to.equal('track');
    if (o.kind === 'track') {
      expect(o.keyframes.find((k) => k.frame === 5)).to.deep.include({ outside: true });
    }
  });

  it('polygon-plus fills and polygon-minus erases the clicked polygon', () => {
    t = brushCanvas({ mode: 'polygon-plus' });
    t.click(10, 10).expectToolState('polygon').click(50, 10).click(50, 40);
    t.key('Enter').expectToolState('editing').expectObjects([]);
    t.key('Enter').expectToolState('idle');
    expect(sameMask(maskOf(t), polygonToMask([10, 10, 50, 10, 50, 40]))).to.equal(true);
    t.destroy();
    t = brushCanvas({ mode: 'polygon-minus' }, [shape(1, CAR, SQUARE)]);
    t.canvas.select([objectId(1)]);
    // Erase the right half (x ≥ 20) with a rectangle polygon, finished by double-click.
    t.click(20, 0).click(40, 0).click(40, 40).doubleClick(20, 40).expectToolState('editing');
    t.key('Enter');
    const g = maskOf(t);
    expect(maskArea(g)).to.equal(200);
    expect([g.left, g.top, g.right, g.bottom]).to.deep.equal([10, 10, 19, 29]);
  });

  it('Escape cancels the session: nothing dispatched, the edited mask untouched', () => {
    t = brushCanvas();
    t.drag([10, 10], [60, 60]).key('Escape').expectToolState('idle').expectObjects([]);
    expect(t.history.state().undoDepth).to.equal(0);
    t.pointerDown(5, 5).pointerMove(30, 5).key('Escape').pointerUp(30, 5).key('Enter');
    t.expectObjects([]);
    t.destroy();
    t = brushCanvas({ mode: 'eraser' }, [shape(1, CAR, SQUARE)]);
    t.canvas.select([objectId(1)]);
    t.drag([0, 20], [40, 20]).key('Escape');
    expect(sameMask(maskOf(t), SQUARE)).to.equal(true);
    // In polygon mode Escape drops the pending polygon first, then the session.
    t.canvas.select([]);
    const brush = createBrushTool({ label: CAR, mode: 'polygon-plus' });
    t.setTool(brush).click(0, 0).click(9, 0).click(9, 9).key('Escape').expectToolState('editing');
    t.key('Escape').expectToolState('idle');
    expect(t.doc.objects()).to.have.length(1);
  });

  it('switching tools commits the session; commit() does too', () => {
    t = brushCanvas();
    t.drag([100, 100], [140, 100]).setTool(createSelectTool());
    expect(t.doc.objects()).to.have.length(1);
    const brush = createBrushTool({ label: CAR, size: 7 });
    t.setTool(brush).click(500, 500);
    expect(brush.commit()).to.equal(true);
    expect(t.doc.objects()).to.have.length(2);
    expect(maskArea(maskOf(t, 1))).to.equal(37); // disc of diameter 7
    expect(brush.commit()).to.equal(false);
  });

  it('rejects a size that is not a positive integer with a typed error', () => {
    t = brushCanvas();
    expect(() => createBrushTool({ label: CAR, size: 2.5 })).to.throw(/positive integer/);
    const brush = createBrushTool({ label: CAR });
    try {
      brush.setSize(0);
      expect.fail('setSize(0) should throw');
    } catch (e) {
      expect(e).to.have.property('code', 'invalid-type');
      expect(e).to.have.property('path').that.deep.equals(['size']);
    }
  });
});

describe('mask brush rendering (canvas trace)', () => {
  let traceWas: boolean;
  let t: TestCanvas;
  before(() => {
    traceWas = Konva.enableTrace;
    Konva.enableTrace = true;
  });
  after(() => {
    Konva.enableTrace = traceWas;
  });
  afterEach(() => t.destroy());

  it('a pointer move redraws only the dirty rect of the raster layer, nothing else', () => {
    t = brushCanvas({ size: 10 }, [shape(1, CAR, SQUARE)]);
    const c = t.canvas;
    c.zoomTo(0.5, { x: 0, y: 0 });
    c.flush();
    t.pointerDown(100, 100).pointerMove(120, 100);
    c.flush(false);
    const layers = c.stage.getLayers();
    const rasterLayer = layers[3];
    const contexts = layers.map((l) => l.getContext());
    for (const ctx of contexts) ctx.clearTrace();
    let transactions = 0;
    c.on('transaction', () => transactions++);
    // Screen (140, 100) is image (280, 200) at scale 0.5.
    t.pointerMove(140, 100);
    c.flush(false);
    const trace = rasterLayer.getContext().getTrace(false, true);
    expect(trace.split('drawImage(').length - 1).to.equal(1);
    const clear = /clearRect\((\d+),(\d+),(\d+),(\d+)\)/.exec(trace);
    expect(clear, trace).to.not.equal(null);
    const [x, y, w, h] = (clear as RegExpExecArray).slice(1).map(Number);
    // The segment (240, 200) → (280, 200) with a 10 px tip, at scale 0.5: about 25 × 5 px.
    expect(x).to.be.within(115, 120);
    expect(y).to.be.within(96, 98);
    expect(w).to.be.within(20, 30);
    expect(h).to.be.within(4, 8);
    // No other layer drew, and the document was not touched.
    for (const i of [0, 1, 2]) expect(contexts[i].getTrace(), `layer ${i}`).to.equal('');
    expect(transactions).to.equal(0);
    // A view change redraws the raster whole (a full-viewport clear).
    for (const ctx of contexts) ctx.clearTrace();
    c.panBy(5, 0);
    c.flush(false);
    expect(rasterLayer.getContext().getTrace(false, true)).to.include('clearRect(0,0,800,600)');
    t.pointerUp(140, 100).key('Enter');
    expect(t.doc.objects()).to.have.length(2);
  });

  it('the edited mask leaves the interactive layer while the working raster stands in', () => {
    t = brushCanvas({ size: 10 }, [shape(1, CAR, SQUARE)]);
    const c = t.canvas;
    const [, staticLayer, interactiveLayer, rasterLayer] = c.stage.getLayers();
    c.select([objectId(1)]);
    c.flush();
    // Selected: drawn by the interactive layer as pixels plus outline, not by the static one.
    expect(interactiveLayer.getContext().getTrace()).to.include('drawImage(');
    expect(staticLayer.getContext().getTrace()).to.not.include('drawImage(');
    for (const l of [interactiveLayer, rasterLayer]) l.getContext().clearTrace();
    t.pointerDown(20, 20);
    c.flush(false);
    expect(interactiveLayer.getContext().getTrace()).to.not.include('drawImage(');
    expect(rasterLayer.getContext().getTrace()).to.include('drawImage(');
    interactiveLayer.getContext().clearTrace();
    t.pointerUp(20, 20).key('Escape');
    c.flush(false);
    expect(interactiveLayer.getContext().getTrace()).to.include('drawImage(');
  });
});
