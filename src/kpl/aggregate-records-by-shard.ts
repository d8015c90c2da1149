// aggregateRecordsByShard: user records grouped into KPL aggregates per shard, the way KPL's aggregator does.

import type { HashKeyRange } from '../api-types/common.js';
import type { AggregatedRecordEntry, UserRecordInput } from '../api-types/kpl.js';
import { parseHashKey, type HashRange } from '../keys/hash-key.js';
import { hashKeyOf } from '../keys/md5.js';
import { shardIndexForHashKey } from '../keys/shard-index.js';
import { aggregatedData, effectiveHashKey } from './aggregate-records.js';
import { AggregateSize, resolveLimits, type AggregationLimits } from './aggregation-limits.js';

/** A shard as ListShards describes it: its hash-key range, and whether it is closed. */
export interface ShardForAggregation {
  readonly HashKeyRange: HashKeyRange;
  readonly SequenceNumberRange?: { readonly EndingSequenceNumber?: string | undefined } | undefined;
}

/** A PutRecords entry made by aggregateRecordsByShard: an aggregate, or one user record sent as it came. */
export type ShardedEntry = AggregatedRecordEntry | UserRecordInput;

/** The PartitionKey KPL gives every aggregate it sends (it always sets the ExplicitHashKey) [C]. */
const AGGREGATE_PARTITION_KEY = 'a';

interface Group {
  readonly first: number;
  readonly records: UserRecordInput[];
  readonly size: AggregateSize;
}

/**
 * Groups user records into PutRecords entries the way KPL does (one aggregator per predicted shard): each
 * record goes to the open shard whose range holds its hash key (its ExplicitHashKey, else the MD5 of its
 * partition key), and a shard's records are packed in order into aggregates of at most `maxBytes` and
 * `maxCount` (KPL's AggregationMaxSize, default 51,200 bytes, and AggregationMaxCount). An aggregate has
 * PartitionKey "a" and the ExplicitHashKey of its first record, so it lands on the shard all its records
 * belong to and KCL keeps them; a group of one record is sent unaggregated, as it came. Entries come in the
 * order of their first records. `shards` is ListShards' output (closed shards, those with an
 * EndingSequenceNumber, are left out); if the stream reshards before the entries are put, an aggregate may
 * land where KCL discards some of its records, as with KPL's stale shard map.
 * @throws RangeError when no open shard holds a record's hash key, for an ExplicitHashKey that is not a
 * decimal in [0, 2^128 - 1], or for limits outside KPL's ranges.
 */
export function aggregateRecordsByShard(
  records: readonly UserRecordInput[],
  shards: readonly ShardForAggregation[],
  limits?: AggregationLimits,
): ShardedEntry[] {
  const { maxBytes, maxCount } = resolveLimits('aggregateRecordsByShard', limits);
  const ranges: HashRange[] = shards
    .filter((shard) => shard.SequenceNumberRange?.EndingSequenceNumber === undefined)
    .map((shard) => ({ start: BigInt(shard.HashKeyRange.StartingHashKey), end: BigInt(shard.HashKeyRange.EndingHashKey) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const open = new Map<number, Group>();
  const done: Group[] = [];
  records.forEach((record, i) => {
    const explicit = record.ExplicitHashKey;
    const hashKey = explicit === undefined || explicit === null ? hashKeyOf(record.PartitionKey) : parseHashKey(explicit);
    if (hashKey === undefined) {
      throw new RangeError(`aggregateRecordsByShard: record ${i} has an ExplicitHashKey that is not a hash key: ${String(explicit)}`);
    }
    const shard = shardIndexForHashKey(hashKey, ranges);
    if (shard < 0) throw new RangeError(`aggregateRecordsByShard: no open shard holds hash key ${hashKey} (record ${i})`);
    let group = open.get(shard);
    if (group !== undefined && (group.size.count >= maxCount || group.size.with(record) > maxBytes)) {
      done.push(group);
      group = undefined;
    }
    if (group === undefined) {
      group = { first: i, records: [], size: new AggregateSize() };
      open.set(shard, group);
    }
    group.records.push(record);
    group.size.add(record);
  });
  done.push(...open.values());
  return done.sort((a, b) => a.first - b.first).map(entryOf);
}

function entryOf({ records }: Group): ShardedEntry {
  const first = records[0]!;
  if (records.length === 1) {
    const { PartitionKey, ExplicitHashKey, Data } = first;
    return ExplicitHashKey === undefined || ExplicitHashKey === null ? { PartitionKey, Data } : { PartitionKey, ExplicitHashKey, Data };
  }
  return { PartitionKey: AGGREGATE_PARTITION_KEY, ExplicitHashKey: effectiveHashKey(first), Data: aggregatedData(records) };
}
