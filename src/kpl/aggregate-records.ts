// aggregateRecords: many user records in one Kinesis record, in the KPL aggregated record format.

import { md5, hashKeyOf } from '../keys/md5.js';
import type { AggregatedRecordEntry, UserRecordInput } from '../api-types/kpl.js';
import { KPL_DIGEST_SIZE, KPL_MAGIC } from './aggregated-record-format.js';
import { resolveLimits, type AggregationLimits } from './aggregation-limits.js';
import { aggregatedRecordSize, writeAggregatedRecord, type AggregatedRecordMessage, type RecordMessage } from './protobuf.js';

/** The index of `key` in `table`, appending it the first time it is seen. */
function indexIn(table: string[], indexes: Map<string, number>, key: string): number {
  let index = indexes.get(key);
  if (index === undefined) {
    index = table.length;
    table.push(key);
    indexes.set(key, index);
  }
  return index;
}

function messageOf(records: readonly UserRecordInput[]): AggregatedRecordMessage {
  const message: AggregatedRecordMessage = { partitionKeyTable: [], explicitHashKeyTable: [], records: [] };
  const partitionKeys = new Map<string, number>();
  const explicitHashKeys = new Map<string, number>();
  for (const { PartitionKey, ExplicitHashKey, Data } of records) {
    const record: RecordMessage = {
      partitionKeyIndex: BigInt(indexIn(message.partitionKeyTable, partitionKeys, PartitionKey)),
      data: Data,
      tags: [],
    };
    if (ExplicitHashKey !== undefined && ExplicitHashKey !== null) {
      record.explicitHashKeyIndex = BigInt(indexIn(message.explicitHashKeyTable, explicitHashKeys, ExplicitHashKey));
    }
    message.records.push(record);
  }
  return message;
}

/** The aggregated record bytes of `records`: magic, protobuf AggregatedRecord, MD5 of the protobuf. */
export function aggregatedData(records: readonly UserRecordInput[]): Uint8Array {
  const message = messageOf(records);
  const protobufEnd = KPL_MAGIC.length + aggregatedRecordSize(message);
  const data = new Uint8Array(protobufEnd + KPL_DIGEST_SIZE);
  data.set(KPL_MAGIC);
  writeAggregatedRecord(message, data, KPL_MAGIC.length);
  data.set(md5(data.subarray(KPL_MAGIC.length, protobufEnd)), protobufEnd);
  return data;
}

/** A user record's effective hash key in decimal: its ExplicitHashKey, else the MD5 of its partition key. */
export function effectiveHashKey(record: UserRecordInput): string {
  return record.ExplicitHashKey ?? hashKeyOf(record.PartitionKey).toString();
}

/**
 * Packs `records` into one KPL aggregated record: partition and explicit hash keys deduplicated into the
 * AggregatedRecord tables, the user records in order. Like KPL, it routes the aggregate with the first
 * record's partition key and its effective hash key (the ExplicitHashKey, else the MD5 of the partition key)
 * so the aggregate lands on the first record's shard. Keys are not checked here: PutRecord(s) checks the outer
 * record, and odd inner keys stay possible for testing a consumer's handling of them. KPL's limits apply
 * (`limits`, defaults 51,200 bytes and 4,294,967,295 records); to split many records into aggregates that
 * each land on the right shard, use aggregateRecordsByShard.
 * @throws RangeError when `records` is empty (KPL never sends an empty aggregate), when more than one record
 * would make an aggregate over maxBytes or more than maxCount records, or for limits outside KPL's ranges.
 */
export function aggregateRecords(records: readonly UserRecordInput[], limits?: AggregationLimits): AggregatedRecordEntry {
  const { maxBytes, maxCount } = resolveLimits('aggregateRecords', limits);
  const first = records[0];
  if (first === undefined) throw new RangeError('aggregateRecords needs at least one record');
  if (records.length > maxCount) {
    throw new RangeError(`aggregateRecords got ${records.length} records, over maxCount ${maxCount}; aggregateRecordsByShard splits them`);
  }
  const data = aggregatedData(records);
  // KPL lets one record larger than the limit by itself through (unaggregated); an aggregate of more never.
  if (records.length > 1 && data.length > maxBytes) {
    throw new RangeError(
      `aggregateRecords: ${records.length} records make an aggregated record of ${data.length} bytes, over maxBytes ${maxBytes} ` +
        "(KPL's AggregationMaxSize); aggregateRecordsByShard splits them",
    );
  }
  return { PartitionKey: first.PartitionKey, ExplicitHashKey: effectiveHashKey(first), Data: data };
}
