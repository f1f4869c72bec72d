import { expect } from 'chai';
import './canvas-2d.js';
import { EditorController } from '../../controller/EditorController.js';
import {
  canvasCount,
  ids,
  konvaStageCount,
  pngBlob,
  settled,
  testDoc,
} from '../../testing/testData.js';
import type { AnnotCanvas2D } from './canvas-2d.component.js';
import { createFrameImages } from './media.js';

const nextLoad = (el: HTMLElement): Promise<number> =>
  new Promise((resolve) =>
    el.addEventListener('annot-frame-load', (e) => resolve(e.detail.frame), { once: true }),
  );

describe('<annot-canvas-2d>', () => {
  it('shows the controller frame with its decoded image, tool, selection and view state', async () => {
    const c = new EditorController({ document: testDoc() });
    const stagesBefore = konvaStageCount();
    const el = document.createElement('annot-canvas-2d') as AnnotCanvas2D;
    el.style.cssText = 'width:640px;height:480px';
    el.controller = c;
    const media = [
      await pngBlob(640, 480, '#f00'),
      await pngBlob(640, 480, '#0f0'),
      await pngBlob(320, 240, '#00f'),
    ];
    el.media = media;
    let loaded = nextLoad(el);
    document.body.appendChild(el);
    try {
      await settled(el);
      expect(await loaded).to.equal(0);
      const canvas = el.canvas!;
      expect(konvaStageCount()).to.equal(stagesBefore + 1);
      expect(canvas.document).to.equal(c.document);
      expect(canvas.stats.indexed).to.equal(2);
      // The frame image is drawn: the centre pixel of the image layer is red.
      canvas.flush();
      const layer = canvas.stage.getLayers()[0]!.getCanvas()._canvas as HTMLCanvasElement;
      const px = layer.getContext('2d')!.getImageData(layer.width / 2, layer.height / 2, 1, 1).data;
      expect([px[0], px[1], px[2]]).to.deep.equal([255, 0, 0]);

      loaded = nextLoad(el);
      c.setFrame(2);
      expect(await loaded).to.equal(2);
      expect(canvas.frame).to.equal(2);
      c.setFrame(0);
      c.select(ids(1));
      expect(canvas.selection).to.deep.equal(ids(1));
      // Selecting on the canvas reaches the controller.
      canvas.select(ids(2));
      expect(c.selection).to.deep.equal(ids(2));
      c.setTool('draw-polygon');
      expect(canvas.tool.id).to.match(/polygon/);
      c.setHidden(ids(1), true);
      c.setLocked(ids(2), true);
      expect(canvas.isHidden(ids(1)[0]!)).to.equal(true);
      expect(canvas.isLocked(ids(2)[0]!)).to.equal(true);
      c.setHidden(ids(1), false);
      expect(canvas.isHidden(ids(1)[0]!)).to.equal(false);
      // Pinned reaches the canvas as pinned (move-only), not as locked.
      c.setPinned(ids(1), true);
      expect(canvas.isPinned(ids(1)[0]!)).to.equal(true);
      expect(canvas.isLocked(ids(1)[0]!)).to.equal(false);
      c.setPinned(ids(1), false);
      expect(canvas.isPinned(ids(1)[0]!)).to.equal(false);
    } finally {
      el.remove();
    }
    expect(el.canvas).to.equal(undefined);
    expect(konvaStageCount()).to.equal(stagesBefore);
    expect(canvasCount(el.shadowRoot!)).to.equal(0);
    expect(c.listenerCount()).to.equal(0);
  });

  it('reports undecodable media as an AnnotkitError with the frame in its path', async () => {
    const images = createFrameImages([new Blob(['not an image'], { type: 'image/png' })]);
    try {
      await images.get(0);
      expect.fail('decoding should fail');
    } catch (e) {
      expect((e as { code: string }).code).to.equal('parse');
      expect((e as { path: unknown[] }).path).to.deep.equal(['media', 0]);
    }
    try {
      await images.get(5);
      expect.fail('no such frame');
    } catch (e) {
      expect((e as { code: string }).code).to.equal('frame-range');
    }
  });

  it('closes the bitmaps it decoded when evicted, and never closes the host’s own', async () => {
    const own = await createImageBitmap(await pngBlob(4, 4, '#fff'));
    const blobs = await Promise.all([1, 2, 3].map(() => pngBlob(4, 4, '#000')));
    const images = createFrameImages([own, ...blobs], 2);
    expect(await images.get(0)).to.equal(own);
    const decoded = (await images.get(1)) as ImageBitmap;
    expect(decoded.width).to.equal(4);
    await images.get(2);
    await images.get(3);
    expect(images.size).to.equal(2);
    expect(decoded.width).to.equal(0); // closed
    images.clear();
    expect(own.width).to.equal(4); // the host's bitmap is untouched
  });

  it('stays usable after clear(): frames decoded afterwards are not closed', async () => {
    const images = createFrameImages([await pngBlob(4, 4, '#000')]);
    await images.get(0);
    images.clear();
    const again = (await images.get(0)) as ImageBitmap;
    await Promise.resolve();
    expect(again.width).to.equal(4);
    expect(images.size).to.equal(1);
  });
});
