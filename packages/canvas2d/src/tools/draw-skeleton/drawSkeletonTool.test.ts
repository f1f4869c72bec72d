import { expect } from 'chai';
import { createDocument, labelId } from '@annotkit/core';
import type { AnnotationDocument, Label, SkeletonGeometry } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, LABELS } from '../../testing/testDoc.js';
import { createDrawCuboidTool } from '../draw-cuboid/drawCuboidTool.js';
import { cuboidFrom4Points, cuboidProjectionLines } from '../draw-cuboid/cuboidGeometry.js';
import { createDrawEllipseTool } from '../draw-ellipse/drawEllipseTool.js';
import { createEditTool } from '../vertex-edit/editTool.js';
import { createDrawSkeletonTool } from './drawSkeletonTool.js';

const BODY = labelId(30);
const [HEAD, HIP, FOOT] = [labelId(31), labelId(32), labelId(33)];
const SKELETON: Label = {
  kind: 'label',
  id: BODY,
  name: 'body',
  color: '#0000ff',
  type: 'skeleton',
  attributes: [],
  sublabels: [
    { id: HEAD, name: 'head', color: '#ff0000', attributes: [], position: [0.5, 0] },
    { id: HIP, name: 'hip', color: '#00ff00', attributes: [], position: [0.5, 0.5] },
    { id: FOOT, name: 'foot', color: '#0000ff', attributes: [], position: [0, 1] },
  ],
  edges: [
    [HEAD, HIP],
    [HIP, FOOT],
  ],
};

/** A 1000 × 800 single-frame document with the test labels plus a 3-point skeleton label. */
function skeletonDoc(): AnnotationDocument {
  return createDocument({
    media: { kind: 'images', frames: [{ name: 'a.png', width: 1000, height: 800 }] },
    labels: [...LABELS, SKELETON],
  });
}

const el = (label: typeof HEAD, x: number, y: number, outside = false) => ({
  label,
  x,
  y,
  occluded: false,
  outside,
  attributes: {},
});

describe('draw skeleton tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('places the sublabel points in order and finishes at the last; undo/redo', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawSkeletonTool({ label: BODY }),
    });
    t.click(50, 10).click(50, 60).expectObjects([]).expectToolState('creating').click(20, 120);
    const expected = {
      label: BODY,
      geometry: {
        type: 'skeleton',
        elements: [el(HEAD, 50, 10), el(HIP, 50, 60), el(FOOT, 20, 120)],
      },
    };
    t.expectToolState('idle').expectObjects([expected as never]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo()
      .expectObjects([])
      .redo()
      .expectObjects([expected as never]);
  });

  it('Enter finishes early with the rest outside at the centroid; Escape cancels', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawSkeletonTool({ label: BODY }),
    });
    t.click(0, 0).key('Escape').expectToolState('idle').key('Enter').expectObjects([]);
    t.click(10, 10).click(30, 50).key('Enter');
    const g = t.doc.objects()[0] as { geometry: SkeletonGeometry };
    expect(g.geometry.elements).to.deep.equal([
      el(HEAD, 10, 10),
      el(HIP, 30, 50),
      el(FOOT, 20, 30, true),
    ]);
  });

  it('drops the template positions into a dragged box', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawSkeletonTool({ label: BODY, method: 'template' }),
    });
    t.drag([100, 100], [200, 300]);
    t.expectObjects([
      {
        geometry: {
          type: 'skeleton',
          elements: [el(HEAD, 150, 100), el(HIP, 150, 200), el(FOOT, 100, 300)],
        },
      } as never,
    ]);
    t.undo().expectObjects([]);
  });

  it('edits one point with the edit tool, or drags the whole skeleton', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawSkeletonTool({ label: BODY }),
    });
    t.click(50, 10).click(50, 60).click(20, 120).setTool(createEditTool());
    t.click(50, 60).expectSelection([t.doc.objects()[0].id]);
    t.drag([50, 60], [70, 65]);
    const moved = [el(HEAD, 50, 10), el(HIP, 70, 65), el(FOOT, 20, 120)];
    t.expectObjects([{ geometry: { type: 'skeleton', elements: moved } } as never]);
    // Press on an edge (not on a point) and drag: the whole skeleton moves (select tool).
    t.drag([60, 37.5], [70, 47.5]);
    const all = moved.map((e) => ({ ...e, x: e.x + 10, y: e.y + 10 }));
    t.expectObjects([{ geometry: { type: 'skeleton', elements: all } } as never]);
    expect(t.history.state().undoDepth).to.equal(3);
    t.undo().expectObjects([{ geometry: { type: 'skeleton', elements: moved } } as never]);
  });

  it('refuses a label without sublabels with a typed error', () => {
    t = createTestCanvas({ document: skeletonDoc(), tool: createDrawSkeletonTool({ label: CAR }) });
    expect(() => t.click(1, 1))
      .to.throw()
      .with.property('code', 'label-shape-type');
    t.canvas.setTool(createDrawSkeletonTool({ label: BODY }));
  });
});

describe('draw ellipse tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('drags corner to corner by default, from the centre with Alt, a circle with Shift', () => {
    t = createTestCanvas({ document: skeletonDoc(), tool: createDrawEllipseTool({ label: CAR }) });
    t.drag([100, 100], [200, 140]);
    t.drag([300, 300], [320, 310], { altKey: true });
    t.drag([500, 500], [540, 520], { shiftKey: true });
    t.expectObjects([
      { geometry: { type: 'ellipse', cx: 150, cy: 120, rx: 50, ry: 20, rotation: 0 } },
      { geometry: { type: 'ellipse', cx: 300, cy: 300, rx: 20, ry: 10, rotation: 0 } },
      { geometry: { type: 'ellipse', cx: 520, cy: 520, rx: 20, ry: 20, rotation: 0 } },
    ]);
    expect(t.history.state().undoDepth).to.equal(3);
    t.undo().undo().expectObjects([{}]).redo().expectObjects([{}, {}]);
  });

  it('centre mode as an option; zero height makes nothing; Escape cancels', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawEllipseTool({ label: CAR, from: 'center' }),
    });
    t.drag([100, 100], [150, 100]).expectToolState('second-point').key('Escape');
    t.expectToolState('idle').expectObjects([]);
    t.pointerDown(10, 10).pointerMove(30, 30).key('Escape').pointerUp(30, 30);
    t.expectObjects([]).drag([100, 100], [130, 90]);
    t.expectObjects([
      { geometry: { type: 'ellipse', cx: 100, cy: 100, rx: 30, ry: 10, rotation: 0 } },
    ]);
  });
});

describe('draw cuboid tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('from a rectangle: front = the rectangle (tl, bl, tr, br), back offset by the depth', () => {
    t = createTestCanvas({ document: skeletonDoc(), tool: createDrawCuboidTool({ label: CAR }) });
    t.drag([100, 100], [200, 150]);
    const front = [100, 100, 100, 150, 200, 100, 200, 150];
    const back = [120, 90, 120, 140, 220, 90, 220, 140];
    t.expectObjects([{ geometry: { type: 'cuboid', points: [...front, ...back] } }]);
    t.undo().expectObjects([]).redo().expectObjects([{}]);
  });

  it('by 4 points: front tl, bl, br, then the back bottom-right; Escape cancels', () => {
    t = createTestCanvas({
      document: skeletonDoc(),
      tool: createDrawCuboidTool({ label: CAR, method: 'points', depth: [0, 0] }),
    });
    t.click(0, 0).click(0, 10).key('Escape').expectToolState('idle');
    t.click(100, 100).click(100, 200).click(200, 200).expectObjects([]).click(230, 180);
    const front = [100, 100, 100, 200, 200, 100, 200, 200];
    const back = [130, 80, 130, 180, 230, 80, 230, 180];
    t.expectObjects([{ geometry: { type: 'cuboid', points: [...front, ...back] } }]);
    expect(t.history.state().undoDepth).to.equal(1);
  });

  it('projection lines meet at the vanishing point of a perspective cuboid, none if parallel', () => {
    const parallel = cuboidFrom4Points([0, 0, 0, 10, 10, 10, 15, 5]);
    expect(parallel && cuboidProjectionLines(parallel)).to.deep.equal([]);
    // Back face shrunk towards (100, 0): depth edges all point at it.
    const f = [0, 0, 0, 20, 20, 0, 20, 20];
    const back = f.map((v, i) => (i % 2 === 0 ? v + (100 - v) * 0.5 : v * 0.5));
    const lines = cuboidProjectionLines({ type: 'cuboid', points: [...f, ...back] });
    expect(lines).to.have.length(4);
    for (const l of lines) {
      expect(l[2]).to.be.closeTo(100, 1e-6);
      expect(l[3]).to.be.closeTo(0, 1e-6);
    }
  });
});
