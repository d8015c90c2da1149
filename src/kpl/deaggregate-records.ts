// deaggregateRecords: KCL's reading of KPL aggregated records (AggregatorUtil.deaggregate), rule for rule.

import { hashKeyOf, md5 } from '../keys/md5.js';
import { MAX_HASH_KEY } from '../keys/hash-key.js';
import type { HashKeyRange } from '../api-types/common.js';
import type { UserRecord } from '../api-types/kpl.js';
import type { KinesisRecord } from '../api-types/records.js';
import { KPL_DIGEST_SIZE, KPL_MAGIC } from './aggregated-record-format.js';
import { decodeAggregatedRecord, type AggregatedRecordMessage, type RecordMessage } from './protobuf.js';

const DECIMAL_INTEGER = /^[+-]?\d+$/;

/** A decimal integer as Java's `new BigInteger(text)` reads it (sign and leading zeros allowed); undefined where it throws. */
function parseBigInteger(text: string): bigint | undefined {
  if (!DECIMAL_INTEGER.test(text)) return undefined;
  return text.startsWith('-') ? -BigInt(text.slice(1)) : BigInt(text.startsWith('+') ? text.slice(1) : text);
}

function rangeBound(name: string, text: string): bigint {
  const value = parseBigInteger(text);
  if (value === undefined) throw new RangeError(`deaggregateRecords needs a decimal ${name}, got ${JSON.stringify(text)}`);
  return value;
}

/** The AggregatedRecord inside `data`, or undefined when KCL would treat the record as a plain one. */
function unpack(data: Uint8Array): AggregatedRecordMessage | undefined {
  const start = KPL_MAGIC.length;
  if (data.length < start) return undefined;
  for (let k = 0; k < start; k++) if (data[k] !== KPL_MAGIC[k]) return undefined;
  // KCL wants more than a bare digest after the magic, so an aggregate holds at least one protobuf byte.
  if (data.length - start <= KPL_DIGEST_SIZE) return undefined;
  const end = data.length - KPL_DIGEST_SIZE;
  const digest = md5(data.subarray(start, end));
  for (let k = 0; k < KPL_DIGEST_SIZE; k++) if (digest[k] !== data[end + k]) return undefined;
  return decodeAggregatedRecord(data.subarray(start, end));
}

/** KCL casts the uint64 table index to a Java int: the low 32 bits, signed. */
function tableEntry(table: readonly string[], index: bigint): string | undefined {
  return table[Number(BigInt.asIntN(32, index))];
}

function plainRecord(record: KinesisRecord): UserRecord {
  const out: UserRecord = {
    SequenceNumber: record.SequenceNumber,
    SubSequenceNumber: 0,
    ...(record.PartitionKey === undefined ? {} : { PartitionKey: record.PartitionKey }),
    Data: record.Data,
    Aggregated: false,
  };
  return withEnvelope(out, record);
}

function withEnvelope(out: UserRecord, outer: KinesisRecord): UserRecord {
  if (outer.ApproximateArrivalTimestamp !== undefined) out.ApproximateArrivalTimestamp = outer.ApproximateArrivalTimestamp;
  if (outer.EncryptionType !== undefined) out.EncryptionType = outer.EncryptionType;
  return out;
}

function subRecord(outer: KinesisRecord, sub: RecordMessage, index: number, partitionKey: string, explicitHashKey: string | undefined): UserRecord {
  const out: UserRecord = {
    SequenceNumber: outer.SequenceNumber,
    SubSequenceNumber: index,
    PartitionKey: partitionKey,
    Data: sub.data,
    Aggregated: true,
  };
  if (explicitHashKey !== undefined) out.ExplicitHashKey = explicitHashKey;
  return withEnvelope(out, outer);
}

/** Appends the sub-records of one aggregate to `out`, applying KCL's discard and error rules. */
function appendSubRecords(outer: KinesisRecord, message: AggregatedRecordMessage, start: bigint, end: bigint, out: UserRecord[]): void {
  const firstEmitted = out.length;
  for (let i = 0; i < message.records.length; i++) {
    const sub = message.records[i]!;
    // A table index out of bounds or an unparsable explicit hash key throws inside KCL's loop, which logs
    // it and moves on to the next Kinesis record: the sub-records already emitted stay.
    const partitionKey = tableEntry(message.partitionKeyTable, sub.partitionKeyIndex);
    if (partitionKey === undefined) return;
    let explicitHashKey: string | undefined;
    let hashKey: bigint | undefined;
    if (sub.explicitHashKeyIndex === undefined) hashKey = hashKeyOf(partitionKey);
    else {
      explicitHashKey = tableEntry(message.explicitHashKeyTable, sub.explicitHashKeyIndex);
      hashKey = explicitHashKey === undefined ? undefined : parseBigInteger(explicitHashKey);
    }
    if (hashKey === undefined) return;
    if (hashKey < start || hashKey > end) {
      // Out of the shard's range (a reshard moved it): KCL drops this aggregate's sub-records, emitted ones too.
      out.length = firstEmitted;
      return;
    }
    out.push(subRecord(outer, sub, i, partitionKey, explicitHashKey));
  }
}

/**
 * Splits KPL aggregated records into their user records the way KCL does. A record counts as an aggregate
 * only if it starts with the KPL magic, has more than 16 bytes after it, its MD5 trailer matches and its
 * protobuf parses; anything else passes through with SubSequenceNumber 0 and Aggregated false. Sub-records
 * inherit SequenceNumber, ApproximateArrivalTimestamp and EncryptionType and count SubSequenceNumber from 0.
 * With `range` (a shard's HashKeyRange; default the whole key space, as in KCL), a sub-record whose effective
 * hash key falls outside it discards every sub-record of its aggregate.
 * @throws RangeError when a bound of `range` is not a decimal integer.
 */
export function deaggregateRecords(records: readonly KinesisRecord[], range?: HashKeyRange): UserRecord[] {
  const start = range === undefined ? 0n : rangeBound('StartingHashKey', range.StartingHashKey);
  const end = range === undefined ? MAX_HASH_KEY : rangeBound('EndingHashKey', range.EndingHashKey);
  const out: UserRecord[] = [];
  for (const record of records) {
    const message = unpack(record.Data);
    if (message === undefined) out.push(plainRecord(record));
    else appendSubRecords(record, message, start, end, out);
  }
  return out;
}
