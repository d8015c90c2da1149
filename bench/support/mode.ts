// Run mode: BENCH_SMOKE=1 shrinks every size so CI can run all benchmarks in a few seconds.

export const SMOKE = process.env['BENCH_SMOKE'] === '1';

/** `full` normally, `smoke` under BENCH_SMOKE=1. */
export function size(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}

/** mitata options: a short sampling budget in smoke mode, a longer one otherwise. */
export function samplingOptions(full: { minSamples?: number; minCpuTimeMs?: number } = {}) {
  return SMOKE
    ? { min_samples: 2, min_cpu_time: 1e6, warmup_samples: 1 }
    : { min_samples: full.minSamples ?? 12, min_cpu_time: (full.minCpuTimeMs ?? 642) * 1e6 };
}
