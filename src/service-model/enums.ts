// The service model's enums, each written once as a runtime array; every union type derives from its array,
// and the validator's enum shapes list the same arrays (in the order AWS prints them in messages).

/** A stream's status [M]. */
export const STREAM_STATUSES = ['CREATING', 'DELETING', 'ACTIVE', 'UPDATING'] as const;
export type StreamStatus = (typeof STREAM_STATUSES)[number];

/** A stream's capacity mode [M]. */
export const STREAM_MODES = ['PROVISIONED', 'ON_DEMAND'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/** Server-side encryption of a stream and its records [M]. */
export const ENCRYPTION_TYPES = ['NONE', 'KMS'] as const;
export type EncryptionType = (typeof ENCRYPTION_TYPES)[number];

/**
 * Iterator types, in the order AWS prints them in the "enum value set" message: Java HashSet order, not
 * model order [K].
 */
export const SHARD_ITERATOR_TYPES = ['AFTER_SEQUENCE_NUMBER', 'LATEST', 'AT_TIMESTAMP', 'AT_SEQUENCE_NUMBER', 'TRIM_HORIZON'] as const;
export type ShardIteratorType = (typeof SHARD_ITERATOR_TYPES)[number];

/** ListShards filter types [M] (printed in model order [U]). */
export const SHARD_FILTER_TYPES = [
  'AFTER_SHARD_ID',
  'AT_TRIM_HORIZON',
  'FROM_TRIM_HORIZON',
  'AT_LATEST',
  'AT_TIMESTAMP',
  'FROM_TIMESTAMP',
] as const;
export type ShardFilterType = (typeof SHARD_FILTER_TYPES)[number];

/** UpdateShardCount's scaling types [M]. */
export const SCALING_TYPES = ['UNIFORM_SCALING'] as const;
export type ScalingType = (typeof SCALING_TYPES)[number];

/** The seven shard-level metrics, in the model's order [M]. */
export const SHARD_LEVEL_METRICS = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
] as const;
/** A metric name in requests: one of the seven, or 'ALL', which stands for all of them [M]. */
export const METRICS_NAMES = [...SHARD_LEVEL_METRICS, 'ALL'] as const;
export type MetricsName = (typeof METRICS_NAMES)[number];

/** An enhanced fan-out consumer's status [M]. */
export const CONSUMER_STATUSES = ['CREATING', 'DELETING', 'ACTIVE'] as const;
export type ConsumerStatus = (typeof CONSUMER_STATUSES)[number];

/** What UpdateAccountSettings may ask of MinimumThroughputBillingCommitment [M]. */
export const COMMITMENT_REQUEST_STATUSES = ['ENABLED', 'DISABLED'] as const;
export type CommitmentRequestStatus = (typeof COMMITMENT_REQUEST_STATUSES)[number];

/** What DescribeAccountSettings reports of MinimumThroughputBillingCommitment [M]. */
export const COMMITMENT_STATUSES = ['ENABLED', 'DISABLED', 'ENABLED_UNTIL_EARLIEST_ALLOWED_END'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** How a stream places records on its shards [M] (model order). */
export const RECORD_DISTRIBUTION_STRATEGIES = ['AUTO', 'USER_PARTITION_KEY'] as const;
export type RecordDistributionStrategy = (typeof RECORD_DISTRIBUTION_STRATEGIES)[number];

/** A delivery channel's status [M] (model order). */
export const CHANNEL_STATUSES = ['CREATING', 'ACTIVE', 'UPDATING', 'DELETING', 'FAILED'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** The format a channel reads records in [M] (model order). */
export const RECORD_FORMAT_TYPES = ['GSR_JSON', 'JSON', 'STRING', 'BYTE_ARRAY'] as const;
export type RecordFormatType = (typeof RECORD_FORMAT_TYPES)[number];

/** Storage classes of delivered S3 objects [M] (model order). */
export const S3_STORAGE_CLASSES = ['STANDARD', 'INTELLIGENT_TIERING', 'GLACIER_IR'] as const;
export type S3StorageClass = (typeof S3_STORAGE_CLASSES)[number];

/** Compression of delivered S3 objects [M] (model order). */
export const S3_COMPRESSION_TYPES = ['NONE', 'GZIP', 'ZSTD'] as const;
export type S3CompressionType = (typeof S3_COMPRESSION_TYPES)[number];

/** Compression of a streaming table's Parquet files [M] (model order). */
export const S3_TABLES_COMPRESSION_TYPES = ['NONE', 'ZSTD', 'SNAPPY'] as const;
export type S3TablesCompressionType = (typeof S3_TABLES_COMPRESSION_TYPES)[number];

/** Where a channel delivers [M] (model order). */
export const CHANNEL_DESTINATION_TYPES = ['S3', 'S3_TABLES'] as const;
export type ChannelDestinationType = (typeof CHANNEL_DESTINATION_TYPES)[number];

/** How a channel encrypts what it delivers [M]. */
export const CHANNEL_ENCRYPTION_TYPES = ['KMS'] as const;
export type ChannelEncryptionType = (typeof CHANNEL_ENCRYPTION_TYPES)[number];

/** Partition transforms of a streaming table [M]. */
export const PARTITION_TRANSFORMS = ['TIME_HOUR'] as const;
export type PartitionTransform = (typeof PARTITION_TRANSFORMS)[number];
