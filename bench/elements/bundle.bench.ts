/**
 * Bundle size of every public entry point (`exports` of each packages/<name>/package.json):
 * esbuild, minified ESM for the browser (the `/node` entry: for Node) with the `source`
 * condition, nothing external. Dynamic
 * `import()`s become separate chunks (code splitting), so the figure is the entry's *static*
 * graph — what a page pays before it asks for 3D, AI or video. Each static chunk is gzipped
 * (zlib level 9) and the sizes summed; KB = 1024 bytes.
 *
 * Baseline: lit + konva alone (`export *` of both), bundled and measured the same way: the
 * floor under any Lit + Konva editor. The image editor entry (`@annotkit/elements`) must stay
 * ≤ 200 KB and must not pull three, onnxruntime-web or @ffmpeg statically (checked against the
 * esbuild metafile inputs of its static chunks; a violation fails the benchmark).
 */
import type { Benchmark } from '../lib/types.js';

const PACKAGES = ['core', 'formats', 'media', 'canvas2d', 'canvas3d', 'ai-web', 'elements'];
/** Libraries that must only ever be loaded on demand by the image editor. */
const HEAVY = [
  /node_modules\/three\//,
  /node_modules\/onnxruntime-web\//,
  /node_modules\/@ffmpeg\//,
];
const ELEMENTS_TARGET_KB = 200;

interface Measured {
  readonly kb: number;
  readonly inputs: readonly string[];
  readonly chunks: number;
}

/** Bundles `contents` (an ES module importing the entry) and measures its static graph. */
async function measure(
  contents: string,
  platform: 'browser' | 'node' = 'browser',
): Promise<Measured> {
  const { build } = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const path = await import('node:path');
  const root = path.resolve(new URL('../..', import.meta.url).pathname);
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform,
    target: 'es2022',
    conditions: ['source'],
    minify: true,
    write: false,
    metafile: true,
    outdir: path.join(root, 'bench/.build/bundle-size'),
    logLevel: 'silent',
    // Assets a package may reference (wasm, workers by URL) are not part of the JS graph.
    loader: { '.wasm': 'file', '.onnx': 'file' },
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]?.entryPoint !== undefined);
  if (!entry) throw new Error('esbuild produced no entry chunk');
  // Walk the static imports only: dynamic ones load on demand.
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) queue.push(imp.path);
    }
  }
  const byPath = new Map(result.outputFiles.map((f) => [path.relative(root, f.path), f]));
  let bytes = 0;
  const inputs = new Set<string>();
  for (const file of seen) {
    const out = byPath.get(file);
    if (!out) throw new Error(`no output text for ${file}`);
    bytes += gzipSync(out.contents, { level: 9 }).length;
    for (const input of Object.keys(outputs[file]?.inputs ?? {})) inputs.add(input);
  }
  return { kb: bytes / 1024, inputs: [...inputs], chunks: seen.size };
}

let baseline: Measured | undefined;
const baselineKb = async (): Promise<number> => {
  baseline ??= await measure(`export * from 'lit';\nexport { default as Konva } from 'konva';\n`);
  return baseline.kb;
};

/** `[specifier, package]` of every public entry, from the packages' `exports` maps. */
async function entries(): Promise<[string, string][]> {
  const fs = await import('node:fs');
  const out: [string, string][] = [];
  for (const dir of PACKAGES) {
    const url = new URL(`../../packages/${dir}/package.json`, import.meta.url);
    const pkg = JSON.parse(fs.readFileSync(url, 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
    };
    for (const key of Object.keys(pkg.exports ?? { '.': null })) {
      out.push([key === '.' ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, '')}`, dir]);
    }
  }
  return out;
}

// The names must be known when the module loads (the runner lists them before running), so the
// entry list is written out here; `entries()` re-reads the exports maps at run time and the
// check in the elements row fails if an entry was added without a row.
const ENTRY_NAMES = [
  '@annotkit/core',
  '@annotkit/formats',
  '@annotkit/formats/node',
  '@annotkit/formats/formats.worker',
  '@annotkit/media',
  '@annotkit/canvas2d',
  '@annotkit/canvas3d',
  '@annotkit/ai-web',
  '@annotkit/elements',
];

const isElements = (name: string): boolean => name === '@annotkit/elements';

export const benchmarks: Benchmark[] = ENTRY_NAMES.map((specifier): Benchmark => ({
  name: `elements: bundle size, ${specifier}`,
  unit: 'KB',
  target: isElements(specifier)
    ? `≤ ${ELEMENTS_TARGET_KB} KB min+gzip; no three/onnxruntime-web/@ffmpeg in the static graph`
    : 'reported only',
  ...(isElements(specifier) ? { targetCheck: (ours: number) => ours <= ELEMENTS_TARGET_KB } : {}),
  env: 'node',
  run: async () => {
    // The Node entry (file-system helpers) is bundled for Node: it is never shipped to pages.
    const platform = specifier.endsWith('/node') ? 'node' : 'browser';
    const m = await measure(`export * from ${JSON.stringify(specifier)};\n`, platform);
    const base = await baselineKb();
    let note = `${m.chunks} static chunk(s), ${m.inputs.length} input files`;
    if (isElements(specifier)) {
      const heavy = m.inputs.filter((i) => HEAVY.some((re) => re.test(i)));
      if (heavy.length > 0) {
        throw new Error(`heavy libraries in the static graph: ${heavy.slice(0, 5).join(', ')}`);
      }
      const listed = (await entries()).map(([s]) => s);
      const missing = listed.filter((s) => !ENTRY_NAMES.includes(s));
      if (missing.length > 0) throw new Error(`entries without a row: ${missing.join(', ')}`);
      note += '; three, onnxruntime-web, @ffmpeg: not in the static graph';
    }
    return { ours: m.kb, baseline: base, note };
  },
}));
