// PutTally: what one PutRecords call did with its entries, counted as it stores them, for the metrics of a call
// in which some entry failed (the slow path: throttling or an injected failure).

/** Per shard: records stored, their data bytes, and records throttled, in one call. */
export interface ShardPutCounts {
  stored: number;
  bytes: number;
  throttled: number;
}

export class PutTally {
  total = 0;
  stored = 0;
  storedBytes = 0;
  throttled = 0;
  /** Entries that failed for another reason than throttling (InternalFailure). */
  failed = 0;
  /** By ShardId, when the stream has an enhanced metric enabled (see MetricsStore.tallyFor). */
  readonly shards: Map<string, ShardPutCounts> | undefined;

  constructor(perShard: boolean) {
    this.shards = perShard ? new Map() : undefined;
  }

  /** An entry stored in `shardId`, with `bytes` of data. */
  addStored(shardId: string, bytes: number): void {
    this.total++;
    this.stored++;
    this.storedBytes += bytes;
    if (this.shards !== undefined) {
      const counts = this.#shard(shardId);
      counts.stored++;
      counts.bytes += bytes;
    }
  }

  /** An entry refused by `shardId`'s write limit. */
  addThrottled(shardId: string): void {
    this.total++;
    this.throttled++;
    if (this.shards !== undefined) this.#shard(shardId).throttled++;
  }

  /** An entry that failed otherwise (its shard is not charged). */
  addFailed(): void {
    this.total++;
    this.failed++;
  }

  #shard(shardId: string): ShardPutCounts {
    let counts = this.shards!.get(shardId);
    if (counts === undefined) this.shards!.set(shardId, (counts = { stored: 0, bytes: 0, throttled: 0 }));
    return counts;
  }
}
