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
}
/** The `q`-quantile (0 ≤ q ≤ 1) of `values` by nearest rank. `NaN` for an empty list. */
export declare function quantile(values: readonly number[], q: number): number;
/** Median, p95, min and mean of `samples` (milliseconds). */
export declare function summarize(samples: readonly number[]): TimingStats;
/**
 * Times `fn` once per run. `fn` receives a running index (warm-up runs included, starting at 0),
 * so a benchmark can step through fresh inputs (frame f, f + 1, …) instead of repeating one.
 */
export declare function timeRuns(fn: (index: number) => unknown, options?: TimingOptions): Promise<TimingStats>;
/** Formats stats as `'median 1.23 ms, p95 2.34 ms'`. */
export declare function describeStats(stats: TimingStats): string;
/** True when a forced garbage collection is available (`--expose-gc`). */
export declare function canCollectGarbage(): boolean;
/**
 * Bytes of JS heap in use after forcing garbage collection (when `gc` is exposed): Node's
 * `process.memoryUsage().heapUsed`, or Chromium's `performance.memory.usedJSHeapSize` (precise
 * only with `--enable-precise-memory-info`). Throws when neither is available.
 */
export declare function heapUsedBytes(): Promise<number>;
/** Megabytes (10⁶ bytes) from bytes. */
export declare const toMB: (bytes: number) => number;
/** Kilobytes (10³ bytes) from bytes. */
export declare const toKB: (bytes: number) => number;
