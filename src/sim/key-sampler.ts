// Which key each record carries: uniform, zipf (alias table), hot keys, or sequential, from the seeded PRNG.

import type { Prng } from './prng.js';
import type { ResolvedKeys } from './scenario.js';

/** Draws key indexes in [0, count) and names them. */
export interface KeySampler {
  readonly count: number;
  /** The next record's key index. */
  next(): number;
  /** The partition key of key index `i` (made once, then kept). */
  name(i: number): string;
}

export function createKeySampler(spec: ResolvedKeys, prng: Prng): KeySampler {
  const { count, prefix } = spec;
  const names: (string | undefined)[] = new Array<string | undefined>(count);
  const name = (i: number): string => names[i] ?? (names[i] = `${prefix}${i}`);
  switch (spec.distribution) {
    case 'uniform':
      return { count, name, next: () => prng.int(count) };
    case 'sequential': {
      let i = -1;
      return { count, name, next: () => (i = i + 1 === count ? 0 : i + 1) };
    }
    case 'hot': {
      const { hotKeys, hotShare } = spec;
      const cold = count - hotKeys;
      return {
        count, name,
        next: () => (cold === 0 || prng.float() < hotShare ? prng.int(hotKeys) : hotKeys + prng.int(cold)),
      };
    }
    case 'zipf': {
      const weights = new Float64Array(count);
      for (let i = 0; i < count; i++) weights[i] = 1 / Math.pow(i + 1, spec.exponent);
      const table = aliasTable(weights);
      return {
        count, name,
        next: () => {
          const i = prng.int(count);
          return prng.float() < table.prob[i]! ? i : table.alias[i]!;
        },
      };
    }
  }
}

/**
 * Vose's alias method: O(n) to build, O(1) per draw (one column, one coin). Each column i keeps its own
 * index with probability prob[i] and otherwise gives alias[i].
 */
export function aliasTable(weights: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i]! * n) / total;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[--nl]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // Whatever is left is 1 up to rounding error.
  while (nl > 0) prob[large[--nl]!] = 1;
  while (ns > 0) prob[small[--ns]!] = 1;
  return { prob, alias };
}
