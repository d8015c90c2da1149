// The Kinesis model's named input shapes [M]
// (AWS's service model; https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Types.html).
import {
  blob,
  boolean,
  integer,
  list,
  map,
  optional,
  required,
  string,
  structure,
  timestamp,
  type Member,
} from './shapes.js';
import {
  COMMITMENT_REQUEST_STATUSES,
  ENCRYPTION_TYPES,
  METRICS_NAMES,
  RECORD_DISTRIBUTION_STRATEGIES,
  SCALING_TYPES,
  SHARD_FILTER_TYPES,
  SHARD_ITERATOR_TYPES,
  STREAM_MODES,
} from './enums.js';

const NAME_PATTERN = '[a-zA-Z0-9_.-]+';

export const STREAM_NAME = string({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN });
export const STREAM_ARN = string({
  minLength: 1,
  maxLength: 2048,
  pattern: 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+',
});
export const SHARD_ID = string({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN });
export const CONSUMER_NAME = string({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN });
export const CONSUMER_ARN = string({
  minLength: 1,
  maxLength: 2048,
  pattern: '^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+',
});
export const RESOURCE_ARN = string({
  minLength: 1,
  maxLength: 2048,
  // Channel ARNs joined stream and consumer ARNs in the current model (botocore 1.43.107, SDK 3.1143).
  pattern: 'arn:aws.*:kinesis:.*:\\d{12}:.*(stream|channel)/\\S+',
});
export const HASH_KEY = string({ pattern: '0|([1-9]\\d{0,38})' });
export const SEQUENCE_NUMBER = string({ pattern: '0|([1-9]\\d{0,128})' });
export const PARTITION_KEY = string({ minLength: 1, maxLength: 256 });
export const DATA = blob({ minLength: 0, maxLength: 10485760 });
export const SHARD_ITERATOR = string({ minLength: 1, maxLength: 512 });
export const NEXT_TOKEN = string({ minLength: 1, maxLength: 1048576 });
export const TIMESTAMP = timestamp();
export const STREAM_ID = string({ minLength: 1, maxLength: 24, pattern: '[a-z0-9]{20}-[a-z0-9]{3}' });
export const TAG_KEY = string({ minLength: 1, maxLength: 128 });
export const TAG_VALUE = string({ minLength: 0, maxLength: 256 });
export const TAG_MAP = map(TAG_KEY, TAG_VALUE, { minLength: 1, maxLength: 200 });
export const TAG_KEY_LIST = list(TAG_KEY, { minLength: 1, maxLength: 50 });
export const KEY_ID = string({ minLength: 1, maxLength: 2048 });
export const POLICY = string();
export const POSITIVE_INTEGER = integer(1);
export const NON_NEGATIVE_INTEGER = integer(0);
export const RETENTION_PERIOD_HOURS = integer();
export const MAX_RECORD_SIZE_KIB = integer(1024, 10240);
/** DescribeStream, GetRecords, ListShards, ListStreamConsumers and ListStreams all share 1..10000. */
export const PAGE_LIMIT = integer(1, 10000);
export const TAGS_PAGE_LIMIT = integer(1, 50);

// AWS prints an enum in its Java HashSet order, not model order: known for ShardIteratorType [K] only;
// the others keep model order [U]. The arrays are in enums.ts, in that order.
export const SHARD_ITERATOR_TYPE = string({ enum: SHARD_ITERATOR_TYPES });
export const SHARD_FILTER_TYPE = string({ enum: SHARD_FILTER_TYPES });
export const STREAM_MODE = string({ enum: STREAM_MODES });
export const ENCRYPTION_TYPE = string({ enum: ENCRYPTION_TYPES });
export const SCALING_TYPE = string({ enum: SCALING_TYPES });
export const MTBC_STATUS = string({ enum: COMMITMENT_REQUEST_STATUSES });
export const METRICS_NAME = string({ enum: METRICS_NAMES });
export const RECORD_DISTRIBUTION_STRATEGY = string({ enum: RECORD_DISTRIBUTION_STRATEGIES });
export const METRICS_NAME_LIST = list(METRICS_NAME, { minLength: 1, maxLength: 7 });

export const PUT_RECORDS_REQUEST_ENTRY = structure(
  // PartitionKey became optional with the AUTO record distribution strategy [M]; a USER_PARTITION_KEY stream
  // still needs it (checked by the put actions, which know the stream).
  [required('Data', DATA), optional('ExplicitHashKey', HASH_KEY), optional('PartitionKey', PARTITION_KEY)],
  // The identity hash AWS printed is arbitrary; this is the one kinesalite's AWS-verified tests quote [K].
  'com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310',
);
export const PUT_RECORDS_REQUEST_ENTRY_LIST = list(PUT_RECORDS_REQUEST_ENTRY, { minLength: 1, maxLength: 500 });

export const STREAM_MODE_DETAILS = structure([required('StreamMode', STREAM_MODE)]);
export const SHARD_FILTER = structure([
  required('Type', SHARD_FILTER_TYPE),
  optional('ShardId', SHARD_ID),
  optional('Timestamp', TIMESTAMP),
]);
export const STARTING_POSITION = structure([
  required('Type', SHARD_ITERATOR_TYPE),
  optional('SequenceNumber', SEQUENCE_NUMBER),
  optional('Timestamp', TIMESTAMP),
]);
export const MTBC_INPUT = structure([required('Status', MTBC_STATUS)]);

// Members that recur on most operations, named once.
export const streamName: Member = optional('StreamName', STREAM_NAME);
export const streamArn: Member = optional('StreamARN', STREAM_ARN);
export const streamId: Member = optional('StreamId', STREAM_ID);
export const resourceArn: Member = required('ResourceARN', RESOURCE_ARN);
/** DryRun of the data-plane operations [M]: validate everything, then answer DryRunOperationException. */
export const dryRun: Member = optional('DryRun', boolean());

