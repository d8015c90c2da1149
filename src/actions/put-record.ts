// PutRecord — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html

import { InvalidArgumentException, ProvisionedThroughputExceededException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { decodeSequence } from '../keys/sequence-number.js';
import type { Account } from '../model/account.js';
import { countOnDemandWrites } from '../model/on-demand-scaling.js';
import type { PutRecordInput, PutRecordOutput } from '../api-types/records.js';
import { answerDryRun } from './_internals/dry-run.js';
import { explicitHashKey, partitionKeyRequired, recordBytes, recordSize } from './_internals/record-checks.js';
import { writableStream } from './_internals/writable-stream.js';

export function putRecord(account: Account, input: PutRecordInput): PutRecordOutput {
  const nowMs = account.timeline.now();
  const stream = writableStream(account, input, nowMs);
  const partitionKey = input.PartitionKey;
  const auto = stream.recordDistributionStrategy === 'AUTO';
  if (partitionKey === undefined && !auto) throw partitionKeyRequired(['partitionKey']);
  // Under AUTO an ExplicitHashKey is ignored for placement [D] but still has to be one [U].
  const key = input.ExplicitHashKey === undefined ? undefined : explicitHashKey(input.ExplicitHashKey);
  const ordering = input.SequenceNumberForOrdering;
  if (ordering !== undefined) {
    // AUTO refuses it (https://docs.aws.amazon.com/streams/latest/dev/service-managed-pk-producing-behavior.html).
    if (auto) throw new InvalidArgumentException(msg.autoForbidsOrdering(stream.name, account.accountId));
    // It only has to decode: numbers already increase within a shard.
    if (decodeSequence(ordering) === undefined) {
      throw new InvalidArgumentException(msg.invalidSequenceForOrdering(ordering, stream.name, account.accountId));
    }
  }
  recordSize(input.Data, partitionKey, stream.maxRecordSizeKiB);
  if (input.DryRun === true) answerDryRun(account, stream, nowMs);
  // A refused call changes nothing, so the AUTO generator's state is put back if the shard throttles.
  const placement = auto && account.throughputLimits ? [...stream.autoPlacement] : undefined;
  const shard = auto ? stream.shardForAuto() : key === undefined ? stream.shardForKey(partitionKey!) : stream.shardForHashKey(key);
  // Throughput is the last check [K], and costs this one branch while the option is off.
  const scaling = stream.onDemandScaling !== undefined;
  const bytes = account.throughputLimits || scaling ? recordBytes(input.Data, partitionKey) : 0;
  if (account.throughputLimits && !shard.throughput().admitWrite(nowMs, bytes)) {
    if (placement !== undefined) stream.autoPlacement.splice(0, 4, ...placement);
    account.metrics.putRecordThrottled(stream, shard.id, nowMs);
    throw new ProvisionedThroughputExceededException(msg.rateExceededShard(shard.id, stream.name, account.accountId));
  }
  const index = shard.log.append(partitionKey, input.Data, nowMs, nowMs - stream.retentionMs);
  if (scaling) countOnDemandWrites(account.timeline, stream, nowMs, 1, bytes);
  account.metrics.putRecord(stream, shard.id, nowMs, input.Data.length);
  const out: PutRecordOutput = { ShardId: shard.id, SequenceNumber: shard.sequenceNumberOf(index) };
  // EncryptionType only on an encrypted stream: AWS-verified answers for unencrypted streams leave it out (README).
  if (stream.encryptionType === 'KMS') out.EncryptionType = 'KMS';
  return out;
}

