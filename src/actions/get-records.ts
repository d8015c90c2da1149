// GetRecords — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html

import {
  ExpiredIteratorException,
  InvalidArgumentException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
} from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { decodeIterator, encodeIterator, type IteratorState } from '../tokens/shard-iterator.js';
import type { Account } from '../model/account.js';
import { GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS, ITERATOR_TTL_MS } from '../model/limits.js';
import { shardIdOf, type Shard } from '../model/shard.js';
import type { ReadRun } from '../model/shard-log.js';
import type { SequenceFormatter } from '../keys/sequence-number.js';
import type { Stream } from '../model/stream.js';
import type { GetRecordsInput, GetRecordsOutput, KinesisRecord } from '../api-types/records.js';
import { answerDryRun } from './_internals/dry-run.js';
import { markEncryptedRecords } from './_internals/record-encryption.js';
import { childShardOutputs } from './output/shard-output.js';
import { resolveRef } from './_internals/stream-ref.js';


/**
 * Builds the records GetRecords returns. A constructor rather than an object literal, for speed: V8 tracks
 * literal sites and, once it has seen their objects survive a collection, allocates them straight into
 * the old generation ("pretenuring"); every young Date and Uint8Array they point to then costs a
 * remembered-set entry, and draining 1M records got 3x slower (0.73 s against 0.22 s). The prototype is
 * Object.prototype, so the objects are indistinguishable from literals (same keys, order and prototype).
 */
export const OutputRecord = function (this: KinesisRecord, sequenceNumber: string, arrival: Date, data: Uint8Array, partitionKey: string) {
  this.SequenceNumber = sequenceNumber;
  this.ApproximateArrivalTimestamp = arrival;
  this.Data = data;
  this.PartitionKey = partitionKey;
} as unknown as new (sequenceNumber: string, arrival: Date, data: Uint8Array, partitionKey: string) => KinesisRecord;
OutputRecord.prototype = Object.prototype;

/** A record put without a partition key (AUTO streams): PartitionKey is absent, not undefined [M]. */
export const KeylessRecord = function (this: KinesisRecord, sequenceNumber: string, arrival: Date, data: Uint8Array) {
  this.SequenceNumber = sequenceNumber;
  this.ApproximateArrivalTimestamp = arrival;
  this.Data = data;
} as unknown as new (sequenceNumber: string, arrival: Date, data: Uint8Array) => KinesisRecord;
KeylessRecord.prototype = Object.prototype;

export function getRecords(account: Account, input: GetRecordsInput): GetRecordsOutput {
  const nowMs = account.timeline.now();
  const state = decodeIterator(account.sealer, input.ShardIterator);
  if (state === undefined) throw new InvalidArgumentException(msg.invalidShardIterator());
  if (nowMs - state.createdAtMs > ITERATOR_TTL_MS) {
    throw new ExpiredIteratorException(msg.iteratorExpired(state.createdAtMs, nowMs, ITERATOR_TTL_MS));
  }
  if (input.StreamARN !== undefined) {
    // [U] A StreamARN beside the iterator must name the iterator's stream.
    const ref = resolveRef(account, { StreamARN: input.StreamARN });
    if (ref.name !== state.streamName) throw new InvalidArgumentException(msg.streamNameArnMismatch(state.streamName, input.StreamARN));
  }
  const stream = account.streams.get(state.streamName);
  const shard = stream?.incarnation === state.incarnation ? stream.shards[state.shardIndex] : undefined;
  if (stream !== undefined && shard !== undefined) stream.releaseExpired(shard, nowMs);
  if (stream === undefined || shard === undefined || stream.isExpired(shard, nowMs)) {
    throw new ResourceNotFoundException(msg.shardNotExist(shardIdOf(state.shardIndex), state.streamName, account.accountId));
  }
  // A dry run reads nothing [D]: the iterator and its shard are checked, then it answers.
  if (input.DryRun === true) answerDryRun(account, stream, nowMs);
  const read: ShardRead = { account, stream, shard, state, limit: input.Limit ?? GET_RECORDS_MAX_RECORDS, nowMs };
  // Throughput is the last check; kept in its own function so that with the option off it costs one branch.
  return account.throughputLimits ? readWithinLimits(read) : readRecords(read);
}

/**
 * The output records of a read, built in one tight loop: each Data is a view of its run's copied bytes
 * (records cannot alias what the log stores), each SequenceNumber one concatenation (SequenceFormatter).
 */
function buildRecords(runs: readonly ReadRun[], sequence: SequenceFormatter): KinesisRecord[] {
  let total = 0;
  for (let r = 0; r < runs.length; r++) total += runs[r]!.count;
  const records = new Array<KinesisRecord>(total);
  let k = 0;
  for (let r = 0; r < runs.length; r++) {
    const { first, count, keys, arrivals, ends, at, bytes, base } = runs[r]!;
    let start = 0;
    for (let i = 0; i < count; i++) {
      const column = at + i;
      const end = ends[column]! - base;
      const key = keys[column];
      const data = new Uint8Array(bytes, start, end - start);
      records[k++] = key === undefined
        ? new KeylessRecord(sequence.format(first + i + 1), new Date(arrivals[column]!), data)
        : new OutputRecord(sequence.format(first + i + 1), new Date(arrivals[column]!), data, key);
      start = end;
    }
  }
  return records;
}

/** One GetRecords read: which shard, from which iterator, how many records at most, at what time. */
interface ShardRead {
  readonly account: Account;
  readonly stream: Stream;
  readonly shard: Shard;
  readonly state: IteratorState;
  readonly limit: number;
  readonly nowMs: number;
}

/**
 * GetRecords under the shard's read limits (see ShardThroughput): a throttled call changes nothing; an
 * admitted one counts, with the bytes of record data it returns (partition keys are not counted [U]).
 */
function readWithinLimits(read: ShardRead): GetRecordsOutput {
  const { account, stream, shard, nowMs } = read;
  const throughput = shard.throughput();
  if (!throughput.canRead(nowMs)) {
    account.metrics.getRecordsThrottled(stream, shard.id, nowMs);
    throw new ProvisionedThroughputExceededException(msg.rateExceededShardRead(account.accountId, stream.name, shard.id));
  }
  return readRecords(read, (dataBytes) => throughput.countRead(nowMs, dataBytes));
}

/** The bytes of record data the runs hold: each run's last end, from its base (one subtraction a run). */
function dataBytesOf(runs: readonly ReadRun[]): number {
  let bytes = 0;
  for (const { count, ends, at, base } of runs) if (count > 0) bytes += ends[at + count - 1]! - base;
  return bytes;
}

/** The records from the iterator's position, and where the next call continues. */
function readRecords({ account, stream, shard, state, limit, nowMs }: ShardRead, countRead?: (dataBytes: number) => void): GetRecordsOutput {
  const from = Math.max(state.position, stream.trimHorizon(shard, nowMs));
  const runs: ReadRun[] = [];
  const next = shard.log.readRuns(from, limit, GET_RECORDS_MAX_BYTES, runs);
  const records = buildRecords(runs, shard.readSequence);
  markEncryptedRecords(stream, shard, next - records.length, records);
  // [U] The age of the last record returned ("when the last record of the GetRecords call was written"); 0 for none.
  const iteratorAgeMs = records.length === 0 ? 0 : nowMs - shard.log.arrivalAt(next - 1);
  const dataBytes = dataBytesOf(runs);
  countRead?.(dataBytes);
  account.metrics.getRecords(stream, shard.id, nowMs, records.length, dataBytes, iteratorAgeMs);
  const log = shard.log;
  const out: GetRecordsOutput = {
    Records: records,
    // [U] How far the next unread record lags the engine's clock; 0 when nothing remains to read.
    MillisBehindLatest: next < log.length ? Math.max(0, nowMs - log.arrivalAt(next)) : 0,
  };
  if (!shard.isOpen && next >= log.length) {
    // The end of a closed shard: no next iterator, and the children to continue with (KCL checks the pairing).
    out.ChildShards = childShardOutputs(stream, shard);
  } else {
    out.NextShardIterator = encodeIterator(account.sealer, { ...state, createdAtMs: nowMs, position: next } satisfies IteratorState);
  }
  return out;
}
