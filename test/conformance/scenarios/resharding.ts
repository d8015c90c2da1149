// Resharding: SplitShard, MergeShards, UpdateShardCount, and reading across a closed shard's end.
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';

const HALF = '170141183460469231731687303715884105728'; // 2^127
const MAX_HASH_KEY = '340282366920938463463374607431768211455';

interface ShardOut {
  ShardId: string;
  ParentShardId?: string;
  AdjacentParentShardId?: string;
  HashKeyRange: { StartingHashKey: string; EndingHashKey: string };
  SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string };
}

export const reshardingScenarios: Scenario[] = [
  {
    name: 'SplitShard closes the parent and opens two children covering its range',
    operations: ['CreateStream', 'SplitShard', 'ListShards'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const split = { StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF };
      expect(await ok('SplitShard', split)).toEqual({});
      const shards: ShardOut[] = (await ok('ListShards', { StreamName: 'orders' })).Shards;
      expect(shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
      const parentEnd = shards[0]!.SequenceNumberRange.EndingSequenceNumber;
      expect(parentEnd).toMatch(/^\d{56}$/);
      for (const child of shards.slice(1)) {
        expect(BigInt(child.SequenceNumberRange.StartingSequenceNumber)).toBeGreaterThan(BigInt(parentEnd!));
      }
      expect(shards[1]!.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
      expect(shards[1]).toMatchObject({ ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0' } });
      expect(shards[2]).toMatchObject({
        ParentShardId: 'shardId-000000000000',
        HashKeyRange: { StartingHashKey: HALF, EndingHashKey: MAX_HASH_KEY },
      });
    },
  },
  {
    name: 'MergeShards joins two adjacent shards into a child naming both parents',
    operations: ['CreateStream', 'MergeShards', 'ListShards'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 2 });
      const merge = { StreamName: 'orders', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' };
      expect(await ok('MergeShards', merge)).toEqual({});
      const shards: ShardOut[] = (await ok('ListShards', { StreamName: 'orders' })).Shards;
      expect(shards[2]).toMatchObject({
        ShardId: 'shardId-000000000002',
        ParentShardId: 'shardId-000000000000',
        AdjacentParentShardId: 'shardId-000000000001',
        HashKeyRange: { StartingHashKey: '0', EndingHashKey: MAX_HASH_KEY },
      });
    },
  },
  {
    name: 'GetRecords at the end of a split shard ends the iterator chain and names the children',
    operations: ['CreateStream', 'PutRecord', 'SplitShard', 'GetShardIterator', 'GetRecords'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      await ok('PutRecord', { StreamName: 'orders', Data: new Uint8Array([7]), PartitionKey: 'k' });
      await ok('SplitShard', { StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
      const input = { StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' };
      const got = await ok('GetRecords', { ShardIterator: (await ok('GetShardIterator', input)).ShardIterator });
      expect(got.Records).toHaveLength(1);
      expect(got.NextShardIterator).toBeUndefined();
      expect(got.ChildShards.map((c: { ShardId: string; ParentShards: string[] }) => [c.ShardId, c.ParentShards])).toEqual([
        ['shardId-000000000001', ['shardId-000000000000']],
        ['shardId-000000000002', ['shardId-000000000000']],
      ]);
    },
  },
  {
    name: 'UpdateShardCount reports the current and target counts and reaches the target',
    operations: ['CreateStream', 'UpdateShardCount', 'DescribeStreamSummary'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 2 });
      const out = await ok('UpdateShardCount', { StreamName: 'orders', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' });
      expect(out).toMatchObject({ StreamName: 'orders', CurrentShardCount: 2, TargetShardCount: 4 });
      const summary = (await ok('DescribeStreamSummary', { StreamName: 'orders' })).StreamDescriptionSummary;
      expect(summary).toMatchObject({ StreamStatus: 'ACTIVE', OpenShardCount: 4 });
    },
  },
];
