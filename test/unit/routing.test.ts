// The public routing helpers (hashKeyOf, shardIndexForKey, shardIndexForHashKey, evenRanges) against where the
// engine itself puts records, before and after resharding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evenRanges,
  hashKeyOf,
  MAX_HASH_KEY,
  shardIndexForHashKey,
  shardIndexForKey,
  type HashRange,
  type Kinesis,
} from '../../src/index.js';
import { engine, shardId } from '../support/stream-fixture.js';

const DATA = new Uint8Array([1]);

/** The open shards' ranges in key order, with their IDs, as ListShards reports them. */
function openRanges(kinesis: Kinesis): { ids: string[]; ranges: HashRange[] } {
  const open = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!;
  const sorted = open
    .map((s) => ({ id: s.ShardId, start: BigInt(s.HashKeyRange.StartingHashKey), end: BigInt(s.HashKeyRange.EndingHashKey) }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  return { ids: sorted.map((s) => s.id), ranges: sorted.map(({ start, end }) => ({ start, end })) };
}

describe('shardIndexForKey', () => {
  it.each([1, 3, 7, 256])('names the shard the engine puts a record in, for a new stream of %i shards', (count) => {
    const kinesis = engine(count);
    const ranges = evenRanges(count);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 256, unit: 'grapheme' }), (key) => {
        const put = kinesis.putRecord({ StreamName: 's', PartitionKey: key, Data: DATA });
        expect(put.ShardId).toBe(shardId(shardIndexForKey(key, ranges)));
      }),
      { numRuns: 50 },
    );
  });

  it("follows the engine's routing after a split and a merge", () => {
    const kinesis = engine(2);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: (1n << 100n).toString() });
    // Shard 0 splits into 2 and 3; 3 (the upper child) merges with 1 into 4.
    kinesis.mergeShards({ StreamName: 's', ShardToMerge: shardId(3), AdjacentShardToMerge: shardId(1) });
    const { ids, ranges } = openRanges(kinesis);
    expect(ids).toEqual([shardId(2), shardId(4)]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (key) => {
        const put = kinesis.putRecord({ StreamName: 's', PartitionKey: key, Data: DATA });
        expect(put.ShardId).toBe(ids[shardIndexForKey(key, ranges)]);
      }),
      { numRuns: 50 },
    );
  });

  it('is shardIndexForHashKey of hashKeyOf', () => {
    const ranges = evenRanges(5);
    for (const key of ['a', 'b', 'customer-7', 'ü']) {
      expect(shardIndexForKey(key, ranges)).toBe(shardIndexForHashKey(hashKeyOf(key), ranges));
    }
  });
});

describe('shardIndexForHashKey', () => {
  it('includes both ends of every range', () => {
    const ranges = evenRanges(4);
    ranges.forEach((range, i) => {
      expect(shardIndexForHashKey(range.start, ranges)).toBe(i);
      expect(shardIndexForHashKey(range.end, ranges)).toBe(i);
    });
    expect(shardIndexForHashKey(0n, ranges)).toBe(0);
    expect(shardIndexForHashKey(MAX_HASH_KEY, ranges)).toBe(3);
  });

  it('answers -1 for a key no range holds', () => {
    const ranges = [{ start: 10n, end: 19n }, { start: 30n, end: 39n }];
    expect([9n, 20n, 29n, 40n].map((k) => shardIndexForHashKey(k, ranges))).toEqual([-1, -1, -1, -1]);
    expect(shardIndexForHashKey(25n, [])).toBe(-1);
  });

  it("agrees with the engine's routing of ExplicitHashKey", () => {
    const kinesis = engine(6);
    const ranges = evenRanges(6);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_HASH_KEY }), (key) => {
        const put = kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', ExplicitHashKey: key.toString(), Data: DATA });
        expect(put.ShardId).toBe(shardId(shardIndexForHashKey(key, ranges)));
      }),
      { numRuns: 100 },
    );
  });
});
