// DescribeShardGraph — a kinesim extension, not an AWS operation: a stream's whole shard lineage.

import type { Account } from '../model/account.js';
import type { Shard } from '../model/shard.js';
import type { Stream } from '../model/stream.js';
import type { DescribeShardGraphInput, DescribeShardGraphOutput, ShardGraphNode } from '../api-types/lineage.js';
import { findStream } from './_internals/stream-ref.js';

export function describeShardGraph(account: Account, input: DescribeShardGraphInput): DescribeShardGraphOutput {
  const nowMs = account.timeline.now();
  const stream = findStream(account, input);
  return { StreamName: stream.name, StreamARN: stream.arn, Shards: stream.shards.map((s) => nodeOf(stream, s, nowMs)) };
}

function nodeOf(stream: Stream, shard: Shard, nowMs: number): ShardGraphNode {
  stream.releaseExpired(shard, nowMs);
  const expired = stream.isExpired(shard, nowMs);
  const parents: string[] = [];
  if (shard.parentId !== undefined) parents.push(shard.parentId);
  if (shard.adjacentParentId !== undefined) parents.push(shard.adjacentParentId);
  const written = shard.log.length;
  const node: ShardGraphNode = {
    ShardId: shard.id,
    ParentShardIds: parents,
    ChildShardIds: [...shard.childIds],
    HashKeyRange: { StartingHashKey: shard.start.toString(), EndingHashKey: shard.end.toString() },
    State: expired ? 'EXPIRED' : shard.isOpen ? 'OPEN' : 'CLOSED',
    OpenedAt: new Date(shard.openedAtMs),
    RecordCount: expired ? 0 : written - stream.trimHorizon(shard, nowMs),
    RecordsWritten: written,
  };
  if (shard.closedAtMs !== undefined) node.ClosedAt = new Date(shard.closedAtMs);
  return node;
}
