/**
 * Colour choice: `colorOf` and per-object colours (`DisplayConfig.colors`) as the renderer
 * really draws them, asserted on Konva's recorded canvas call trace and on pixels read back.
 */
import { expect } from 'chai';
import Konva from 'konva';
import { labelId, objectId } from '@annotkit/core';
import type { AnnotationObject, Label, LabelId } from '@annotkit/core';
import { createCanvas2D } from '../canvas/createCanvas2D.js';
import type { Canvas2D, Canvas2DOptions } from '../canvas/types.js';
import { CAR, LABELS, PERSON, rect, shape, testDoc } from '../testing/testDoc.js';
import { FALLBACK_COLOR, PALETTE, colorOf, withAlpha } from './styles.js';

const labelOf = (id: LabelId): Label | undefined => LABELS.find((l) => l.id === id);

describe('colorOf', () => {
  it('takes an object colour over every colorBy mode, and only for that object', () => {
    const colors = new Map([[objectId(7), '#123456']]);
    for (const by of ['label', 'instance', 'group'] as const) {
      expect(colorOf(by, objectId(7), CAR, 3, labelOf, colors)).to.equal('#123456');
    }
    expect(colorOf('label', objectId(8), CAR, 3, labelOf, colors)).to.equal('#ff0000');
    expect(colorOf('instance', objectId(8), CAR, 0, labelOf, colors)).to.equal(
      PALETTE[8 % PALETTE.length],
    );
    expect(colorOf('group', objectId(8), CAR, 5, labelOf, colors)).to.equal(
      PALETTE[5 % PALETTE.length],
    );
    expect(colorOf('label', objectId(8), labelId(99), 0, labelOf)).to.equal(FALLBACK_COLOR);
    expect(withAlpha('#123456', 0.5)).to.equal('rgba(18,52,86,0.5)');
  });
});

describe('per-object colours on the canvas', () => {
  const containers: HTMLElement[] = [];
  const canvases: Canvas2D[] = [];
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

  function make(objects: readonly AnnotationObject[], options: Canvas2DOptions = {}): Canvas2D {
    const container = document.createElement('div');
    document.body.appendChild(container);
    containers.push(container);
    const c = createCanvas2D(container, {
      width: 300,
      height: 200,
      document: testDoc(objects),
      ...options,
    });
    canvases.push(c);
    return c;
  }

  function staticTrace(c: Canvas2D): string {
    const ctx = c.stage.getLayers()[1].getContext();
    ctx.clearTrace();
    c.flush(true);
    return ctx.getTrace();
  }

  /** The RGBA of one stage pixel of the static layer (in CSS px). */
  function pixel(c: Canvas2D, x: number, y: number): number[] {
    const canvas = c.stage.getLayers()[1].getCanvas();
    const r = canvas.getPixelRatio();
    return [...canvas.getContext().getImageData(x * r, y * r, 1, 1).data];
  }

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
