/**
 * The benchmark contract. A module `bench/<area>/<name>.bench.ts` exports
 * `benchmarks: Benchmark[]`; `npm run bench` (bench/run.mjs) discovers, runs and reports them.
 */
/** Units a benchmark reports in. `ms` and sizes: lower is better; `ops/s`: higher is better. */
export declare const BenchUnit: {
    readonly Ms: "ms";
    readonly Megabytes: "MB";
    readonly Kilobytes: "KB";
    readonly OpsPerSecond: "ops/s";
};
/** A benchmark's unit. */
export type BenchUnit = (typeof BenchUnit)[keyof typeof BenchUnit];
/** Where a benchmark runs: headless Chromium (bundled with esbuild) or Node (through tsx). */
export type BenchEnv = 'browser' | 'node';
/** What `run` measures: our figure and a baseline measured in the same run, in `unit`. */
export interface Measurement {
    /** Our implementation's figure, in the benchmark's unit. */
    readonly ours: number;
    /** The baseline's figure (naive implementation, a floor or a peer), in the same unit. */
    readonly baseline: number;
    /** A short note printed under the table (e.g. `'median of 60 frames; p95 3.1 ms'`). */
    readonly note?: string;
}
/** One named benchmark. */
export interface Benchmark {
    /** Stable name, `'<area>: <what>'`, e.g. `'core: resolve frame, 10k tracks'`. Never rename. */
    readonly name: string;
    readonly unit: BenchUnit;
    /** The target in words, e.g. `'≤ 5 ms'`. */
    readonly target: string;
    /**
     * Whether the figures meet the target; `ratio` is `ours / baseline`. Without it the
     * benchmark reports only and is listed as `n/a`.
     */
    readonly targetCheck?: (ours: number, baseline: number, ratio: number) => boolean;
    readonly env: BenchEnv;
    /** Prepares inputs before `run`; not timed. */
    readonly setup?: () => void | Promise<void>;
    /** Measures both figures. Times with `performance.now()` (see `timing.ts`). */
    readonly run: () => Promise<Measurement>;
}
/** One row of the report, as written to `bench/results.json`. */
export interface BenchResult {
    readonly name: string;
    readonly unit: BenchUnit;
    readonly ours: number;
    readonly baseline: number;
    /** `ours / baseline`. */
    readonly ratio: number;
    readonly target: string;
    /** `true`/`false` from `targetCheck`, `null` when the benchmark has none. */
    readonly pass: boolean | null;
    readonly env: BenchEnv;
    readonly note?: string;
    /** Set when the benchmark threw; the figures are then `NaN`. */
    readonly error?: string;
}
