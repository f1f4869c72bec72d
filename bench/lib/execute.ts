/** Runs the benchmarks of one module in the current environment and returns report rows. */
import type { BenchEnv, BenchResult, Benchmark } from './types.js';

/** Runs every benchmark of `list` whose `env` is `env`, one after another. Never throws. */
export async function executeBenchmarks(
  list: readonly Benchmark[],
  env: BenchEnv,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const b of list) {
    if (b.env !== env) continue;
    try {
      await b.setup?.();
      const m = await b.run();
      const ratio = m.ours / m.baseline;
      results.push({
        name: b.name,
        unit: b.unit,
        ours: m.ours,
        baseline: m.baseline,
        ratio,
        target: b.target,
        pass: b.targetCheck ? b.targetCheck(m.ours, m.baseline, ratio) : null,
        env,
        ...(m.note ? { note: m.note } : {}),
      });
    } catch (e) {
      results.push({
        name: b.name,
        unit: b.unit,
        ours: Number.NaN,
        baseline: Number.NaN,
        ratio: Number.NaN,
        target: b.target,
        pass: false,
        env,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
    }
  }
  return results;
}
