// Rendering shards in AWS's output shapes (Shard, ChildShard).

import type { ChildShard, Shard as ShardShape } from '../../api-types/common.js';
import { parseShardId, type Shard } from '../../model/shard.js';
import type { Stream } from '../../model/stream.js';

export function shardOutput(shard: Shard): ShardShape {
  const out: ShardShape = {
    ShardId: shard.id,
    HashKeyRange: { StartingHashKey: shard.start.toString(), EndingHashKey: shard.end.toString() },
    SequenceNumberRange: { StartingSequenceNumber: shard.startingSequenceNumber },
  };
  if (shard.parentId !== undefined) out.ParentShardId = shard.parentId;
  if (shard.adjacentParentId !== undefined) out.AdjacentParentShardId = shard.adjacentParentId;
  const ending = shard.endingSequenceNumber;
  if (ending !== undefined) out.SequenceNumberRange.EndingSequenceNumber = ending;
  return out;
}

/** The ChildShards entries of a closed shard: a merge child lists both parents. */
export function childShardOutputs(stream: Stream, shard: Shard): ChildShard[] {
  return shard.childIds.map((id) => {
    const child = stream.shards[parseShardId(id)!]!;
    const parents = child.adjacentParentId === undefined ? [child.parentId!] : [child.parentId!, child.adjacentParentId];
    return {
      ShardId: child.id,
      ParentShards: parents,
      HashKeyRange: { StartingHashKey: child.start.toString(), EndingHashKey: child.end.toString() },
    };
  });
}
