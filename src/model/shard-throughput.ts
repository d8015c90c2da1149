// Shard throughput: the per-shard read and write budgets Kinesis enforces (spec §11.1), for the opt-in
// `throughputLimits` option. Everything is computed from the engine clock, so throttling is deterministic.
//
// AWS publishes the limits but not its algorithm (it uses token buckets); kinesim counts per one-second
// window of the engine clock, `Math.floor(nowMs / 1000)` [U]. Each rule is one constant or one method here.

/** Records a shard accepts per second. */
export const WRITE_RECORDS_PER_SECOND = 1000;
/** Bytes (data + UTF-8 partition key) a shard accepts per second: 1 MiB. */
export const WRITE_BYTES_PER_SECOND = 1024 * 1024;
/** GetRecords calls a shard serves per second. */
export const READ_CALLS_PER_SECOND = 5;
/** Bytes of record data a shard serves per second: 2 MiB. */
export const READ_BYTES_PER_SECOND = 2 * 1024 * 1024;
/** GetShardIterator calls a shard serves per second. */
export const ITERATOR_CALLS_PER_SECOND = 5;

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
  /**
   * GetRecords is refused before this time: each call pushes it by the time its data takes at 2 MiB/s,
   * from now or from where it already was (so a 10 MiB read blocks the next 5 s, as AWS documents).
   * Fractional: small reads accumulate exactly.
   */
  #readFreeAtMs = -Infinity;
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
      if (this.#writeRecords >= WRITE_RECORDS_PER_SECOND) return false;
      if (this.#writeBytes + sizeBytes > WRITE_BYTES_PER_SECOND) return false;
    }
    this.#writeRecords++;
    this.#writeBytes += sizeBytes;
    return true;
  }

  /**
   * Whether a GetRecords call at `nowMs` may proceed: at most 5 calls per second, and not before the data
   * read so far is paid for. [U] The clock counts whole milliseconds, so the time the budget frees is
   * rounded to the nearest one: a read under 1 KiB does not throttle a call in the same millisecond, and
   * a read of 10 MiB less a byte frees the budget 5000 ms later, like a read of 10 MiB.
   */
  canRead(nowMs: number): boolean {
    if (nowMs < Math.round(this.#readFreeAtMs)) return false;
    return windowOf(nowMs) !== this.#readWindow || this.#readCalls < READ_CALLS_PER_SECOND;
  }

  /** Counts a GetRecords call at `nowMs` (one `canRead` allowed) that returned `dataBytes` of record data. */
  countRead(nowMs: number, dataBytes: number): void {
    const window = windowOf(nowMs);
    if (window !== this.#readWindow) {
      this.#readWindow = window;
      this.#readCalls = 0;
    }
    this.#readCalls++;
    this.#readFreeAtMs = Math.max(this.#readFreeAtMs, nowMs) + (dataBytes / READ_BYTES_PER_SECOND) * 1000;
  }

  /** Admits a GetShardIterator call at `nowMs`: at most 5 per second. */
  admitIterator(nowMs: number): boolean {
    const window = windowOf(nowMs);
    if (window !== this.#iteratorWindow) {
      this.#iteratorWindow = window;
      this.#iteratorCalls = 0;
    }
    if (this.#iteratorCalls >= ITERATOR_CALLS_PER_SECOND) return false;
    this.#iteratorCalls++;
    return true;
  }
}
