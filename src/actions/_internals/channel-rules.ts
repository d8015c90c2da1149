// The rules a channel's configuration obeys beyond the model's constraints, and the defaults AWS fills in
// (https://docs.aws.amazon.com/streams/latest/dev/data-delivery-concepts.html). Every exception type and text
// here is [U] unless marked: AWS documents the rules, not its answers.

import { InvalidArgumentException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { ChannelBucket, ChannelLogging, S3Destination, S3TablesDestination } from '../../model/channel.js';
import {
  CHANNEL_DATA_FRESHNESS_DEFAULT_SECONDS,
  CHANNEL_DATA_FRESHNESS_MAX_SECONDS,
  CHANNEL_DATA_FRESHNESS_MIN_SECONDS,
} from '../../model/limits.js';
import { DEFAULT_OUTPUT_KEY_TEMPLATE, keyTemplateProblem } from '../../model/s3-key-template.js';
import type {
  ChannelLoggingConfiguration,
  CreateChannelInput,
  DeadLetterQueueS3Configuration,
  RecordConfiguration,
} from '../../api-types/channels.js';

/** What the destination members of a CreateChannel request resolve to. */
export interface ResolvedDestination {
  readonly destination: S3Destination | S3TablesDestination;
  /** Without its error prefix when none was given: the default names the channel ID, issued once all checks pass. */
  readonly deadLetterQueue: ChannelBucket & { readonly errorOutputPrefix: string | undefined };
  readonly dataFreshnessSeconds: number;
}

const DESTINATION_WORDS = { S3: 'general purpose Amazon S3', S3_TABLES: 'streaming table (Amazon S3 Tables)' } as const;

/**
 * The destination of a new channel, every default filled in.
 * @throws InvalidArgumentException: both or neither destination [M doc], more than one table [M doc], a record
 * format the destination does not take [M doc], JSON to a table without a schema [M doc], data freshness outside
 * 300..900 s [D], a custom key template kinesim cannot use (see keyTemplateProblem)
 */
export function resolveDestination(input: CreateChannelInput, record: RecordConfiguration): ResolvedDestination {
  const s3 = input.S3DestinationConfiguration;
  const tables = input.S3TablesDestinationConfiguration;
  if ((s3 === undefined) === (tables === undefined)) throw new InvalidArgumentException(msg.channelOneDestination());
  const format = record.RecordFormatType;
  if (s3 !== undefined) {
    if (format === 'GSR_JSON') throw new InvalidArgumentException(msg.channelFormatUnsupported(format, DESTINATION_WORDS.S3));
    const storage = s3.StorageConfiguration;
    const template = storage.OutputKeyTemplate ?? DEFAULT_OUTPUT_KEY_TEMPLATE;
    const problem = keyTemplateProblem(template);
    if (problem !== undefined) throw new InvalidArgumentException(msg.keyTemplateInvalid(template, problem));
    const dataFreshnessSeconds = checkFreshness(s3.DataFreshnessInSeconds);
    // "If not specified, it defaults to the destination bucket with an error prefix" [M].
    const dlq = s3.DeadLetterQueueS3Configuration ?? { BucketARN: storage.BucketARN, ExpectedBucketOwner: storage.ExpectedBucketOwner };
    return {
      destination: {
        type: 'S3',
        bucketArn: storage.BucketARN,
        expectedBucketOwner: storage.ExpectedBucketOwner,
        outputKeyTemplate: template,
        storageClass: storage.StorageClass ?? 'STANDARD',
        compression: storage.CompressionType,
      },
      deadLetterQueue: deadLetterQueue(dlq),
      dataFreshnessSeconds,
    };
  }
  const destination = tables!;
  const list = destination.S3TablesConfigurationList;
  if (list.length > 1) throw new InvalidArgumentException(msg.channelOneTable());
  if (format === 'STRING' || format === 'BYTE_ARRAY') {
    throw new InvalidArgumentException(msg.channelFormatUnsupported(format, DESTINATION_WORDS.S3_TABLES));
  }
  if (format === 'JSON' && record.GSRSchemaARN === undefined) throw new InvalidArgumentException(msg.channelSchemaRequired());
  const dataFreshnessSeconds = checkFreshness(destination.DataFreshnessInSeconds);
  const table = list[0]!;
  const fields = table.PartitionSpec?.PartitionFields;
  return {
    destination: {
      type: 'S3_TABLES',
      tableBucketArn: table.TableBucketARN,
      namespace: table.Namespace,
      tableName: table.TableName,
      compression: table.CompressionType,
      partitionFields: fields?.map((f) => ({ transform: f.Transform, sourceName: f.SourceName })),
    },
    deadLetterQueue: deadLetterQueue(destination.DeadLetterQueueS3Configuration),
    dataFreshnessSeconds,
  };
}

/**
 * A data freshness in range, or the default [D: 300..900 s, default 300].
 * @throws InvalidArgumentException outside the range ([U] type and text: the model gives the member no range)
 */
export function checkFreshness(seconds: number | undefined): number {
  if (seconds === undefined) return CHANNEL_DATA_FRESHNESS_DEFAULT_SECONDS;
  if (seconds < CHANNEL_DATA_FRESHNESS_MIN_SECONDS || seconds > CHANNEL_DATA_FRESHNESS_MAX_SECONDS) {
    throw new InvalidArgumentException(
      msg.dataFreshnessOutOfRange(seconds, CHANNEL_DATA_FRESHNESS_MIN_SECONDS, CHANNEL_DATA_FRESHNESS_MAX_SECONDS),
    );
  }
  return seconds;
}

/** [U] The error prefix when none is given: AWS's example shows `kinesis-channel/errors/<name>/<id>/`. */
export function defaultErrorOutputPrefix(channelName: string, channelId: string): string {
  return `kinesis-channel/errors/${channelName}/${channelId}/`;
}

function deadLetterQueue(dlq: DeadLetterQueueS3Configuration): ResolvedDestination['deadLetterQueue'] {
  return { bucketArn: dlq.BucketARN, expectedBucketOwner: dlq.ExpectedBucketOwner, errorOutputPrefix: dlq.ErrorOutputPrefix };
}

/**
 * @throws InvalidArgumentException for the Kinesis service key: "You cannot use the Amazon Kinesis Data Streams
 * service key (aws/kinesis)" [M]; [U] which spellings of it are recognised (alias name, alias ARN).
 */
export function checkChannelKey(keyId: string): void {
  if (keyId === 'aws/kinesis' || keyId === 'alias/aws/kinesis' || keyId.endsWith(':alias/aws/kinesis')) {
    throw new InvalidArgumentException(msg.channelServiceKey(keyId));
  }
}

/**
 * A channel's logging settings: [U] `{ Enabled: false }` when none are given (the output member is required); when
 * enabled, the group and stream names default as the model documents them [M].
 */
export function resolveLogging(config: ChannelLoggingConfiguration | undefined, channelName: string, channelId: string): ChannelLogging {
  const logs = config?.CloudWatchLogs;
  if (logs === undefined) return { enabled: false, logGroupName: undefined, logStreamName: undefined };
  if (!logs.Enabled) return { enabled: false, logGroupName: logs.LogGroupName, logStreamName: logs.LogStreamName };
  return {
    enabled: true,
    logGroupName: logs.LogGroupName ?? `/aws/kinesis/${channelName}/${channelId}`,
    logStreamName: logs.LogStreamName ?? 'DestinationDelivery',
  };
}

/** The region of an ARN (`arn:partition:service:region:...`). */
export function regionOf(arn: string): string {
  return arn.split(':')[3] ?? '';
}
