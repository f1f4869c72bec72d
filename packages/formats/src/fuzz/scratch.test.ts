import { importDataset } from '../api/dataset.js';
import { treeFromMap } from '../tree/memory.js';

describe('scratch', () => {
  it('labelme png flip', async () => {
    const dir = 'labelme_3.0/cvat-ai-datumaro/labelme_dataset';
    const map = new Map<string, Uint8Array>();
    for (const f of ['img1.xml', 'img1.png', 'Masks/img1_mask_1.png']) {
      map.set(f, new Uint8Array(await (await fetch(`/__fixtures__/${dir}/${f}`)).arrayBuffer()));
    }
    const b = map.get('Masks/img1_mask_1.png')!.slice();
    b[0] ^= 1;
    map.set('Masks/img1_mask_1.png', b);
    try {
      await importDataset(treeFromMap(map), { format: 'labelme-3.0' });
      console.log('no error');
    } catch (e) {
      console.log('ERR', String(e), (e as Error).constructor.name, (e as Error).stack);
    }
  });
});
