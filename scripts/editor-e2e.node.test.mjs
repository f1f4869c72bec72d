// End to end: the full editor demo (examples/editor/) driven as a new user would, with the real
// mouse and keyboard through Playwright in headless Chromium. Draws one shape with every 2D
// drawing tool of the toolbar, edits shapes by dragging, relabels with the picker and the number
// keys, edits an attribute in the panel, undoes/redoes with the keyboard, edits attributes in
// attribute annotation mode, and exports CVAT XML and COCO through the import/export menu and
// imports them back. Geometry is read
// back from the editor's document (the public `editor.document`), rows from the object list.
import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSiteBrowser } from './site-browser.mjs';

/** Open the demo and wait for its first frame. Returns the page and small helpers. */
async function openEditor(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${url}/editor/`, { waitUntil: 'load' });
  await page.waitForSelector('#frame-status[data-loaded="0"]', { state: 'attached' });

  /** The document's objects on the current frame, as plain data. */
  const objects = () =>
    page.evaluate(() => {
      const ed = globalThis.document.getElementById('editor');
      return ed.document
        .objects()
        .filter((o) => o.kind === 'shape' && o.frame === ed.controller.frame)
        .map((o) => ({
          id: o.id,
          label: o.label,
          type: o.geometry.type,
          points: o.geometry.points ? [...o.geometry.points] : null,
          attributes: { ...o.attributes },
        }));
    });
  /** Object ids shown as rows of the object list. */
  const rowIds = () =>
    page.$$eval('annot-object-list [role="row"]', (rows) =>
      rows.map((r) => Number(r.getAttribute('data-id'))),
    );
  /** Screen position of an image-space point (the canvas's current view transform). */
  const screen = async (x, y) => {
    const box = await page.locator('annot-canvas-2d .stage').boundingBox();
    const view = await page.evaluate(() => {
      const v = globalThis.document
        .getElementById('editor')
        .shadowRoot.querySelector('annot-canvas-2d').canvas.view;
      return { scale: v.scale, offsetX: v.offsetX, offsetY: v.offsetY };
    });
    return [box.x + x * view.scale + view.offsetX, box.y + y * view.scale + view.offsetY];
  };
  const tool = (id) => page.locator(`annot-toolbar [data-tool="${id}"]`).click();
  const click = async (x, y) => {
    const [sx, sy] = await screen(x, y);
    await page.mouse.click(sx, sy);
  };
  const drag = async (x0, y0, x1, y1) => {
    const [a, b] = await screen(x0, y0);
    const [c, d] = await screen(x1, y1);
    await page.mouse.move(a, b);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++)
      await page.mouse.move(a + ((c - a) * i) / 5, b + ((d - b) * i) / 5);
    await page.mouse.up();
  };
  return { page, errors, objects, rowIds, screen, tool, click, drag };
}

/** The object that is in `after` and not in `before`. */
function added(before, after) {
  const known = new Set(before.map((o) => o.id));
  const fresh = after.filter((o) => !known.has(o.id));
  assert.equal(fresh.length, 1, `expected one new object, got ${JSON.stringify(fresh)}`);
  return fresh[0];
}

describe('editor end to end (examples/editor, real mouse and keyboard)', () => {
  let site;
  before(async () => {
    site = await startSiteBrowser();
  });
  after(async () => {
    await site?.close();
  });

  it('draws every 2D shape type of the toolbar and lists each one', async () => {
    const { page, errors, objects, rowIds, tool, click, drag } = await openEditor(
      site.browser,
      site.url,
    );
    // Each gesture draws in its own area of the 960 × 540 sample frame.
    const gestures = [
      ['draw-rectangle', 'rectangle', () => drag(40, 40, 140, 110)],
      [
        'draw-rectangle-4',
        'rectangle',
        async () => {
          await click(200, 60);
          await click(260, 30);
          await click(320, 60);
          await click(260, 120);
        },
      ],
      [
        'draw-polygon',
        'polygon',
        async () => {
          await click(400, 40);
          await click(500, 50);
          await click(470, 130);
          await page.keyboard.press('Enter');
        },
      ],
      [
        'draw-polyline',
        'polyline',
        async () => {
          await click(560, 40);
          await click(620, 90);
          await click(680, 40);
          await page.keyboard.press('Enter');
        },
      ],
      [
        'draw-points',
        'points',
        async () => {
          await click(740, 50);
          await click(780, 70);
          await page.keyboard.press('Enter');
        },
      ],
      ['draw-ellipse', 'ellipse', () => drag(840, 40, 940, 110)],
      ['draw-cuboid', 'cuboid', () => drag(560, 200, 640, 260)],
      [
        'draw-skeleton',
        'skeleton',
        async () => {
          // Sublabels in order: head, hip, left foot, right foot (finishes at the last one).
          await click(880, 160);
          await click(880, 220);
          await click(860, 280);
          await click(900, 280);
        },
      ],
      [
        'brush',
        'mask',
        async () => {
          await drag(60, 200, 160, 240);
          await page.keyboard.press('Enter');
        },
      ],
    ];
    const rowsAtStart = (await rowIds()).length;
    for (const [id, type, gesture] of gestures) {
      const before = await objects();
      const countBefore = await page.evaluate(
        () => globalThis.document.getElementById('editor').document.objects().length,
      );
      await tool(id);
      await gesture();
      await page
        .waitForFunction(
          (n) => globalThis.document.getElementById('editor').document.objects().length > n,
          countBefore,
          { timeout: 5000 },
        )
        .catch(async (e) => {
          // A picture of the failure helps more than the timeout alone.
          await page.screenshot({ path: join(tmpdir(), 'annotkit-editor-e2e-failure.png') });
          throw new Error(`${id} drew nothing: ${e.message}`);
        });
      const after = await objects();
      assert.equal(after.length, before.length + 1, `${id}: ${JSON.stringify(after.slice(-2))}`);
      const shape = added(before, after);
      assert.equal(shape.type, type, `${id} drew a ${type}`);
      await page.waitForFunction(
        (sid) =>
          !!globalThis.document
            .getElementById('editor')
            .shadowRoot.querySelector('annot-object-list')
            .shadowRoot.querySelector(`[role="row"][data-id="${sid}"]`),
        shape.id,
        { timeout: 5000 },
      );
    }
    assert.equal((await rowIds()).length, rowsAtStart + gestures.length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('moves a rectangle and a polygon vertex by dragging, relabels, edits an attribute, undoes and redoes', async () => {
    const { page, errors, objects, rowIds, tool, click, drag } = await openEditor(
      site.browser,
      site.url,
    );
    const byId = async (id) => (await objects()).find((o) => o.id === id);

    // A rectangle and a polygon to edit.
    let before = await objects();
    await tool('draw-rectangle');
    await drag(60, 60, 160, 140);
    const rect = added(before, await objects());
    before = await objects();
    await tool('draw-polygon');
    await click(400, 60);
    await click(520, 60);
    await click(460, 160);
    await page.keyboard.press('Enter');
    const poly = added(before, await objects());

    // Move the rectangle: select tool, drag from its inside by (+50, +30) image px.
    await tool('select');
    await drag(110, 100, 160, 130);
    const moved = await byId(rect.id);
    assert.ok(Math.abs(moved.points[0] - (rect.points[0] + 50)) <= 2, JSON.stringify(moved));
    assert.ok(Math.abs(moved.points[1] - (rect.points[1] + 30)) <= 2, JSON.stringify(moved));

    // Drag the polygon's third vertex (460,160) to (480,200) with the edit tool.
    await tool('edit');
    await click(460, 90); // select the polygon (inside it)
    await drag(poly.points[4], poly.points[5], poly.points[4] + 20, poly.points[5] + 40);
    const reshaped = await byId(poly.id);
    assert.ok(Math.abs(reshaped.points[4] - (poly.points[4] + 20)) <= 2, JSON.stringify(reshaped));
    assert.ok(Math.abs(reshaped.points[5] - (poly.points[5] + 40)) <= 2, JSON.stringify(reshaped));
    // The other vertices stayed.
    assert.deepEqual(reshaped.points.slice(0, 4), poly.points.slice(0, 4));

    // Relabel the rectangle: select it from the object list, then the label picker.
    await tool('select');
    await page.locator(`annot-object-list [role="row"][data-id="${rect.id}"] .name`).click();
    const labels = await page.$$eval('annot-label-picker [role="radio"]', (rs) =>
      rs.map((r) => ({ id: Number(r.getAttribute('data-label')), text: r.textContent.trim() })),
    );
    const person = labels.find((l) => l.text.startsWith('person'));
    const car = labels.find((l) => l.text.startsWith('car'));
    await page.locator(`annot-label-picker [data-label="${person.id}"]`).click();
    assert.equal((await byId(rect.id)).label, person.id);
    // Key 1 = the first label (car), with focus in the editor.
    await page.locator('annot-editor').focus();
    await page.keyboard.press('1');
    assert.equal((await byId(rect.id)).label, car.id);
    assert.equal(labels[0].id, car.id);

    // Attribute panel: color → blue.
    const colorSelect = page.locator('annot-attribute-panel select[data-attribute]', {
      has: page.locator('option[value="blue"]'),
    });
    await colorSelect.selectOption('blue');
    const attrs = (await byId(rect.id)).attributes;
    assert.ok(Object.values(attrs).includes('blue'), JSON.stringify(attrs));

    // Undo/redo with the keyboard: attribute, then label, then redo both.
    await page.locator('annot-editor').focus();
    await page.keyboard.press('Control+z');
    assert.ok(!Object.values((await byId(rect.id)).attributes).includes('blue'));
    await page.keyboard.press('Control+z');
    assert.equal((await byId(rect.id)).label, person.id);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    assert.equal((await byId(rect.id)).label, car.id);
    assert.ok(Object.values((await byId(rect.id)).attributes).includes('blue'));
    // Undo back to before the polygon existed: its row leaves the list; redo brings it back.
    const rows = await rowIds();
    assert.ok(rows.includes(poly.id));
    let steps = 0;
    while ((await byId(poly.id)) !== undefined && steps < 20) {
      await page.keyboard.press('Control+z');
      steps++;
    }
    assert.equal(await byId(poly.id), undefined);
    assert.ok(!(await rowIds()).includes(poly.id));
    for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
    const redone = await byId(poly.id);
    assert.deepEqual(redone.points, reshaped.points);
    assert.equal((await byId(rect.id)).label, car.id);
    assert.deepEqual(await rowIds(), rows);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('edits attributes in attribute annotation mode with the keyboard, undoes one value', async () => {
    const { page, errors } = await openEditor(site.browser, site.url);
    const checked = () =>
      page.$$eval('annot-attribute-mode [role="radio"][aria-checked="true"]', (b) =>
        b.map((x) => x.getAttribute('data-value')),
      );
    await page.locator('annot-editor').focus();
    await page.keyboard.press('Shift+A');
    await page.waitForSelector('annot-attribute-mode [role="radiogroup"]');
    const current = await page.evaluate(
      () => globalThis.document.getElementById('editor').controller.selection[0],
    );
    assert.ok(current !== undefined, 'attribute mode selects an object');
    const values = await page.$$eval('annot-attribute-mode [role="radio"]', (b) =>
      b.map((x) => x.getAttribute('data-value')),
    );
    assert.ok(values.length >= 2, JSON.stringify(values));
    const [before] = await checked();
    // Digit 2 picks the second value of the current attribute: one undo step.
    await page.keyboard.press('2');
    assert.deepEqual(await checked(), [values[1]]);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await checked(), [before]);
    // Tab goes to the next object of the frame.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(
      () => globalThis.document.getElementById('editor').controller.selection[0],
    );
    assert.notEqual(next, current);
    await page.keyboard.press('Escape');
    await page.waitForSelector('annot-attribute-mode', { state: 'detached' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('exports COCO and CVAT XML from the import/export menu and imports them back', async () => {
    /** Shapes per type over all frames, plus the track count. */
    const census = (page) =>
      page.evaluate(() => {
        const out = {};
        for (const o of globalThis.document.getElementById('editor').document.objects()) {
          const k = o.kind === 'shape' ? o.geometry.type : o.kind;
          out[k] = (out[k] ?? 0) + 1;
        }
        return out;
      });
    // A fresh demo page per format, so that each export starts from the sample document.
    const roundTrip = async (format) => {
      const { page, errors } = await openEditor(site.browser, site.url);
      const original = await census(page);
      await page.locator('annot-editor .open-io').click();
      await page.locator('annot-io-menu select.export-format').selectOption(format);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('annot-io-menu .export-button').click(),
      ]);
      const file = join(tmpdir(), `annotkit-e2e-${process.pid}-${format}.zip`);
      await download.saveAs(file);
      await page.evaluate(() => {
        globalThis.exportedFrom = globalThis.document.getElementById('editor').document;
      });
      await page.locator('annot-io-menu input.files').setInputFiles(file);
      await page.locator('annot-io-menu .confirm-import').click();
      await page.waitForSelector('annot-io-menu .confirm-import', { state: 'detached' });
      const imported = await census(page);
      const replaced = await page.evaluate(
        () => globalThis.document.getElementById('editor').document !== globalThis.exportedFrom,
      );
      assert.ok(replaced, `${format}: the imported document replaced the editor's`);
      assert.deepEqual(errors, []);
      await page.close();
      return { original, imported };
    };

    // CVAT for images keeps every shape type of the demo; a track comes back as one box per
    // frame it is visible on.
    const cvat = await roundTrip('cvat-images-1.1');
    for (const type of ['polygon', 'skeleton', 'points', 'polyline', 'ellipse', 'mask']) {
      assert.equal(cvat.imported[type], cvat.original[type], type);
    }
    assert.ok(cvat.imported.rectangle > cvat.original.rectangle, JSON.stringify(cvat));
    assert.equal(cvat.imported.track, undefined);

    // COCO keeps boxes and polygons, and the track through its track_id attributes.
    const coco = await roundTrip('coco-1.0');
    assert.deepEqual(coco.imported, coco.original);
  });
});
