// MergeShards — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_MergeShards.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { MergeShardsInput } from '../api-types/shards.js';
import { assertOpen, existingShard, reshardableStream, shardIndexOf } from './_internals/reshard-checks.js';
import { scheduleChange } from './_internals/schedule-change.js';
import { resolveRef } from './_internals/stream-ref.js';

export function mergeShards(account: Account, input: MergeShardsInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const ref = resolveRef(account, input);
  const index = shardIndexOf(ref, input.ShardToMerge);
  const adjacentIndex = shardIndexOf(ref, input.AdjacentShardToMerge);
  const stream = reshardableStream(account, ref, nowMs);
  const shard = existingShard(account, stream, index);
  const adjacent = existingShard(account, stream, adjacentIndex);
  assertOpen(account, stream, shard);
  assertOpen(account, stream, adjacent);
  // AWS requires ShardToMerge to be the lower range, its end + 1 the adjacent shard's start: the inverted
  // pair gets the same "not an adjacent pair" answer (verified against AWS production by an AWS-verified
  // suite, and kinesalite's [K]). The child's ParentShardId is ShardToMerge, AdjacentParentShardId the other.
  if (shard.end + 1n !== adjacent.start) {
    throw new InvalidArgumentException(msg.notAdjacent(shard.id, adjacent.id, stream.name, account.accountId));
  }
  scheduleChange(account, stream, nowMs, { kind: 'merge', shardIndex: shard.index, adjacentShardIndex: adjacent.index });
  return {};
}
