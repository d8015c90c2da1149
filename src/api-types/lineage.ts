// Shapes of kinesim's lineage extension (DescribeShardGraph): not an AWS operation, named in AWS's style.

import type { HashKeyRange, StreamRef } from './common.js';

export type DescribeShardGraphInput = StreamRef;

/** OPEN takes writes; CLOSED was split or merged and is still readable; EXPIRED is past retention and gone from listings. */
export type ShardGraphState = 'OPEN' | 'CLOSED' | 'EXPIRED';

/** One shard of a stream's lineage. */
export interface ShardGraphNode {
  ShardId: string;
  /** The parent of a split child, or both parents of a merge child (ShardToMerge first); empty for initial shards. */
  ParentShardIds: string[];
  /** The shards this one was split or merged into; empty while open. */
  ChildShardIds: string[];
  HashKeyRange: HashKeyRange;
  State: ShardGraphState;
  OpenedAt: Date;
  ClosedAt?: Date;
  /** Records still inside the retention period. */
  RecordCount: number;
  /** Records ever written to the shard. */
  RecordsWritten: number;
}

/** Every shard a stream has had, expired ones included, in shard-ID order. */
export interface ShardGraph {
  StreamName: string;
  StreamARN: string;
  Shards: ShardGraphNode[];
}

export type DescribeShardGraphOutput = ShardGraph;
