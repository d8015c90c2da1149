// Shard listing and resharding shapes, as in the AWS SDK v3 client.

import type { Shard, StreamRef } from './common.js';

export type ShardFilterType =
  | 'AFTER_SHARD_ID' | 'AT_TRIM_HORIZON' | 'FROM_TRIM_HORIZON' | 'AT_LATEST' | 'AT_TIMESTAMP' | 'FROM_TIMESTAMP';

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

export type ScalingType = 'UNIFORM_SCALING';

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
