// Stream lifecycle and listing shapes (CreateStream ... DescribeLimits), as in the AWS SDK v3 client.

import type {
  EncryptionType, EnhancedMetrics, RecordDistributionStrategy, Shard, StreamModeDetails, StreamRef, StreamStatus,
} from './common.js';

export interface CreateStreamInput {
  StreamName: string;
  ShardCount?: number | undefined;
  StreamModeDetails?: StreamModeDetails | undefined;
  Tags?: Record<string, string> | undefined;
  WarmThroughputMiBps?: number | undefined;
  MaxRecordSizeInKiB?: number | undefined;
  /** ON_DEMAND streams only; default USER_PARTITION_KEY. */
  RecordDistributionStrategy?: RecordDistributionStrategy | undefined;
}

export interface DeleteStreamInput extends StreamRef {
  EnforceConsumerDeletion?: boolean | undefined;
}

export interface DescribeStreamInput extends StreamRef {
  Limit?: number | undefined;
  ExclusiveStartShardId?: string | undefined;
}

export interface StreamDescription {
  StreamName: string;
  StreamARN: string;
  StreamStatus: StreamStatus;
  StreamModeDetails?: StreamModeDetails;
  Shards: Shard[];
  HasMoreShards: boolean;
  RetentionPeriodHours: number;
  StreamCreationTimestamp: Date;
  EnhancedMonitoring: EnhancedMetrics[];
  EncryptionType?: EncryptionType;
  KeyId?: string;
}

export interface DescribeStreamOutput {
  StreamDescription: StreamDescription;
}

export type DescribeStreamSummaryInput = StreamRef;

export interface WarmThroughputObject {
  TargetMiBps?: number;
  CurrentMiBps?: number;
}

export interface StreamDescriptionSummary {
  StreamName: string;
  StreamARN: string;
  StreamId?: string;
  StreamStatus: StreamStatus;
  StreamModeDetails?: StreamModeDetails;
  RetentionPeriodHours: number;
  StreamCreationTimestamp: Date;
  EnhancedMonitoring: EnhancedMetrics[];
  EncryptionType?: EncryptionType;
  KeyId?: string;
  OpenShardCount: number;
  ConsumerCount?: number;
  WarmThroughput?: WarmThroughputObject;
  MaxRecordSizeInKiB?: number;
  /** Delivery channels reading the stream (every status until a deleted one is gone). */
  ChannelCount?: number;
  /** Present for on-demand streams only. */
  RecordDistributionStrategy?: RecordDistributionStrategy;
}

export interface DescribeStreamSummaryOutput {
  StreamDescriptionSummary: StreamDescriptionSummary;
}

export interface ListStreamsInput {
  Limit?: number | undefined;
  ExclusiveStartStreamName?: string | undefined;
  NextToken?: string | undefined;
}

export interface StreamSummary {
  StreamName: string;
  StreamARN: string;
  StreamStatus: StreamStatus;
  StreamModeDetails?: StreamModeDetails;
  StreamCreationTimestamp?: Date;
}

export interface ListStreamsOutput {
  StreamNames: string[];
  HasMoreStreams: boolean;
  NextToken?: string;
  StreamSummaries?: StreamSummary[];
}

export type DescribeLimitsInput = Record<string, never>;

export interface DescribeLimitsOutput {
  ShardLimit: number;
  OpenShardCount: number;
  OnDemandStreamCount: number;
  OnDemandStreamCountLimit: number;
  ChannelCount?: number;
  ChannelCountLimit?: number;
}
