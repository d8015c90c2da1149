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

  /** Bytes an event at `atMs` may carry: 0 while the budget is spent (one record alone may still exceed it). */
  allowanceBytes(atMs: number): number {
    if (atMs < this.#blockedUntilMs) return 0;
    if (windowOf(atMs) !== this.#window) return SUBSCRIPTION_READ_BYTES_PER_SECOND;
    return Math.max(0, SUBSCRIPTION_READ_BYTES_PER_SECOND - this.#bytes);
  }

  /** The earliest time at or after `atMs` at which an event may carry records. */
  earliestAtOrAfter(atMs: number): number {
    const from = Math.max(atMs, this.#blockedUntilMs);
    if (windowOf(from) === this.#window && this.#bytes >= SUBSCRIPTION_READ_BYTES_PER_SECOND) return (this.#window + 1) * 1000;
    return from;
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
