// Builds the examples site into a temp dir, serves it cross-origin isolated and drives it with
// headless Chromium: every page loads without a console error, and the document viewer steps
// through frames.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startSiteBrowser } from './site-browser.mjs';

describe('examples site', () => {
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

  /** Opens `path` and collects console errors, page errors and failed requests. */
  async function open(path) {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  it('serves a landing page that links every example, cross-origin isolated', async () => {
    const { page, errors } = await open('/');
    const links = await page.$$eval('#examples a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [
      './editor/',
      './document-viewer/',
      './canvas2d-boxes/',
      './canvas2d-polygons/',
      './canvas2d-masks/',
      './canvas2d-skeletons/',
      './canvas2d-cuboids/',
      './canvas2d-stress/',
      './convert/',
      './embed-plain/',
      './embed-react/',
      './embed-vue/',
      './embed-svelte/',
      './controlled/',
    ]);
    assert.equal(await page.evaluate(() => globalThis.crossOriginIsolated), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('loads every example page without a console error', async () => {
    const { page: landing } = await open('/');
    const links = await landing.$$eval('#examples a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    await landing.close();
    for (const link of links) {
      const { page, errors } = await open(`/${link.replace(/^\.\//, '')}`);
      // Let module scripts run and their first frame render.
      await page.waitForTimeout(500);
      assert.deepEqual(errors, [], `errors on ${link}`);
      await page.close();
    }
  });

  it('shows the document viewer frames and steps through them', async () => {
    const { page, errors } = await open('/document-viewer/');
    await page.waitForSelector('#frame[data-frame="0"]');
    const summary = await page.textContent('#summary');
    assert.match(summary, /40 frames, 3 labels, 2 shapes, 2 tracks, 2 tags/);
    const idsAt = () =>
      page.$$eval('#objects tr[data-object-id]', (rows) =>
        rows.map((r) => Number(r.dataset.objectId)).sort((a, b) => a - b),
      );
    // Frame 0: the car track, the points shape and the first weather tag.
    assert.deepEqual(await idsAt(), [1, 3, 5]);
    assert.equal(await page.isDisabled('#prev'), true);
    for (let i = 0; i < 10; i++) await page.click('#next');
    await page.waitForSelector('#frame[data-frame="10"]');
    // Frame 10: the car (interpolated), the person track (since frame 5) and the ellipse shape.
    assert.deepEqual(await idsAt(), [1, 2, 4]);
    const carRow = await page.textContent('#objects tr[data-object-id="1"]');
    assert.match(carRow, /interpolated/);
    assert.match(carRow, /rectangle \(170, 195\)–\(300, 280\), 5°/);
    await page.click('#prev');
    await page.waitForSelector('#frame[data-frame="9"]');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
