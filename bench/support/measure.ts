// Timing and memory helpers shared by the benchmarks.

import { measure } from 'mitata';
import { samplingOptions } from './mode.js';

export type Stats = Awaited<ReturnType<typeof measure>>;

/** mitata statistics of `fn` (ns per call); `budget` raises the sample count outside smoke mode. */
export async function sample(fn: () => unknown, budget: { minSamples?: number; minCpuTimeMs?: number } = {}): Promise<Stats> {
  return measure(fn, samplingOptions(budget));
}

/**
 * mitata statistics of `fn(input)` where `prepare()` makes each call's input outside the timed region
 * (mitata calls parameter functions before starting its clock).
 */
export async function sampleWith<T>(
  prepare: () => T,
  fn: (input: T) => unknown,
  budget: { minSamples?: number; minCpuTimeMs?: number } = {},
): Promise<Stats> {
  return measure(
    function* () {
      yield { [0]: prepare, bench: fn };
    },
    samplingOptions(budget),
  );
}

/** Wall-clock milliseconds of one call. */
export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

let warned = false;

/** A full collection when the process runs with --expose-gc (npm run bench does); otherwise a warning. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    if (!warned) console.log('    (no global.gc: run with `tsx --expose-gc` for memory figures)');
    warned = true;
    return;
  }
  gc();
  gc();
}

export interface Memory {
  heapUsed: number;
  arrayBuffers: number;
  external: number;
  rss: number;
}

/** Memory after a full collection. */
export function memory(): Memory {
  collect();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external, rss: m.rss };
}

export const MiB = 1024 * 1024;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Wall-clock ms of `subject` and `baseline`, run alternately for `rounds` rounds after one warm-up round.
 * Alternating keeps both exposed to the same background load (the machine is shared), so the median of
 * the per-round ratios is steadier than either figure alone.
 */
export function paired(rounds: number, subject: () => void, baseline: () => void): { subjectMs: number[]; baselineMs: number[]; ratio: number } {
  subject();
  baseline();
  const subjectMs: number[] = [];
  const baselineMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // No forced collection in between: after a full GC V8 returns pages to the OS, and on a VM the first
    // touch of a fresh page costs ~12-16 us, which would then dominate the next run.
    const s = timeMs(subject);
    const b = timeMs(baseline);
    subjectMs.push(s);
    baselineMs.push(b);
    ratios.push(s / b);
  }
  return { subjectMs, baselineMs, ratio: median(ratios) };
}
