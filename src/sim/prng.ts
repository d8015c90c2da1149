// The simulation's only source of randomness: xoshiro128** seeded through splitmix32, so a scenario's seed
// fixes every draw. Each part of a run (a producer, a policy) forks its own stream, so adding a consumer or
// a policy never shifts the draws of a producer.
//
// xoshiro128** and splitmix32: Blackman and Vigna, https://prng.di.unimi.it/ (public-domain algorithms).

const TWO_POW_32 = 4294967296;

/** splitmix32: turns any 32-bit seed (0 included) into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded pseudo-random generator (xoshiro128**): deterministic, fast, 2^128 - 1 period. */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** `seed` is taken modulo 2^32; `stream` selects an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    const mix = { s: (seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab) };
    this.#a = splitmix32(mix);
    this.#b = splitmix32(mix);
    this.#c = splitmix32(mix);
    this.#d = splitmix32(mix);
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#d = 1;
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform integer in [0, n) for 1 <= n <= 2^32. */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An independent generator derived from this one's seed and `stream` (for one part of a run). */
  static fork(seed: number, stream: number): Prng {
    return new Prng(seed, stream);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
