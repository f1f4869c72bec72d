// Builds Storybook once (static, offline: telemetry off, no network needed) into a temp folder,
// serves it and opens every story's iframe (`iframe.html?id=…`, ids from index.json) in headless
// Chromium: each story renders its element (an `annot-*` element with rendered shadow content)
// without a console error, page error or failed request, and every element folder of
// packages/elements has stories. A few states are checked for what they promise: 10,000 rows
// in the object list, German strings, and the controlled editor refusing a Delete.
//
// Measured on 2 shared cores: the build takes about 10 s, the 45 stories about 30 s.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { root } from './site.mjs';
import { serveStatic } from './static-server.mjs';

/** Element folders of packages/elements (each defines one element, `annot-<folder>`). */
function elementFolders() {
  const dir = join(root, 'packages/elements/src/elements');
  return readdirSync(dir).filter((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() && readdirSync(path).includes(`${name}.ts`);
  });
}

describe('storybook', () => {
  let outDir;
  let server;
  let browser;
  let stories;

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'annotkit-storybook-'));
    const build = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/storybook/dist/bin/dispatcher.js'),
        'build',
        '-o',
        outDir,
        '--quiet',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1' },
      },
    );
    assert.equal(build.status, 0, `storybook build failed:\n${build.stdout}\n${build.stderr}`);
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    server = await serveStatic([outDir]);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Opens one story's iframe and waits until its element has rendered. */
  async function openStory(id) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    const tag = await page
      .waitForFunction(
        () => {
          const rootEl = globalThis.document.getElementById('storybook-root');
          const el =
            rootEl &&
            [...rootEl.querySelectorAll('*')].find((e) => e.localName.startsWith('annot-'));
          if (!el?.shadowRoot || el.shadowRoot.childElementCount === 0) return false;
          return el.isUpdatePending ? false : el.localName;
        },
        undefined,
        { timeout: 10_000 },
      )
      .then(
        (h) => h.jsonValue(),
        (e) => {
          throw new Error(
            `${id} did not render an annot-* element: ${e.message}\n${errors.join('\n')}`,
          );
        },
      );
    const showsError = await page.evaluate(() =>
      globalThis.document.body.classList.contains('sb-show-errordisplay'),
    );
    assert.equal(showsError, false, `${id}: Storybook shows a render error`);
    return { page, errors, tag };
  }

  it('has stories for every element folder', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const folder of elementFolders()) {
      assert.ok(titles.has(`Elements/annot-${folder}`), `no stories for annot-${folder}`);
    }
  });

  it('renders every story without a console error', async () => {
    assert.ok(stories.length >= 40, `only ${stories.length} stories`);
    // Every story is opened even after a failure, so one run lists all broken stories.
    const failures = [];
    const check = async (story) => {
      try {
        const { page, errors, tag } = await openStory(story.id);
        assert.equal(tag, story.title.replace('Elements/', ''), `${story.id} renders ${tag}`);
        // Let a first frame (images, canvas layout) settle before collecting errors.
        await page.waitForTimeout(100);
        assert.deepEqual(errors, [], `errors in ${story.id}`);
        await page.close();
      } catch (e) {
        failures.push(e.message.split('\n')[0]);
      }
    };
    // A few pages at a time: each story is a page load of the whole preview bundle.
    const queue = [...stories];
    const lane = async () => {
      for (let story = queue.shift(); story; story = queue.shift()) await check(story);
    };
    await Promise.all([lane(), lane(), lane()]);
    failures.sort();
    assert.deepEqual(failures, []);
  });

  it('shows 10,000 rows in the object list story', async () => {
    const { page } = await openStory('elements-annot-object-list--many-objects');
    assert.equal(
      await page.getAttribute('annot-object-list [aria-rowcount]', 'aria-rowcount'),
      '10000',
    );
    // Virtualised: far fewer rows in the DOM than in the list.
    assert.ok((await page.locator('annot-object-list [role="row"]').count()) < 100);
    await page.close();
  });

  it('speaks German in the German editor story', async () => {
    const { page } = await openStory('elements-annot-editor--german');
    assert.equal(
      await page.getAttribute('annot-toolbar [data-tool="select"]', 'aria-label'),
      'Auswählen',
    );
    await page.close();
  });

  it('refuses edits in the controlled editor story', async () => {
    const { page, errors } = await openStory('elements-annot-editor--controlled-rejecting-edits');
    const rows = page.locator('annot-object-list [role="row"]');
    assert.equal(await rows.count(), 3);
    await rows.first().click();
    await page.locator('annot-editor').focus();
    await page.keyboard.press('Delete');
    await page.waitForSelector('annot-editor[data-rejected="1"]');
    assert.equal(await rows.count(), 3);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
