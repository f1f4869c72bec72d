import type { Benchmark } from '../lib/types.js';
/** The benchmarks of this module. */
export declare const benchmarks: Benchmark[];
