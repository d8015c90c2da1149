// Stream lifecycle and listing: CreateStream, DescribeStream, DescribeStreamSummary, ListStreams, ListShards,
// DeleteStream, DescribeLimits.
import { expect } from 'vitest';
import { START_MS } from '../drivers.js';
import type { Scenario } from '../scenario.js';
import { ACCOUNT } from '../../support/stream-fixture.js';

const MAX_HASH_KEY = '340282366920938463463374607431768211455';

export const streamScenarios: Scenario[] = [
  {
    name: 'CreateStream answers an empty output and DescribeStream shows the ACTIVE stream and its shards',
    operations: ['CreateStream', 'DescribeStream'],
    async run({ ok }) {
      expect(await ok('CreateStream', { StreamName: 'orders', ShardCount: 3 })).toEqual({});
      const { StreamDescription: d } = await ok('DescribeStream', { StreamName: 'orders' });
      expect(d).toMatchObject({
        StreamName: 'orders',
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/orders`,
        StreamStatus: 'ACTIVE',
        HasMoreShards: false,
        RetentionPeriodHours: 24,
      });
      expect(d.StreamCreationTimestamp).toEqual(new Date(START_MS));
      expect(d.Shards.map((s: { ShardId: string }) => s.ShardId)).toEqual([
        'shardId-000000000000',
        'shardId-000000000001',
        'shardId-000000000002',
      ]);
      expect(d.Shards[0].HashKeyRange.StartingHashKey).toBe('0');
      expect(d.Shards[2].HashKeyRange.EndingHashKey).toBe(MAX_HASH_KEY);
      expect(d.Shards[0].SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
    },
  },
  {
    name: 'DescribeStream pages shards with Limit and ExclusiveStartShardId',
    operations: ['CreateStream', 'DescribeStream'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 3 });
      const first = (await ok('DescribeStream', { StreamName: 'orders', Limit: 2 })).StreamDescription;
      expect(first.Shards).toHaveLength(2);
      expect(first.HasMoreShards).toBe(true);
      const rest = (await ok('DescribeStream', { StreamName: 'orders', ExclusiveStartShardId: first.Shards[1].ShardId }))
        .StreamDescription;
      expect(rest.Shards.map((s: { ShardId: string }) => s.ShardId)).toEqual(['shardId-000000000002']);
      expect(rest.HasMoreShards).toBe(false);
    },
  },
  {
    name: 'DescribeStreamSummary counts open shards',
    operations: ['CreateStream', 'DescribeStreamSummary'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 4 });
      const { StreamDescriptionSummary: s } = await ok('DescribeStreamSummary', { StreamName: 'orders' });
      expect(s).toMatchObject({ StreamName: 'orders', StreamStatus: 'ACTIVE', OpenShardCount: 4, RetentionPeriodHours: 24 });
      expect(s.StreamCreationTimestamp).toEqual(new Date(START_MS));
    },
  },
  {
    name: 'ListStreams lists names in order and pages with Limit and NextToken',
    operations: ['CreateStream', 'ListStreams'],
    async run({ ok }) {
      for (const name of ['charlie', 'alpha', 'bravo']) await ok('CreateStream', { StreamName: name, ShardCount: 1 });
      const first = await ok('ListStreams', { Limit: 2 });
      expect(first.StreamNames).toEqual(['alpha', 'bravo']);
      expect(first.HasMoreStreams).toBe(true);
      expect(first.StreamSummaries[0]).toMatchObject({ StreamName: 'alpha', StreamStatus: 'ACTIVE' });
      expect(first.StreamSummaries[0].StreamCreationTimestamp).toEqual(new Date(START_MS));
      const rest = await ok('ListStreams', { NextToken: first.NextToken });
      expect(rest.StreamNames).toEqual(['charlie']);
      expect(rest.HasMoreStreams).toBe(false);
      expect(rest.NextToken).toBeUndefined();
      expect((await ok('ListStreams', { ExclusiveStartStreamName: 'alpha' })).StreamNames).toEqual(['bravo', 'charlie']);
    },
  },
  {
    name: 'ListShards pages with MaxResults and a NextToken that alone names the stream',
    operations: ['CreateStream', 'ListShards'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 3 });
      const first = await ok('ListShards', { StreamName: 'orders', MaxResults: 2 });
      expect(first.Shards.map((s: { ShardId: string }) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
      expect(typeof first.NextToken).toBe('string');
      const rest = await ok('ListShards', { NextToken: first.NextToken });
      expect(rest.Shards.map((s: { ShardId: string }) => s.ShardId)).toEqual(['shardId-000000000002']);
      expect(rest.NextToken).toBeUndefined();
      expect(await fails('ListShards', { StreamName: 'orders', NextToken: first.NextToken })).toEqual({
        name: 'InvalidArgumentException',
        message: 'NextToken and StreamName cannot be provided together.',
        fault: 'client',
      });
    },
  },
  {
    name: 'DeleteStream answers an empty output and the stream is gone',
    operations: ['CreateStream', 'DeleteStream', 'DescribeStream', 'ListStreams'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      expect(await ok('DeleteStream', { StreamName: 'orders' })).toEqual({});
      expect(await fails('DescribeStream', { StreamName: 'orders' })).toEqual({
        name: 'ResourceNotFoundException',
        message: `Stream orders under account ${ACCOUNT} not found.`,
        fault: 'client',
      });
      expect((await ok('ListStreams', {})).StreamNames).toEqual([]);
    },
  },
  {
    name: 'DescribeLimits counts the open shards of the account',
    operations: ['CreateStream', 'DescribeLimits'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'a', ShardCount: 2 });
      await ok('CreateStream', { StreamName: 'b', ShardCount: 3 });
      expect(await ok('DescribeLimits', {})).toMatchObject({ OpenShardCount: 5, OnDemandStreamCount: 0 });
    },
  },
];
