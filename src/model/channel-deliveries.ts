// What emulated channels delivered: the shapes (kinesim's own, named in AWS's style; DescribeChannelDeliveries and
// the channelDeliverySink option show them) and the account's log of them. The log is plain data.

import type { S3StorageClass, S3TablesCompressionType } from '../service-model/enums.js';

/** One stream record as a channel delivered it. */
export interface DeliveredRecord {
  ShardId: string;
  SequenceNumber: string;
  ApproximateArrivalTimestamp: Date;
  Data: Uint8Array;
  /** Absent for a record put without one (AUTO streams). */
  PartitionKey?: string;
}

/** A record the channel could not deliver, as its dead-letter queue object lists it. */
export interface FailedRecord extends DeliveredRecord {
  ErrorCode: string;
  ErrorMessage: string;
}

interface DeliveryBase {
  ChannelARN: string;
  ChannelName: string;
  /** When the channel wrote it (engine clock). */
  DeliveredAt: Date;
}

/** An object written to the channel's general purpose S3 bucket. */
export interface S3ObjectDelivery extends DeliveryBase {
  DeliveryType: 'S3_OBJECT';
  BucketARN: string;
  Bucket: string;
  Key: string;
  StorageClass: S3StorageClass;
  /** Set for GZIP ('gzip') and ZSTD ('zstd') compression; Body is then the compressed bytes. */
  ContentEncoding?: 'gzip' | 'zstd';
  Body: Uint8Array;
  /** The records in Body, in order. */
  Records: DeliveredRecord[];
}

/** An object written to the channel's dead-letter queue bucket: records that failed validation. */
export interface S3ErrorObjectDelivery extends DeliveryBase {
  DeliveryType: 'S3_ERROR_OBJECT';
  BucketARN: string;
  Bucket: string;
  Key: string;
  /** JSON Lines, one failed record per line (see the README). */
  Body: Uint8Array;
  Records: FailedRecord[];
}

/** One row appended to a streaming table. */
export interface TableRow {
  /** The record's JSON object: the row's columns. */
  Values: Record<string, unknown>;
  /** Each TIME_HOUR partition field's value ('yyyy-MM-dd-HH' UTC), null when the column is missing or not a timestamp. */
  Partition: Record<string, string | null>;
  Record: DeliveredRecord;
}

/** Rows appended to the channel's streaming table (S3 Tables) in one commit. */
export interface S3TablesRowsDelivery extends DeliveryBase {
  DeliveryType: 'S3_TABLES_ROWS';
  TableBucketARN: string;
  Namespace: string;
  TableName: string;
  CompressionType: S3TablesCompressionType;
  Rows: TableRow[];
}

/** One thing a channel delivered. */
export type ChannelDelivery = S3ObjectDelivery | S3ErrorObjectDelivery | S3TablesRowsDelivery;

/** Everything the account's channels delivered, and the streaming tables they created. */
export class DeliveryLog {
  /**
   * Deliveries by channel ARN (every channel ever created), oldest first; kept after the channel is gone (delivered
   * data is not deleted [M]).
   */
  readonly byChannel = new Map<string, ChannelDelivery[]>();
  /** Tables created by channels, as `<TableBucketARN>/<Namespace>/<TableName>`: a channel cannot reuse one [D]. */
  readonly tables = new Set<string>();
}

/** The key of a streaming table in DeliveryLog.tables. */
export function tableKey(tableBucketArn: string, namespace: string, tableName: string): string {
  return `${tableBucketArn}/${namespace}/${tableName}`;
}

export interface DescribeChannelDeliveriesInput {
  /** A channel's ARN; deliveries stay inspectable after the channel is deleted. */
  ChannelARN: string;
}

export interface DescribeChannelDeliveriesOutput {
  ChannelARN: string;
  /** Everything delivered so far, oldest first (empty when the engine hands deliveries to a channelDeliverySink). */
  Deliveries: ChannelDelivery[];
}

/** Receives each delivery as the channel makes it, instead of the engine keeping it (KinesisOptions.channelDeliverySink). */
export type ChannelDeliverySink = (delivery: ChannelDelivery) => void;

export interface FailChannelInput {
  ChannelARN: string;
  /** The ChannelStatusReason to report. */
  Reason: string;
}
