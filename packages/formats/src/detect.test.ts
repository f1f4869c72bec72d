import { expect } from 'chai';
import { detectFormat } from './detect.js';
import { codecs, findCodec } from './registry.js';
import { treeFromMap } from './tree/memory.js';
import { fixtureTree } from './util/testFixtures.js';

const CASES: [string, string[], string][] = [
  [
    'cvat_for_images/cvat-ai-datumaro/for_images',
    ['train.xml', 'images/img0.jpg', 'images/img1.jpg'],
    'cvat-images-1.1',
  ],
  [
    'cvat_for_video/cvat-ai-datumaro/for_video',
    ['annotations.xml', 'images/frame_000010.png'],
    'cvat-video-1.1',
  ],
  [
    'datumaro/cvat-ai-datumaro/diverse',
    [
      'annotations/default.json',
      'annotations/test.json',
      'annotations/train.json',
      'annotations/val.json',
    ],
    'datumaro-1.0',
  ],
  [
    'datumaro/cvat-ai-datumaro/with_skeleton',
    ['annotations/default.json', 'images/default/100.jpg'],
    'datumaro-1.0',
  ],
  [
    'datumaro/cvat-ai-datumaro/with_pcd',
    ['annotations/default.json', 'point_clouds/default/0000000000.pcd'],
    'datumaro-1.0',
  ],
  [
    'labelme_3.0/cvat-ai-datumaro/labelme_dataset',
    ['img1.xml', 'img1.png', 'Masks/img1_mask_1.png'],
    'labelme-3.0',
  ],
];

describe('detectFormat', () => {
  for (const [dir, files, id] of CASES) {
    it(`detects ${dir} as ${id}`, async () => {
      const r = await detectFormat(await fixtureTree(dir, files));
      expect(r.best?.codec.id).to.equal(id);
      expect(r.unsure).to.equal(false);
    });
  }

  it('says when unsure', async () => {
    const r = await detectFormat(treeFromMap({ 'readme.txt': 'hello' }));
    expect(r.best === undefined || r.unsure).to.equal(true);
    const none = await detectFormat(treeFromMap({}), []);
    expect(none).to.deep.equal({ candidates: [], best: undefined, unsure: true });
  });

  it('does not claim other formats’ fixtures', async () => {
    const coco = await fixtureTree('coco/cvat-ai-datumaro/coco_instances', [
      'annotations/instances_train.json',
      'annotations/instances_val.json',
    ]);
    const r = await detectFormat(
      coco,
      ['cvat-images-1.1', 'cvat-video-1.1', 'datumaro-1.0', 'labelme-3.0'].map((i) =>
        findCodec(i)!,
      ),
    );
    expect(r.best).to.equal(undefined);
  });

  it('lists unique codec ids', () => {
    expect(new Set(codecs.map((c) => c.id)).size).to.equal(codecs.length);
    expect(findCodec('datumaro-1.0')?.name).to.equal('Datumaro 1.0');
  });
});
