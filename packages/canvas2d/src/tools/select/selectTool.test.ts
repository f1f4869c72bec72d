import { expect } from 'chai';
import { objectId } from '@annotkit/core';
import type { ObjectId } from '@annotkit/core';
import { createTestCanvas } from '../../testing/testCanvas.js';
import type { TestCanvas } from '../../testing/testCanvas.js';
import { CAR, PERSON, polygon, rect, shape, testDoc, track } from '../../testing/testDoc.js';

const id = objectId;

function scene(): TestCanvas {
  return createTestCanvas({
    document: testDoc([
      shape(1, CAR, rect(100, 100, 200, 200)),
      shape(2, CAR, rect(300, 100, 400, 200)),
      shape(3, PERSON, polygon(500, 500, 600, 500, 550, 600)),
    ]),
  });
}

describe('select tool (DSL)', () => {
  let t: TestCanvas;
  afterEach(() => t.destroy());

  it('click selects, shift-click toggles, click on empty space clears', () => {
    t = scene();
    const seen: (readonly ObjectId[])[] = [];
    t.canvas.on('select', (e) => seen.push(e.ids));
    t.click(150, 150).expectSelection([id(1)]);
    t.click(350, 150, { shiftKey: true }).expectSelection([id(1), id(2)]);
    t.click(350, 150, { shiftKey: true }).expectSelection([id(1)]);
    t.click(10, 700).expectSelection([]);
    expect(seen).to.deep.equal([[id(1)], [id(1), id(2)], [id(1)], []]);
    expect(t.history.state().undoDepth).to.equal(0);
  });

  it('rubber band selects the objects entirely inside it', () => {
    t = scene();
    t.drag([50, 50], [450, 250])
      .expectSelection([id(1), id(2)])
      .expectToolState('idle');
    t.drag([450, 450], [610, 610], { shiftKey: true }).expectSelection([id(1), id(2), id(3)]);
    t.drag([50, 50], [250, 250]).expectSelection([id(1)]);
  });

  it('dragging moves the selection as ONE transaction; undo/redo restore it', () => {
    t = scene();
    t.click(150, 150).click(350, 150, { shiftKey: true });
    t.drag([150, 150], [160, 130], {}, 10).expectToolState('idle');
    t.expectObjects([
      { geometry: rect(110, 80, 210, 180) },
      { geometry: rect(310, 80, 410, 180) },
      { geometry: polygon(500, 500, 600, 500, 550, 600) },
    ]);
    expect(t.history.state().undoDepth).to.equal(1);
    t.undo().expectObjects([
      { geometry: rect(100, 100, 200, 200) },
      { geometry: rect(300, 100, 400, 200) },
      {},
    ]);
    t.redo().expectObjects([
      { geometry: rect(110, 80, 210, 180) },
      { geometry: rect(310, 80, 410, 180) },
      {},
    ]);
  });

  it('Escape during a drag cancels it with no change', () => {
    t = scene();
    t.pointerDown(150, 150).pointerMove(170, 170).expectToolState('translating');
    t.key('Escape').expectToolState('idle').pointerUp(170, 170);
    t.expectObjects([{ geometry: rect(100, 100, 200, 200) }, {}, {}]);
    expect(t.history.state().undoDepth).to.equal(0);
  });

  it('resizes a rectangle with its corner handle', () => {
    t = scene();
    t.click(150, 150).canvas.flush();
    expect(t.canvas.stage.find('.handle-se')).to.have.length(1);
    t.drag([200, 200], [250, 260]).expectObjects([{ geometry: rect(100, 100, 250, 260) }, {}, {}]);
    // Edge handle: only that edge moves; dragging past the opposite edge flips.
    t.drag([100, 180], [300, 180]).expectObjects([{ geometry: rect(250, 100, 300, 260) }, {}, {}]);
    expect(t.history.state().undoDepth).to.equal(2);
  });

  it('a pinned object is selected and resized but not moved; the others still move', () => {
    t = scene();
    t.canvas.setPinned([id(1)], true);
    expect(t.canvas.isPinned(id(1))).to.equal(true);
    t.click(150, 150)
      .click(350, 150, { shiftKey: true })
      .expectSelection([id(1), id(2)]);
    t.drag([150, 150], [160, 130], {}, 10).expectToolState('idle');
    t.expectObjects([
      { geometry: rect(100, 100, 200, 200) },
      { geometry: rect(310, 80, 410, 180) },
      {},
    ]);
    // Alone and pinned: a drag moves nothing and records nothing.
    t.click(10, 700)
      .click(150, 150)
      .expectSelection([id(1)]);
    t.drag([150, 150], [170, 170], {}, 10);
    t.expectObjects([{ geometry: rect(100, 100, 200, 200) }, {}, {}]);
    expect(t.history.state().undoDepth).to.equal(1);
    // Its handles still reshape it.
    t.canvas.flush();
    t.drag([200, 200], [250, 260]).expectObjects([{ geometry: rect(100, 100, 250, 260) }, {}, {}]);
    t.canvas.setPinned([id(1)], false);
    t.drag([150, 150], [160, 160], {}, 10).expectObjects([
      { geometry: rect(110, 110, 260, 270) },
      {},
      {},
    ]);
  });

  it('rotates a rectangle with the rotation handle (Shift snaps to 15°)', () => {
    t = scene();
    t.click(150, 150);
    // The rotation handle sits 24 px above the top edge centre: (150, 76). Drag it to the right
    // of the centre (150, 150): a quarter turn clockwise.
    t.drag([150, 76], [250, 150]).expectObjects([
      { geometry: rect(100, 100, 200, 200, 90) },
      {},
      {},
    ]);
    t.drag([224, 150], [222, 78], { shiftKey: true });
    const g = t.doc.object(id(1));
    expect(g && 'geometry' in g && g.geometry.type === 'rectangle' && g.geometry.rotation).to.equal(
      45,
    );
  });

  it('locked and hidden objects ignore the pointer; Delete removes the selection', () => {
    t = scene();
    t.canvas.setLocked([id(1)], true);
    t.click(150, 150).expectSelection([]);
    t.drag([150, 150], [170, 170]).expectObjects([{ geometry: rect(100, 100, 200, 200) }, {}, {}]);
    t.canvas.setHidden([id(2)], true);
    t.click(350, 150).expectSelection([]);
    t.click(550, 530)
      .expectSelection([id(3)])
      .key('Delete')
      .expectSelection([]);
    expect(t.doc.objects().map((o) => o.id)).to.deep.equal([id(1), id(2)]);
    t.undo();
    expect(t.doc.objects()).to.have.length(3);
  });

  it('moving a track creates a keyframe on the current frame', () => {
    const doc = testDoc([track(1, rect(0, 0, 100, 100), rect(100, 0, 200, 100))]);
    t = createTestCanvas({ document: doc, frame: 5 });
    t.drag([100, 50], [100, 70]);
    const o = doc.object(id(1));
    expect(o?.kind === 'track' && o.keyframes.map((k) => k.frame)).to.deep.equal([0, 5, 10]);
    expect(o?.kind === 'track' && o.keyframes[1].geometry).to.deep.equal(rect(50, 20, 150, 120));
    t.undo();
    const undone = doc.object(id(1));
    expect(undone?.kind === 'track' && undone.keyframes.length).to.equal(2);
  });

  it('emits hover events as the pointer moves over objects', () => {
    t = scene();
    const seen: (ObjectId | undefined)[] = [];
    t.canvas.on('hover', (e) => seen.push(e.id));
    t.pointerMove(150, 150).pointerMove(160, 160).pointerMove(700, 700).pointerMove(550, 530);
    expect(seen).to.deep.equal([id(1), undefined, id(3)]);
  });
});
