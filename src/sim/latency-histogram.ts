// Latency percentiles without keeping every sample: a log-linear histogram, exact to the millisecond
// below 1024 ms and within 1/128 (0.8%) above, so p50 and p99 of a billion records cost a few KiB.

const EXACT_MS = 1024;
const SUB_BUCKETS = 128;
const LOG2_EXACT = 10;
/** Up to 2^40 ms (35 years): more than any run. */
const MAX_EXPONENT = 40;

export class LatencyHistogram {
  readonly #counts = new Float64Array(EXACT_MS + (MAX_EXPONENT - LOG2_EXACT + 1) * SUB_BUCKETS);
  #total = 0;
  #maxMs = 0;

  /** Adds one latency in ms (negative values count as 0). */
  add(ms: number): void {
    const v = ms > 0 ? ms : 0;
    if (v > this.#maxMs) this.#maxMs = v;
    this.#total++;
    this.#counts[bucketOf(v)]!++;
  }

  get count(): number {
    return this.#total;
  }

  get maxMs(): number {
    return this.#maxMs;
  }

  /** The q-quantile (0 < q <= 1) as its bucket's lower bound in ms; 0 when empty. */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#total));
    let seen = 0;
    const counts = this.#counts;
    for (let b = 0; b < counts.length; b++) {
      seen += counts[b]!;
      if (seen >= rank) return Math.min(lowerBoundOf(b), this.#maxMs);
    }
    return this.#maxMs;
  }
}

function bucketOf(v: number): number {
  if (v < EXACT_MS) return Math.floor(v);
  const e = Math.min(MAX_EXPONENT, Math.floor(Math.log2(v)));
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((v / 2 ** e - 1) * SUB_BUCKETS));
  return EXACT_MS + (e - LOG2_EXACT) * SUB_BUCKETS + sub;
}

function lowerBoundOf(b: number): number {
  if (b < EXACT_MS) return b;
  const e = LOG2_EXACT + Math.floor((b - EXACT_MS) / SUB_BUCKETS);
  const sub = (b - EXACT_MS) % SUB_BUCKETS;
  return Math.round(2 ** e * (1 + sub / SUB_BUCKETS));
}
