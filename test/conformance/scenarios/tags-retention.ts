// Tags (stream-named and ARN-named operations) and retention changes.
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/orders';

export const tagAndRetentionScenarios: Scenario[] = [
  {
    name: 'AddTagsToStream, ListTagsForStream (sorted, paged) and RemoveTagsFromStream',
    operations: ['CreateStream', 'AddTagsToStream', 'ListTagsForStream', 'RemoveTagsFromStream'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      expect(await ok('AddTagsToStream', { StreamName: 'orders', Tags: { team: 'data', env: 'prod' } })).toEqual({});
      expect(await ok('ListTagsForStream', { StreamName: 'orders' })).toEqual({
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'data' },
        ],
        HasMoreTags: false,
      });
      expect(await ok('ListTagsForStream', { StreamName: 'orders', Limit: 1 })).toEqual({
        Tags: [{ Key: 'env', Value: 'prod' }],
        HasMoreTags: true,
      });
      expect(await ok('RemoveTagsFromStream', { StreamName: 'orders', TagKeys: ['env'] })).toEqual({});
      expect((await ok('ListTagsForStream', { StreamName: 'orders' })).Tags).toEqual([{ Key: 'team', Value: 'data' }]);
    },
  },
  {
    name: 'TagResource, ListTagsForResource and UntagResource on a stream ARN',
    operations: ['CreateStream', 'TagResource', 'ListTagsForResource', 'UntagResource'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      expect(await ok('TagResource', { ResourceARN: ARN, Tags: { owner: 'me' } })).toEqual({});
      expect((await ok('ListTagsForResource', { ResourceARN: ARN })).Tags).toEqual([{ Key: 'owner', Value: 'me' }]);
      expect(await ok('UntagResource', { ResourceARN: ARN, TagKeys: ['owner'] })).toEqual({});
      expect((await ok('ListTagsForResource', { ResourceARN: ARN })).Tags ?? []).toEqual([]);
    },
  },
  {
    name: 'IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod change RetentionPeriodHours',
    operations: ['CreateStream', 'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod', 'DescribeStreamSummary'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const hours = async () => (await ok('DescribeStreamSummary', { StreamName: 'orders' })).StreamDescriptionSummary.RetentionPeriodHours;
      expect(await ok('IncreaseStreamRetentionPeriod', { StreamName: 'orders', RetentionPeriodHours: 48 })).toEqual({});
      expect(await hours()).toBe(48);
      expect(await ok('DecreaseStreamRetentionPeriod', { StreamName: 'orders', RetentionPeriodHours: 24 })).toEqual({});
      expect(await hours()).toBe(24);
      expect(await fails('DecreaseStreamRetentionPeriod', { StreamName: 'orders', RetentionPeriodHours: 12 })).toEqual({
        name: 'InvalidArgumentException',
        message: 'Minimum allowed retention period is 24 hours. Requested retention period (12 hours) is too short.',
        fault: 'client',
      });
    },
  },
];
