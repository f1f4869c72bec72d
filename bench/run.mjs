// `npm run bench [filter]`: discovers bench/<area>/*.bench.ts, runs Node benchmarks through tsx
// and browser benchmarks in headless Chromium (esbuild bundle, served cross-origin isolated),
// prints one table and writes bench/results.json. It reports; it never fails on a missed target.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = join(benchDir, '..');
const buildDir = join(benchDir, '.build');
const filter = process.argv[2];

/** Every `bench/<area>/*.bench.ts`, sorted, optionally filtered by a substring of the path. */
function discover() {
  const files = [];
  for (const area of readdirSync(benchDir, { withFileTypes: true })) {
    if (!area.isDirectory() || area.name.startsWith('.') || area.name === 'lib') continue;
    for (const f of readdirSync(join(benchDir, area.name))) {
      if (f.endsWith('.bench.ts')) files.push(join(benchDir, area.name, f));
    }
  }
  return files.sort().filter((f) => !filter || relative(benchDir, f).includes(filter));
}

/** Runs a module's Node benchmarks in a fresh process. Returns rows (possibly none). */
function runNode(file) {
  const out = join(buildDir, `${basename(file, '.ts')}.node.json`);
  const r = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      join(benchDir, 'lib/nodeEntry.ts'),
      file,
      out,
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0 || !existsSync(out)) {
    return { error: `node run of ${relative(root, file)} exited with ${r.status}` };
  }
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Bundles a module for the browser with the `source` export condition. */
async function bundle(file) {
  const name = `${relative(benchDir, file).replace(/[\\/]/g, '__').replace(/\.ts$/, '')}.js`;
  await build({
    stdin: {
      contents:
        `import { benchmarks } from ${JSON.stringify(file)};\n` +
        `import { executeBenchmarks } from ${JSON.stringify(join(benchDir, 'lib/execute.ts'))};\n` +
        `export const run = () => executeBenchmarks(benchmarks, 'browser');\n`,
      resolveDir: benchDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    sourcemap: 'inline',
    outfile: join(buildDir, name),
    logLevel: 'warning',
  });
  return name;
}

function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 0.01) return v.toFixed(3);
  return v.toPrecision(3);
}

function printTable(rows) {
  const header = ['benchmark', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.name,
    `${fmt(r.ours)} ${r.unit}`,
    `${fmt(r.baseline)} ${r.unit}`,
    `${fmt(r.ratio)}×`,
    r.target,
    r.error ? 'ERROR' : r.pass === null ? 'n/a' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(row(l));
  for (const r of rows) {
    if (r.note) console.log(`  ${r.name}: ${r.note}`);
    if (r.error)
      console.log(`  ${r.name}: ERROR ${r.error.split('\n').slice(0, 4).join('\n    ')}`);
  }
}

rmSync(buildDir, { recursive: true, force: true });
mkdirSync(buildDir, { recursive: true });
const files = discover();
if (files.length === 0) {
  console.error(`No benchmarks found${filter ? ` matching "${filter}"` : ''}.`);
  process.exit(1);
}
const rows = [];
const problems = [];
const browserFiles = [];
const order = [];
for (const file of files) {
  console.error(`[bench] node: ${relative(root, file)}`);
  const r = runNode(file);
  if (r.error) problems.push(r.error);
  else rows.push(...r.rows);
  order.push(...(r.names ?? []));
  if (r.browser?.length > 0) browserFiles.push(file);
}
if (browserFiles.length > 0) {
  const server = await serveStatic([buildDir]);
  writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>bench</title>\n');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // BENCH_V8_FLAGS adds V8 flags for diagnosis, e.g. '--trace-gc-nvp' (see README).
    args: [
      ...chromiumArgs,
      '--enable-precise-memory-info',
      `--js-flags=--expose-gc ${process.env.BENCH_V8_FLAGS ?? ''}`.trim(),
    ],
  });
  try {
    for (const file of browserFiles) {
      console.error(`[bench] browser: ${relative(root, file)}`);
      try {
        const name = await bundle(file);
        const page = await browser.newPage();
        page.on('pageerror', (e) => problems.push(`${relative(root, file)}: ${e.message}`));
        await page.goto(`${server.url}/index.html`);
        const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
        if (!isolated) problems.push('bench page is not cross-origin isolated');
        rows.push(...(await page.evaluate(async (src) => (await import(src)).run(), `/${name}`)));
        await page.close();
      } catch (e) {
        problems.push(`${relative(root, file)}: ${e instanceof Error ? e.message : e}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
rows.sort((a, b) => rank(a.name) - rank(b.name));
printTable(rows);
for (const p of problems) console.log(`problem: ${p}`);
const results = rows.map(({ name, unit, ours, baseline, ratio, target, pass, env }) => ({
  name,
  unit,
  ours,
  baseline,
  ratio,
  target,
  pass,
  env,
}));
// A filtered run replaces only its own rows: the other benchmarks' last results are kept.
const resultsPath = join(benchDir, 'results.json');
let merged = results;
if (filter && existsSync(resultsPath)) {
  try {
    const previous = JSON.parse(readFileSync(resultsPath, 'utf8'));
    const fresh = new Set(results.map((r) => r.name));
    merged = [...previous.filter((r) => !fresh.has(r.name)), ...results];
    merged.sort((a, b) => rank(a.name) - rank(b.name));
  } catch {
    merged = results;
  }
}
writeFileSync(resultsPath, `${JSON.stringify(merged, null, 2)}\n`);
console.log(
  `wrote ${relative(root, resultsPath)} (${merged.length} rows, ${results.length} from this run)`,
);
