// AWS's error texts, word for word (reference/kinesis-spec.md §15). Every message the engine emits
// comes from here, so a wording fix is a one-line change. `// Divergence:` / `[U]` mark texts that
// are not verified against AWS.

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
  startingSequenceInvalid: (seq: string, shardId: string, stream: string, account: string) =>
    `StartingSequenceNumber ${seq} used in GetShardIterator on shard ${shardId} in stream ${stream} under account ${account} is invalid.`,
  startingSequenceOtherStream: (seq: string, shardId: string, stream: string, account: string) =>
    `StartingSequenceNumber ${seq} used in GetShardIterator on shard ${shardId} in stream ${stream} under account ${account} is invalid because it did not come from this stream.`,
  startingSequenceOtherShard: (encodedShardId: string, shardId: string) =>
    `Invalid StartingSequenceNumber. It encodes ${encodedShardId}, while it was used in a call to a shard with ${shardId}`,
  invalidShardIterator: () => 'Invalid ShardIterator.',
  iteratorExpired: (createdMs: number, nowMs: number) =>
    `Iterator expired. The iterator was created at time ${javaDate(createdMs)} while right now it is ${javaDate(nowMs)} ` +
    'which is further in the future than the tolerated delay of 300000 milliseconds.',
  splitHashKeyInvalid: (key: string, shardId: string, stream: string, account: string, start: string, end: string) =>
    `NewStartingHashKey ${key} used in SplitShard() on shard ${shardId} in stream ${stream} under account ${account} ` +
    `is not both greater than one plus the shard's StartingHashKey ${start} and less than the shard's EndingHashKey ${end}.`,
  shardClosed: (shardId: string, stream: string, account: string) =>
    `Shard ${shardId} in stream ${stream} under account ${account} has already been merged or split, and thus is not eligible for merging or splitting.`,
  notAdjacent: (shardId: string, adjacentId: string, stream: string, account: string) =>
    `Shards ${shardId} and ${adjacentId} in stream ${stream} under account ${account} are not an adjacent pair of shards eligible for merging`,
  retentionTooShort: (hours: number) =>
    `Minimum allowed retention period is 24 hours. Requested retention period (${hours} hours) is too short.`,
  // [U] moto's text; AWS's wording for the upper bound is unverified.
  retentionTooLong: (hours: number) =>
    `Maximum allowed retention period is 8760 hours. Requested retention period (${hours} hours) is too long.`,
  retentionNotLonger: (hours: number, stream: string, current: number) =>
    `Requested retention period (${hours} hours) for stream ${stream} can not be shorter than existing retention period (${current} hours). Use DecreaseRetentionPeriod API.`,
  retentionNotShorter: (hours: number, stream: string, current: number) =>
    `Requested retention period (${hours} hours) for stream ${stream} can not be longer than existing retention period (${current} hours). Use IncreaseRetentionPeriod API.`,
  listShardsNeedsStream: () => 'Either NextToken or StreamName should be provided.',
  listShardsTokenWith: (member: string) => `NextToken and ${member} cannot be provided together.`,
  // [U] moto's text for split/merge/update on an on-demand stream.
  onDemandStream: (stream: string, account: string) =>
    `Request is invalid. Stream ${stream} under account ${account} is in On-Demand mode.`,
  // [U] kinesis-mock's wording; AWS's text is not public.
  streamNameOrArnRequired: () => 'Either StreamName or StreamARN must be provided.',
  // [U] AWS's text for a StreamName/StreamARN pair naming different streams is not public.
  streamNameArnMismatch: (name: string, arn: string) =>
    `StreamName ${name} and StreamARN ${arn} do not refer to the same stream.`,
  // [U] the ARN's account or region is not this engine's.
  streamArnOtherAccount: (arn: string, account: string, region: string) =>
    `StreamARN ${arn} does not belong to account ${account} in region ${region}.`,
  // [U] moto's wording for the whole-request size limit of PutRecords.
  putRecordsTooLarge: (limitMiB: number) => `Records size exceeds ${limitMiB} MB limit`,
  // [U] the per-stream MaxRecordSizeInKiB check; AWS's wording is not public.
  recordTooLarge: (sizeBytes: number, limitKiB: number, path: string) =>
    `1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=${sizeBytes} cap=${sizeBytes}]' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${limitKiB * 1024}`,
  // [U] CreateStream mode / ShardCount combinations.
  onDemandWithShardCount: () => 'ShardCount is not supported for streams in On-Demand mode.',
  provisionedNeedsShardCount: () => 'ShardCount is required for streams in Provisioned mode.',
  // [U] ExpiredNextTokenException and malformed NextToken texts.
  nextTokenExpired: () => 'The timestamp in the NextToken has expired.',
  invalidNextToken: () => 'Invalid NextToken.',
  internalFailure: () => 'Internal service failure.',
} as const;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's `Date.toString()` in UTC: `Thu Jan 22 01:22:02 UTC 2015`. */
export function javaDate(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
