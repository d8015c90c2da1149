// Seeded inputs for the benchmarks: a xorshift32 generator, so every run stores the same records.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

export class XorShift32 {
  #state: number;

  constructor(seed = 0x9e3779b9) {
    this.#state = seed | 0 || 1;
  }

  /** A uniform unsigned 32-bit integer. */
  next(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x;
    return x >>> 0;
  }

  /** A uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + (this.next() % (hi - lo + 1));
  }

  /** `n` random bytes in a new array. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }

  /** A random ASCII partition key of `min`..`max` characters (a flat string, as a decoder would make). */
  key(min: number, max: number): string {
    const codes: number[] = [];
    for (let i = this.int(min, max); i > 0; i--) codes.push(ALPHABET.charCodeAt(this.next() & 63));
    return String.fromCharCode(...codes);
  }
}
