// Shapes of the KPL aggregation toolkit (aggregateRecords, deaggregateRecords), named like KCL's record fields.

import type { EncryptionType } from './common.js';

/** One user record to aggregate, as a producer would hand it to KPL. */
export interface UserRecordInput {
  PartitionKey: string;
  ExplicitHashKey?: string | undefined;
  Data: Uint8Array;
}

/** One aggregated Kinesis record, ready to spread into PutRecord or to send as a PutRecords entry. */
export interface AggregatedRecordEntry {
  PartitionKey: string;
  /** Where KPL routes the aggregate: the first user record's effective hash key, in decimal. */
  ExplicitHashKey: string;
  Data: Uint8Array;
}

/** A user record as KCL hands it to a record processor (KinesisClientRecord). */
export interface UserRecord {
  /** The sequence number of the Kinesis record that carried this user record. */
  SequenceNumber: string;
  /** Position inside the aggregate (0, 1, 2, ...); 0 for a record that was not aggregated. */
  SubSequenceNumber: number;
  /** Absent only for a plain record put without one (AUTO streams); aggregated records always carry one. */
  PartitionKey?: string;
  /** From the aggregate's table; omitted when the user record had none, and for non-aggregated records. */
  ExplicitHashKey?: string;
  Data: Uint8Array;
  ApproximateArrivalTimestamp?: Date;
  EncryptionType?: EncryptionType;
  /** True for a record taken out of a KPL aggregate. */
  Aggregated: boolean;
}
