// kinesim's public surface: explicit named exports only.

export { Kinesis } from './kinesis.js';
export type { KinesisOptions, OnDemandScalingOptions } from './options.js';
export type { RecordPayloads } from './model/shard-log.js';
export type { RestoreOptions } from './snapshot/read-snapshot.js';
export { SnapshotError } from './snapshot/snapshot-error.js';
export type { Faults, FaultHandle, InjectedFault, TransportAction } from './faults/faults.js';
export type { FaultRule, FaultScope, ErrorFault, RecordsFault, TransportFault } from './faults/fault-rule.js';
export { FAULT_ERROR_NAMES, type FaultErrorName, type RecordErrorCode } from './faults/fault-errors.js';
export type { CallHistory, CallRecord, CallFilter } from './observe/call-history.js';
export type {
  EngineEvents,
  KinesisEventMap,
  KinesisEventName,
  PutRecordEvent,
  RecordsPutEvent,
  StreamChangeEvent,
} from './observe/engine-events.js';
export { ManualClock, SystemClock, type Clock } from './time/clock.js';
export { KINESIS_LIMITS, type KinesisLimits } from './model/limits.js';
export { evenRanges, MAX_HASH_KEY, type HashRange } from './keys/hash-key.js';
export { hashKeyOf } from './keys/md5.js';
export { shardIndexForHashKey, shardIndexForKey } from './keys/shard-index.js';
export {
  KinesisError,
  ResourceNotFoundException,
  ResourceInUseException,
  InvalidArgumentException,
  LimitExceededException,
  ExpiredIteratorException,
  ExpiredNextTokenException,
  ProvisionedThroughputExceededException,
  ValidationException,
  AccessDeniedException,
  InternalFailureException,
  SerializationException,
  DryRunOperationException,
  ThrottlingException,
  type Fault,
} from './errors/kinesis-error.js';
export type {
  StreamStatus,
  StreamMode,
  RecordDistributionStrategy,
  EncryptionType,
  ShardIteratorType,
  MetricsName,
  StreamRef,
  StreamModeDetails,
  HashKeyRange,
  SequenceNumberRange,
  Shard,
  ChildShard,
  EnhancedMetrics,
  Tag,
  EmptyOutput,
} from './api-types/common.js';
export type {
  CreateStreamInput,
  DeleteStreamInput,
  DescribeStreamInput,
  StreamDescription,
  DescribeStreamOutput,
  DescribeStreamSummaryInput,
  WarmThroughputObject,
  StreamDescriptionSummary,
  DescribeStreamSummaryOutput,
  ListStreamsInput,
  StreamSummary,
  ListStreamsOutput,
  DescribeLimitsInput,
  DescribeLimitsOutput,
} from './api-types/streams.js';
export type {
  PutRecordInput,
  PutRecordOutput,
  PutRecordsRequestEntry,
  PutRecordsInput,
  PutRecordsResultEntry,
  PutRecordsOutput,
  GetShardIteratorInput,
  GetShardIteratorOutput,
  GetRecordsInput,
  KinesisRecord,
  GetRecordsOutput,
} from './api-types/records.js';
export type {
  ShardFilterType,
  ShardFilter,
  ListShardsInput,
  ListShardsOutput,
  SplitShardInput,
  MergeShardsInput,
  ScalingType,
  UpdateShardCountInput,
  UpdateShardCountOutput,
} from './api-types/shards.js';
export type {
  AddTagsToStreamInput,
  RemoveTagsFromStreamInput,
  ListTagsForStreamInput,
  ListTagsForStreamOutput,
  TagResourceInput,
  UntagResourceInput,
  ListTagsForResourceInput,
  ListTagsForResourceOutput,
} from './api-types/tags.js';
export type {
  ConsumerStatus,
  Consumer,
  ConsumerDescription,
  RegisterStreamConsumerInput,
  RegisterStreamConsumerOutput,
  ConsumerRef,
  DeregisterStreamConsumerInput,
  DescribeStreamConsumerInput,
  DescribeStreamConsumerOutput,
  ListStreamConsumersInput,
  ListStreamConsumersOutput,
} from './api-types/consumers.js';
export type {
  StartingPosition,
  SubscribeToShardInput,
  SubscribeToShardEvent,
  SubscribeToShardExceptionName,
  SubscribeToShardEventStream,
  SubscriptionPoll,
  ShardSubscription,
  SubscribeToShardOutput,
} from './api-types/subscriptions.js';
export type {
  StartStreamEncryptionInput,
  StopStreamEncryptionInput,
} from './api-types/encryption.js';
export type {
  EnableEnhancedMonitoringInput,
  DisableEnhancedMonitoringInput,
  EnhancedMonitoringOutput,
} from './api-types/monitoring.js';
export type {
  UpdateStreamModeInput,
  UpdateStreamWarmThroughputInput,
  UpdateStreamWarmThroughputOutput,
  UpdateMaxRecordSizeInput,
  UpdateStreamRecordDistributionStrategyInput,
} from './api-types/stream-settings.js';
export type {
  ChannelDestinationType,
  ChannelEncryptionType,
  ChannelStatus,
  PartitionTransform,
  RecordFormatType,
  S3CompressionType,
  S3StorageClass,
  S3TablesCompressionType,
  RecordConfiguration,
  ChannelStreamConfiguration,
  DeadLetterQueueS3Configuration,
  S3StorageConfiguration,
  S3DestinationConfiguration,
  PartitionField,
  PartitionSpec,
  S3TablesConfiguration,
  S3TablesDestinationConfiguration,
  ChannelEncryptionConfiguration,
  CloudWatchLogs,
  ChannelLoggingConfiguration,
  CreateChannelInput,
  ChannelStreamDescription,
  S3DestinationDescription,
  S3TablesDestinationDescription,
  ChannelDescription,
  CreateChannelOutput,
  DescribeChannelInput,
  DescribeChannelOutput,
  StreamFilter,
  ListChannelsInput,
  ChannelStreamIdentifier,
  ChannelSummary,
  ListChannelsOutput,
  S3DestinationUpdateInput,
  S3TablesDestinationUpdateInput,
  CloudWatchLogsUpdateInput,
  ChannelLoggingUpdateInput,
  UpdateChannelInput,
  UpdateChannelOutput,
  DeleteChannelInput,
} from './api-types/channels.js';
export type {
  ChannelDelivery,
  ChannelDeliverySink,
  DeliveredRecord,
  DescribeChannelDeliveriesInput,
  DescribeChannelDeliveriesOutput,
  FailChannelInput,
  FailedRecord,
  S3ErrorObjectDelivery,
  S3ObjectDelivery,
  S3TablesRowsDelivery,
  TableRow,
} from './api-types/channel-deliveries.js';
export type {
  MinimumThroughputBillingCommitmentInputStatus,
  MinimumThroughputBillingCommitmentOutputStatus,
  MinimumThroughputBillingCommitmentInput,
  MinimumThroughputBillingCommitmentOutput,
  DescribeAccountSettingsInput,
  DescribeAccountSettingsOutput,
  UpdateAccountSettingsInput,
  UpdateAccountSettingsOutput,
} from './api-types/account.js';
export type {
  PutResourcePolicyInput,
  GetResourcePolicyInput,
  GetResourcePolicyOutput,
  DeleteResourcePolicyInput,
} from './api-types/policies.js';
export type {
  IncreaseStreamRetentionPeriodInput,
  DecreaseStreamRetentionPeriodInput,
} from './api-types/retention.js';
export type {
  DescribeShardGraphInput,
  ShardGraphState,
  ShardGraphNode,
  ShardGraph,
  DescribeShardGraphOutput,
} from './api-types/lineage.js';
export type { KinesisMetrics } from './metrics/kinesis-metrics.js';
export {
  CloudWatchError,
  InvalidParameterValueException,
  MissingRequiredParameterException,
  InvalidParameterCombinationException,
} from './metrics/cloudwatch-error.js';
export { KINESIS_METRICS, METRIC_LATENCY_MS, KINESIS_NAMESPACE, type KinesisMetricInfo, type MetricUnit } from './metrics/metric-catalog.js';
export type {
  Statistic,
  StandardUnit,
  Dimension,
  DimensionFilter,
  GetMetricStatisticsInput,
  Datapoint,
  GetMetricStatisticsOutput,
  ListMetricsInput,
  Metric,
  ListMetricsOutput,
} from './api-types/metrics.js';
export { renderShardGraphMermaid } from './lineage/render-shard-graph-mermaid.js';
export { renderShardGraphDot } from './lineage/render-shard-graph-dot.js';
export { aggregateRecords } from './kpl/aggregate-records.js';
export { aggregateRecordsByShard, type ShardForAggregation, type ShardedEntry } from './kpl/aggregate-records-by-shard.js';
export type { AggregationLimits } from './kpl/aggregation-limits.js';
export { deaggregateRecords } from './kpl/deaggregate-records.js';
export type { UserRecordInput, AggregatedRecordEntry, UserRecord } from './api-types/kpl.js';
