/**
 * Does a large conversion block the page? The examples site's converter page imports a COCO
 * file of 100,000 boxes and exports it again, in its module worker (ours) and on the main thread
 * (baseline), in headless Chromium; the figure is the longest main-thread pause seen meanwhile:
 * the largest gap between ticks of a 5 ms interval timer (long tasks are reported too).
 *
 * A Node benchmark that drives Chromium itself: the page needs the site build, which bundles
 * the worker next to the page (the harness's browser bundles have no worker entry).
 */
import type { Browser } from 'playwright-core';
import type { Benchmark } from '../lib/types.js';

const ANNOTATIONS = 100_000;

interface PageRun {
  gap: number;
  longest: number;
  status: string;
}

async function measure(): Promise<{ worker: PageRun; main: PageRun }> {
  // Node-only modules are loaded here, not at the top level (see bench/README.md).
  const fs = await import('node:fs');
  const path = await import('node:path');
  const script = new URL('../../scripts/site-browser.mjs', import.meta.url).pathname;
  const { startSiteBrowser } = (await import(script)) as {
    startSiteBrowser: () => Promise<{
      url: string;
      outDir: string;
      browser: Browser;
      close: () => Promise<void>;
    }>;
  };
  const site = await startSiteBrowser();
  const { browser, outDir: out } = site;
  const images = Array.from({ length: 100 }, (_, i) => ({
    id: i + 1,
    file_name: `img${i}.jpg`,
    width: 1920,
    height: 1080,
  }));
  const annotations = Array.from({ length: ANNOTATIONS }, (_, i) => ({
    id: i + 1,
    image_id: (i % 100) + 1,
    category_id: 1,
    bbox: [i % 1000, (i * 7) % 900, 20, 30],
    area: 600,
    iscrowd: 0,
    segmentation: [],
  }));
  const file = path.join(out, 'instances_default.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ images, annotations, categories: [{ id: 1, name: 'car' }], info: {} }),
  );
  const run = async (inWorker: boolean): Promise<PageRun> => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/convert/`);
    await page.setInputFiles('#pick-file', file);
    await page.waitForFunction(
      () => !(document.getElementById('convert') as HTMLButtonElement).disabled,
      null,
      { timeout: 120_000 },
    );
    await page.setChecked('#use-worker', inWorker);
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __long: number };
      w.__gap = 0;
      w.__long = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long = Math.max(w.__long, e.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
      }, 5);
    });
    await page.click('#convert');
    await page.waitForFunction(
      () => /Done|failed|Cancelled/.test(document.getElementById('status')?.textContent ?? ''),
      null,
      { timeout: 300_000 },
    );
    const r = await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __long: number };
      return {
        gap: w.__gap,
        longest: w.__long,
        status: document.getElementById('status')?.textContent ?? '',
      };
    });
    await page.close();
    return r;
  };
  try {
    const worker = await run(true);
    const main = await run(false);
    return { worker, main };
  } finally {
    await site.close();
  }
}

/** The benchmarks of this module. */
export const benchmarks: Benchmark[] = [
  {
    name: 'formats: longest main-thread pause, COCO 100k import+export in the worker',
    unit: 'ms',
    target: '≤ 50 ms',
    targetCheck: (ours) => ours <= 50,
    env: 'node',
    run: async () => {
      const { worker, main } = await measure();
      if (worker.status !== 'Done.' || main.status !== 'Done.') {
        throw new Error(`conversion did not finish: ${worker.status} / ${main.status}`);
      }
      return {
        ours: worker.gap,
        baseline: main.gap,
        note:
          `largest timer gap in the worker ${worker.gap.toFixed(1)} ms (longest long task ` +
          `${worker.longest.toFixed(1)} ms); on the main thread ${main.gap.toFixed(1)} ms ` +
          `(long task ${main.longest.toFixed(1)} ms); ${ANNOTATIONS} boxes, import then export`,
      };
    },
  },
];
