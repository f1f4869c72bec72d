// The canvas2d example pages in headless Chromium: each loads without a console error, a tool
// from its toolbar draws with the real mouse (one more object, Undo removes it), and the stress
// page builds 100,000 polygons and reports frame times for a scripted pan/zoom gesture.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startSiteBrowser } from './site-browser.mjs';

/** Page, tool button, and the mouse gesture (stage px) that draws one object with it. */
const PAGES = [
  {
    path: '/canvas2d-boxes/',
    tool: 'Rectangle',
    drag: [
      [300, 200],
      [420, 300],
    ],
  },
  {
    path: '/canvas2d-polygons/',
    tool: 'Polygon',
    clicks: [
      [500, 100],
      [600, 120],
      [560, 220],
    ],
  },
  {
    path: '/canvas2d-masks/',
    tool: 'Brush (sky)',
    drag: [
      [300, 100],
      [500, 160],
    ],
  },
  {
    path: '/canvas2d-skeletons/',
    tool: 'Skeleton from template',
    drag: [
      [300, 100],
      [420, 300],
    ],
  },
  {
    path: '/canvas2d-cuboids/',
    tool: 'Cuboid from rectangle',
    drag: [
      [300, 200],
      [420, 300],
    ],
  },
];

describe('canvas2d example pages', () => {
  let site;
  let server;
  let browser;

  before(async () => {
    site = await startSiteBrowser();
    server = site;
    browser = site.browser;
  });
  after(async () => {
    await site?.close();
  });

  async function open(path) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  const objects = (page) => page.$eval('#status', (el) => Number(el.dataset.objects));

  for (const spec of PAGES) {
    it(`${spec.path}: loads cleanly and "${spec.tool}" draws one object (undoable)`, async () => {
      const { page, errors } = await open(spec.path);
      await page.waitForSelector('body[data-ready="true"]');
      const before = await objects(page);
      await page.getByRole('button', { name: spec.tool, exact: true }).click();
      const box = await page.locator('#stage').boundingBox();
      const at = ([x, y]) => [box.x + x, box.y + y];
      if (spec.drag) {
        const [from, to] = spec.drag.map(at);
        await page.mouse.move(...from);
        await page.mouse.down();
        for (let i = 1; i <= 8; i++) {
          await page.mouse.move(
            from[0] + ((to[0] - from[0]) * i) / 8,
            from[1] + ((to[1] - from[1]) * i) / 8,
          );
        }
        await page.mouse.up();
      } else {
        for (const p of spec.clicks) await page.mouse.click(...at(p));
        await page.keyboard.press('Enter');
      }
      // Some tools keep a stroke open until Enter; Enter is harmless for the others.
      if ((await objects(page)) === before) await page.keyboard.press('Enter');
      assert.equal(await objects(page), before + 1, `${spec.tool} should add one object`);
      await page.click('#undo');
      assert.equal(await objects(page), before);
      // View controls run without errors.
      for (const name of ['Rotate 90°', 'Grid', 'Crosshair', 'Text', 'Fit', '1:1']) {
        await page.getByRole('button', { name, exact: true }).click();
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('/canvas2d-stress/: builds 100,000 polygons and measures a pan/zoom gesture', async (t) => {
    const { page, errors } = await open('/canvas2d-stress/');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 180_000 });
    const build = await page.textContent('#build');
    assert.match(build, /100,000 polygons × 16 vertices/);
    assert.match(build, /100,000 indexed/);
    await page.click('#run');
    await page.waitForSelector('#gesture[data-p95]', { timeout: 180_000 });
    const frames = await page.textContent('#gesture');
    t.diagnostic(`${build} ${frames}`);
    const p95 = Number(await page.$eval('#gesture', (el) => el.dataset.p95));
    assert.ok(Number.isFinite(p95) && p95 > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
