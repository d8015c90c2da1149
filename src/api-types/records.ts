// Data-plane shapes (PutRecord(s), GetShardIterator, GetRecords), as in the AWS SDK v3 client.

import type { ChildShard, EncryptionType, ShardIteratorType, StreamRef } from './common.js';

export interface PutRecordInput extends StreamRef {
  Data: Uint8Array;
  /** Required on a USER_PARTITION_KEY stream (the default); optional and ignored for placement under AUTO. */
  PartitionKey?: string | undefined;
  ExplicitHashKey?: string | undefined;
  SequenceNumberForOrdering?: string | undefined;
  /** Validate only: the call then throws DryRunOperationException and changes nothing. */
  DryRun?: boolean | undefined;
}

export interface PutRecordOutput {
  ShardId: string;
  SequenceNumber: string;
  EncryptionType?: EncryptionType;
}

export interface PutRecordsRequestEntry {
  Data: Uint8Array;
  ExplicitHashKey?: string | undefined;
  /** Required on a USER_PARTITION_KEY stream (the default); optional and ignored for placement under AUTO. */
  PartitionKey?: string | undefined;
}

export interface PutRecordsInput extends StreamRef {
  Records: PutRecordsRequestEntry[];
  DryRun?: boolean | undefined;
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
  DryRun?: boolean | undefined;
}

export interface GetShardIteratorOutput {
  ShardIterator?: string;
}

export interface GetRecordsInput {
  ShardIterator: string;
  Limit?: number | undefined;
  StreamARN?: string | undefined;
  StreamId?: string | undefined;
  DryRun?: boolean | undefined;
}

export interface KinesisRecord {
  SequenceNumber: string;
  ApproximateArrivalTimestamp?: Date;
  Data: Uint8Array;
  /** Absent for a record put without one (AUTO streams only). */
  PartitionKey?: string;
  EncryptionType?: EncryptionType;
}

export interface GetRecordsOutput {
  Records: KinesisRecord[];
  NextShardIterator?: string;
  MillisBehindLatest?: number;
  ChildShards?: ChildShard[];
}
