// PutRecord — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html

import { InvalidArgumentException, ProvisionedThroughputExceededException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { decodeSequence } from '../keys/sequence-number.js';
import { utf8ByteLength } from '../encoding/utf8.js';
import type { Account } from '../model/account.js';
import type { PutRecordInput, PutRecordOutput } from '../api-types/records.js';
import { explicitHashKey, recordSize } from './_internals/record-checks.js';
import { writableStream } from './_internals/writable-stream.js';

export function putRecord(account: Account, input: PutRecordInput): PutRecordOutput {
  const nowMs = account.timeline.now();
  const stream = writableStream(account, input, nowMs);
  const key = input.ExplicitHashKey === undefined ? undefined : explicitHashKey(input.ExplicitHashKey);
  const ordering = input.SequenceNumberForOrdering;
  // SequenceNumberForOrdering only has to decode: numbers already increase within a shard.
  if (ordering !== undefined && decodeSequence(ordering) === undefined) {
    throw new InvalidArgumentException(msg.invalidSequenceForOrdering(ordering, stream.name, account.accountId));
  }
  recordSize(input.Data, input.PartitionKey, stream.maxRecordSizeKiB, 'data');
  const shard = key === undefined ? stream.shardForKey(input.PartitionKey) : stream.shardForHashKey(key);
  // Throughput is the last check [K], and costs this one branch while the option is off.
  if (account.throughputLimits && !shard.throughput().admitWrite(nowMs, input.Data.length + utf8ByteLength(input.PartitionKey))) {
    account.metrics.putRecordThrottled(stream, shard.id, nowMs);
    throw new ProvisionedThroughputExceededException(msg.rateExceededShard(shard.id, stream.name, account.accountId));
  }
  const index = shard.log.append(input.PartitionKey, input.Data, nowMs, nowMs - stream.retentionMs);
  account.metrics.putRecord(stream, shard.id, nowMs, input.Data.length);
  return { ShardId: shard.id, SequenceNumber: shard.sequenceNumberOf(index), EncryptionType: stream.encryptionType };
}
