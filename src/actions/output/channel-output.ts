// Rendering a channel as DescribeChannel's ChannelDescription and ListChannels' ChannelSummary, every default
// filled in as the SDK's CreateChannel example shows.

import type { Channel, ChannelBucket } from '../../model/channel.js';
import type { ChannelStatus } from '../../service-model/enums.js';
import type {
  ChannelDescription,
  ChannelLoggingConfiguration,
  ChannelSummary,
  DeadLetterQueueS3Configuration,
  S3TablesConfiguration,
} from '../../api-types/channels.js';

/** The channel's description as of `nowMs`. */
export function channelDescription(channel: Channel, nowMs: number): ChannelDescription {
  const status = channel.status(nowMs);
  const source = channel.source;
  const description: ChannelDescription = {
    ChannelName: channel.name,
    ChannelARN: channel.arn,
    ChannelId: channel.id,
    ChannelStatus: status,
    ...reasonOf(channel, status),
    ChannelCreationTimestamp: new Date(channel.createdAtMs),
    ServiceExecutionRoleARN: channel.roleArn,
    StreamConfigurationList: [{
      StreamARN: source.streamArn,
      StreamCreationTimestamp: new Date(source.streamCreatedAtMs),
      RecordConfiguration: source.gsrSchemaArn === undefined
        ? { RecordFormatType: source.recordFormat }
        : { RecordFormatType: source.recordFormat, GSRSchemaARN: source.gsrSchemaArn },
    }],
    LoggingConfiguration: loggingOf(channel),
  };
  return withDestination(description, channel);
}

/** ChannelStatusReason: "A message describing the reason for a FAILED status" [M]. */
function reasonOf(channel: Channel, status: ChannelStatus): { ChannelStatusReason?: string } {
  return status === 'FAILED' && channel.failureReason !== undefined ? { ChannelStatusReason: channel.failureReason } : {};
}

function withDestination(description: ChannelDescription, channel: Channel): ChannelDescription {
  const destination = channel.destination;
  const dlq = deadLetterQueue(channel.deadLetterQueue);
  const freshness = channel.dataFreshnessSeconds;
  if (destination.type === 'S3') {
    description.S3DestinationConfiguration = {
      DataFreshnessInSeconds: freshness,
      DeadLetterQueueS3Configuration: dlq,
      StorageConfiguration: {
        BucketARN: destination.bucketArn,
        ExpectedBucketOwner: destination.expectedBucketOwner,
        OutputKeyTemplate: destination.outputKeyTemplate,
        StorageClass: destination.storageClass,
        CompressionType: destination.compression,
      },
    };
  } else {
    const table: S3TablesConfiguration = {
      TableBucketARN: destination.tableBucketArn,
      Namespace: destination.namespace,
      TableName: destination.tableName,
      CompressionType: destination.compression,
    };
    if (destination.partitionFields !== undefined) {
      table.PartitionSpec = {
        PartitionFields: destination.partitionFields.map((f) => ({ Transform: f.transform, SourceName: f.sourceName })),
      };
    }
    description.S3TablesDestinationConfiguration = {
      DataFreshnessInSeconds: freshness,
      DeadLetterQueueS3Configuration: dlq,
      S3TablesConfigurationList: [table],
    };
  }
  if (channel.encryption !== undefined) {
    description.EncryptionConfiguration = { EncryptionType: 'KMS', KeyId: channel.encryption.keyId };
  }
  return description;
}

function deadLetterQueue(bucket: ChannelBucket & { readonly errorOutputPrefix: string }): DeadLetterQueueS3Configuration {
  return { BucketARN: bucket.bucketArn, ExpectedBucketOwner: bucket.expectedBucketOwner, ErrorOutputPrefix: bucket.errorOutputPrefix };
}

function loggingOf(channel: Channel): ChannelLoggingConfiguration {
  const { enabled, logGroupName, logStreamName } = channel.logging;
  const logs: ChannelLoggingConfiguration['CloudWatchLogs'] = { Enabled: enabled };
  if (logGroupName !== undefined) logs.LogGroupName = logGroupName;
  if (logStreamName !== undefined) logs.LogStreamName = logStreamName;
  return { CloudWatchLogs: logs };
}

/** The channel's summary as of `nowMs`. */
export function channelSummary(channel: Channel, nowMs: number): ChannelSummary {
  const status = channel.status(nowMs);
  return {
    ChannelName: channel.name,
    ChannelARN: channel.arn,
    ChannelId: channel.id,
    ChannelStatus: status,
    ...reasonOf(channel, status),
    ChannelCreationTimestamp: new Date(channel.createdAtMs),
    ChannelDestinationType: channel.destination.type,
    Streams: [{ StreamARN: channel.source.streamArn, StreamCreationTimestamp: new Date(channel.source.streamCreatedAtMs) }],
  };
}
