// Runs every test: browser tests in Chromium through web-test-runner + Playwright, and Node-only
// tests (`*.node.test.ts`) with node's test runner. `--package <name>` limits to one package.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--package');
const pkg = i >= 0 ? args[i + 1] : undefined;
const root = new URL('..', import.meta.url).pathname;

function findFiles(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, suffix, out);
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

const packages = pkg ? [pkg] : readdirSync(join(root, 'packages'));
const nodeTests = packages.flatMap((p) =>
  findFiles(join(root, 'packages', p, 'src'), '.node.test.ts'),
);
const browserTests = packages.flatMap((p) =>
  findFiles(join(root, 'packages', p, 'src'), '.test.ts').filter(
    (f) => !f.endsWith('.node.test.ts'),
  ),
);

let failed = false;
if (nodeTests.length > 0) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...nodeTests], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed = true;
}
if (browserTests.length > 0) {
  ensureChromium();
  const env = { ...process.env };
  if (pkg) env.ANNOTKIT_TEST_PACKAGE = pkg;
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@web/test-runner/dist/bin.js'),
      '--config',
      'web-test-runner.config.mjs',
    ],
    { stdio: 'inherit', cwd: root, env },
  );
  if (r.status !== 0) failed = true;
}
if (nodeTests.length + browserTests.length === 0) {
  console.error('No tests found.');
  failed = true;
}
process.exit(failed ? 1 : 0);
