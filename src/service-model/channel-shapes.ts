// The delivery-channel shapes of the Kinesis model [M] (botocore 1.43.107 = @aws-sdk/client-kinesis 3.1143;
// https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateChannel.html), members in the model's order.
import {
  boolean,
  integer,
  list,
  optional,
  required,
  string,
  structure,
  type Member,
} from './shapes.js';
import {
  CHANNEL_ENCRYPTION_TYPES,
  PARTITION_TRANSFORMS,
  RECORD_FORMAT_TYPES,
  S3_COMPRESSION_TYPES,
  S3_STORAGE_CLASSES,
  S3_TABLES_COMPRESSION_TYPES,
} from './enums.js';
import { KEY_ID, NEXT_TOKEN, STREAM_ARN, TAG_MAP, TIMESTAMP } from './kinesis-shapes.js';

export const CHANNEL_NAME = string({ minLength: 1, maxLength: 128, pattern: '[a-zA-Z0-9_.-]+' });
export const CHANNEL_ARN = string({ minLength: 1, maxLength: 2048, pattern: 'arn:aws.*:kinesis:.*:\\d{12}:channel/\\S+' });
export const ROLE_ARN = string({
  minLength: 1,
  maxLength: 512,
  pattern: 'arn:aws[-a-z0-9]*:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-_/]+',
});
export const BUCKET_ARN = string({ minLength: 1, maxLength: 2048, pattern: 'arn:aws[-a-z0-9]*:s3:::[a-z0-9._-]{3,63}' });
export const TABLE_BUCKET_ARN = string({
  minLength: 1,
  maxLength: 2048,
  pattern: 'arn:aws[-a-z0-9]*:s3tables:[-a-z0-9]+:\\d{12}:bucket/[a-z0-9_-]{3,63}',
});
export const GSR_SCHEMA_ARN = string({
  minLength: 1,
  maxLength: 512,
  pattern: 'arn:aws[-a-z0-9]*:glue:[-a-z0-9]+:\\d{12}:schema/[-a-zA-Z0-9_$#.]+/[-a-zA-Z0-9_$#.]+',
});
export const EXPECTED_BUCKET_OWNER = string({ minLength: 12, maxLength: 12, pattern: '\\d{12}' });
export const S3_OUTPUT_KEY_TEMPLATE = string({ minLength: 1, maxLength: 1024, pattern: "[0-9A-Za-z!\\-_'.*()\\/=:{}]+" });
export const S3_ERROR_OUTPUT_PREFIX = string({ minLength: 1, maxLength: 512, pattern: "[0-9A-Za-z!\\-_'.*()\\/]+" });
export const LOG_GROUP_NAME = string({ minLength: 1, maxLength: 512, pattern: '[\\.\\-_/#A-Za-z0-9]+' });
export const LOG_STREAM_NAME = string({ minLength: 1, maxLength: 512, pattern: '[^:*]*' });
export const S3_TABLES_NAME = string({ minLength: 1, maxLength: 255, pattern: '[0-9a-z_]+' });
export const PARTITION_SOURCE_NAME = string({ minLength: 1, maxLength: 255, pattern: '[a-zA-Z0-9\\.\\_]+' });
/** DataFreshnessInSeconds has no range in the model; the developer guide's 300..900 is checked by the actions. */
export const DATA_FRESHNESS_SECONDS = integer();
export const LIST_CHANNELS_LIMIT = integer(1, 10000);

const RECORD_CONFIGURATION = structure([
  required('RecordFormatType', string({ enum: RECORD_FORMAT_TYPES })),
  optional('GSRSchemaARN', GSR_SCHEMA_ARN),
]);

const CHANNEL_STREAM_CONFIGURATION = structure([
  required('StreamARN', STREAM_ARN),
  required('RecordConfiguration', RECORD_CONFIGURATION),
]);

const DEAD_LETTER_QUEUE = structure([
  required('BucketARN', BUCKET_ARN),
  required('ExpectedBucketOwner', EXPECTED_BUCKET_OWNER),
  optional('ErrorOutputPrefix', S3_ERROR_OUTPUT_PREFIX),
]);

const S3_STORAGE_CONFIGURATION = structure([
  required('BucketARN', BUCKET_ARN),
  required('ExpectedBucketOwner', EXPECTED_BUCKET_OWNER),
  optional('OutputKeyTemplate', S3_OUTPUT_KEY_TEMPLATE),
  optional('StorageClass', string({ enum: S3_STORAGE_CLASSES })),
  required('CompressionType', string({ enum: S3_COMPRESSION_TYPES })),
]);

const S3_DESTINATION_CONFIGURATION = structure([
  optional('DataFreshnessInSeconds', DATA_FRESHNESS_SECONDS),
  optional('DeadLetterQueueS3Configuration', DEAD_LETTER_QUEUE),
  required('StorageConfiguration', S3_STORAGE_CONFIGURATION),
]);

const PARTITION_FIELD = structure([
  required('Transform', string({ enum: PARTITION_TRANSFORMS })),
  required('SourceName', PARTITION_SOURCE_NAME),
]);

const S3_TABLES_CONFIGURATION = structure([
  required('TableBucketARN', TABLE_BUCKET_ARN),
  required('Namespace', S3_TABLES_NAME),
  required('TableName', S3_TABLES_NAME),
  required('CompressionType', string({ enum: S3_TABLES_COMPRESSION_TYPES })),
  optional('PartitionSpec', structure([required('PartitionFields', list(PARTITION_FIELD, { minLength: 1, maxLength: 10 }))])),
]);

const S3_TABLES_DESTINATION_CONFIGURATION = structure([
  optional('DataFreshnessInSeconds', DATA_FRESHNESS_SECONDS),
  required('DeadLetterQueueS3Configuration', DEAD_LETTER_QUEUE),
  required('S3TablesConfigurationList', list(S3_TABLES_CONFIGURATION, { minLength: 1, maxLength: 10000 })),
]);

const CHANNEL_ENCRYPTION_CONFIGURATION = structure([
  required('EncryptionType', string({ enum: CHANNEL_ENCRYPTION_TYPES })),
  required('KeyId', KEY_ID),
]);

/** CloudWatchLogs and CloudWatchLogsUpdateInput have the same members and constraints. */
const CLOUD_WATCH_LOGS = structure([
  required('Enabled', boolean()),
  optional('LogGroupName', LOG_GROUP_NAME),
  optional('LogStreamName', LOG_STREAM_NAME),
]);

/** ChannelLoggingConfiguration and ChannelLoggingUpdateInput. */
const CHANNEL_LOGGING = structure([required('CloudWatchLogs', CLOUD_WATCH_LOGS)]);

/** S3DestinationUpdateInput and S3TablesDestinationUpdateInput: only the data freshness can change. */
const DESTINATION_UPDATE = structure([required('DataFreshnessInSeconds', DATA_FRESHNESS_SECONDS)]);

const STREAM_FILTER = structure([required('StreamARN', STREAM_ARN), optional('StreamCreationTimestamp', TIMESTAMP)]);

export const channelArn: Member = required('ChannelARN', CHANNEL_ARN);

export const CREATE_CHANNEL_MEMBERS: readonly Member[] = [
  required('ChannelName', CHANNEL_NAME),
  required('ServiceExecutionRoleARN', ROLE_ARN),
  required('StreamConfigurationList', list(CHANNEL_STREAM_CONFIGURATION, { minLength: 1, maxLength: 10000 })),
  optional('S3DestinationConfiguration', S3_DESTINATION_CONFIGURATION),
  optional('S3TablesDestinationConfiguration', S3_TABLES_DESTINATION_CONFIGURATION),
  optional('EncryptionConfiguration', CHANNEL_ENCRYPTION_CONFIGURATION),
  optional('Tags', TAG_MAP),
  optional('LoggingConfiguration', CHANNEL_LOGGING),
];

export const LIST_CHANNELS_MEMBERS: readonly Member[] = [
  optional('StreamFilter', list(STREAM_FILTER, { minLength: 1, maxLength: 10000 })),
  optional('MaxResults', LIST_CHANNELS_LIMIT),
  optional('NextToken', NEXT_TOKEN),
];

export const UPDATE_CHANNEL_MEMBERS: readonly Member[] = [
  channelArn,
  optional('S3DestinationConfiguration', DESTINATION_UPDATE),
  optional('S3TablesDestinationConfiguration', DESTINATION_UPDATE),
  optional('LoggingConfiguration', CHANNEL_LOGGING),
];
