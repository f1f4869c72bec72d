import { importDataset, exportDataset } from './dataset.js';
import { createFormatsWorker } from './worker.js';

function bigCoco(n: number): string {
  const images = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, file_name: `img${i}.jpg`, width: 640, height: 480 }));
  const annotations = Array.from({ length: n }, (_, i) => ({
    id: i + 1, image_id: (i % 1000) + 1, category_id: 1, bbox: [i % 600, i % 400, 20, 30], area: 600, iscrowd: 0,
    segmentation: [[i % 600, i % 400, (i % 600) + 20, i % 400, (i % 600) + 20, (i % 400) + 30]],
  }));
  return JSON.stringify({ categories: [{ id: 1, name: 'box', supercategory: '' }], images, annotations });
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  const gaps: number[] = [];
  let last = performance.now();
  let running = true;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (running) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
  const t0 = performance.now();
  await fn();
  const total = performance.now() - t0;
  running = false;
  gaps.sort((a, b) => b - a);
  console.log(`${label}: total ${total.toFixed(0)} ms, longest block ${gaps[0]?.toFixed(0)} ms, next ${gaps.slice(1, 4).map((g) => g.toFixed(0)).join(',')}`);
}

describe('measure blocking', () => {
  it('100k COCO', async () => {
    const text = bigCoco(100_000);
    const file = new File([text], 'instances_default.json');
    console.log(`input ${(text.length / 1e6).toFixed(1)} MB`);
    let doc: any;
    await measure('main import', async () => { doc = (await importDataset([file], { format: 'coco-1.0' })).document; });
    await measure('main export coco', async () => { await exportDataset(doc, 'coco-1.0'); });
    await measure('main export cvat', async () => { await exportDataset(doc, 'cvat-images-1.1'); });
    const w = createFormatsWorker();
    await w.formats();
    await measure('worker import', async () => { doc = (await w.importDataset([file], { format: 'coco-1.0' })).document; });
    await measure('worker export coco', async () => { await w.exportDataset(doc, 'coco-1.0'); });
    w.terminate();
  });
});
