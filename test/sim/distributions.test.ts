// The workload generators: seeded, and drawing what their parameters say (statistical laws with wide bounds).

import { describe, expect, it } from 'vitest';
import { createKeySampler, aliasTable } from '../../src/sim/key-sampler.js';
import { Prng } from '../../src/sim/prng.js';
import { createSizeSampler } from '../../src/sim/record-size.js';
import { ArrivalCounter, rateAt } from '../../src/sim/rate-shape.js';
import { LatencyHistogram } from '../../src/sim/latency-histogram.js';

/** |observed - expected| within `z` standard deviations of a binomial count. */
function withinBinomial(observed: number, n: number, p: number, z = 6): boolean {
  return Math.abs(observed - n * p) <= z * Math.sqrt(n * p * (1 - p)) + 1;
}

describe('Prng', () => {
  it('is a pure function of seed and stream', () => {
    const a = new Prng(42, 3);
    const b = new Prng(42, 3);
    const c = new Prng(42, 4);
    const xs = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('fills [0, 1) evenly', () => {
    const prng = new Prng(9);
    const bins = new Array<number>(16).fill(0);
    const n = 160_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = prng.float();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 16)]!++;
    }
    expect(outside).toBe(0);
    for (const count of bins) expect(withinBinomial(count, n, 1 / 16)).toBe(true);
  });
});

describe('key distributions', () => {
  it('zipf draws key i with weight 1/(i+1)^s (alias table)', () => {
    const s = 1.2;
    const count = 50;
    const sampler = createKeySampler({ distribution: 'zipf', count, exponent: s, prefix: 'k' }, new Prng(5));
    const n = 200_000;
    const seen = new Array<number>(count).fill(0);
    for (let i = 0; i < n; i++) seen[sampler.next()]!++;
    let total = 0;
    for (let i = 0; i < count; i++) total += 1 / Math.pow(i + 1, s);
    for (let i = 0; i < count; i++) expect(withinBinomial(seen[i]!, n, 1 / Math.pow(i + 1, s) / total)).toBe(true);
  });

  it('the alias table reproduces arbitrary weights exactly', () => {
    const weights = new Float64Array([5, 0, 1, 3, 1]);
    const { prob, alias } = aliasTable(weights);
    // Probability of each index: sum over columns of P(column) * P(index | column).
    const p = new Array<number>(weights.length).fill(0);
    for (let c = 0; c < weights.length; c++) {
      p[c]! += prob[c]! / weights.length;
      p[alias[c]!]! += (1 - prob[c]!) / weights.length;
    }
    p.forEach((x, i) => expect(x).toBeCloseTo(weights[i]! / 10, 12));
  });

  it('hot keys get hotShare of the records, evenly among them (the others go to the cold keys)', () => {
    const sampler = createKeySampler({ distribution: 'hot', count: 1000, hotKeys: 4, hotShare: 0.3, prefix: 'k' }, new Prng(1));
    const n = 100_000;
    const hot = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const k = sampler.next();
      if (k < 4) hot[k]!++;
    }
    for (const count of hot) expect(withinBinomial(count, n, 0.3 / 4)).toBe(true);
  });

  it('sequential keys come in turn and wrap', () => {
    const sampler = createKeySampler({ distribution: 'sequential', count: 3, prefix: 'order-' }, new Prng(1));
    expect(Array.from({ length: 7 }, () => sampler.name(sampler.next()))).toEqual(['order-0', 'order-1', 'order-2', 'order-0', 'order-1', 'order-2', 'order-0']);
  });
});

describe('record sizes', () => {
  it('log-normal sizes have the median and p99 asked for', () => {
    const size = createSizeSampler({ distribution: 'lognormal', median: 500, p99: 20_000 }, new Prng(2));
    const xs = Array.from({ length: 100_000 }, size).sort((a, b) => a - b);
    expect(xs[50_000]! / 500).toBeGreaterThan(0.95);
    expect(xs[50_000]! / 500).toBeLessThan(1.05);
    expect(xs[99_000]! / 20_000).toBeGreaterThan(0.9);
    expect(xs[99_000]! / 20_000).toBeLessThan(1.1);
  });

  it('uniform sizes stay in [min, max] and reach both ends', () => {
    const size = createSizeSampler({ distribution: 'uniform', min: 3, max: 6 }, new Prng(2));
    const xs = new Set(Array.from({ length: 1000 }, size));
    expect([...xs].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('rates', () => {
  it('arrivals per step add up to the integral of the rate, within one record', () => {
    const shapes = [
      { shape: 'ramp', from: 0, to: 1000 },
      { shape: 'sine', mean: 500, amplitude: 400, periodSeconds: 100 },
      { shape: 'burst', base: 10, peak: 990, everySeconds: 20, forSeconds: 5 },
      { shape: 'steps', steps: [[0, 100], [50, 700]] },
    ] as const;
    const expected = [500 * 100, 500 * 100, (990 * 5 + 10 * 15) * 5, 100 * 50 + 700 * 50];
    shapes.forEach((spec, i) => {
      const counter = new ArrivalCounter(rateAt(spec as never, 100));
      let n = 0;
      for (let t = 0; t < 100_000; t += 10) n += counter.between(t, t + 10);
      expect(Math.abs(n - expected[i]!)).toBeLessThanOrEqual(1 + expected[i]! * 1e-9);
    });
  });
});

describe('LatencyHistogram', () => {
  it('is exact below 1024 ms and within 1% above', () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 100_000; v++) h.add(v);
    expect(h.quantile(0.005)).toBe(500);
    expect(h.quantile(0.5) / 50_000).toBeCloseTo(1, 2);
    expect(h.quantile(0.99) / 99_000).toBeCloseTo(1, 2);
    expect(h.maxMs).toBe(100_000);
    expect(h.count).toBe(100_000);
  });
});
