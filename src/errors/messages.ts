// AWS's error texts for the service's exceptions, word for word, so a wording fix is a one-line change. Their
// evidence is tagged per text (see the README's legend); `// Divergence:` / `[U]` mark texts not verified against
// AWS. Limits are parameters, never literals (src/model/limits.ts). Texts of other layers: the validator's
// constraint and type-mismatch texts (src/validation/render.ts, type-errors.ts) and the HTTP edge's front-end
// answers (src/protocol/http-edge.ts).

const LIMITS_URL = 'http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html';

export const msg = {
  streamNotFound: (stream: string, account: string) => `Stream ${stream} under account ${account} not found.`,
  shardNotExist: (shardId: string, stream: string, account: string) =>
    `Shard ${shardId} in stream ${stream} under account ${account} does not exist`,
  couldNotFindShard: (rawShardId: string, stream: string, account: string) =>
    `Could not find shard ${rawShardId} in stream ${stream} under account ${account}.`,
  streamExists: (stream: string, account: string) => `Stream ${stream} under account ${account} already exists.`,
  streamNotActive: (stream: string, account: string, status: string) =>
    `Stream ${stream} under account ${account} not ACTIVE, instead in state ${status}`,
  shardLimit: (account: string, region: string, current: number, limit: number, additional: number) =>
    `This request would exceed the shard limit for the account ${account} in ${region}. ` +
    `Current shard count for the account: ${current}. Limit: ${limit}. ` +
    `Number of additional shards that would have resulted from this request: ${additional}. ` +
    `Refer to the AWS Service Limits page (${LIMITS_URL}) for current limits and how to request higher limits.`,
  rateExceededStream: (stream: string, account: string) => `Rate exceeded for stream ${stream} under account ${account}.`,
  rateExceededShard: (shardId: string, stream: string, account: string) =>
    `Rate exceeded for shard ${shardId} in stream ${stream} under account ${account}.`,
  rateExceededShardRead: (account: string, stream: string, shardId: string) =>
    `Rate exceeded for Shard - ${account}/${stream}/${shardId}`,
  invalidExplicitHashKey: (value: string) =>
    `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${value}`,
  invalidSequenceForOrdering: (seq: string, stream: string, account: string) =>
    `ExclusiveMinimumSequenceNumber ${seq} used in PutRecord on stream ${stream} under account ${account} is invalid.`,
  iteratorTypeNeedsSequence: (type: string) =>
    'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
    `(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified ${type} and no StartingSequenceNumber.`,
  iteratorTypeForbidsSequence: (type: string) =>
    'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
    `(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified ${type} and also a StartingSequenceNumber.`,
  timestampRequired: () =>
    'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
  timestampInFuture: (timestampMs: number, nowMs: number) =>
    `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${timestampMs}, currentTimestampInMillis: ${nowMs}`,
  // `operation` is GetShardIterator [K], or SubscribeToShard [U]: AWS's texts for a bad StartingPosition are not public.
  startingSequenceInvalid: (seq: string, operation: string, shardId: string, stream: string, account: string) =>
    `StartingSequenceNumber ${seq} used in ${operation} on shard ${shardId} in stream ${stream} under account ${account} is invalid.`,
  startingSequenceOtherStream: (seq: string, operation: string, shardId: string, stream: string, account: string) =>
    `StartingSequenceNumber ${seq} used in ${operation} on shard ${shardId} in stream ${stream} under account ${account} is invalid because it did not come from this stream.`,
  startingSequenceOtherShard: (encodedShardId: string, shardId: string) =>
    `Invalid StartingSequenceNumber. It encodes ${encodedShardId}, while it was used in a call to a shard with ${shardId}`,
  invalidShardIterator: () => 'Invalid ShardIterator.',
  iteratorExpired: (createdMs: number, nowMs: number, ttlMs: number) =>
    `Iterator expired. The iterator was created at time ${javaDate(createdMs)} while right now it is ${javaDate(nowMs)} ` +
    `which is further in the future than the tolerated delay of ${ttlMs} milliseconds.`,
  splitHashKeyInvalid: (key: string, shardId: string, stream: string, account: string, start: string, end: string) =>
    `NewStartingHashKey ${key} used in SplitShard() on shard ${shardId} in stream ${stream} under account ${account} ` +
    `is not both greater than one plus the shard's StartingHashKey ${start} and less than the shard's EndingHashKey ${end}.`,
  shardClosed: (shardId: string, stream: string, account: string) =>
    `Shard ${shardId} in stream ${stream} under account ${account} has already been merged or split, and thus is not eligible for merging or splitting.`,
  notAdjacent: (shardId: string, adjacentId: string, stream: string, account: string) =>
    `Shards ${shardId} and ${adjacentId} in stream ${stream} under account ${account} are not an adjacent pair of shards eligible for merging`,
  retentionTooShort: (hours: number, minHours: number) =>
    `Minimum allowed retention period is ${minHours} hours. Requested retention period (${hours} hours) is too short.`,
  // [U] moto's text; AWS's wording for the upper bound is unverified.
  retentionTooLong: (hours: number, maxHours: number) =>
    `Maximum allowed retention period is ${maxHours} hours. Requested retention period (${hours} hours) is too long.`,
  retentionNotLonger: (hours: number, stream: string, current: number) =>
    `Requested retention period (${hours} hours) for stream ${stream} can not be shorter than existing retention period (${current} hours). Use DecreaseRetentionPeriod API.`,
  retentionNotShorter: (hours: number, stream: string, current: number) =>
    `Requested retention period (${hours} hours) for stream ${stream} can not be longer than existing retention period (${current} hours). Use IncreaseRetentionPeriod API.`,
  listShardsNeedsStream: () => 'Either NextToken or StreamName should be provided.',
  // [U] AWS's texts for a ShardFilter missing its ShardId or Timestamp are not public.
  shardFilterNeedsShardId: () => 'ShardId must be specified when ShardFilter type is AFTER_SHARD_ID.',
  shardFilterNeedsTimestamp: (type: string) => `Timestamp must be specified when ShardFilter type is ${type}.`,
  listShardsTokenWith: (member: string) => `NextToken and ${member} cannot be provided together.`,
  // [U] moto's text for split/merge/update on an on-demand stream.
  onDemandStream: (stream: string, account: string) =>
    `Request is invalid. Stream ${stream} under account ${account} is in On-Demand mode.`,
  // [U] UpdateShardCount limits. The scale-up text is AWS's as quoted in the aws-cdk docs; the other
  // three follow its pattern and are not verified.
  scaleUpTooFar: (open: number, target: number) =>
    `UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${open} Target shard count: ${target}`,
  scaleDownTooFar: (open: number, target: number) =>
    `UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${open} Target shard count: ${target}`,
  scaleAboveStreamMax: (max: number, open: number, target: number) =>
    `UpdateShardCount cannot scale up to more than ${max} shards in a stream. Current open shard count: ${open} Target shard count: ${target}`,
  scalingRateExceeded: (stream: string, account: string, limit: number) =>
    `UpdateShardCount cannot be performed more than ${limit} times per rolling 24 hour period for stream ${stream} under account ${account}.`,
  // [U] kinesis-mock's wording; AWS's text is not public.
  streamNameOrArnRequired: () => 'Either StreamName or StreamARN must be provided.',
  // [U] AWS's text for a StreamName/StreamARN pair naming different streams is not public.
  streamNameArnMismatch: (name: string, arn: string) =>
    `StreamName ${name} and StreamARN ${arn} do not refer to the same stream.`,
  // [U] moto's wording for the whole-request size limit of PutRecords.
  putRecordsTooLarge: (limitMiB: number) => `Records size exceeds ${limitMiB} MB limit`,
  // The per-stream MaxRecordSizeInKiB check on the data alone, in the model's violation form: `lim` is the
  // data member's own length, as in AWS's (osquery/osquery#3568 [R]); that AWS applies it per stream is [U].
  recordDataTooLarge: (dataBytes: number, limitBytes: number, path: string) =>
    `1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=${dataBytes} cap=${dataBytes}]' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${limitBytes}`,
  // [U] data within the limit, data plus UTF-8 partition key over it; AWS's wording is not public.
  recordTooLarge: (sizeBytes: number, limitBytes: number, entry: number | undefined) =>
    `${entry === undefined ? 'The record' : `Record ${entry}`} is ${sizeBytes} bytes of data and UTF-8 partition key, ` +
    `over the stream's maximum record size of ${limitBytes} bytes.`,
  // [U] CreateStream mode / ShardCount combinations.
  onDemandWithShardCount: () => 'ShardCount is not supported for streams in On-Demand mode.',
  provisionedNeedsShardCount: () => 'ShardCount is required for streams in Provisioned mode.',
  // [U] ExpiredNextTokenException and malformed NextToken texts.
  nextTokenExpired: () => 'The timestamp in the NextToken has expired.',
  invalidNextToken: () => 'Invalid NextToken.',
  internalFailure: () => 'Internal service failure.',
  // Tags. `kind` is 'stream' ([K]) or 'consumer' ([U]).
  tagsInvalidCharacters: () =>
    'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.',
  tagsIllegalCharacters: (verb: 'add tags to' | 'remove tags from', kind: string, name: string, account: string) =>
    `Failed to ${verb} ${kind} ${name} under account ${account} because some tags contained illegal characters. ` +
    "The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
  // [U] kinesalite-era wording (then 10 tags), with today's limit.
  tagsTooMany: (kind: string, name: string, account: string, limit: number) =>
    `Failed to add tags to ${kind} ${name} under account ${account} because a given ${kind} cannot have more than ${limit} tags associated with it.`,
  // [U] kinesis-mock's wording; AWS reserves the prefix but its text is not public.
  tagsAwsPrefix: (keys: readonly string[]) => `Cannot start tags with 'aws:'. Invalid keys: ${keys.join(', ')}`,
  // Consumers.
  // [E] moto's wording.
  consumerNotFound: (consumer: string, account: string) => `Consumer ${consumer}, account ${account} not found.`,
  // [R] AWS's answer to PutResourcePolicy on a CREATING consumer (cloudformation-coverage-roadmap#2442).
  consumerNotActive: (consumer: string, createdSecs: number, stream: string, account: string) =>
    `Consumer ${consumer} with creation timestamp ${createdSecs} under stream ${stream} and account ${account} is not in ACTIVE status.`,
  // [R] SubscribeToShard's own variant, odd spacing included (awslabs/kinesis-hot-shard-advisor#37).
  subscribeConsumerNotActive: (consumer: string, createdSecs: number, stream: string, account: string) =>
    `Consumer ${consumer} with creation timestamp ${createdSecs} under stream: ${stream} , account ${account} is not in ACTIVE status.`,
  // [R] A second SubscribeToShard within 5 s, and the event ending a subscription taken over (amazon-kinesis-client#391).
  anotherActiveSubscription: (account: string, stream: string, shardId: string, consumer: string) =>
    `Another active subscription exists for this consumer: ${account}:${stream}:${shardId}:${consumer}`,
  // [U] AWS's texts for these consumer errors are not public; the two limits are kinesis-mock's.
  consumerExists: (consumer: string, stream: string, account: string) =>
    `Consumer ${consumer} under stream ${stream} already exists for account ${account}.`,
  consumerLimit: (limit: number) => `Only ${limit} consumers can be registered to a stream at once`,
  consumerCreatingLimit: (limit: number) => `Only ${limit} consumers can be created at the same time`,
  consumerRefRequired: () => 'ConsumerARN or both ConsumerName and StreamARN are required for this request.',
  consumerRefMismatch: (consumerArn: string) =>
    `The given StreamARN and ConsumerName do not match ConsumerARN ${consumerArn}.`,
  // [R] https://github.com/hashicorp/terraform-provider-aws/issues/8420
  streamHasConsumers: (stream: string, account: string) =>
    `DeleteStream can't delete ${account}:${stream} because there are consumers associated with this data stream. ` +
    `To delete ${stream} anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.`,
  // [U] kinesis-mock's wording for Start/StopStreamEncryption with EncryptionType NONE.
  encryptionKmsOnly: () => 'KMS is the only valid EncryptionType for this request',
  // [U] texts of the capacity-mode and warm-throughput rules.
  onDemandStreamLimit: (account: string, region: string, limit: number) =>
    `This request would exceed the on-demand stream limit for the account ${account} in ${region}. Limit: ${limit}.`,
  warmThroughputProvisioned: (stream: string, account: string) =>
    `Warm throughput is not supported for stream ${stream} under account ${account} because it is in Provisioned mode.`,
  warmThroughputNeedsCommitment: (account: string) =>
    `Warm throughput requires MinimumThroughputBillingCommitment to be enabled for account ${account}.`,
  warmThroughputTooHigh: (requestedMiBps: number, limitMiBps: number) =>
    `Requested warm throughput (${requestedMiBps} MiBps) exceeds the maximum of ${limitMiBps} MiBps for an on-demand stream.`,
  // [U] PutResourcePolicy with a policy that is not a JSON object.
  policyInvalid: () => 'The resource policy is not a valid JSON policy document.',
  // ---- Record distribution strategy (https://docs.aws.amazon.com/streams/latest/dev/service-managed-record-distribution.html).
  // The exception types are AWS's where its docs name them; every text here is [U].
  autoOnProvisioned: (stream: string, account: string) =>
    `Record distribution strategy AUTO is not supported for stream ${stream} under account ${account} because it is in Provisioned mode.`,
  autoForbidsOrdering: (stream: string, account: string) =>
    `SequenceNumberForOrdering is not supported for stream ${stream} under account ${account} because it uses the AUTO record distribution strategy.`,
  provisionedWithAuto: (stream: string, account: string) =>
    `Stream ${stream} under account ${account} uses the AUTO record distribution strategy, which Provisioned mode does not support. ` +
    'Set it to USER_PARTITION_KEY first.',
  // ---- DryRun (https://docs.aws.amazon.com/streams/latest/dev/kds-dryrun-validation.html) [U: EC2's wording].
  dryRun: () => 'Request would have succeeded, but DryRun flag is set.',
  // ---- Delivery channels (https://docs.aws.amazon.com/streams/latest/dev/data-delivery.html). Every text is [U];
  // the ones quoting the model's documentation say so.
  channelNotFound: (arn: string, account: string) => `Channel ${arn} under account ${account} not found.`,
  channelExists: (name: string, account: string) => `Channel ${name} under account ${account} already exists.`,
  channelNotActive: (name: string, account: string, status: string) =>
    `Channel ${name} under account ${account} not ACTIVE, instead in state ${status}`,
  // The model's documentation of StreamConfigurationList and S3TablesConfigurationList.
  channelOneStream: () => 'Currently, one stream is supported per channel.',
  channelOneTable: () => 'Currently, one table is supported per channel.',
  // The model's documentation of CreateChannel.
  channelOneDestination: () =>
    'You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.',
  channelFormatUnsupported: (format: string, destination: string) =>
    `RecordFormatType ${format} is not supported for ${destination} destinations.`,
  channelSchemaRequired: () =>
    'GSRSchemaARN is required when RecordFormatType is JSON and the destination is a streaming table.',
  dataFreshnessOutOfRange: (seconds: number, min: number, max: number) =>
    `DataFreshnessInSeconds must be between ${min} and ${max} seconds. Requested: ${seconds}.`,
  channelServiceKey: (keyId: string) =>
    `KeyId ${keyId} cannot be used: channels need a customer managed key, not the Amazon Kinesis Data Streams service key (aws/kinesis).`,
  keyTemplateInvalid: (template: string, reason: string) => `Invalid OutputKeyTemplate ${template}: ${reason}.`,
  channelOnProvisioned: (stream: string, account: string) =>
    `Channels are not supported for stream ${stream} under account ${account} because it is in Provisioned mode.`,
  channelStreamLimit: (stream: string, account: string, destination: string, limit: number) =>
    `Stream ${stream} under account ${account} already has a channel to a ${destination} destination. ` +
    `A stream can have one channel per destination type (${limit} in all).`,
  channelAccountLimit: (account: string, region: string, limit: number) =>
    `This request would exceed the channel limit for the account ${account} in ${region}. Limit: ${limit}.`,
  channelUpdateWrongDestination: (name: string, destination: string) =>
    `Channel ${name} delivers to a ${destination} destination; only that destination's configuration can be updated.`,
  channelUpdateNothing: () =>
    'At least one of S3DestinationConfiguration, S3TablesDestinationConfiguration or LoggingConfiguration must be specified.',
  channelTableExists: (namespace: string, table: string, tableBucketArn: string) =>
    `Table ${namespace}.${table} already exists in table bucket ${tableBucketArn}. A channel creates a new table.`,
  streamHasChannels: (stream: string, account: string) =>
    `DeleteStream can't delete ${account}:${stream} because there are channels associated with this data stream. ` +
    'Delete the channels first.',
  // ChannelStatusReason of a channel that could not be provisioned (FAILED).
  channelWrongRegion: (arn: string, region: string) => `Resource ${arn} is not in the channel's Region ${region}.`,
  // JSON protocol: a blob member that is not canonical padded base64 (SerializationException) [K].
  base64BadLength: (text: string, length: number) =>
    `'${echoed(text)}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: ${length}`,
  base64BadChar: (text: string, char: string) =>
    `'${echoed(text)}' can not be converted to a Blob: Invalid Base64 character: '${char}'`,
  // "dectected" (sic) is AWS's spelling.
  base64BadLastChar: (text: string) =>
    `'${echoed(text)}' can not be converted to a Blob: Invalid last non-pad Base64 character dectected`,
} as const;

/**
 * [U] The longest value a message echoes whole. AWS's rule is not public: every captured message echoes
 * the value whole, and AWS's request size caps what it could be asked to print. kinesim has no such cap in
 * process (a 54 MB partition key is one function call away), so a longer value is cut to its first
 * MAX_ECHOED_VALUE_CHARS characters followed by ECHO_CUT_MARKER. The bound sits above everything an AWS-verified
 * message holds (501 PutRecords entries print as 33,000 characters).
 */
export const MAX_ECHOED_VALUE_CHARS = 65_536;
/** [U] What follows a value cut to MAX_ECHOED_VALUE_CHARS. */
export const ECHO_CUT_MARKER = '...[truncated]';

/** `text` as a message echoes it: whole, or cut to MAX_ECHOED_VALUE_CHARS and marked. */
export function echoed(text: string): string {
  return text.length <= MAX_ECHOED_VALUE_CHARS ? text : text.slice(0, MAX_ECHOED_VALUE_CHARS) + ECHO_CUT_MARKER;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's `Date.toString()` in UTC: `Thu Jan 22 01:22:02 UTC 2015`. */
export function javaDate(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
