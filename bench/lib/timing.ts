/**
 * Timing and memory helpers shared by benchmarks in Node and in Chromium. Times come from
 * `performance.now()` in milliseconds.
 */

/** Summary statistics of repeated timings, in milliseconds. */
export interface TimingStats {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly mean: number;
  /** Number of measured runs (warm-up runs excluded). */
  readonly runs: number;
}

/** Options of `timeRuns`. */
export interface TimingOptions {
  /** Unmeasured runs first, to let the JIT settle. Defaults to 5. */
  readonly warmup?: number;
  /** Measured runs. Defaults to 30. */
  readonly runs?: number;
  /**
   * Called before every run (warm-up included), outside the timed region: e.g. `collectGarbage`
   * for one-shot operations on large inputs, so that no run pays for the garbage of the runs
   * before it. Defaults to none.
   */
  readonly beforeEach?: () => unknown;
}

/** The `q`-quantile (0 ≤ q ≤ 1) of `values` by nearest rank. `NaN` for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Median, p95, min and mean of `samples` (milliseconds). */
export function summarize(samples: readonly number[]): TimingStats {
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return {
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: Math.min(...samples),
    mean,
    runs: samples.length,
  };
}

/**
 * Times `fn` once per run. `fn` receives a running index (warm-up runs included, starting at 0),
 * so a benchmark can step through fresh inputs (frame f, f + 1, …) instead of repeating one.
 */
export async function timeRuns(
  fn: (index: number) => unknown,
  options: TimingOptions = {},
): Promise<TimingStats> {
  const warmup = options.warmup ?? 5;
  const runs = options.runs ?? 30;
  for (let i = 0; i < warmup; i++) {
    await options.beforeEach?.();
    await fn(i);
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await options.beforeEach?.();
    const t0 = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Formats stats as `'median 1.23 ms, p95 2.34 ms'`. */
export function describeStats(stats: TimingStats): string {
  return `median ${stats.median.toFixed(3)} ms, p95 ${stats.p95.toFixed(3)} ms (${stats.runs} runs)`;
}

interface GcGlobal {
  gc?: () => void;
  process?: { memoryUsage(): { heapUsed: number } };
}
interface MemoryPerformance {
  memory?: { usedJSHeapSize: number };
}

/** Forces a full garbage collection when it is exposed (`--expose-gc`); otherwise does nothing. */
export function collectGarbage(): void {
  (globalThis as GcGlobal).gc?.();
}

/** True when a forced garbage collection is available (`--expose-gc`). */
export function canCollectGarbage(): boolean {
  return typeof (globalThis as GcGlobal).gc === 'function';
}

/**
 * Bytes of JS heap in use after forcing garbage collection (when `gc` is exposed): Node's
 * `process.memoryUsage().heapUsed`, or Chromium's `performance.memory.usedJSHeapSize` (precise
 * only with `--enable-precise-memory-info`). Throws when neither is available.
 */
export async function heapUsedBytes(): Promise<number> {
  const g = globalThis as GcGlobal;
  for (let i = 0; i < 3; i++) {
    g.gc?.();
    await new Promise((r) => setTimeout(r, 0));
  }
  if (g.process?.memoryUsage) return g.process.memoryUsage().heapUsed;
  const mem = (performance as unknown as MemoryPerformance).memory;
  if (mem) return mem.usedJSHeapSize;
  throw new Error('no heap measurement available in this environment');
}

/** Megabytes (10⁶ bytes) from bytes. */
export const toMB = (bytes: number): number => bytes / 1e6;
/** Kilobytes (10³ bytes) from bytes. */
export const toKB = (bytes: number): number => bytes / 1e3;
