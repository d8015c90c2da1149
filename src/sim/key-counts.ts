// Records made per key index, for the hot-key table: counted once per record, at random indexes over up to
// hundreds of thousands of keys, so the counts are kept in 16 bits (a quarter of a Float64Array's cache
// footprint) with the rare carries in a second array that only a key's 65,536th record touches.

const LOW_LIMIT = 0x1_0000;

export class KeyCounts {
  readonly #low: Uint16Array;
  #high: Float64Array | undefined;

  constructor(readonly count: number) {
    this.#low = new Uint16Array(count);
  }

  /** Counts one record of key index `key`. */
  add(key: number): void {
    const c = this.#low[key]! + 1;
    if (c === LOW_LIMIT) {
      this.#low[key] = 0;
      (this.#high ??= new Float64Array(this.count))[key]! += LOW_LIMIT;
    } else this.#low[key] = c;
  }

  /** Every key's count, exact. */
  toFloat64Array(): Float64Array {
    const out = new Float64Array(this.count);
    const high = this.#high;
    for (let k = 0; k < this.count; k++) out[k] = this.#low[k]! + (high === undefined ? 0 : high[k]!);
    return out;
  }
}
