// PutRecords — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { PUT_RECORDS_MAX_BYTES } from '../model/limits.js';
import { countOnDemandWrites } from '../model/on-demand-scaling.js';
import type { Shard } from '../model/shard.js';
import type { Stream } from '../model/stream.js';
import type { PutRecordsInput, PutRecordsOutput, PutRecordsRequestEntry, PutRecordsResultEntry } from '../api-types/records.js';
import { answerDryRun } from './_internals/dry-run.js';
import { explicitHashKey, partitionKeyRequired, recordBytes, recordSize } from './_internals/record-checks.js';
import { writableStream } from './_internals/writable-stream.js';

/** The ErrorCode of an entry refused by its shard's write limit. */
const THROTTLED = 'ProvisionedThroughputExceededException';

export function putRecords(account: Account, input: PutRecordsInput): PutRecordsOutput {
  const nowMs = account.timeline.now();
  const stream = writableStream(account, input, nowMs);
  const entries = input.Records;
  const n = entries.length;
  const auto = stream.recordDistributionStrategy === 'AUTO';
  // Every entry is checked before any is stored: one bad entry fails the whole request and stores nothing.
  // Missing partition keys come first: they are what the model's validation used to report.
  if (!auto) checkPartitionKeys(entries);
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
    const key = entry.PartitionKey;
    const bound = entry.Data.length + (key === undefined ? 0 : 3 * key.length);
    total += bound <= maxRecordBytes ? bound : recordSize(entry.Data, key, stream.maxRecordSizeKiB, i + 1);
  }
  if (total > PUT_RECORDS_MAX_BYTES && exactSize(input) > PUT_RECORDS_MAX_BYTES) {
    throw new InvalidArgumentException(msg.putRecordsTooLarge(PUT_RECORDS_MAX_BYTES / 1024 / 1024));
  }
  if (input.DryRun === true) answerDryRun(account, stream, nowMs);
  // Kept out of the loop below, so that with all three off throughput, injected faults and on-demand scaling cost
  // one branch per call.
  if (account.throughputLimits || account.recordFaults !== undefined || stream.onDemandScaling !== undefined) {
    return putWithinLimits(account, stream, entries, explicitKeys, nowMs);
  }
  const cutoffMs = nowMs - stream.retentionMs;
  const results = new Array<PutRecordsResultEntry>(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const shard = placeEntry(stream, entry, explicitKeys?.[i], auto);
    const index = shard.log.append(entry.PartitionKey, entry.Data, nowMs, cutoffMs);
    results[i] = { SequenceNumber: shard.sequenceNumberOf(index), ShardId: shard.id };
  }
  account.metrics.putRecords(stream, nowMs, entries, results, dataBytes);
  return output(stream, 0, results);
}

/**
 * The store loop entry by entry: under the per-shard write limits, entries are admitted in request order, and
 * one over its shard's limit fails alone, with AWS's per-entry ErrorCode and ErrorMessage
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html). An entry an injected fault
 * chose fails first, using no throughput.
 */
function putWithinLimits(
  account: Account,
  stream: Stream,
  entries: readonly PutRecordsRequestEntry[],
  explicitKeys: readonly (bigint | undefined)[] | undefined,
  nowMs: number,
): PutRecordsOutput {
  const cutoffMs = nowMs - stream.retentionMs;
  const auto = stream.recordDistributionStrategy === 'AUTO';
  const tally = account.metrics.tallyFor(stream);
  let storedBytes = 0;
  const results = entries.map((entry, i): PutRecordsResultEntry => {
    const shard = placeEntry(stream, entry, explicitKeys?.[i], auto);
    const injected = account.recordFaults?.failure(i, shard.id, stream.name);
    if (injected !== undefined) {
      // Counted as what the entry's client sees: a throttle is a throttle in the metrics too, the rest failures.
      if (injected.code === THROTTLED) tally.addThrottled(shard.id);
      else tally.addFailed();
      return { ErrorCode: injected.code, ErrorMessage: injected.message };
    }
    const size = recordBytes(entry.Data, entry.PartitionKey);
    if (account.throughputLimits && !shard.throughput().admitWrite(nowMs, size)) {
      tally.addThrottled(shard.id);
      return { ErrorCode: THROTTLED, ErrorMessage: msg.rateExceededShard(shard.id, stream.name, account.accountId) };
    }
    storedBytes += size;
    const index = shard.log.append(entry.PartitionKey, entry.Data, nowMs, cutoffMs);
    tally.addStored(shard.id, entry.Data.length);
    return { SequenceNumber: shard.sequenceNumberOf(index), ShardId: shard.id };
  });
  account.metrics.putRecordsTallied(stream, nowMs, tally);
  if (stream.onDemandScaling !== undefined) countOnDemandWrites(account.timeline, stream, nowMs, tally.stored, storedBytes);
  return output(stream, tally.total - tally.stored, results);
}

/** EncryptionType only on an encrypted stream: AWS-verified answers for unencrypted streams leave it out (README). */
function output(stream: Stream, failed: number, results: PutRecordsResultEntry[]): PutRecordsOutput {
  return stream.encryptionType === 'KMS'
    ? { FailedRecordCount: failed, Records: results, EncryptionType: 'KMS' }
    : { FailedRecordCount: failed, Records: results };
}

function exactSize(input: PutRecordsInput): number {
  let total = 0;
  for (const entry of input.Records) total += recordBytes(entry.Data, entry.PartitionKey);
  return total;
}

/** The shard an entry goes to: the AUTO pick (keys ignored [D]), else its ExplicitHashKey's, else its key's. */
function placeEntry(stream: Stream, entry: PutRecordsRequestEntry, explicit: bigint | undefined, auto: boolean): Shard {
  if (auto) return stream.shardForAuto();
  return explicit === undefined ? stream.shardForKey(entry.PartitionKey!) : stream.shardForHashKey(explicit);
}

/** @throws ValidationException naming every entry without a PartitionKey (USER_PARTITION_KEY streams). */
function checkPartitionKeys(entries: readonly PutRecordsRequestEntry[]): void {
  let missing: string[] | undefined;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.PartitionKey === undefined) (missing ??= []).push(`records.${i + 1}.member.partitionKey`);
  }
  if (missing !== undefined) throw partitionKeyRequired(missing);
}
