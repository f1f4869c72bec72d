import { expect } from 'chai';
import { treeToZip } from '../tree/zip.js';
import { fetchFixture, fixtureTree } from '../util/testFixtures.js';
import { importDataset } from './dataset.js';
import { createFormatsWorker } from './worker.js';
import type { FormatsWorker } from './worker.js';
import { rejectsWith } from '../util/testAssert.js';

const IMAGES = 'cvat_for_images/cvat-ai-datumaro/for_images';
const VIDEO = 'cvat_for_video/cvat-ai-datumaro/for_video';
const DATUMARO = 'datumaro/cvat-ai-datumaro/diverse';

/** A COCO file with `n` boxes over 100 images: big enough that importing takes a while. */
function bigCoco(n: number): string {
  const images = Array.from({ length: 100 }, (_, i) => ({
    id: i + 1,
    file_name: `img${i}.jpg`,
    width: 640,
    height: 480,
  }));
  const annotations = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    image_id: (i % 100) + 1,
    category_id: 1,
    bbox: [i % 600, i % 400, 20, 30],
    area: 600,
    iscrowd: 0,
    segmentation: [],
  }));
  return JSON.stringify({
    licenses: [],
    info: {},
    categories: [{ id: 1, name: 'box', supercategory: '' }],
    images,
    annotations,
  });
}

describe('createFormatsWorker', () => {
  let worker: FormatsWorker;
  beforeEach(() => {
    worker = createFormatsWorker();
  });
  afterEach(() => {
    worker.terminate();
  });

  it('loads the worker module from new URL(…, import.meta.url)', async () => {
    const list = await worker.formats();
    expect(list.map((f) => f.id)).to.include.members(['cvat-images-1.1', 'coco-1.0']);
  });

  it('imports a zip in the worker, transferring the buffer, with progress', async () => {
    const files = ['annotations.xml', 'images/frame_000010.png', 'images/frame_000013.png'];
    const zip = await treeToZip(
      new Map(
        await Promise.all(
          files.map(async (f) => [f, await fetchFixture(`${VIDEO}/${f}`)] as const),
        ),
      ),
    );
    const expected = await importDataset(zip.slice());
    const seen: number[] = [];
    const r = await worker.importDataset(zip, { onProgress: (f) => seen.push(f) });
    expect(zip.byteLength).to.equal(0); // transferred, not copied
    expect(r.format).to.equal('cvat-video-1.1');
    expect(r.document).to.deep.equal(expected.document);
    expect(r.warnings).to.deep.equal(expected.warnings);
    expect(seen.length).to.be.greaterThan(1);
    expect(seen[seen.length - 1]).to.equal(1);
  });

  it('imports a FileTree and a dropped folder of Files in the worker', async () => {
    const paths = ['annotations/default.json', 'annotations/train.json', 'images/train/100.jpg'];
    const tree = await fixtureTree(DATUMARO, paths);
    const a = await worker.importDataset(tree);
    expect(a.format).to.equal('datumaro-1.0');
    const files = await Promise.all(
      paths.map(async (p) => {
        const f = new File(
          [(await fetchFixture(`${DATUMARO}/${p}`)) as Uint8Array<ArrayBuffer>],
          p,
        );
        Object.defineProperty(f, 'webkitRelativePath', { value: `diverse/${p}` });
        return f;
      }),
    );
    const b = await worker.importDataset(files);
    expect(b.document).to.deep.equal(a.document);
    expect(a.document).to.deep.equal((await importDataset(tree)).document);
  });

  it('exports in the worker and returns a zip Blob with the dropped report', async () => {
    const { document } = await importDataset(await fixtureTree(VIDEO, ['annotations.xml']));
    const seen: number[] = [];
    const r = await worker.exportDataset(document, 'coco-1.0', { onProgress: (f) => seen.push(f) });
    expect(r.blob).to.be.instanceOf(Blob);
    expect(r.blob.type).to.equal('application/zip');
    expect(r.dropped.length).to.be.greaterThan(0);
    expect(seen[seen.length - 1]).to.equal(1);
    const back = await worker.importDataset(r.blob);
    expect(back.format).to.equal('coco-1.0');
  });

  it('moves documents larger than one message slice both ways intact', async () => {
    const file = new File([bigCoco(2_345)], 'instances_default.json');
    const main = await importDataset([file], { format: 'coco-1.0' });
    const viaWorker = await worker.importDataset([file], { format: 'coco-1.0' });
    expect(viaWorker.document.objects.length).to.equal(2_345);
    expect(viaWorker.document).to.deep.equal(main.document);
    const out = await worker.exportDataset(viaWorker.document, 'coco-1.0');
    const back = await importDataset(out.blob);
    expect(back.format).to.equal('coco-1.0');
    expect(back.document.objects.length).to.equal(2_345);
    expect(back.document.objects.map((o) => o.kind === 'shape' && o.geometry)).to.deep.equal(
      main.document.objects.map((o) => o.kind === 'shape' && o.geometry),
    );
  });

  it('keeps error codes, files and paths across the worker boundary', async () => {
    const broken = new File(
      ['{"images": [{"id": 1, "file_name": 3}], "annotations": []'],
      'x.json',
    );
    const direct = await rejectsWith(importDataset(broken, { format: 'coco-1.0' }), 'parse');
    const viaWorker = await rejectsWith(
      worker.importDataset(broken, { format: 'coco-1.0' }),
      'parse',
    );
    expect(viaWorker.message).to.equal(direct.message);
    expect((viaWorker as { file?: string }).file).to.equal((direct as { file?: string }).file);
    await rejectsWith(
      worker.exportDataset(
        (await importDataset(await fixtureTree(IMAGES, ['train.xml']))).document,
        'no-such-format',
      ),
      'unsupported',
    );
  });

  it('aborts a large import mid-way and stays usable', async () => {
    const file = new File([bigCoco(60_000)], 'instances_default.json');
    const ac = new AbortController();
    const seen: number[] = [];
    const p = worker.importDataset([file], {
      format: 'coco-1.0',
      signal: ac.signal,
      onProgress: (f) => {
        seen.push(f);
        if (f > 0) ac.abort();
      },
    });
    await rejectsWith(p, 'aborted');
    expect(seen.some((f) => f > 0 && f < 1)).to.equal(true);
    expect(seen).to.not.include(1);
    await rejectsWith(worker.importDataset([file], { signal: ac.signal }), 'aborted');
    // The same worker still answers after the cancelled call.
    const ok = await worker.importDataset(await fixtureTree(IMAGES, ['train.xml']));
    expect(ok.format).to.equal('cvat-images-1.1');
  });

  it('rejects pending and later calls after terminate()', async () => {
    const p = worker.importDataset(new File([bigCoco(20_000)], 'instances_default.json'), {
      format: 'coco-1.0',
    });
    worker.terminate();
    await rejectsWith(p, 'aborted');
    await rejectsWith(worker.formats(), 'aborted');
  });
});

describe('exposeFormatsWorker: a host worker with its own codecs', () => {
  it('detects, imports and exports with a codec the built-in worker does not have', async () => {
    const worker = createFormatsWorker({
      url: new URL('./testing/custom.worker.ts', import.meta.url),
    });
    try {
      const ids = (await worker.formats()).map((f) => f.id);
      expect(ids).to.include.members(['test-frame-list', 'coco-1.0']);
      const file = new File(['a.jpg\nb.jpg\n'], 'frames.txt');
      const imported = await worker.importDataset([file]);
      expect(imported.format).to.equal('test-frame-list');
      expect(imported.document.media.frames.map((f) => f.name)).to.deep.equal(['a.jpg', 'b.jpg']);
      const out = await worker.exportDataset(imported.document, 'test-frame-list');
      expect(out.files).to.deep.equal(['frames.txt']);
      // The built-in codecs still work in the same worker.
      const coco = await worker.exportDataset(imported.document, 'coco-1.0');
      expect(coco.blob.size).to.be.greaterThan(0);
    } finally {
      worker.terminate();
    }
  });

  it('the package worker does not know the host codec', async () => {
    const worker = createFormatsWorker();
    try {
      const file = new File(['a.jpg\n'], 'frames.txt');
      await rejectsWith(worker.importDataset([file], { format: 'test-frame-list' }), 'unsupported');
    } finally {
      worker.terminate();
    }
  });
});
