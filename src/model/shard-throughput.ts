// Shard throughput: the per-shard read and write budgets Kinesis enforces
// (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html), for the opt-in
// `throughputLimits` option. Everything is computed from the engine clock, so throttling is deterministic.
//
// AWS publishes the limits but not its algorithm (it uses token buckets); kinesim counts per one-second
// window of the engine clock, `Math.floor(nowMs / 1000)` [U]. Each rule is one method here; the limits are in limits.ts.

import {
  SHARD_ITERATOR_CALLS_PER_SECOND,
  SHARD_READ_BYTES_PER_SECOND,
  SHARD_READ_CALLS_PER_SECOND,
  SHARD_WRITE_BYTES_PER_SECOND,
  SHARD_WRITE_RECORDS_PER_SECOND,
} from './limits.js';

/** The one-second window of the engine clock a call at `nowMs` counts in [U]. */
function windowOf(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}

/**
 * One shard's usage. Each `admit*` method either refuses (returns false, changing nothing) or counts the
 * call and returns true; a refused call therefore never uses up budget [U].
 */
export class ShardThroughput {
  #writeWindow = -Infinity;
  #writeRecords = 0;
  #writeBytes = 0;
  #readWindow = -Infinity;
  #readCalls = 0;
  #readBytes = 0;
  /**
   * GetRecords is refused before this time: data read beyond 2 MiB in a second is paid for at 2 MiB/s
   * after that second ends (so a 10 MiB read at the start of a second blocks the next 5 s, as AWS documents).
   */
  #readBlockedUntilMs = -Infinity;
  #iteratorWindow = -Infinity;
  #iteratorCalls = 0;

  /**
   * Admits one record of `sizeBytes` (data + UTF-8 partition key) written at `nowMs`: at most 1000 records
   * and 1 MiB per second. A record alone in its window is always admitted [U]: with MaxRecordSizeInKiB above
   * 1024 a record may exceed 1 MiB, which AWS serves from a burst bucket whose size is not public; kinesim
   * admits it into an empty window (the window is then full until the next second), so a stream of
   * 1 record per second may sustain more than 1 MiB/s, unlike AWS.
   */
  admitWrite(nowMs: number, sizeBytes: number): boolean {
    const window = windowOf(nowMs);
    if (window !== this.#writeWindow) {
      this.#writeWindow = window;
      this.#writeRecords = 0;
      this.#writeBytes = 0;
    }
    if (this.#writeRecords > 0) {
      if (this.#writeRecords >= SHARD_WRITE_RECORDS_PER_SECOND) return false;
      if (this.#writeBytes + sizeBytes > SHARD_WRITE_BYTES_PER_SECOND) return false;
    }
    this.#writeRecords++;
    this.#writeBytes += sizeBytes;
    return true;
  }

  /**
   * Whether a GetRecords call at `nowMs` may proceed: at most 5 calls per second, none once 2 MiB of data
   * has been served in the second, and none while earlier excess is being paid for. [U] One call may take
   * the second over 2 MiB (a call returns up to 10 MiB); the excess then blocks reads for excess / 2 MiB
   * seconds after the second ends, rounded to the millisecond. Small reads never throttle before the
   * 5-call limit does.
   */
  canRead(nowMs: number): boolean {
    if (nowMs < this.#readBlockedUntilMs) return false;
    if (windowOf(nowMs) !== this.#readWindow) return true;
    return this.#readCalls < SHARD_READ_CALLS_PER_SECOND && this.#readBytes < SHARD_READ_BYTES_PER_SECOND;
  }

  /** Counts a GetRecords call at `nowMs` (one `canRead` allowed) that returned `dataBytes` of record data. */
  countRead(nowMs: number, dataBytes: number): void {
    const window = windowOf(nowMs);
    if (window !== this.#readWindow) {
      this.#readWindow = window;
      this.#readCalls = 0;
      this.#readBytes = 0;
    }
    this.#readCalls++;
    this.#readBytes += dataBytes;
    const excess = this.#readBytes - SHARD_READ_BYTES_PER_SECOND;
    if (excess > 0) {
      const paidAtMs = (window + 1) * 1000 + Math.round((excess / SHARD_READ_BYTES_PER_SECOND) * 1000);
      this.#readBlockedUntilMs = Math.max(this.#readBlockedUntilMs, paidAtMs);
    }
  }

  /**
   * The counters, for snapshots, in a fixed order: write window, records, bytes; read window, calls, bytes,
   * blocked-until; iterator window, calls. Windows not yet used are -Infinity.
   */
  exportState(): number[] {
    return [
      this.#writeWindow, this.#writeRecords, this.#writeBytes,
      this.#readWindow, this.#readCalls, this.#readBytes, this.#readBlockedUntilMs,
      this.#iteratorWindow, this.#iteratorCalls,
    ];
  }

  /** A shard's usage as exportState gave it. */
  static fromState(state: readonly number[]): ShardThroughput {
    const t = new ShardThroughput();
    [
      t.#writeWindow, t.#writeRecords, t.#writeBytes,
      t.#readWindow, t.#readCalls, t.#readBytes, t.#readBlockedUntilMs,
      t.#iteratorWindow, t.#iteratorCalls,
    ] = state as [number, number, number, number, number, number, number, number, number];
    return t;
  }

  /** Admits a GetShardIterator call at `nowMs`: at most 5 per second. */
  admitIterator(nowMs: number): boolean {
    const window = windowOf(nowMs);
    if (window !== this.#iteratorWindow) {
      this.#iteratorWindow = window;
      this.#iteratorCalls = 0;
    }
    if (this.#iteratorCalls >= SHARD_ITERATOR_CALLS_PER_SECOND) return false;
    this.#iteratorCalls++;
    return true;
  }
}
