// StatAccumulator: CloudWatch's statistic set (SampleCount, Sum, Minimum, Maximum; Average = Sum / SampleCount)
// built up from facts. Sets merge exactly, so minutes merge into periods and facts into metrics without loss.

import type { Facts } from './minute-facts.js';

export class StatAccumulator {
  sampleCount = 0;
  sum = 0;
  minimum = Infinity;
  maximum = -Infinity;

  /** Adds every sample of fact `f`. */
  fact(facts: Facts, f: number): void {
    const at = 4 * f;
    const n = facts[at + 1]!;
    if (n === 0) return;
    this.sampleCount += n;
    this.sum += facts[at]!;
    if (facts[at + 2]! < this.minimum) this.minimum = facts[at + 2]!;
    if (facts[at + 3]! > this.maximum) this.maximum = facts[at + 3]!;
  }

  /** Adds `count` samples of `value`. */
  repeat(count: number, value: number): void {
    if (count <= 0) return;
    this.sampleCount += count;
    this.sum += count * value;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
  }
}
