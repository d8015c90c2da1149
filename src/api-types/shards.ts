// Shard listing and resharding shapes, as in the AWS SDK v3 client.

import type { ScalingType, ShardFilterType } from '../service-model/enums.js';
import type { Shard, StreamRef } from './common.js';

export type { ScalingType, ShardFilterType } from '../service-model/enums.js';

export interface ShardFilter {
  Type: ShardFilterType;
  ShardId?: string | undefined;
  Timestamp?: Date | undefined;
}

export interface ListShardsInput extends StreamRef {
  NextToken?: string | undefined;
  ExclusiveStartShardId?: string | undefined;
  MaxResults?: number | undefined;
  StreamCreationTimestamp?: Date | undefined;
  ShardFilter?: ShardFilter | undefined;
}

export interface ListShardsOutput {
  Shards?: Shard[];
  NextToken?: string;
}

export interface SplitShardInput extends StreamRef {
  ShardToSplit: string;
  NewStartingHashKey: string;
}

export interface MergeShardsInput extends StreamRef {
  ShardToMerge: string;
  AdjacentShardToMerge: string;
}


export interface UpdateShardCountInput extends StreamRef {
  TargetShardCount: number;
  ScalingType: ScalingType;
}

export interface UpdateShardCountOutput {
  StreamName?: string;
  CurrentShardCount?: number;
  TargetShardCount?: number;
  StreamARN?: string;
}
