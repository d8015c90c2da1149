// Channel: a delivery channel that copies a stream's records to S3 or a streaming table, with its status
// timeline and its delivery position. Every field is plain data, so a snapshot can copy it as it is.

import type { ChannelStatus, PartitionTransform, RecordFormatType, S3CompressionType, S3StorageClass, S3TablesCompressionType } from '../service-model/enums.js';

/** The stream a channel reads (one incarnation of it). */
export interface ChannelSource {
  readonly streamName: string;
  readonly streamArn: string;
  readonly incarnation: number;
  readonly streamCreatedAtMs: number;
  readonly recordFormat: RecordFormatType;
  readonly gsrSchemaArn: string | undefined;
}

/** An S3 bucket a channel writes to (its destination or its dead-letter queue). */
export interface ChannelBucket {
  readonly bucketArn: string;
  readonly expectedBucketOwner: string;
}

/** A general purpose S3 bucket destination, every default filled in. */
export interface S3Destination extends ChannelBucket {
  readonly type: 'S3';
  readonly outputKeyTemplate: string;
  readonly storageClass: S3StorageClass;
  readonly compression: S3CompressionType;
}

/** A streaming table destination (S3 Tables). */
export interface S3TablesDestination {
  readonly type: 'S3_TABLES';
  readonly tableBucketArn: string;
  readonly namespace: string;
  readonly tableName: string;
  readonly compression: S3TablesCompressionType;
  /** The table's partition fields as given (TIME_HOUR on a timestamp column); undefined without a PartitionSpec. */
  readonly partitionFields: readonly { readonly transform: PartitionTransform; readonly sourceName: string }[] | undefined;
}

export interface ChannelLogging {
  enabled: boolean;
  logGroupName: string | undefined;
  logStreamName: string | undefined;
}

/** Where a channel is in its source stream: the next record to deliver of each shard, by shard index. */
export interface DeliveryPosition {
  /** Whether delivery has begun (at the first settle at or after the channel became ACTIVE). */
  started: boolean;
  /** Whether delivery is over for good (the channel was deleted, failed, or lost its stream). */
  ended: boolean;
  /**
   * Per shard index of the source stream: the absolute log index of the next record to deliver (until delivery
   * starts: each shard's length when the channel was created).
   */
  next: number[];
  /** Objects written so far (the unique key suffix counts them), and dead-letter objects. */
  objects: number;
  errorObjects: number;
}

export class Channel {
  readonly tags = new Map<string, string>();
  /** The resource policy attached to this channel (PutResourcePolicy), if any. */
  policy: string | undefined;
  dataFreshnessSeconds: number;
  logging: ChannelLogging;
  /** UPDATING lasts until then (UpdateChannel). */
  updatingUntilMs: number | undefined;
  /** When the channel failed (FAILED from then on), and why. */
  failedAtMs: number | undefined;
  failureReason: string | undefined;
  deletingAtMs: number | undefined;
  goneAtMs: number | undefined;
  readonly delivery: DeliveryPosition = { started: false, ended: false, next: [], objects: 0, errorObjects: 0 };

  constructor(
    /** The channel's place in the account's creation order (1 = first ever): ListChannels pages by it. */
    readonly serial: number,
    readonly name: string,
    readonly id: string,
    readonly arn: string,
    readonly createdAtMs: number,
    /** When CREATING ends: delivery covers records that arrive from then on. */
    readonly activeAtMs: number,
    readonly roleArn: string,
    readonly source: ChannelSource,
    readonly destination: S3Destination | S3TablesDestination,
    /** Failed records go here; for S3 destinations it defaults to the destination bucket. */
    readonly deadLetterQueue: ChannelBucket & { readonly errorOutputPrefix: string },
    readonly encryption: { readonly keyId: string } | undefined,
    dataFreshnessSeconds: number,
    logging: ChannelLogging,
  ) {
    this.dataFreshnessSeconds = dataFreshnessSeconds;
    this.logging = logging;
  }

  status(nowMs: number): ChannelStatus {
    if (this.deletingAtMs !== undefined) return 'DELETING';
    if (this.failedAtMs !== undefined && nowMs >= this.failedAtMs) return 'FAILED';
    if (nowMs < this.activeAtMs) return 'CREATING';
    if (this.updatingUntilMs !== undefined && nowMs < this.updatingUntilMs) return 'UPDATING';
    return 'ACTIVE';
  }

  /** Whether this channel reads `stream` (that incarnation of it). */
  reads(streamName: string, incarnation: number): boolean {
    return this.source.streamName === streamName && this.source.incarnation === incarnation;
  }
}
