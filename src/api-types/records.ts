// Data-plane shapes (PutRecord(s), GetShardIterator, GetRecords), as in the AWS SDK v3 client.

import type { ChildShard, EncryptionType, ShardIteratorType, StreamRef } from './common.js';

export interface PutRecordInput extends StreamRef {
  Data: Uint8Array;
  PartitionKey: string;
  ExplicitHashKey?: string | undefined;
  SequenceNumberForOrdering?: string | undefined;
}

export interface PutRecordOutput {
  ShardId: string;
  SequenceNumber: string;
  EncryptionType?: EncryptionType;
}

export interface PutRecordsRequestEntry {
  Data: Uint8Array;
  ExplicitHashKey?: string | undefined;
  PartitionKey: string;
}

export interface PutRecordsInput extends StreamRef {
  Records: PutRecordsRequestEntry[];
}

export interface PutRecordsResultEntry {
  SequenceNumber?: string;
  ShardId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface PutRecordsOutput {
  FailedRecordCount?: number;
  Records: PutRecordsResultEntry[];
  EncryptionType?: EncryptionType;
}

export interface GetShardIteratorInput extends StreamRef {
  ShardId: string;
  ShardIteratorType: ShardIteratorType;
  StartingSequenceNumber?: string | undefined;
  Timestamp?: Date | undefined;
}

export interface GetShardIteratorOutput {
  ShardIterator?: string;
}

export interface GetRecordsInput {
  ShardIterator: string;
  Limit?: number | undefined;
  StreamARN?: string | undefined;
}

export interface KinesisRecord {
  SequenceNumber: string;
  ApproximateArrivalTimestamp?: Date;
  Data: Uint8Array;
  PartitionKey: string;
  EncryptionType?: EncryptionType;
}

export interface GetRecordsOutput {
  Records: KinesisRecord[];
  NextShardIterator?: string;
  MillisBehindLatest?: number;
  ChildShards?: ChildShard[];
}
