// KeyCounts keeps per-key record counts in 16 bits plus carries: the counts must stay exact past every carry.

import { describe, expect, it } from 'vitest';
import { KeyCounts } from '../../src/sim/key-counts.js';

describe('KeyCounts', () => {
  it('counts exactly across 16-bit carries, per key, and reports untouched keys as 0', () => {
    const counts = new KeyCounts(4);
    for (let i = 0; i < 200_003; i++) counts.add(1);
    for (let i = 0; i < 65_535; i++) counts.add(2);
    for (let i = 0; i < 65_536; i++) counts.add(3);
    expect(Array.from(counts.toFloat64Array())).toEqual([0, 200_003, 65_535, 65_536]);
  });

  it('without any carry, equals a plain per-key tally', () => {
    const counts = new KeyCounts(10);
    const plain = new Array<number>(10).fill(0);
    for (let i = 0; i < 1000; i++) {
      const k = (i * 7919) % 10;
      counts.add(k);
      plain[k]!++;
    }
    expect(Array.from(counts.toFloat64Array())).toEqual(plain);
  });
});
