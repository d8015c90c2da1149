// Partition strategies: how a producer turns a record's key into the routing of its PutRecords entry.

import type { PutRecordsRequestEntry } from '../index.js';
import type { KeySampler } from './key-sampler.js';
import type { ResolvedStrategy } from './scenario.js';
import type { ShardMap } from './shard-map.js';

/** Routes one record: its partition key, and for some strategies an explicit hash key. */
export interface PartitionStrategy {
  /** The partition key of the record with key index `key` and creation serial `serial`. */
  partitionKey(key: number, serial: number): string;
  /** The next explicit hash key, for strategies that route by one. */
  explicitHashKey?: () => string;
  /** Called with the shard each write landed on (strategies with a shard map refresh it on a stranger). */
  landed?(shardId: string): void;
  /** The entries carry no PartitionKey (strategy 'auto': the stream places them). */
  keyless?: true;
}

/** Fills `entry` (reused between calls) for one record. */
export function fillEntry(entry: PutRecordsRequestEntry, strategy: PartitionStrategy, key: number, serial: number, data: Uint8Array): void {
  entry.Data = data;
  if (strategy.keyless === true) return;
  entry.PartitionKey = strategy.partitionKey(key, serial);
  if (strategy.explicitHashKey !== undefined) entry.ExplicitHashKey = strategy.explicitHashKey();
}

/** A 32-bit integer hash (lowbias32, Wellons): a record's salt or random key is a pure function of its serial. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Salted names are cached up to this many (key, salt) pairs; beyond, they are built per record. */
const SALT_CACHE_LIMIT = 2_000_000;

export function createStrategy(strategy: Exclude<ResolvedStrategy, 'kpl'>, keys: KeySampler, seed: number, shardMap: ShardMap | undefined): PartitionStrategy {
  const salt32 = mix32(seed ^ 0x5bd1e995);
  if (strategy === 'auto') {
    return { partitionKey: () => '', keyless: true };
  }
  if (strategy === 'key') {
    return { partitionKey: (key) => keys.name(key) };
  }
  if (strategy === 'random') {
    // A fresh key per record, fixed across its retries (a producer draws it once, when it makes the record).
    return { partitionKey: (_key, serial) => `r${mix32((serial % 4294967296) ^ salt32).toString(36)}` };
  }
  if (strategy === 'explicit-spread') {
    const map = shardMap!;
    let turn = 0;
    return {
      partitionKey: (key) => keys.name(key),
      explicitHashKey: () => map.shards[turn++ % map.shards.length]!.middle,
      landed: (shardId) => {
        if (!map.knows(shardId)) map.refresh();
      },
    };
  }
  const n = strategy.salt;
  const cache = keys.count * n <= SALT_CACHE_LIMIT ? new Array<string | undefined>(keys.count * n) : undefined;
  return {
    partitionKey: (key, serial) => {
      const s = mix32((serial % 4294967296) ^ salt32) % n;
      if (cache === undefined) return `${keys.name(key)}#${s}`;
      return (cache[key * n + s] ??= `${keys.name(key)}#${s}`);
    },
  };
}
