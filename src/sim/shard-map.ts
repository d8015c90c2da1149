// A producer's picture of the stream's open shards, as KPL keeps one: fetched with ListShards (AT_LATEST),
// refreshed when a write lands on a shard it does not know (the stream was resharded).

import type { Kinesis, Shard } from '../index.js';

export interface MappedShard {
  shardId: string;
  start: bigint;
  end: bigint;
  /** The middle of the range as a decimal hash key (an ExplicitHashKey that lands in this shard). */
  middle: string;
}

export class ShardMap {
  shards: MappedShard[] = [];
  readonly #ids = new Set<string>();
  /** How many times the map was fetched. */
  refreshes = 0;

  constructor(private readonly kinesis: Kinesis, private readonly streamName: string) {}

  /** Fetches the open shards (every ListShards page). */
  refresh(): void {
    const shards: Shard[] = [];
    let page = this.kinesis.listShards({ StreamName: this.streamName, ShardFilter: { Type: 'AT_LATEST' } });
    shards.push(...(page.Shards ?? []));
    while (page.NextToken !== undefined) {
      page = this.kinesis.listShards({ NextToken: page.NextToken });
      shards.push(...(page.Shards ?? []));
    }
    this.shards = shards
      .map((s) => {
        const start = BigInt(s.HashKeyRange.StartingHashKey);
        const end = BigInt(s.HashKeyRange.EndingHashKey);
        return { shardId: s.ShardId, start, end, middle: (start + (end - start) / 2n).toString() };
      })
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    this.#ids.clear();
    for (const s of this.shards) this.#ids.add(s.shardId);
    this.refreshes++;
  }

  knows(shardId: string): boolean {
    return this.#ids.has(shardId);
  }

  /** The position in `shards` of the shard whose range holds `hashKey`. */
  indexOf(hashKey: bigint): number {
    let lo = 0;
    let hi = this.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.shards[mid]!.start <= hashKey) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
