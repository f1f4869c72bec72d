/**
 * Node side of the harness: `node --conditions=source --expose-gc --import tsx
 * bench/lib/nodeEntry.ts <module.bench.ts> <out.json>` runs the module's `env: 'node'`
 * benchmarks and writes `{ rows, browser }` as JSON: the rows of the Node benchmarks and the names
 * of the module's browser benchmarks (which bench/run.mjs then runs in Chromium), and all names in
 * declaration order (the order of the report).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { executeBenchmarks } from './execute.js';
import type { Benchmark } from './types.js';

const [modulePath, outFile] = process.argv.slice(2);
const mod = (await import(pathToFileURL(modulePath).href)) as { benchmarks?: Benchmark[] };
if (!Array.isArray(mod.benchmarks)) throw new Error(`${modulePath} exports no benchmarks array`);
const rows = await executeBenchmarks(mod.benchmarks, 'node');
const browser = mod.benchmarks.filter((b) => b.env === 'browser').map((b) => b.name);
const names = mod.benchmarks.map((b) => b.name);
writeFileSync(outFile, JSON.stringify({ rows, browser, names }));
