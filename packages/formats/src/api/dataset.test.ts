import { expect } from 'chai';
import type { DocumentData } from '@annotkit/core';
import { treeFromMap } from '../tree/memory.js';
import { treeFromZip, treeToZip } from '../tree/zip.js';
import { fetchFixture, fixtureTree } from '../util/testFixtures.js';
import { chooseCodec, exportDataset, importDataset } from './dataset.js';
import { rejectsWith } from '../util/testAssert.js';

const IMAGES = 'cvat_for_images/cvat-ai-datumaro/for_images';
const VIDEO = 'cvat_for_video/cvat-ai-datumaro/for_video';
const COCO = 'coco/cvat-ai-datumaro/coco_instances';

describe('importDataset (main thread)', () => {
  it('detects and imports a fixture folder, reporting progress up to 1', async () => {
    const tree = await fixtureTree(IMAGES, ['train.xml', 'images/img0.jpg', 'images/img1.jpg']);
    const seen: number[] = [];
    const r = await importDataset(tree, { onProgress: (f) => seen.push(f) });
    expect(r.format).to.equal('cvat-images-1.1');
    expect(r.document.media.frames.map((f) => f.name)).to.deep.equal(['img0.jpg', 'img1.jpg']);
    expect(r.document.objects.length).to.equal(6);
    expect(seen[0]).to.equal(0);
    expect(seen[seen.length - 1]).to.equal(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]);
  });

  it('reads a zip given as bytes, as a Blob and as a one-file list', async () => {
    const zip = await treeToZip(
      new Map([
        ['annotations.xml', await fetchFixture(`${VIDEO}/annotations.xml`)],
        ['images/frame_000010.png', await fetchFixture(`${VIDEO}/images/frame_000010.png`)],
      ]),
    );
    const a = await importDataset(zip);
    const b = await importDataset(new Blob([zip as Uint8Array<ArrayBuffer>]));
    const c = await importDataset([new File([zip as Uint8Array<ArrayBuffer>], 'set.zip')]);
    expect(a.format).to.equal('cvat-video-1.1');
    expect(b.document).to.deep.equal(a.document);
    expect(c.document).to.deep.equal(a.document);
    expect(a.document.media.kind).to.equal('video');
  });

  it('reads a single annotation file and a dropped folder of Files', async () => {
    const xml = await fetchFixture(`${IMAGES}/train.xml`);
    const one = await importDataset(new File([xml as Uint8Array<ArrayBuffer>], 'train.xml'));
    expect(one.format).to.equal('cvat-images-1.1');
    const files = await Promise.all(
      ['annotations/instances_train.json', 'annotations/instances_val.json'].map(async (p) => {
        const f = new File([(await fetchFixture(`${COCO}/${p}`)) as Uint8Array<ArrayBuffer>], p);
        Object.defineProperty(f, 'webkitRelativePath', { value: `coco_instances/${p}` });
        return f;
      }),
    );
    const coco = await importDataset(files);
    expect(coco.format).to.equal('coco-1.0');
    expect(coco.document.media.frames.length).to.equal(2);
  });

  it('refuses bytes that are not a zip and unknown or unrecognised formats', async () => {
    await rejectsWith(importDataset(new Uint8Array([1, 2, 3, 4, 5])), 'parse');
    const unknown = await rejectsWith(
      importDataset(treeFromMap({ 'a.xml': '<x/>' }), { format: 'no-such-format' }),
      'unsupported',
    );
    expect(unknown.message).to.contain('coco-1.0');
    const none = await rejectsWith(
      importDataset(treeFromMap({ 'readme.txt': 'hi' })),
      'unsupported',
    );
    expect(none.message).to.contain('no known dataset format');
  });

  it('lists the candidates when detection is unsure, and obeys an explicit format', async () => {
    // A CVAT for images file and a COCO file side by side: both codecs are certain.
    const tree = treeFromMap({
      'annotations.xml': await fetchFixture(`${IMAGES}/train.xml`),
      'annotations/instances_default.json': await fetchFixture(
        `${COCO}/annotations/instances_train.json`,
      ),
    });
    const e = await rejectsWith(chooseCodec(tree, undefined), 'unsupported');
    expect(e.message).to.match(/cvat-images-1\.1 \(\d\.\d\d\)/);
    expect(e.message).to.match(/coco-1\.0 \(\d\.\d\d\)/);
    const r = await importDataset(tree, { format: 'coco-1.0' });
    expect(r.format).to.equal('coco-1.0');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const tree = await fixtureTree(IMAGES, ['train.xml']);
    await rejectsWith(importDataset(tree, { signal: AbortSignal.abort() }), 'aborted');
    const ac = new AbortController();
    const p = importDataset(tree, {
      signal: ac.signal,
      onProgress: (f) => {
        if (f >= 0.05) ac.abort();
      },
    });
    await rejectsWith(p, 'aborted');
  });
});

describe('exportDataset (main thread)', () => {
  it('writes a zip and lists what the format cannot hold', async () => {
    const tree = await fixtureTree(VIDEO, ['annotations.xml']);
    const { document } = await importDataset(tree);
    const seen: number[] = [];
    const r = await exportDataset(document, 'coco-1.0', { onProgress: (f) => seen.push(f) });
    expect(r.blob.type).to.equal('application/zip');
    expect(seen[seen.length - 1]).to.equal(1);
    const zip = await treeFromZip(new Uint8Array(await r.blob.arrayBuffer()));
    expect(zip.paths()).to.deep.equal(r.files);
    expect(r.files.some((f) => f.endsWith('.json'))).to.equal(true);
    expect(r.dropped.length).to.be.greaterThan(0);
    for (const d of r.dropped) {
      expect(d.count).to.be.greaterThan(0);
      expect(d.reason).to.be.a('string').and.not.equal('');
    }
    // The zip imports back as COCO.
    const back = await importDataset(zip);
    expect(back.format).to.equal('coco-1.0');
  });

  it('round-trips CVAT for images through a zip Blob without loss', async () => {
    const { document } = await importDataset(await fixtureTree(IMAGES, ['train.xml']));
    const r = await exportDataset(document, 'cvat-images-1.1');
    expect(r.dropped).to.deep.equal([]);
    const back = await importDataset(r.blob);
    expect(back.document.objects.length).to.equal(document.objects.length);
    expect(back.document.labels.map((l) => l.name)).to.deep.equal(
      document.labels.map((l) => l.name),
    );
  });

  it('refuses an unknown format and an invalid document', async () => {
    const { document } = await importDataset(await fixtureTree(IMAGES, ['train.xml']));
    await rejectsWith(exportDataset(document, 'nope'), 'unsupported');
    const broken = {
      ...document,
      objects: [{ ...document.objects[0], label: 999 }],
    } as unknown as DocumentData;
    const e = await rejectsWith(exportDataset(broken, 'coco-1.0'), 'unknown-label');
    expect(e.message).to.contain('objects[0]');
    await rejectsWith(
      exportDataset(document, 'coco-1.0', { signal: AbortSignal.abort() }),
      'aborted',
    );
  });
});
