// Builds the examples site, serves it and drives the full-editor page (examples/editor/) in headless Chromium:
// it loads without a console error, shows the sample frames, reacts to the keyboard, draws a
// rectangle with the mouse and switches language.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startSiteBrowser } from './site-browser.mjs';

describe('examples/editor', () => {
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

  it('is linked first from the landing page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const first = await page.$eval('#examples a', (a) => a.getAttribute('href'));
    assert.equal(first, './editor/');
    await page.close();
  });

  it('runs the full editor on the generated frames', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await page.goto(`${server.url}/editor/`, { waitUntil: 'load' });
    await page.waitForSelector('#frame-status[data-loaded="0"]', { state: 'attached' });
    const count = () =>
      page.evaluate(() => globalThis.document.getElementById('editor').document.objects().length);
    assert.equal(await count(), 4);
    // Playwright's CSS engine pierces open shadow roots.
    assert.equal(await page.locator('annot-object-list [role="row"]').count(), 4);
    assert.equal(await page.locator('annot-toolbar [data-tool]').count(), 14);

    // Keyboard: F goes to the next frame (focus is on the editor).
    await page.locator('annot-editor').focus();
    await page.keyboard.press('f');
    await page.waitForSelector('#frame-status[data-loaded="1"]', { state: 'attached' });
    assert.equal(await page.getAttribute('annot-editor', 'frame'), '1');
    // Frame 1 shows only the interpolated car track.
    assert.equal(await page.locator('annot-object-list [role="row"]').count(), 1);

    // Draw a rectangle with the mouse.
    await page.locator('annot-toolbar [data-tool="draw-rectangle"]').click();
    const box = await page.locator('annot-canvas-2d .stage').boundingBox();
    const x = box.x + box.width * 0.3;
    const y = box.y + box.height * 0.2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y + 40);
    await page.mouse.move(x + 120, y + 80);
    await page.mouse.up();
    assert.equal(await count(), 5);
    assert.match(await page.textContent('#log'), /commit #1: transaction \(create\)/);
    assert.equal(await page.locator('annot-object-list [role="row"]').count(), 2);

    // Undo with the keyboard, then switch to German.
    await page.keyboard.press('Control+z');
    assert.equal(await count(), 4);
    await page.selectOption('#lang', 'de');
    assert.equal(
      await page.getAttribute('annot-toolbar [data-tool="select"]', 'aria-label'),
      'Auswählen',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
