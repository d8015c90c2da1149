// PutRecords — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { utf8ByteLength } from '../encoding/utf8.js';
import type { Account } from '../model/account.js';
import { PUT_RECORDS_MAX_BYTES } from '../model/limits.js';
import type { Stream } from '../model/stream.js';
import type { PutRecordsInput, PutRecordsOutput, PutRecordsRequestEntry, PutRecordsResultEntry } from '../api-types/records.js';
import { explicitHashKey, recordSize } from './_internals/record-checks.js';
import { writableStream } from './_internals/writable-stream.js';

/** The ErrorCode of an entry refused by its shard's write limit. */
const THROTTLED = 'ProvisionedThroughputExceededException';

export function putRecords(account: Account, input: PutRecordsInput): PutRecordsOutput {
  const nowMs = account.timeline.now();
  const stream = writableStream(account, input, nowMs);
  const entries = input.Records;
  const n = entries.length;
  // Every entry is checked before any is stored: one bad entry fails the whole request and stores nothing.
  let explicitKeys: (bigint | undefined)[] | undefined;
  let total = 0;
  let dataBytes = 0;
  const maxRecordBytes = stream.maxRecordSizeKiB * 1024;
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    if (entry.ExplicitHashKey !== undefined) {
      explicitKeys ??= new Array<bigint | undefined>(n);
      explicitKeys[i] = explicitHashKey(entry.ExplicitHashKey);
    }
    dataBytes += entry.Data.length;
    // recordSize's own cheap bound, checked here so the message path (a new string) is only built for a
    // record that may be too large: building it for all 500 cost ~15% of the call.
    const bound = entry.Data.length + 3 * entry.PartitionKey.length;
    total += bound <= maxRecordBytes ? bound : recordSize(entry.Data, entry.PartitionKey, stream.maxRecordSizeKiB, `records.${i + 1}.member.data`);
  }
  if (total > PUT_RECORDS_MAX_BYTES && exactSize(input) > PUT_RECORDS_MAX_BYTES) {
    throw new InvalidArgumentException(msg.putRecordsTooLarge(PUT_RECORDS_MAX_BYTES / 1024 / 1024));
  }
  // Kept out of the loop below, so that with the option off throughput costs one branch per call.
  if (account.throughputLimits) return putWithinLimits(account, stream, entries, explicitKeys, nowMs);
  const cutoffMs = nowMs - stream.retentionMs;
  const results = new Array<PutRecordsResultEntry>(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const explicit = explicitKeys?.[i];
    const shard = explicit === undefined ? stream.shardForKey(entry.PartitionKey) : stream.shardForHashKey(explicit);
    const index = shard.log.append(entry.PartitionKey, entry.Data, nowMs, cutoffMs);
    results[i] = { SequenceNumber: shard.sequenceNumberOf(index), ShardId: shard.id };
  }
  account.metrics.putRecords(stream, nowMs, entries, results, dataBytes);
  return { FailedRecordCount: 0, Records: results, EncryptionType: stream.encryptionType };
}

/**
 * The store loop under the per-shard write limits: entries are admitted in request order, and one over its
 * shard's limit fails alone, with AWS's per-entry ErrorCode and ErrorMessage
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
 */
function putWithinLimits(
  account: Account,
  stream: Stream,
  entries: readonly PutRecordsRequestEntry[],
  explicitKeys: readonly (bigint | undefined)[] | undefined,
  nowMs: number,
): PutRecordsOutput {
  const cutoffMs = nowMs - stream.retentionMs;
  const tally = account.metrics.tallyFor(stream);
  const results = entries.map((entry, i): PutRecordsResultEntry => {
    const explicit = explicitKeys?.[i];
    const shard = explicit === undefined ? stream.shardForKey(entry.PartitionKey) : stream.shardForHashKey(explicit);
    if (!shard.throughput().admitWrite(nowMs, entry.Data.length + utf8ByteLength(entry.PartitionKey))) {
      tally.addThrottled(shard.id);
      return { ErrorCode: THROTTLED, ErrorMessage: msg.rateExceededShard(shard.id, stream.name, account.accountId) };
    }
    const index = shard.log.append(entry.PartitionKey, entry.Data, nowMs, cutoffMs);
    tally.addStored(shard.id, entry.Data.length);
    return { SequenceNumber: shard.sequenceNumberOf(index), ShardId: shard.id };
  });
  account.metrics.putRecordsTallied(stream, nowMs, tally);
  return { FailedRecordCount: tally.total - tally.stored, Records: results, EncryptionType: stream.encryptionType };
}

function exactSize(input: PutRecordsInput): number {
  let total = 0;
  for (const entry of input.Records) total += entry.Data.length + utf8ByteLength(entry.PartitionKey);
  return total;
}
