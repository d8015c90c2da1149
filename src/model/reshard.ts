// Resharding steps: a split or merge closes its parents and opens its children at one instant.
//
// These functions trust their arguments (the actions check them) and leave routing to their only caller,
// Stream, which rebuilds its router once after a whole reshard (a long UpdateShardCount walk included).

import { assert } from '../errors/kinesis-error.js';
import { Shard } from './shard.js';
import type { Stream } from './stream.js';

/** Splits an open shard at `newStartingHashKey`: the lower child ends just below it, the upper starts at it. */
export function splitIntoChildren(stream: Stream, parent: Shard, newStartingHashKey: bigint, atMs: number): [Shard, Shard] {
  assert(parent.isOpen, `split of closed shard ${parent.id}`);
  assert(parent.start < newStartingHashKey, `split key at or below the start of ${parent.id}`);
  assert(newStartingHashKey <= parent.end, `split key above the end of ${parent.id}`);
  parent.closedAtMs = atMs;
  const lower = addShard(stream, parent.start, newStartingHashKey - 1n, atMs, parent.id, undefined);
  const upper = addShard(stream, newStartingHashKey, parent.end, atMs, parent.id, undefined);
  parent.childIds.push(lower.id, upper.id);
  return [lower, upper];
}

/**
 * Merges two open shards with adjacent ranges into one child covering both. The child's ParentShardId is
 * `shard` and its AdjacentParentShardId is `adjacent`, whichever of the two ranges is lower.
 */
export function mergeIntoChild(stream: Stream, shard: Shard, adjacent: Shard, atMs: number): Shard {
  assert(shard.isOpen, `merge of closed shard ${shard.id}`);
  assert(adjacent.isOpen, `merge of closed shard ${adjacent.id}`);
  assert(areAdjacent(shard, adjacent), `merge of non-adjacent shards ${shard.id} and ${adjacent.id}`);
  shard.closedAtMs = atMs;
  adjacent.closedAtMs = atMs;
  const lowerFirst = shard.start < adjacent.start;
  const start = lowerFirst ? shard.start : adjacent.start;
  const end = lowerFirst ? adjacent.end : shard.end;
  const child = addShard(stream, start, end, atMs, shard.id, adjacent.id);
  shard.childIds.push(child.id);
  adjacent.childIds.push(child.id);
  return child;
}

/** Whether two ranges touch, in either order. */
export function areAdjacent(a: { start: bigint; end: bigint }, b: { start: bigint; end: bigint }): boolean {
  return a.end + 1n === b.start || b.end + 1n === a.start;
}

function addShard(
  stream: Stream,
  start: bigint,
  end: bigint,
  atMs: number,
  parentId: string,
  adjacentParentId: string | undefined,
): Shard {
  const shard = new Shard(stream.shards.length, start, end, atMs, stream.incarnation, parentId, adjacentParentId, stream.recordPayloads);
  stream.shards.push(shard);
  return shard;
}
