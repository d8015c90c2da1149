// A small seeded generator (mulberry32) for fault probabilities: the engine never reads ambient randomness.

/** Uniform draws in [0, 1) from a 32-bit seed; the same seed gives the same sequence everywhere. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed | 0;
  }

  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
