// Builds the examples site and drives the embed pages (plain HTML, React, Vue, Svelte) and the
// controlled-mode page in headless Chromium: each renders the editor on the sample document
// without a console error, and drawing a box with the mouse reaches the host (its framework
// state shows the new object count and the commit); the controlled page refuses a tiny box and
// a box leaving the image, says why, and relabels new objects when asked.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startSiteBrowser } from './site-browser.mjs';

describe('embed examples', () => {
  let site;

  before(async () => {
    site = await startSiteBrowser();
  });
  after(async () => {
    await site?.close();
  });

  /** Opens an example page, collecting console errors, page errors and failed requests. */
  async function open(path) {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    // Every page marks the first frame shown (from annot-frame-load) on some element.
    await page.waitForSelector('[data-loaded="0"]', { state: 'attached' });
    return { page, errors };
  }

  /** Drags a rectangle with the rectangle tool from (fx, fy) of the stage by (dx, dy) px. */
  async function drawBox(page, fx, fy, dx, dy) {
    await page.locator('annot-toolbar [data-tool="draw-rectangle"]').click();
    const box = await page.locator('annot-canvas-2d .stage').boundingBox();
    const x = box.x + box.width * fx;
    const y = box.y + box.height * fy;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx / 2, y + dy / 2);
    await page.mouse.move(x + dx, y + dy);
    await page.mouse.up();
  }

  const editorObjects = (page) =>
    page.evaluate(() => globalThis.document.querySelector('annot-editor').document.objects());

  for (const path of ['/embed-plain/', '/embed-react/', '/embed-vue/', '/embed-svelte/']) {
    it(`${path}: renders the editor and reports a drawn box to the host`, async () => {
      const { page, errors } = await open(path);
      // The sample's two boxes reached the element as a property (not an attribute string).
      assert.equal(await page.locator('annot-object-list [role="row"]').count(), 2);
      assert.equal(await page.getAttribute('annot-editor', 'document'), null);
      assert.equal(await page.textContent('#objects'), '2');
      assert.equal(await page.textContent('#commits'), '0');

      await drawBox(page, 0.3, 0.2, 120, 80);
      await page.waitForFunction(
        () => globalThis.document.getElementById('commits')?.textContent === '1',
      );
      assert.equal(await page.textContent('#objects'), '3');
      assert.equal((await editorObjects(page)).length, 3);
      assert.equal(await page.locator('annot-object-list [role="row"]').count(), 3);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  for (const path of ['/embed-react/', '/embed-vue/', '/embed-svelte/']) {
    it(`${path}: the framework drives the editor's locale`, async () => {
      const { page, errors } = await open(path);
      await page.selectOption('#lang', 'de');
      await page.waitForFunction(
        () => globalThis.document.querySelector('annot-editor').locale === 'de',
      );
      assert.equal(
        await page.getAttribute('annot-toolbar [data-tool="select"]', 'aria-label'),
        'Auswählen',
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('/controlled/: refuses, explains, and rewrites through the host filter', async () => {
    const { page, errors } = await open('/controlled/');
    assert.equal(await page.textContent('#objects'), '2');

    // A 6 × 6 px drag: refused, nothing added, the reason shown.
    await drawBox(page, 0.3, 0.3, 6, 6);
    await page.waitForFunction(
      () => globalThis.document.getElementById('refused')?.textContent === '1',
    );
    assert.match(await page.textContent('#why'), /minimum is 10 × 10 px/);
    assert.equal((await editorObjects(page)).length, 2);

    // A normal box is applied as drawn (the first label that fits: car, id 1).
    await drawBox(page, 0.3, 0.3, 100, 60);
    await page.waitForFunction(
      () => globalThis.document.getElementById('applied')?.textContent === '1',
    );
    assert.equal(await page.textContent('#why'), '');
    let objects = await editorObjects(page);
    assert.equal(objects.length, 3);
    assert.equal(objects.at(-1).label, 1);

    // With "relabel as person" the next box is rewritten to person (id 2).
    await page.selectOption('#force-label', { label: 'person' });
    await drawBox(page, 0.55, 0.3, 100, 60);
    await page.waitForFunction(
      () => globalThis.document.getElementById('applied')?.textContent === '2',
    );
    objects = await editorObjects(page);
    assert.equal(objects.length, 4);
    assert.equal(objects.at(-1).label, 2);
    assert.deepEqual(objects.at(-1).attributes, {});

    // A box dragged past the right edge of the image is refused.
    const stage = await page.locator('annot-canvas-2d .stage').boundingBox();
    await drawBox(page, 0.9, 0.3, stage.width * 0.2, 60);
    await page.waitForFunction(
      () => globalThis.document.getElementById('refused')?.textContent === '2',
    );
    assert.match(await page.textContent('#why'), /would leave the 640 × 400 px image/);
    assert.equal((await editorObjects(page)).length, 4);
    assert.equal(await page.textContent('#objects'), '4');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
