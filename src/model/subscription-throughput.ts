// Subscription throughput: the 2 MiB/s a SubscribeToShard subscription delivers per shard and consumer
// (https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html), separate from GetRecords' budget.
// A subscription is pushed, not polled, so the limit paces its events instead of throwing: records beyond it
// wait for a later event. Counted per one-second window of the engine clock, like ShardThroughput [U].

import { SUBSCRIPTION_READ_BYTES_PER_SECOND } from './limits.js';

function windowOf(atMs: number): number {
  return Math.floor(atMs / 1000);
}

/** One subscription's delivered bytes, for the opt-in throughput limits. */
export class SubscriptionThroughput {
  #window = -Infinity;
  #bytes = 0;
  /** Data delivered beyond 2 MiB in a second is paid for at 2 MiB/s after that second, as GetRecords' is [U]. */
  #blockedUntilMs = -Infinity;

  /**
   * Whether an event at `atMs` may start with a record of `sizeBytes`: not while excess is being paid for, and
   * only if it fits what is left of the second, unless the second has delivered nothing yet (a record larger
   * than 2 MiB then travels alone and its excess blocks the seconds after).
   */
  admits(atMs: number, sizeBytes: number): boolean {
    return this.earliestFor(atMs, sizeBytes) === atMs;
  }

  /** The earliest time at or after `atMs` at which an event may start with a record of `sizeBytes`. */
  earliestFor(atMs: number, sizeBytes: number): number {
    const from = Math.max(atMs, this.#blockedUntilMs);
    const window = windowOf(from);
    if (window === this.#window && this.#bytes > 0 && this.#bytes + sizeBytes > SUBSCRIPTION_READ_BYTES_PER_SECOND) {
      return (window + 1) * 1000;
    }
    return from;
  }

  /** What is left of the second at `atMs` for the records after an admitted first one. */
  allowanceBytes(atMs: number): number {
    if (windowOf(atMs) !== this.#window) return SUBSCRIPTION_READ_BYTES_PER_SECOND;
    return Math.max(0, SUBSCRIPTION_READ_BYTES_PER_SECOND - this.#bytes);
  }

  /** Counts `bytes` of record data delivered by an event at `atMs`. */
  count(atMs: number, bytes: number): void {
    const window = windowOf(atMs);
    if (window !== this.#window) {
      this.#window = window;
      this.#bytes = 0;
    }
    this.#bytes += bytes;
    const excess = this.#bytes - SUBSCRIPTION_READ_BYTES_PER_SECOND;
    if (excess > 0) {
      const paidAtMs = (window + 1) * 1000 + Math.round((excess / SUBSCRIPTION_READ_BYTES_PER_SECOND) * 1000);
      this.#blockedUntilMs = Math.max(this.#blockedUntilMs, paidAtMs);
    }
  }
}
