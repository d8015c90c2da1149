// How many records a producer creates per second at each moment of the run.

import type { ResolvedRate } from './scenario.js';

/** Records per second at `second` of the run (for every shape but a trace). */
export type RateAt = (second: number) => number;

export function rateAt(spec: Exclude<ResolvedRate, { shape: 'trace' }>, durationSeconds: number): RateAt {
  switch (spec.shape) {
    case 'constant':
      return () => spec.recordsPerSecond;
    case 'ramp': {
      const slope = (spec.to - spec.from) / durationSeconds;
      return (t) => spec.from + slope * Math.min(t, durationSeconds);
    }
    case 'sine': {
      const w = (2 * Math.PI) / spec.periodSeconds;
      return (t) => Math.max(0, spec.mean + spec.amplitude * Math.sin(w * t));
    }
    case 'steps': {
      const steps = spec.steps;
      return (t) => {
        let rate = 0;
        for (const [at, r] of steps) {
          if (at > t) break;
          rate = r;
        }
        return rate;
      };
    }
    case 'burst':
      return (t) => (t % spec.everySeconds < spec.forSeconds ? spec.peak : spec.base);
  }
}

/**
 * Turns a rate into whole records per step without randomness: each step adds rate x step length to a
 * running total and emits its whole part, so over any interval the count is within one record of the
 * integral (midpoint rule per step).
 */
export class ArrivalCounter {
  #carry = 0;

  constructor(private readonly rate: RateAt) {}

  /** Records arriving in [fromMs, toMs) of the run. */
  between(fromMs: number, toMs: number): number {
    const seconds = (toMs - fromMs) / 1000;
    this.#carry += this.rate((fromMs + toMs) / 2000) * seconds;
    // The epsilon absorbs binary rounding: 100 steps of 0.01 s at 10 records/s make 10 records, not 9.
    const n = Math.floor(this.#carry + 1e-9);
    this.#carry -= n;
    return n;
  }
}
