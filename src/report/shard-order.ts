// Shards in the order a reader expects: by where their hash-key range starts, then by when they opened.

import type { ShardSummary } from '../sim/summary.js';

const SPACE = 2 ** 128;

/** The position of a decimal hash key in the key space, 0..1. */
export function keyFraction(hashKey: string): number {
  return Number(BigInt(hashKey)) / SPACE;
}

export function inKeyOrder(shards: readonly ShardSummary[]): ShardSummary[] {
  return [...shards].sort((a, b) => {
    const sa = BigInt(a.hashKeyRange.StartingHashKey);
    const sb = BigInt(b.hashKeyRange.StartingHashKey);
    return sa < sb ? -1 : sa > sb ? 1 : a.openedAtSecond - b.openedAtSecond;
  });
}

/** "shardId-000000000012" -> "12". */
export function shortId(shardId: string): string {
  return String(Number(shardId.replace(/^shardId-/, '')));
}
