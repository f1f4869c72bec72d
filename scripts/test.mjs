// Runs every test: browser tests (`*.test.ts`) in Chromium through web-test-runner + Playwright,
// and Node-only tests (`*.node.test.ts` in packages, `*.node.test.mjs` in scripts/ and examples/)
// with node's test runner. `--package <name>` limits the run to one package. The last line of
// output is always `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { fixturesRoot } from './fixtures-middleware.mjs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { addCounts } from './test-counts.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--package');
const pkg = i >= 0 ? args[i + 1] : undefined;
const root = new URL('..', import.meta.url).pathname;

function findFiles(dir, suffix, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, suffix, out);
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

if (pkg && !existsSync(join(root, 'packages', pkg))) {
  console.error(`Unknown package "${pkg}" (expected a folder under packages/).`);
  process.exit(1);
}
const packages = pkg ? [pkg] : readdirSync(join(root, 'packages'));
const nodeTests = [
  ...packages.flatMap((p) => findFiles(join(root, 'packages', p, 'src'), '.node.test.ts')),
  ...(pkg
    ? []
    : ['scripts', 'examples'].flatMap((d) => findFiles(join(root, d), '.node.test.mjs'))),
];
const browserTests = packages.flatMap((p) =>
  findFiles(join(root, 'packages', p, 'src'), '.test.ts').filter(
    (f) => !f.endsWith('.node.test.ts'),
  ),
);

// Browser tests and the examples-site test (a Node test driving Chromium) need Chromium.
if (browserTests.length > 0 || !pkg) ensureChromium();

const tmp = mkdtempSync(join(tmpdir(), 'annotkit-test-'));
let counts = { passed: 0, failed: 0, skipped: 0 };

/** Reads a counts file written by a reporter; a run that crashed before writing it failed. */
function readCounts(file, what) {
  if (!existsSync(file)) {
    console.error(`${what} did not report results.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  return JSON.parse(readFileSync(file, 'utf8').trim());
}

if (nodeTests.length > 0) {
  const countsFile = join(tmp, 'node.json');
  const r = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/node-test-counts.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...nodeTests,
    ],
    // Node tests find the shared fixtures through ANNOTKIT_FIXTURES (never by a path that
    // leaves the repository).
    { stdio: 'inherit', cwd: root, env: { ...process.env, ANNOTKIT_FIXTURES: fixturesRoot } },
  );
  const c = readCounts(countsFile, 'node --test');
  if (r.status !== 0 && c.failed === 0) c.failed = 1;
  counts = addCounts(counts, c);
}
if (browserTests.length > 0) {
  const countsFile = join(tmp, 'browser.json');
  const env = { ...process.env, ANNOTKIT_WTR_COUNTS: countsFile };
  if (pkg) env.ANNOTKIT_TEST_PACKAGE = pkg;
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'scripts/wtr.config.mjs'],
    { stdio: 'inherit', cwd: root, env },
  );
  const c = readCounts(countsFile, 'web-test-runner');
  if (r.status !== 0 && c.failed === 0) c.failed = 1;
  counts = addCounts(counts, c);
}
rmSync(tmp, { recursive: true, force: true });
if (nodeTests.length + browserTests.length === 0) {
  // A placeholder package has no tests yet; the whole repository without tests is an error.
  console.error(pkg ? `No tests in packages/${pkg}.` : 'No tests found.');
  if (!pkg) counts.failed++;
}
const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
process.exit(counts.failed > 0 ? 1 : 0);
