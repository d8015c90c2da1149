// Every AWS limit the engine enforces or reports, in one place, with its evidence and AWS's page.
//
// Evidence tags (see the README's legend): [D] AWS documentation, [M] AWS's service model, [K] kinesalite's
// tests run against AWS, [E] another emulator only, [U] chosen by kinesim where AWS is silent.
// Limits that are constraints of the service model itself (list lengths, string patterns) live with the
// model's shapes in src/service-model/kinesis-shapes.ts.

const KiB = 1024;
const MiB = 1024 * 1024;
const HOUR_MS = 3_600_000;

// ---- Records and reads ----

/**
 * A shard iterator expires this long after GetShardIterator (or GetRecords) returned it. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html
 */
export const ITERATOR_TTL_MS = 300_000;

/**
 * Record data one GetRecords call returns at most (partition keys not counted [U]). [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html
 */
export const GET_RECORDS_MAX_BYTES = 10 * MiB;

/**
 * Records one GetRecords call returns at most, and the largest Limit it accepts. [M][D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html
 */
export const GET_RECORDS_MAX_RECORDS = 10_000;

/**
 * Data plus partition keys of one PutRecords request, all entries together (was 5 MiB before large records). [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
 */
export const PUT_RECORDS_MAX_BYTES = 10 * MiB;

/**
 * A new stream's MaxRecordSizeInKiB (data + partition key of one record) when CreateStream names none. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/large-records.html
 */
export const RECORD_MAX_SIZE_DEFAULT_KIB = KiB;

// ---- Per-shard throughput (enforced only with the throughputLimits option) ----

/**
 * Records a shard accepts per second. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const SHARD_WRITE_RECORDS_PER_SECOND = 1000;
/**
 * Bytes (data + UTF-8 partition key) a shard accepts per second: 1 MiB. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const SHARD_WRITE_BYTES_PER_SECOND = MiB;
/**
 * GetRecords calls a shard serves per second. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const SHARD_READ_CALLS_PER_SECOND = 5;
/**
 * Bytes of record data a shard serves per second: 2 MiB. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const SHARD_READ_BYTES_PER_SECOND = 2 * MiB;
/**
 * GetShardIterator calls a shard serves per second. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const SHARD_ITERATOR_CALLS_PER_SECOND = 5;

// ---- Enhanced fan-out subscriptions (SubscribeToShard) ----

/**
 * How long one SubscribeToShard call delivers events before its stream ends (engine time). [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html
 */
export const SUBSCRIPTION_DURATION_MS = 300_000;
/**
 * A second SubscribeToShard for the same consumer and shard within this long of a successful one is refused
 * (ResourceInUseException); from then on it takes the subscription over. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html
 */
export const SUBSCRIPTION_TAKEOVER_MS = 5_000;
/**
 * Record data a subscription delivers per second, per shard and consumer, independent of GetRecords' budget:
 * 2 MiB. Paced only with the throughputLimits option, like every per-shard rate. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html
 */
export const SUBSCRIPTION_READ_BYTES_PER_SECOND = 2 * MiB;
/**
 * How long a subscription with nothing to deliver waits before it sends an empty event (Records [], the
 * current ContinuationSequenceNumber). [U] AWS sends such events but does not say how often.
 */
export const SUBSCRIPTION_IDLE_EVENT_INTERVAL_MS = 5_000;
/** Records one SubscribeToShardEvent carries at most. [U] AWS publishes no limit; GetRecords' is used. */
export const SUBSCRIPTION_EVENT_MAX_RECORDS = GET_RECORDS_MAX_RECORDS;
/**
 * Record data one SubscribeToShardEvent carries at most (one larger record still travels alone). [U] AWS
 * publishes no limit; one second of the fan-out rate keeps every event far below the 24 MiB message limit.
 */
export const SUBSCRIPTION_EVENT_MAX_BYTES = 2 * MiB;

// ---- Streams ----

/**
 * The retention period of a new stream. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html
 */
export const RETENTION_DEFAULT_HOURS = 24;
/**
 * The shortest retention period. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DecreaseStreamRetentionPeriod.html
 */
export const RETENTION_MIN_HOURS = 24;
/**
 * The longest retention period (365 days). [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_IncreaseStreamRetentionPeriod.html
 */
export const RETENTION_MAX_HOURS = 8760;

/**
 * Shards an on-demand stream starts with (4 MiB/s of write capacity). [E] moto; consistent with [D]
 * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html
 */
export const ON_DEMAND_INITIAL_SHARDS = 4;

// On-demand scaling (src/model/on-demand-scaling.ts): what AWS does to an on-demand stream on its own. AWS documents
// the start (4 MiB/s) and the ceilings; the rest comes from write-ups of its documentation and of observed streams
// [B], and the measuring is kinesim's [U]. Each is a default of KinesisOptions.onDemandScaling.

/**
 * Headroom over the peak: an on-demand stream "accommodates up to double the previous peak write throughput
 * observed in the last 30 days". [B] (quoted from AWS's sizing page in several write-ups, e.g. oneuptime.com
 * 2026-02-12; the section of https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html)
 */
export const ON_DEMAND_HEADROOM_FACTOR = 2;
/** How far back the peak is remembered: 30 days. [B] (same sources) */
export const ON_DEMAND_PEAK_WINDOW_MS = 30 * 86_400_000;
/** How long sustained traffic above the headroom takes to raise capacity: about 15 minutes. [B] (same sources) */
export const ON_DEMAND_SCALE_UP_DELAY_MS = 15 * 60_000;
/** How long capacity stays above twice the peak before it is halved: scale-down is gradual, about 24 h. [B] */
export const ON_DEMAND_SCALE_DOWN_DELAY_MS = 86_400_000;
/** The period over which write throughput is averaged to find the peak: one minute, like CloudWatch's. [U] */
export const ON_DEMAND_MEASURE_PERIOD_MS = 60_000;
/**
 * The most write capacity an on-demand stream scales to, in shards of 1 MiB/s: 10 GiB/s in us-east-1, us-west-2 and
 * eu-west-1, 200 MiB/s elsewhere. [D] https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const ON_DEMAND_LARGE_REGION_MAX_SHARDS = 10 * KiB;
export const ON_DEMAND_DEFAULT_MAX_SHARDS = 200;

/**
 * Open shards UpdateShardCount may scale one stream to. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html
 */
export const UPDATE_SHARD_COUNT_MAX_SHARDS = 10_000;
/**
 * Accepted UpdateShardCount calls per stream in any rolling 24 hours. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html
 */
export const UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY = 10;

/**
 * Warm throughput an on-demand stream may be set to: 10 GiB/s. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamWarmThroughput.html
 */
export const WARM_THROUGHPUT_MAX_MIBPS = 10 * KiB;

/**
 * Tags one stream or consumer may carry. [M]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_AddTagsToStream.html
 */
export const RESOURCE_MAX_TAGS = 50;

// ---- Consumers ----

/**
 * Enhanced fan-out consumers one stream may have (50 with On-demand Advantage, which kinesim does not model). [M]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html
 */
export const STREAM_MAX_CONSUMERS = 20;
/**
 * Consumers that may be CREATING at once; [U] counted across the account. [M]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html
 */
export const ACCOUNT_MAX_CREATING_CONSUMERS = 5;

// ---- DryRun and delivery channels ----

/**
 * DryRun requests one stream accepts per second, shared by PutRecord, PutRecords, GetRecords, GetShardIterator and
 * SubscribeToShard (enforced only with the throughputLimits option). [D]
 * https://docs.aws.amazon.com/streams/latest/dev/kds-dryrun-validation.html
 */
export const DRY_RUN_CALLS_PER_SECOND = 1;
/**
 * Channels one stream may have: one to streaming tables (S3 Tables) and one to a general purpose S3 bucket. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/data-delivery-quotas.html
 */
export const STREAM_MAX_CHANNELS = 2;
/**
 * The default channel quota of an account (KinesisOptions.channelCountLimit). [U] AWS bounds channels by two per
 * on-demand stream; this is two times the default on-demand stream quota.
 * https://docs.aws.amazon.com/streams/latest/dev/data-delivery-quotas.html
 */
export const ACCOUNT_DEFAULT_MAX_CHANNELS = 100;
/**
 * The data freshness a channel accepts (the oldest undelivered record's greatest age), and its default. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/data-delivery-concepts.html
 */
export const CHANNEL_DATA_FRESHNESS_MIN_SECONDS = 300;
export const CHANNEL_DATA_FRESHNESS_MAX_SECONDS = 900;
export const CHANNEL_DATA_FRESHNESS_DEFAULT_SECONDS = 300;

// ---- Listings ----

/**
 * Shards one DescribeStream call returns at most, whatever Limit asks for. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html
 */
export const DESCRIBE_STREAM_MAX_SHARDS = 100;
/**
 * Shards one ListShards call returns at most, whatever MaxResults asks for. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html
 */
export const LIST_SHARDS_MAX_SHARDS = 1000;
/**
 * Streams one ListStreams call returns at most, whatever Limit asks for. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html
 */
export const LIST_STREAMS_MAX_STREAMS = 100;
/**
 * Consumers one ListStreamConsumers call returns at most, whatever MaxResults asks for. [M]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html
 */
export const LIST_STREAM_CONSUMERS_MAX_CONSUMERS = 100;
/**
 * A NextToken (ListShards, ListStreams, ListStreamConsumers) expires this long after it was issued. [D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html
 */
export const NEXT_TOKEN_TTL_MS = 300_000;
/**
 * Channels one ListChannels call returns at most, whatever MaxResults asks for. [M][D]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListChannels.html
 */
export const LIST_CHANNELS_MAX_CHANNELS = 100;

// ---- Account ----

/**
 * The default account shard quota (open shards of provisioned streams) in the regions below. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const ACCOUNT_LARGE_REGION_DEFAULT_MAX_SHARDS = 20_000;
/**
 * The default account shard quota in every other region. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const ACCOUNT_DEFAULT_MAX_SHARDS = 1_000;
/**
 * The regions with the larger default shard quota. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const LARGE_SHARD_QUOTA_REGIONS: readonly string[] = Object.freeze(['us-east-1', 'us-west-2', 'eu-west-1']);
/**
 * The default number of on-demand streams per account. [D]
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
export const ACCOUNT_DEFAULT_MAX_ON_DEMAND_STREAMS = 50;
/**
 * The minimum term of MinimumThroughputBillingCommitment once enabled: 24 hours. [M]
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateAccountSettings.html
 */
export const BILLING_COMMITMENT_MIN_MS = 24 * HOUR_MS;

/**
 * Every AWS limit kinesim applies, by name (units last), frozen: what a simulation reads to reason about the
 * engine's quotas. Each value is documented, with its evidence and AWS page, at the constant of the same name
 * in src/model/limits.ts; the quotas page is https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html.
 */
export const KINESIS_LIMITS = Object.freeze({
  ITERATOR_TTL_MS,
  GET_RECORDS_MAX_BYTES,
  GET_RECORDS_MAX_RECORDS,
  PUT_RECORDS_MAX_BYTES,
  RECORD_MAX_SIZE_DEFAULT_KIB,
  SHARD_WRITE_RECORDS_PER_SECOND,
  SHARD_WRITE_BYTES_PER_SECOND,
  SHARD_READ_CALLS_PER_SECOND,
  SHARD_READ_BYTES_PER_SECOND,
  SHARD_ITERATOR_CALLS_PER_SECOND,
  SUBSCRIPTION_DURATION_MS,
  SUBSCRIPTION_TAKEOVER_MS,
  SUBSCRIPTION_READ_BYTES_PER_SECOND,
  SUBSCRIPTION_IDLE_EVENT_INTERVAL_MS,
  SUBSCRIPTION_EVENT_MAX_RECORDS,
  SUBSCRIPTION_EVENT_MAX_BYTES,
  RETENTION_DEFAULT_HOURS,
  RETENTION_MIN_HOURS,
  RETENTION_MAX_HOURS,
  ON_DEMAND_INITIAL_SHARDS,
  ON_DEMAND_HEADROOM_FACTOR,
  ON_DEMAND_PEAK_WINDOW_MS,
  ON_DEMAND_SCALE_UP_DELAY_MS,
  ON_DEMAND_SCALE_DOWN_DELAY_MS,
  ON_DEMAND_MEASURE_PERIOD_MS,
  ON_DEMAND_LARGE_REGION_MAX_SHARDS,
  ON_DEMAND_DEFAULT_MAX_SHARDS,
  UPDATE_SHARD_COUNT_MAX_SHARDS,
  UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY,
  WARM_THROUGHPUT_MAX_MIBPS,
  RESOURCE_MAX_TAGS,
  STREAM_MAX_CONSUMERS,
  ACCOUNT_MAX_CREATING_CONSUMERS,
  DESCRIBE_STREAM_MAX_SHARDS,
  LIST_SHARDS_MAX_SHARDS,
  LIST_STREAMS_MAX_STREAMS,
  LIST_STREAM_CONSUMERS_MAX_CONSUMERS,
  NEXT_TOKEN_TTL_MS,
  LIST_CHANNELS_MAX_CHANNELS,
  DRY_RUN_CALLS_PER_SECOND,
  STREAM_MAX_CHANNELS,
  ACCOUNT_DEFAULT_MAX_CHANNELS,
  CHANNEL_DATA_FRESHNESS_MIN_SECONDS,
  CHANNEL_DATA_FRESHNESS_MAX_SECONDS,
  CHANNEL_DATA_FRESHNESS_DEFAULT_SECONDS,
  ACCOUNT_LARGE_REGION_DEFAULT_MAX_SHARDS,
  ACCOUNT_DEFAULT_MAX_SHARDS,
  LARGE_SHARD_QUOTA_REGIONS,
  ACCOUNT_DEFAULT_MAX_ON_DEMAND_STREAMS,
  BILLING_COMMITMENT_MIN_MS,
});

/** The type of KINESIS_LIMITS. */
export type KinesisLimits = typeof KINESIS_LIMITS;
