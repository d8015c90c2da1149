// The operations and members of the current model (@aws-sdk/client-kinesis 3.1143): AUTO record distribution and
// optional partition keys, DryRun, and delivery channels.
import { expect } from 'vitest';
import { START_MS } from '../drivers.js';
import type { Scenario } from '../scenario.js';
import { ACCOUNT, arnOf } from '../../support/stream-fixture.js';
import { s3Channel, tableChannel } from '../../support/channel-fixture.js';

const client = (name: string, message: string) => ({ name, message, fault: 'client' });
const ON_DEMAND = { StreamMode: 'ON_DEMAND' };
const DRY_RUN = client('DryRunOperationException', 'Request would have succeeded, but DryRun flag is set.');

export const currentApiScenarios: Scenario[] = [
  {
    name: 'AUTO distribution: records without a PartitionKey, read back without one; the strategy switches at once',
    operations: ['CreateStream', 'DescribeStreamSummary', 'PutRecord', 'PutRecords', 'ListShards', 'GetShardIterator', 'GetRecords', 'UpdateStreamRecordDistributionStrategy'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'auto', StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'AUTO' });
      const summary = (await ok('DescribeStreamSummary', { StreamName: 'auto' })).StreamDescriptionSummary;
      expect(summary).toMatchObject({ RecordDistributionStrategy: 'AUTO', ChannelCount: 0 });
      const put = await ok('PutRecord', { StreamName: 'auto', Data: new Uint8Array([1, 2]) });
      const batch = await ok('PutRecords', { StreamName: 'auto', Records: [{ Data: new Uint8Array([3]) }, { Data: new Uint8Array([4]), PartitionKey: 'kept' }] });
      expect(batch.FailedRecordCount).toBe(0);
      const records = [];
      for (const shard of (await ok('ListShards', { StreamName: 'auto' })).Shards) {
        const { ShardIterator } = await ok('GetShardIterator', { StreamName: 'auto', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
        records.push(...(await ok('GetRecords', { ShardIterator })).Records);
      }
      expect(records).toHaveLength(3);
      const first = records.find((r: { SequenceNumber: string }) => r.SequenceNumber === put.SequenceNumber);
      expect(first).toEqual({ SequenceNumber: put.SequenceNumber, ApproximateArrivalTimestamp: new Date(START_MS), Data: new Uint8Array([1, 2]) });
      expect(records.map((r: { PartitionKey?: string }) => r.PartitionKey).sort()).toEqual(['kept', undefined, undefined]);
      expect(await fails('PutRecord', { StreamName: 'auto', Data: new Uint8Array([1]), SequenceNumberForOrdering: put.SequenceNumber })).toEqual(
        client('InvalidArgumentException',
          `SequenceNumberForOrdering is not supported for stream auto under account ${ACCOUNT} because it uses the AUTO record distribution strategy.`),
      );
      expect(await ok('UpdateStreamRecordDistributionStrategy', { StreamARN: arnOf('auto'), RecordDistributionStrategy: 'USER_PARTITION_KEY' })).toEqual({});
      expect(await fails('PutRecords', { StreamName: 'auto', Records: [{ Data: new Uint8Array([1]) }] })).toEqual(
        client('ValidationException',
          "1 validation error detected: Value null at 'records.1.member.partitionKey' failed to satisfy constraint: Member must not be null"),
      );
    },
  },
  {
    name: 'AUTO needs an on-demand stream',
    operations: ['CreateStream', 'UpdateStreamRecordDistributionStrategy', 'UpdateStreamMode'],
    async run({ ok, fails }) {
      const refused = (stream: string) => client('InvalidArgumentException',
        `Record distribution strategy AUTO is not supported for stream ${stream} under account ${ACCOUNT} because it is in Provisioned mode.`);
      expect(await fails('CreateStream', { StreamName: 'p', ShardCount: 1, RecordDistributionStrategy: 'AUTO' })).toEqual(refused('p'));
      await ok('CreateStream', { StreamName: 'p', ShardCount: 1 });
      expect(await fails('UpdateStreamRecordDistributionStrategy', { StreamARN: arnOf('p'), RecordDistributionStrategy: 'AUTO' })).toEqual(refused('p'));
      await ok('CreateStream', { StreamName: 'od', StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'AUTO' });
      expect((await fails('UpdateStreamMode', { StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } })).name)
        .toBe('InvalidArgumentException');
    },
  },
  {
    name: 'DryRun answers DryRunOperationException after every check, and changes nothing',
    operations: ['CreateStream', 'PutRecord', 'PutRecords', 'GetShardIterator', 'GetRecords'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const put = { StreamName: 'orders', PartitionKey: 'k', Data: new Uint8Array([1]) };
      expect(await fails('PutRecord', { ...put, DryRun: true })).toEqual(DRY_RUN);
      expect(await fails('PutRecords', { StreamName: 'orders', Records: [{ PartitionKey: 'k', Data: new Uint8Array([1]) }], DryRun: true })).toEqual(DRY_RUN);
      expect((await fails('PutRecord', { ...put, StreamName: 'missing', DryRun: true })).name).toBe('ResourceNotFoundException');
      const position = { StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' };
      expect(await fails('GetShardIterator', { ...position, DryRun: true })).toEqual(DRY_RUN);
      const { ShardIterator } = await ok('GetShardIterator', position);
      expect(await fails('GetRecords', { ShardIterator, DryRun: true })).toEqual(DRY_RUN);
      expect((await ok('GetRecords', { ShardIterator })).Records).toEqual([]);
      expect(await ok('PutRecord', { ...put, DryRun: false })).toMatchObject({ ShardId: 'shardId-000000000000' });
    },
  },
  {
    name: 'Channels: CreateChannel, DescribeChannel, ListChannels with paging, UpdateChannel, tags, DeleteChannel',
    operations: ['CreateStream', 'CreateChannel', 'DescribeChannel', 'ListChannels', 'UpdateChannel', 'DeleteChannel',
      'TagResource', 'UntagResource', 'ListTagsForResource', 'DescribeLimits', 'DescribeStreamSummary'],
    async run({ ok, clock }) {
      await ok('CreateStream', { StreamName: 's', StreamModeDetails: ON_DEMAND });
      const created = (await ok('CreateChannel', s3Channel('to-s3', { Tags: { team: 'data' } }))).ChannelDescription;
      expect(created).toMatchObject({ ChannelName: 'to-s3', ChannelStatus: 'CREATING', ChannelCreationTimestamp: new Date(START_MS) });
      const ChannelARN = created.ChannelARN;
      const table = (await ok('CreateChannel', tableChannel('to-table'))).ChannelDescription;
      expect((await ok('DescribeChannel', { ChannelARN })).ChannelDescription).toEqual({ ...created, ChannelStatus: 'ACTIVE' });
      const first = await ok('ListChannels', { StreamFilter: [{ StreamARN: arnOf('s') }], MaxResults: 1 });
      expect(first.ChannelSummaries.map((c: { ChannelName: string }) => c.ChannelName)).toEqual(['to-s3']);
      const second = await ok('ListChannels', { StreamFilter: [{ StreamARN: arnOf('s') }], MaxResults: 1, NextToken: first.NextToken });
      expect(second.ChannelSummaries).toEqual([expect.objectContaining({ ChannelARN: table.ChannelARN, ChannelDestinationType: 'S3_TABLES' })]);
      expect(second.NextToken).toBeUndefined();
      const updated = (await ok('UpdateChannel', { ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 600 } })).ChannelDescription;
      expect(updated).toMatchObject({ ChannelStatus: 'UPDATING', S3DestinationConfiguration: { DataFreshnessInSeconds: 600 } });
      clock.advance(1);
      await ok('TagResource', { ResourceARN: ChannelARN, Tags: { owner: 'me' } });
      await ok('UntagResource', { ResourceARN: ChannelARN, TagKeys: ['team'] });
      expect(await ok('ListTagsForResource', { ResourceARN: ChannelARN })).toEqual({ Tags: [{ Key: 'owner', Value: 'me' }] });
      expect(await ok('DescribeLimits')).toMatchObject({ ChannelCount: 2, ChannelCountLimit: 100 });
      expect((await ok('DescribeStreamSummary', { StreamName: 's' })).StreamDescriptionSummary.ChannelCount).toBe(2);
      expect(await ok('DeleteChannel', { ChannelARN })).toEqual({});
      expect((await ok('ListChannels', {})).ChannelSummaries.map((c: { ChannelName: string }) => c.ChannelName)).toEqual(['to-table']);
    },
  },
  {
    name: 'Channel errors: validation, missing and busy resources, limits, a stream held by its channels',
    operations: ['CreateStream', 'CreateChannel', 'DescribeChannel', 'UpdateChannel', 'DeleteChannel', 'DeleteStream', 'ListChannels'],
    options: { channelDelayMs: 1000 },
    async run({ ok, fails }) {
      const missing = `arn:aws:kinesis:us-east-1:${ACCOUNT}:channel/none`;
      expect(await fails('DescribeChannel', { ChannelARN: missing })).toEqual(
        client('ResourceNotFoundException', `Channel ${missing} under account ${ACCOUNT} not found.`));
      // (A malformed ChannelARN never leaves the SDK without a custom endpoint: its endpoint rules parse the ARN.)
      expect(await fails('ListChannels', { MaxResults: 0 })).toEqual(client('ValidationException',
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"));
      await ok('CreateStream', { StreamName: 's', StreamModeDetails: ON_DEMAND });
      expect(await fails('CreateChannel', { ...s3Channel('c'), S3DestinationConfiguration: undefined })).toEqual(client('InvalidArgumentException',
        'You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.'));
      const { ChannelARN } = (await ok('CreateChannel', s3Channel('c'))).ChannelDescription;
      expect(await fails('CreateChannel', s3Channel('c'))).toEqual(client('ResourceInUseException', `Channel c under account ${ACCOUNT} already exists.`));
      expect((await fails('CreateChannel', s3Channel('d'))).name).toBe('LimitExceededException');
      expect(await fails('UpdateChannel', { ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 400 } })).toEqual(
        client('ResourceInUseException', `Channel c under account ${ACCOUNT} not ACTIVE, instead in state CREATING`));
      expect(await fails('DeleteStream', { StreamName: 's' })).toEqual(client('ResourceInUseException',
        `DeleteStream can't delete ${ACCOUNT}:s because there are channels associated with this data stream. Delete the channels first.`));
      await ok('DeleteChannel', { ChannelARN });
      expect(await ok('DeleteStream', { StreamName: 's' })).toEqual({});
    },
  },
];
