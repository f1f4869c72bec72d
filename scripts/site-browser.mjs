// The examples site built into a temp folder, served on localhost (cross-origin isolated) and a
// headless Chromium to drive it: what the example-page tests and the worker benchmark share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { buildSite } from './site.mjs';
import { serveStatic } from './static-server.mjs';

/**
 * Builds and serves the site and launches Chromium. Returns `{ url, outDir, browser, close }`;
 * `close()` stops the browser and the server and removes the build.
 */
export async function startSiteBrowser() {
  const outDir = mkdtempSync(join(tmpdir(), 'annotkit-site-'));
  await buildSite(outDir);
  const server = await serveStatic([outDir]);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  return {
    url: server.url,
    outDir,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
