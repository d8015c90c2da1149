// The operation registry: every operation the engine knows, bound to its input shape (the service model's
// members, in the model's order), the action that serves it, the Kinesis method that exposes it, and its wire
// facts. Kinesis, the protocol and the tests all read this one table.
import { addTagsToStream } from '../actions/add-tags-to-stream.js';
import { createChannel } from '../actions/create-channel.js';
import { createStream } from '../actions/create-stream.js';
import { decreaseStreamRetentionPeriod } from '../actions/decrease-stream-retention-period.js';
import { deleteChannel } from '../actions/delete-channel.js';
import { deleteResourcePolicy } from '../actions/delete-resource-policy.js';
import { deleteStream } from '../actions/delete-stream.js';
import { deregisterStreamConsumer } from '../actions/deregister-stream-consumer.js';
import { describeAccountSettings } from '../actions/describe-account-settings.js';
import { describeChannel } from '../actions/describe-channel.js';
import { describeChannelDeliveries } from '../actions/describe-channel-deliveries.js';
import { describeLimits } from '../actions/describe-limits.js';
import { describeShardGraph } from '../actions/describe-shard-graph.js';
import { describeStream } from '../actions/describe-stream.js';
import { describeStreamConsumer } from '../actions/describe-stream-consumer.js';
import { describeStreamSummary } from '../actions/describe-stream-summary.js';
import { disableEnhancedMonitoring } from '../actions/disable-enhanced-monitoring.js';
import { enableEnhancedMonitoring } from '../actions/enable-enhanced-monitoring.js';
import { failChannel } from '../actions/fail-channel.js';
import { getRecords } from '../actions/get-records.js';
import { getResourcePolicy } from '../actions/get-resource-policy.js';
import { getShardIterator } from '../actions/get-shard-iterator.js';
import { increaseStreamRetentionPeriod } from '../actions/increase-stream-retention-period.js';
import { listChannels } from '../actions/list-channels.js';
import { listShards } from '../actions/list-shards.js';
import { listStreamConsumers } from '../actions/list-stream-consumers.js';
import { listStreams } from '../actions/list-streams.js';
import { listTagsForResource } from '../actions/list-tags-for-resource.js';
import { listTagsForStream } from '../actions/list-tags-for-stream.js';
import { mergeShards } from '../actions/merge-shards.js';
import { putRecord } from '../actions/put-record.js';
import { putRecords } from '../actions/put-records.js';
import { putResourcePolicy } from '../actions/put-resource-policy.js';
import { registerStreamConsumer } from '../actions/register-stream-consumer.js';
import { removeTagsFromStream } from '../actions/remove-tags-from-stream.js';
import { splitShard } from '../actions/split-shard.js';
import { subscribeToShard } from '../actions/subscribe-to-shard.js';
import { startStreamEncryption } from '../actions/start-stream-encryption.js';
import { stopStreamEncryption } from '../actions/stop-stream-encryption.js';
import { tagResource } from '../actions/tag-resource.js';
import { untagResource } from '../actions/untag-resource.js';
import { updateAccountSettings } from '../actions/update-account-settings.js';
import { updateChannel } from '../actions/update-channel.js';
import { updateMaxRecordSize } from '../actions/update-max-record-size.js';
import { updateShardCount } from '../actions/update-shard-count.js';
import { updateStreamMode } from '../actions/update-stream-mode.js';
import { updateStreamRecordDistributionStrategy } from '../actions/update-stream-record-distribution-strategy.js';
import { updateStreamWarmThroughput } from '../actions/update-stream-warm-throughput.js';
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
  RECORD_DISTRIBUTION_STRATEGY,
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
  dryRun,
  resourceArn,
  streamArn,
  streamId,
  streamName,
} from '../service-model/kinesis-shapes.js';
import {
  CREATE_CHANNEL_MEMBERS,
  LIST_CHANNELS_MEMBERS,
  UPDATE_CHANNEL_MEMBERS,
  channelArn,
} from '../service-model/channel-shapes.js';
import { boolean, optional, required, string, structure, type Shape } from '../service-model/shapes.js';

import { aws, awsEventStream, extension, type EntryFor, type ServedOperation } from './operation.js';
import type { Account } from '../model/account.js';

// Members sit where the current model (botocore 1.43.107 = @aws-sdk/client-kinesis 3.1143) puts them: `StreamId`
// after the older members, before members added later (Tags on RegisterStreamConsumer, WarmThroughputMiBps on
// UpdateStreamMode); `DryRun` last. Operations without StreamId in that model (CreateStream, ListStreams, the
// account and channel operations) do not get it. Clients built on older models (botocore 1.43.11) simply never
// send the newer members.

/** Checks each entry against its key: a served operation's method must be its name, lower-first. */
function registry<T extends { readonly [K in keyof T]: EntryFor<K & string> }>(entries: T): Readonly<T> {
  return Object.freeze(entries);
}

/**
 * The 45 operations of the Kinesis Data Streams API (2013-12-02) as @aws-sdk/client-kinesis 3.1143 has it, and
 * kinesim's extensions (DescribeShardGraph, DescribeChannelDeliveries, FailChannel).
 * Adding an operation: an entry here, its action file, its api-types, and its tests; the compiler then asks
 * for the Kinesis method (see KinesisOperations).
 */
export const OPERATIONS = registry({
  AddTagsToStream: aws('addTagsToStream', addTagsToStream, structure([
    streamName,
    required('Tags', TAG_MAP),
    streamArn,
    streamId,
  ])),
  CreateChannel: aws('createChannel', createChannel, structure(CREATE_CHANNEL_MEMBERS)),
  CreateStream: aws('createStream', createStream, structure([
    required('StreamName', STREAM_NAME),
    optional('ShardCount', POSITIVE_INTEGER),
    optional('StreamModeDetails', STREAM_MODE_DETAILS),
    optional('Tags', TAG_MAP),
    optional('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
    optional('MaxRecordSizeInKiB', MAX_RECORD_SIZE_KIB),
    optional('RecordDistributionStrategy', RECORD_DISTRIBUTION_STRATEGY),
  ])),
  DecreaseStreamRetentionPeriod: aws('decreaseStreamRetentionPeriod', decreaseStreamRetentionPeriod, structure([
    streamName,
    required('RetentionPeriodHours', RETENTION_PERIOD_HOURS),
    streamArn,
    streamId,
  ])),
  DeleteChannel: aws('deleteChannel', deleteChannel, structure([channelArn])),
  DeleteResourcePolicy: aws('deleteResourcePolicy', deleteResourcePolicy, structure([resourceArn, streamId])),
  DeleteStream: aws('deleteStream', deleteStream, structure([
    streamName,
    optional('EnforceConsumerDeletion',
    boolean()),
    streamArn,
    streamId,
  ])),
  DeregisterStreamConsumer: aws('deregisterStreamConsumer', deregisterStreamConsumer, structure([
    optional('StreamARN', STREAM_ARN),
    optional('ConsumerName', CONSUMER_NAME),
    optional('ConsumerARN', CONSUMER_ARN),
    streamId,
  ])),
  DescribeAccountSettings: aws('describeAccountSettings', describeAccountSettings, structure([])),
  DescribeChannel: aws('describeChannel', describeChannel, structure([channelArn])),
  DescribeLimits: aws('describeLimits', describeLimits, structure([])),
  DescribeStream: aws('describeStream', describeStream, structure([
    streamName,
    optional('Limit', PAGE_LIMIT),
    optional('ExclusiveStartShardId', SHARD_ID),
    streamArn,
    streamId,
  ])),
  DescribeStreamConsumer: aws('describeStreamConsumer', describeStreamConsumer, structure([
    optional('StreamARN', STREAM_ARN),
    optional('ConsumerName', CONSUMER_NAME),
    optional('ConsumerARN', CONSUMER_ARN),
    streamId,
  ])),
  DescribeStreamSummary: aws('describeStreamSummary', describeStreamSummary, structure([
    streamName,
    streamArn,
    streamId,
  ])),
  DisableEnhancedMonitoring: aws('disableEnhancedMonitoring', disableEnhancedMonitoring, structure([
    streamName,
    required('ShardLevelMetrics', METRICS_NAME_LIST),
    streamArn,
    streamId,
  ])),
  EnableEnhancedMonitoring: aws('enableEnhancedMonitoring', enableEnhancedMonitoring, structure([
    streamName,
    required('ShardLevelMetrics', METRICS_NAME_LIST),
    streamArn,
    streamId,
  ])),
  GetRecords: aws('getRecords', getRecords, structure([
    required('ShardIterator', SHARD_ITERATOR),
    optional('Limit', PAGE_LIMIT),
    streamArn,
    streamId,
    dryRun,
  ])),
  GetResourcePolicy: aws('getResourcePolicy', getResourcePolicy, structure([resourceArn, streamId])),
  GetShardIterator: aws('getShardIterator', getShardIterator, structure([
    streamName,
    required('ShardId', SHARD_ID),
    required('ShardIteratorType', SHARD_ITERATOR_TYPE),
    optional('StartingSequenceNumber', SEQUENCE_NUMBER),
    optional('Timestamp', TIMESTAMP),
    streamArn,
    streamId,
    dryRun,
  ])),
  IncreaseStreamRetentionPeriod: aws('increaseStreamRetentionPeriod', increaseStreamRetentionPeriod, structure([
    streamName,
    required('RetentionPeriodHours', RETENTION_PERIOD_HOURS),
    streamArn,
    streamId,
  ])),
  ListChannels: aws('listChannels', listChannels, structure(LIST_CHANNELS_MEMBERS)),
  ListShards: aws('listShards', listShards, structure([
    streamName,
    optional('NextToken', NEXT_TOKEN),
    optional('ExclusiveStartShardId', SHARD_ID),
    optional('MaxResults', PAGE_LIMIT),
    optional('StreamCreationTimestamp', TIMESTAMP),
    optional('ShardFilter', SHARD_FILTER),
    streamArn,
    streamId,
  ])),
  ListStreamConsumers: aws('listStreamConsumers', listStreamConsumers, structure([
    required('StreamARN', STREAM_ARN),
    optional('NextToken', NEXT_TOKEN),
    optional('MaxResults', PAGE_LIMIT),
    optional('StreamCreationTimestamp', TIMESTAMP),
    streamId,
  ])),
  ListStreams: aws('listStreams', listStreams, structure([
    optional('Limit', PAGE_LIMIT),
    optional('ExclusiveStartStreamName', STREAM_NAME),
    optional('NextToken', NEXT_TOKEN),
  ])),
  ListTagsForResource: aws('listTagsForResource', listTagsForResource, structure([resourceArn, streamId])),
  ListTagsForStream: aws('listTagsForStream', listTagsForStream, structure([
    streamName,
    optional('ExclusiveStartTagKey', TAG_KEY),
    optional('Limit', TAGS_PAGE_LIMIT),
    streamArn,
    streamId,
  ])),
  MergeShards: aws('mergeShards', mergeShards, structure([
    streamName,
    required('ShardToMerge', SHARD_ID),
    required('AdjacentShardToMerge', SHARD_ID),
    streamArn,
    streamId,
  ])),
  PutRecord: aws('putRecord', putRecord, structure([
    streamName,
    required('Data', DATA),
    // Optional since the AUTO strategy [M]; a USER_PARTITION_KEY stream still needs it (the action checks).
    optional('PartitionKey', PARTITION_KEY),
    optional('ExplicitHashKey', HASH_KEY),
    optional('SequenceNumberForOrdering', SEQUENCE_NUMBER),
    streamArn,
    streamId,
    dryRun,
  ])),
  PutRecords: aws('putRecords', putRecords, structure([
    required('Records', PUT_RECORDS_REQUEST_ENTRY_LIST),
    streamName,
    streamArn,
    streamId,
    dryRun,
  ])),
  PutResourcePolicy: aws('putResourcePolicy', putResourcePolicy, structure([
    resourceArn,
    required('Policy', POLICY),
    streamId,
  ])),
  RegisterStreamConsumer: aws('registerStreamConsumer', registerStreamConsumer, structure([
    required('StreamARN', STREAM_ARN),
    required('ConsumerName', CONSUMER_NAME),
    streamId,
    optional('Tags', TAG_MAP),
  ])),
  RemoveTagsFromStream: aws('removeTagsFromStream', removeTagsFromStream, structure([
    streamName,
    required('TagKeys', TAG_KEY_LIST),
    streamArn,
    streamId,
  ])),
  SplitShard: aws('splitShard', splitShard, structure([
    streamName,
    required('ShardToSplit', SHARD_ID),
    required('NewStartingHashKey', HASH_KEY),
    streamArn,
    streamId,
  ])),
  StartStreamEncryption: aws('startStreamEncryption', startStreamEncryption, structure([
    streamName,
    required('EncryptionType', ENCRYPTION_TYPE),
    required('KeyId', KEY_ID),
    streamArn,
    streamId,
  ])),
  StopStreamEncryption: aws('stopStreamEncryption', stopStreamEncryption, structure([
    streamName,
    required('EncryptionType', ENCRYPTION_TYPE),
    required('KeyId', KEY_ID),
    streamArn,
    streamId,
  ])),
  SubscribeToShard: awsEventStream('subscribeToShard', subscribeToShard, structure([
    required('ConsumerARN', CONSUMER_ARN),
    required('ShardId', SHARD_ID),
    required('StartingPosition', STARTING_POSITION),
    streamId,
    dryRun,
  ])),
  TagResource: aws('tagResource', tagResource, structure([required('Tags', TAG_MAP), resourceArn, streamId])),
  UntagResource: aws('untagResource', untagResource, structure([
    required('TagKeys', TAG_KEY_LIST),
    resourceArn,
    streamId,
  ])),
  UpdateAccountSettings: aws('updateAccountSettings', updateAccountSettings, structure([
    required('MinimumThroughputBillingCommitment', MTBC_INPUT),
  ])),
  UpdateChannel: aws('updateChannel', updateChannel, structure(UPDATE_CHANNEL_MEMBERS)),
  UpdateMaxRecordSize: aws('updateMaxRecordSize', updateMaxRecordSize, structure([
    streamArn,
    required('MaxRecordSizeInKiB', MAX_RECORD_SIZE_KIB),
    streamId,
  ])),
  UpdateShardCount: aws('updateShardCount', updateShardCount, structure([
    streamName,
    required('TargetShardCount', POSITIVE_INTEGER),
    required('ScalingType', SCALING_TYPE),
    streamArn,
    streamId,
  ])),
  UpdateStreamMode: aws('updateStreamMode', updateStreamMode, structure([
    required('StreamARN', STREAM_ARN),
    required('StreamModeDetails', STREAM_MODE_DETAILS),
    streamId,
    optional('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
  ])),
  UpdateStreamRecordDistributionStrategy: aws('updateStreamRecordDistributionStrategy', updateStreamRecordDistributionStrategy, structure([
    required('StreamARN', STREAM_ARN),
    streamId,
    required('RecordDistributionStrategy', RECORD_DISTRIBUTION_STRATEGY),
  ])),
  UpdateStreamWarmThroughput: aws('updateStreamWarmThroughput', updateStreamWarmThroughput, structure([
    streamArn,
    streamName,
    required('WarmThroughputMiBps', NON_NEGATIVE_INTEGER),
    streamId,
  ])),
  DescribeShardGraph: extension('describeShardGraph', describeShardGraph, structure([streamName, streamArn, streamId])),
  DescribeChannelDeliveries: extension('describeChannelDeliveries', describeChannelDeliveries, structure([channelArn])),
  FailChannel: extension('failChannel', failChannel, structure([
    channelArn,
    required('Reason', string({ minLength: 1, maxLength: 2048 })),
  ])),
});

type Operations = typeof OPERATIONS;

/** Every registered operation. */
export type OperationName = keyof Operations;

/** The operations the engine serves (every registered one today; `unserved` entries would be left out). */
export type ServedOperationName = {
  [K in OperationName]: Operations[K] extends ServedOperation<string, never, unknown> ? K : never;
}[OperationName];

/** The input an operation's action takes (the AWS SDK v3 input shape). */
export type InputOf<K extends ServedOperationName> = Operations[K]['action'] extends (account: Account, input: infer I) => unknown ? I : never;

/** The output an operation's action returns (the AWS SDK v3 output shape). */
export type OutputOf<K extends ServedOperationName> = ReturnType<Operations[K]['action']>;

/** One method per served operation, named like the operation lower-first: what the Kinesis class implements. */
export type KinesisOperations = {
  readonly [K in ServedOperationName as Uncapitalize<K>]: (input: InputOf<K>) => OutputOf<K>;
};

/** The operations of AWS's API (the wire serves these and only these), in the catalogue's order. */
export const AWS_OPERATION_NAMES: readonly OperationName[] = (Object.keys(OPERATIONS) as OperationName[]).filter(
  (name) => OPERATIONS[name].exposure === 'aws',
);
