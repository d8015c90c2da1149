// The input shape of every Kinesis operation (reference/kinesis-spec.md §1.1), members in the model's order.
import {
  CONSUMER_ARN,
  CONSUMER_NAME,
  DATA,
  ENCRYPTION_TYPE,
  HASH_KEY,
  KEY_ID,
  MAX_RECORD_SIZE_KIB,
  METRICS_NAME_LIST,
  MTBC_INPUT,
  NEXT_TOKEN,
  NON_NEGATIVE_INTEGER,
  PAGE_LIMIT,
  PARTITION_KEY,
  POLICY,
  POSITIVE_INTEGER,
  PUT_RECORDS_REQUEST_ENTRY_LIST,
  RETENTION_PERIOD_HOURS,
  SCALING_TYPE,
  SEQUENCE_NUMBER,
  SHARD_FILTER,
  SHARD_ID,
  SHARD_ITERATOR,
  SHARD_ITERATOR_TYPE,
  STARTING_POSITION,
  STREAM_ARN,
  STREAM_MODE_DETAILS,
  STREAM_NAME,
  TAG_KEY,
  TAG_KEY_LIST,
  TAG_MAP,
  TAGS_PAGE_LIMIT,
  TIMESTAMP,
  resourceArn,
  streamArn,
  streamId,
  streamName,
} from './kinesis-shapes.js';
import { boolean, optional, required, structure, type Shape } from './shapes.js';

/** The 39 operations of the Kinesis Data Streams API (2013-12-02). */
export type OperationName =
  | 'AddTagsToStream'
  | 'CreateStream'
  | 'DecreaseStreamRetentionPeriod'
  | 'DeleteResourcePolicy'
  | 'DeleteStream'
  | 'DeregisterStreamConsumer'
  | 'DescribeAccountSettings'
  | 'DescribeLimits'
  | 'DescribeStream'
  | 'DescribeStreamConsumer'
  | 'DescribeStreamSummary'
  | 'DisableEnhancedMonitoring'
  | 'EnableEnhancedMonitoring'
  | 'GetRecords'
  | 'GetResourcePolicy'
  | 'GetShardIterator'
  | 'IncreaseStreamRetentionPeriod'
  | 'ListShards'
  | 'ListStreamConsumers'
  | 'ListStreams'
  | 'ListTagsForResource'
  | 'ListTagsForStream'
  | 'MergeShards'
  | 'PutRecord'
  | 'PutRecords'
  | 'PutResourcePolicy'
  | 'RegisterStreamConsumer'
  | 'RemoveTagsFromStream'
  | 'SplitShard'
  | 'StartStreamEncryption'
  | 'StopStreamEncryption'
  | 'SubscribeToShard'
  | 'TagResource'
  | 'UntagResource'
  | 'UpdateAccountSettings'
  | 'UpdateMaxRecordSize'
  | 'UpdateShardCount'
  | 'UpdateStreamMode'
  | 'UpdateStreamWarmThroughput';

// `StreamId` sits where the current model (as shipped in @aws-sdk/client-kinesis 3.1143) puts it: after the
// older members, before members added later (Tags on RegisterStreamConsumer, WarmThroughputMiBps on
// UpdateStreamMode). Operations without it in that model (CreateStream, ListStreams, the account
// operations) do not get it. `DryRun`, newer still and absent from the spec, is left unmodelled: unknown
// members are ignored like AWS ignores them.

/** Every operation's input structure, keyed by operation name. */
export const OPERATIONS: Readonly<Record<OperationName, Shape>> = {
  AddTagsToStream: structure([streamName, required('Tags', TAG_MAP), streamArn, streamId]),
  CreateStream: structure([
    required('StreamName', STREAM_NAME),
    optional('ShardCount', POSITIVE_INTEGER),
    optional('StreamModeDetails', STREAM_MODE_DETAILS),
    optional('Tags', TAG_MAP),
    optional('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
    optional('MaxRecordSizeInKiB', MAX_RECORD_SIZE_KIB),
  ]),
  DecreaseStreamRetentionPeriod: structure([
    streamName,
    required('RetentionPeriodHours', RETENTION_PERIOD_HOURS),
    streamArn,
    streamId,
  ]),
  DeleteResourcePolicy: structure([resourceArn, streamId]),
  DeleteStream: structure([streamName, optional('EnforceConsumerDeletion', boolean()), streamArn, streamId]),
  DeregisterStreamConsumer: structure([
    optional('StreamARN', STREAM_ARN),
    optional('ConsumerName', CONSUMER_NAME),
    optional('ConsumerARN', CONSUMER_ARN),
    streamId,
  ]),
  DescribeAccountSettings: structure([]),
  DescribeLimits: structure([]),
  DescribeStream: structure([
    streamName,
    optional('Limit', PAGE_LIMIT),
    optional('ExclusiveStartShardId', SHARD_ID),
    streamArn,
    streamId,
  ]),
  DescribeStreamConsumer: structure([
    optional('StreamARN', STREAM_ARN),
    optional('ConsumerName', CONSUMER_NAME),
    optional('ConsumerARN', CONSUMER_ARN),
    streamId,
  ]),
  DescribeStreamSummary: structure([streamName, streamArn, streamId]),
  DisableEnhancedMonitoring: structure([
    streamName,
    required('ShardLevelMetrics', METRICS_NAME_LIST),
    streamArn,
    streamId,
  ]),
  EnableEnhancedMonitoring: structure([
    streamName,
    required('ShardLevelMetrics', METRICS_NAME_LIST),
    streamArn,
    streamId,
  ]),
  GetRecords: structure([
    required('ShardIterator', SHARD_ITERATOR),
    optional('Limit', PAGE_LIMIT),
    streamArn,
    streamId,
  ]),
  GetResourcePolicy: structure([resourceArn, streamId]),
  GetShardIterator: structure([
    streamName,
    required('ShardId', SHARD_ID),
    required('ShardIteratorType', SHARD_ITERATOR_TYPE),
    optional('StartingSequenceNumber', SEQUENCE_NUMBER),
    optional('Timestamp', TIMESTAMP),
    streamArn,
    streamId,
  ]),
  IncreaseStreamRetentionPeriod: structure([
    streamName,
    required('RetentionPeriodHours', RETENTION_PERIOD_HOURS),
    streamArn,
    streamId,
  ]),
  ListShards: structure([
    streamName,
    optional('NextToken', NEXT_TOKEN),
    optional('ExclusiveStartShardId', SHARD_ID),
    optional('MaxResults', PAGE_LIMIT),
    optional('StreamCreationTimestamp', TIMESTAMP),
    optional('ShardFilter', SHARD_FILTER),
    streamArn,
    streamId,
  ]),
  ListStreamConsumers: structure([
    required('StreamARN', STREAM_ARN),
    optional('NextToken', NEXT_TOKEN),
    optional('MaxResults', PAGE_LIMIT),
    optional('StreamCreationTimestamp', TIMESTAMP),
    streamId,
  ]),
  ListStreams: structure([
    optional('Limit', PAGE_LIMIT),
    optional('ExclusiveStartStreamName', STREAM_NAME),
    optional('NextToken', NEXT_TOKEN),
  ]),
  ListTagsForResource: structure([resourceArn, streamId]),
  ListTagsForStream: structure([
    streamName,
    optional('ExclusiveStartTagKey', TAG_KEY),
    optional('Limit', TAGS_PAGE_LIMIT),
    streamArn,
    streamId,
  ]),
  MergeShards: structure([
    streamName,
    required('ShardToMerge', SHARD_ID),
    required('AdjacentShardToMerge', SHARD_ID),
    streamArn,
    streamId,
  ]),
  PutRecord: structure([
    streamName,
    required('Data', DATA),
    required('PartitionKey', PARTITION_KEY),
    optional('ExplicitHashKey', HASH_KEY),
    optional('SequenceNumberForOrdering', SEQUENCE_NUMBER),
    streamArn,
    streamId,
  ]),
  PutRecords: structure([required('Records', PUT_RECORDS_REQUEST_ENTRY_LIST), streamName, streamArn, streamId]),
  PutResourcePolicy: structure([resourceArn, required('Policy', POLICY), streamId]),
  RegisterStreamConsumer: structure([
    required('StreamARN', STREAM_ARN),
    required('ConsumerName', CONSUMER_NAME),
    streamId,
    optional('Tags', TAG_MAP),
  ]),
  RemoveTagsFromStream: structure([streamName, required('TagKeys', TAG_KEY_LIST), streamArn, streamId]),
  SplitShard: structure([
    streamName,
    required('ShardToSplit', SHARD_ID),
    required('NewStartingHashKey', HASH_KEY),
    streamArn,
    streamId,
  ]),
  StartStreamEncryption: structure([
    streamName,
    required('EncryptionType', ENCRYPTION_TYPE),
    required('KeyId', KEY_ID),
    streamArn,
    streamId,
  ]),
  StopStreamEncryption: structure([
    streamName,
    required('EncryptionType', ENCRYPTION_TYPE),
    required('KeyId', KEY_ID),
    streamArn,
    streamId,
  ]),
  SubscribeToShard: structure([
    required('ConsumerARN', CONSUMER_ARN),
    required('ShardId', SHARD_ID),
    required('StartingPosition', STARTING_POSITION),
    streamId,
  ]),
  TagResource: structure([required('Tags', TAG_MAP), resourceArn, streamId]),
  UntagResource: structure([required('TagKeys', TAG_KEY_LIST), resourceArn, streamId]),
  UpdateAccountSettings: structure([required('MinimumThroughputBillingCommitment', MTBC_INPUT)]),
  UpdateMaxRecordSize: structure([streamArn, required('MaxRecordSizeInKiB', MAX_RECORD_SIZE_KIB), streamId]),
  UpdateShardCount: structure([
    streamName,
    required('TargetShardCount', POSITIVE_INTEGER),
    required('ScalingType', SCALING_TYPE),
    streamArn,
    streamId,
  ]),
  UpdateStreamMode: structure([
    required('StreamARN', STREAM_ARN),
    required('StreamModeDetails', STREAM_MODE_DETAILS),
    streamId,
    optional('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
  ]),
  UpdateStreamWarmThroughput: structure([
    streamArn,
    streamName,
    required('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
    streamId,
  ]),
};

/** The operation names, in the catalogue's order. */
export const OPERATION_NAMES = Object.keys(OPERATIONS) as readonly OperationName[];
