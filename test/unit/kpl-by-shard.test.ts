// KPL's aggregation limits (AggregationMaxSize, AggregationMaxCount) and its per-shard grouping: what
// aggregateRecords refuses, and what aggregateRecordsByShard makes of many records on a real stream.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRecords,
  aggregateRecordsByShard,
  deaggregateRecords,
  Kinesis,
  ManualClock,
  type Shard,
  type UserRecordInput,
} from '../../src/index.js';
import { AggregateSize } from '../../src/kpl/aggregation-limits.js';
import { aggregatedData } from '../../src/kpl/aggregate-records.js';
import { T0 } from '../support/stream-fixture.js';

const MAGIC = [0xf3, 0x89, 0x9a, 0xc2];

/** MD5 of the key as a decimal hash key, by node's MD5 (independent of the engine's). */
const hashKeyOfKey = (key: string) => BigInt(`0x${createHash('md5').update(key).digest('hex')}`);

const small = (n: number, dataBytes = 4): UserRecordInput[] =>
  Array.from({ length: n }, (_, i) => ({ PartitionKey: `user-${i}`, Data: new Uint8Array(dataBytes).fill(i & 0xff) }));

const isAggregate = (data: Uint8Array) => MAGIC.every((byte, k) => data[k] === byte);

function streamOf(shardCount: number): Kinesis {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  return kinesis;
}

/** Every user record each shard gives back through KCL's deaggregation with the shard's own range. */
function readBack(kinesis: Kinesis): Map<string, UserRecordInput[]> {
  const out = new Map<string, UserRecordInput[]>();
  for (const shard of kinesis.listShards({ StreamName: 's' }).Shards!) {
    let iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    const users: UserRecordInput[] = [];
    while (iterator !== undefined) {
      const page = kinesis.getRecords({ ShardIterator: iterator });
      if (page.Records.length === 0) break;
      for (const user of deaggregateRecords(page.Records, shard.HashKeyRange)) users.push({ PartitionKey: user.PartitionKey!, Data: user.Data });
      iterator = page.NextShardIterator;
    }
    out.set(shard.ShardId, users);
  }
  return out;
}

function put(kinesis: Kinesis, entries: ReturnType<typeof aggregateRecordsByShard>): void {
  for (let i = 0; i < entries.length; i += 500) {
    expect(kinesis.putRecords({ StreamName: 's', Records: entries.slice(i, i + 500) }).FailedRecordCount).toBe(0);
  }
}

function shardOf(shards: readonly Shard[], key: string): string {
  const hash = hashKeyOfKey(key);
  return shards.find((s) => BigInt(s.HashKeyRange.StartingHashKey) <= hash && hash <= BigInt(s.HashKeyRange.EndingHashKey))!.ShardId;
}

describe('aggregateRecords: KPL limits', () => {
  it('refuses 30,000 small records, which would make a 2.1 MB aggregate', () => {
    const records = small(30_000, 50);
    expect(aggregatedData(records).length).toBeGreaterThan(2_000_000);
    expect(() => aggregateRecords(records)).toThrow(RangeError);
    expect(() => aggregateRecords(records)).toThrow(/over maxBytes 51200 \(KPL's AggregationMaxSize\); aggregateRecordsByShard splits them/);
    expect(() => aggregateRecords(records, { maxBytes: 1_048_576 })).toThrow(/over maxBytes 1048576/);
  });

  it('accepts an aggregate of exactly maxBytes and refuses one byte more', () => {
    const records = small(100);
    const size = aggregatedData(records).length;
    expect(aggregateRecords(records, { maxBytes: size }).Data.length).toBe(size);
    expect(() => aggregateRecords(records, { maxBytes: size - 1 })).toThrow(RangeError);
  });

  it('lets one record larger than maxBytes by itself through, as KPL does', () => {
    const big = [{ PartitionKey: 'k', Data: new Uint8Array(60_000) }];
    expect(aggregateRecords(big).Data.length).toBeGreaterThan(51_200);
  });

  it('refuses more records than maxCount', () => {
    expect(aggregateRecords(small(3), { maxCount: 3 }).Data.length).toBeGreaterThan(0);
    expect(() => aggregateRecords(small(4), { maxCount: 3 })).toThrow(/4 records, over maxCount 3/);
  });

  it.each([
    [{ maxBytes: 63 }, /maxBytes must be a whole number in 64\.\.1048576 \(KPL's AggregationMaxSize\), got 63/],
    [{ maxBytes: 1_048_577 }, /maxBytes .* got 1048577/],
    [{ maxBytes: 100.5 }, /maxBytes/],
    [{ maxCount: 0 }, /maxCount must be a whole number >= 1 \(KPL's AggregationMaxCount\), got 0/],
  ])('refuses the limits %o', (limits, message) => {
    expect(() => aggregateRecords(small(2), limits)).toThrow(message);
    expect(() => aggregateRecordsByShard(small(2), streamOf(1).listShards({ StreamName: 's' }).Shards!, limits)).toThrow(RangeError);
  });
});

describe('aggregateRecordsByShard', () => {
  it('packs 30,000 records into aggregates of at most 51,200 bytes that KCL reads back whole, shard by shard', () => {
    const kinesis = streamOf(4);
    const shards = kinesis.listShards({ StreamName: 's' }).Shards!;
    const records = small(30_000, 50);
    const entries = aggregateRecordsByShard(records, shards);
    expect(entries.length).toBeLessThan(60);
    for (const entry of entries) {
      expect(entry.Data.length).toBeLessThanOrEqual(51_200);
      expect(isAggregate(entry.Data)).toBe(true);
      expect(entry.PartitionKey).toBe('a');
    }
    put(kinesis, entries);
    const back = readBack(kinesis);
    // Every user record is on the shard its own key routes to, in the order it was given.
    for (const shard of shards) {
      const expected = records.filter((r) => shardOf(shards, r.PartitionKey) === shard.ShardId);
      expect(back.get(shard.ShardId)!.map((r) => r.PartitionKey)).toEqual(expected.map((r) => r.PartitionKey));
    }
  });

  it("gives each aggregate PartitionKey 'a' and its first record's hash key, and sends a lone record as it came", () => {
    const shards = streamOf(2).listShards({ StreamName: 's' }).Shards!;
    const records: UserRecordInput[] = [
      { PartitionKey: 'x', ExplicitHashKey: '5', Data: new Uint8Array([1]) },
      { PartitionKey: 'y', ExplicitHashKey: '6', Data: new Uint8Array([2]) },
      { PartitionKey: 'z', ExplicitHashKey: shards[1]!.HashKeyRange.StartingHashKey, Data: new Uint8Array([3]) },
    ];
    const entries = aggregateRecordsByShard(records, shards);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ PartitionKey: 'a', ExplicitHashKey: '5' });
    expect(deaggregateRecords([{ SequenceNumber: '1', PartitionKey: 'a', Data: entries[0]!.Data }]).map((r) => r.PartitionKey)).toEqual(['x', 'y']);
    expect(entries[1]).toEqual(records[2]);
    const noExplicit = aggregateRecordsByShard([{ PartitionKey: 'q', Data: new Uint8Array([9]) }], shards);
    expect(noExplicit).toEqual([{ PartitionKey: 'q', Data: new Uint8Array([9]) }]);
    const twoByKey = aggregateRecordsByShard([{ PartitionKey: 'q', Data: new Uint8Array([1]) }, { PartitionKey: 'q', Data: new Uint8Array([2]) }], shards);
    expect(twoByKey[0]!.ExplicitHashKey).toBe(hashKeyOfKey('q').toString());
  });

  it('closes an aggregate at maxCount records', () => {
    const shards = streamOf(1).listShards({ StreamName: 's' }).Shards!;
    const entries = aggregateRecordsByShard(small(10), shards, { maxCount: 3 });
    expect(entries.map((e) => (isAggregate(e.Data) ? deaggregateRecords([{ SequenceNumber: '1', PartitionKey: 'a', Data: e.Data }]).length : 1)))
      .toEqual([3, 3, 3, 1]);
  });

  it('uses the open shards only, so records follow a split', () => {
    const kinesis = streamOf(1);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
    const shards = kinesis.listShards({ StreamName: 's' }).Shards!;
    expect(shards).toHaveLength(3);
    const records = small(2_000);
    put(kinesis, aggregateRecordsByShard(records, shards));
    const back = readBack(kinesis);
    expect(back.get('shardId-000000000000')).toEqual([]);
    expect(back.get('shardId-000000000001')!.length + back.get('shardId-000000000002')!.length).toBe(2_000);
  });

  it('refuses a record no open shard holds', () => {
    const [low] = streamOf(2).listShards({ StreamName: 's' }).Shards!;
    const high = { PartitionKey: 'k', ExplicitHashKey: (1n << 127n).toString(), Data: new Uint8Array() };
    expect(() => aggregateRecordsByShard([high], [low!])).toThrow(`aggregateRecordsByShard: no open shard holds hash key ${1n << 127n} (record 0)`);
    expect(() => aggregateRecordsByShard([{ ...high, ExplicitHashKey: 'x' }], [low!])).toThrow(/record 0 has an ExplicitHashKey that is not a hash key/);
  });
});

describe('properties', () => {
  const record = fc
    .record({
      PartitionKey: fc.oneof(fc.constantFrom('a', 'b', 'é'), fc.string({ minLength: 1, maxLength: 20 })),
      ExplicitHashKey: fc.option(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String), { nil: undefined }),
      Data: fc.uint8Array({ maxLength: 2000 }),
    })
    .map((r): UserRecordInput => (r.ExplicitHashKey === undefined ? { PartitionKey: r.PartitionKey, Data: r.Data } : r));

  it('tracks the exact size of an aggregate as records join it', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (records) => {
        const size = new AggregateSize();
        records.forEach((r) => size.add(r));
        expect(size.bytes).toBe(aggregatedData(records).length);
      }),
    );
  });

  it('fills each aggregate as far as the limits allow, keeps every record on its shard and in order, and loses none', () => {
    const shards = streamOf(3).listShards({ StreamName: 's' }).Shards!;
    const limits = fc.record({ maxBytes: fc.integer({ min: 64, max: 8000 }), maxCount: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 80 }), limits, (records, { maxBytes, maxCount }) => {
        const entries = aggregateRecordsByShard(records, shards, { maxBytes, maxCount });
        // Each entry as the user records it carries (KCL's reading with the whole key space).
        const groups: UserRecordInput[][] = entries.map((e) =>
          isAggregate(e.Data) && e.PartitionKey === 'a'
            ? deaggregateRecords([{ SequenceNumber: '1', PartitionKey: 'a', Data: e.Data }]).map((u) =>
              u.ExplicitHashKey === undefined ? { PartitionKey: u.PartitionKey!, Data: u.Data } : { PartitionKey: u.PartitionKey!, ExplicitHashKey: u.ExplicitHashKey, Data: u.Data })
            : [e as UserRecordInput],
        );
        const hashOf = (r: UserRecordInput) => (r.ExplicitHashKey === undefined ? hashKeyOfKey(r.PartitionKey) : BigInt(r.ExplicitHashKey));
        const shardOfRecord = (r: UserRecordInput) =>
          shards.findIndex((s) => BigInt(s.HashKeyRange.StartingHashKey) <= hashOf(r) && hashOf(r) <= BigInt(s.HashKeyRange.EndingHashKey));
        // Nothing lost or added, and per shard the records keep their order.
        for (let shard = 0; shard < shards.length; shard++) {
          const given = records.filter((r) => shardOfRecord(r) === shard);
          const sent = groups.filter((g) => shardOfRecord(g[0]!) === shard);
          expect(sent.flat().map((r) => [r.PartitionKey, [...r.Data]])).toEqual(given.map((r) => [r.PartitionKey, [...r.Data]]));
          for (const [k, group] of sent.entries()) {
            // Every record of an aggregate belongs to its shard, so KCL keeps them all.
            for (const r of group) expect(shardOfRecord(r)).toBe(shard);
            if (group.length > 1) {
              expect(aggregatedData(group).length).toBeLessThanOrEqual(maxBytes);
              expect(group.length).toBeLessThanOrEqual(maxCount);
            }
            // Greedy like KPL: the next record of the shard did not fit.
            const next = sent[k + 1]?.[0];
            if (next !== undefined) {
              expect(group.length >= maxCount || aggregatedData([...group, next]).length > maxBytes).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
