// Which of a set of hash-key ranges a key falls in: the pure form of a stream's routing, for partition-strategy
// experiments that need no engine (the engine routes with a radix table over its open shards instead).

import type { HashRange } from './hash-key.js';
import { hashKeyOf } from './md5.js';

/**
 * The index in `ranges` of the range holding `hashKey`, or -1 when none does. `ranges` must be sorted by start
 * and must not overlap, as evenRanges returns them or as a stream's open shards' HashKeyRanges are once sorted.
 */
export function shardIndexForHashKey(hashKey: bigint, ranges: readonly HashRange[]): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const range = ranges[mid]!;
    if (hashKey < range.start) hi = mid - 1;
    else if (hashKey > range.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The index in `ranges` of the range a partition key routes to (MD5 of its UTF-8 bytes, as Kinesis routes
 * records), or -1 when none holds it. `ranges` as for shardIndexForHashKey.
 */
export function shardIndexForKey(partitionKey: string, ranges: readonly HashRange[]): number {
  return shardIndexForHashKey(hashKeyOf(partitionKey), ranges);
}
