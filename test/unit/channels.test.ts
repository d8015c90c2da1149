// Delivery channels, the control plane: CreateChannel, DescribeChannel, ListChannels, UpdateChannel, DeleteChannel,
// their validation and states, the limits, channel tags, and what channels do to their streams.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, T0, arnOf } from '../support/stream-fixture.js';
import { BUCKET, DLQ_BUCKET, ROLE, SCHEMA, TABLE_BUCKET, onDemandFixture, s3Channel, tableChannel } from '../support/channel-fixture.js';

const CHANNEL_ARN = new RegExp(`^arn:aws:kinesis:us-east-1:${ACCOUNT}:channel/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
const DEFAULT_TEMPLATE =
  'kinesis-channel/!{channel-name}/!{channel-id}/!{yyyy}/!{MM}/!{dd}/!{HH}/!{channel-name}-!{channel-id}-!{yyyy}-!{MM}-!{dd}-!{HH}-!{mm}!{extension}';

describe('CreateChannel', () => {
  it('answers CREATING with every default filled in, as the SDK example shows; ACTIVE after channelDelayMs', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 5000 });
    const { ChannelDescription: d } = kinesis.createChannel(s3Channel('to-s3'));
    expect(d.ChannelARN).toMatch(CHANNEL_ARN);
    expect(d.ChannelARN.endsWith(`/${d.ChannelId}`)).toBe(true);
    expect(d).toEqual({
      ChannelName: 'to-s3',
      ChannelARN: d.ChannelARN,
      ChannelId: d.ChannelId,
      ChannelStatus: 'CREATING',
      ChannelCreationTimestamp: new Date(T0),
      ServiceExecutionRoleARN: ROLE,
      StreamConfigurationList: [{ StreamARN: arnOf('s'), StreamCreationTimestamp: new Date(T0), RecordConfiguration: { RecordFormatType: 'JSON' } }],
      S3DestinationConfiguration: {
        DataFreshnessInSeconds: 300,
        DeadLetterQueueS3Configuration: {
          BucketARN: BUCKET,
          ExpectedBucketOwner: ACCOUNT,
          ErrorOutputPrefix: `kinesis-channel/errors/to-s3/${d.ChannelId}/`,
        },
        StorageConfiguration: {
          BucketARN: BUCKET, ExpectedBucketOwner: ACCOUNT, OutputKeyTemplate: DEFAULT_TEMPLATE, StorageClass: 'STANDARD', CompressionType: 'NONE',
        },
      },
      LoggingConfiguration: { CloudWatchLogs: { Enabled: false } },
    });
    clock.advance(4999);
    expect(kinesis.describeChannel({ ChannelARN: d.ChannelARN }).ChannelDescription.ChannelStatus).toBe('CREATING');
    clock.advance(1);
    expect(kinesis.describeChannel({ ChannelARN: d.ChannelARN }).ChannelDescription).toEqual({ ...d, ChannelStatus: 'ACTIVE' });
  });

  it('answers CREATING even with no delay, and is ACTIVE on the next call', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelDescription: d } = kinesis.createChannel(s3Channel('c'));
    expect(d.ChannelStatus).toBe('CREATING');
    expect(kinesis.describeChannel({ ChannelARN: d.ChannelARN }).ChannelDescription.ChannelStatus).toBe('ACTIVE');
  });

  it('describes a streaming-table channel with its partition spec, encryption and logging defaults', () => {
    const { kinesis } = onDemandFixture();
    const input = tableChannel('to-table', {
      EncryptionConfiguration: { EncryptionType: 'KMS', KeyId: 'alias/mine' },
      LoggingConfiguration: { CloudWatchLogs: { Enabled: true } },
    });
    input.S3TablesDestinationConfiguration!.S3TablesConfigurationList[0]!.PartitionSpec = {
      PartitionFields: [{ Transform: 'TIME_HOUR', SourceName: 'ordered_at' }],
    };
    const { ChannelDescription: d } = kinesis.createChannel(input);
    expect(d.S3TablesDestinationConfiguration).toEqual({
      DataFreshnessInSeconds: 300,
      DeadLetterQueueS3Configuration: { BucketARN: DLQ_BUCKET, ExpectedBucketOwner: ACCOUNT, ErrorOutputPrefix: `kinesis-channel/errors/to-table/${d.ChannelId}/` },
      S3TablesConfigurationList: [{
        TableBucketARN: TABLE_BUCKET, Namespace: 'sales', TableName: 'orders', CompressionType: 'ZSTD',
        PartitionSpec: { PartitionFields: [{ Transform: 'TIME_HOUR', SourceName: 'ordered_at' }] },
      }],
    });
    expect(d).not.toHaveProperty('S3DestinationConfiguration');
    expect(d.StreamConfigurationList[0]!.RecordConfiguration).toEqual({ RecordFormatType: 'JSON', GSRSchemaARN: SCHEMA });
    expect(d.EncryptionConfiguration).toEqual({ EncryptionType: 'KMS', KeyId: 'alias/mine' });
    // "Defaults to /aws/kinesis/{channelName}/{channelId}" and "DestinationDelivery" [M].
    expect(d.LoggingConfiguration).toEqual({
      CloudWatchLogs: { Enabled: true, LogGroupName: `/aws/kinesis/to-table/${d.ChannelId}`, LogStreamName: 'DestinationDelivery' },
    });
  });

  it('keeps what was given: freshness, template, storage class, DLQ prefix', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelDescription: d } = kinesis.createChannel(s3Channel('c', {
      S3DestinationConfiguration: {
        DataFreshnessInSeconds: 900,
        DeadLetterQueueS3Configuration: { BucketARN: DLQ_BUCKET, ExpectedBucketOwner: '111122223333', ErrorOutputPrefix: 'bad/' },
        StorageConfiguration: {
          BucketARN: BUCKET, ExpectedBucketOwner: '111122223333', OutputKeyTemplate: 'out/!{stream-name}/!{yy}!{extension}',
          StorageClass: 'GLACIER_IR', CompressionType: 'ZSTD',
        },
      },
    }));
    expect(d.S3DestinationConfiguration).toEqual({
      DataFreshnessInSeconds: 900,
      DeadLetterQueueS3Configuration: { BucketARN: DLQ_BUCKET, ExpectedBucketOwner: '111122223333', ErrorOutputPrefix: 'bad/' },
      StorageConfiguration: {
        BucketARN: BUCKET, ExpectedBucketOwner: '111122223333', OutputKeyTemplate: 'out/!{stream-name}/!{yy}!{extension}',
        StorageClass: 'GLACIER_IR', CompressionType: 'ZSTD',
      },
    });
  });

  it('gives deterministic IDs: the same seed and calls give the same ARNs, another seed others', () => {
    const arns = (seed: number) => {
      const { kinesis } = onDemandFixture({ seed });
      return [kinesis.createChannel(s3Channel('a')).ChannelDescription.ChannelARN, kinesis.createChannel(tableChannel('b')).ChannelDescription.ChannelARN];
    };
    expect(arns(1)).toEqual(arns(1));
    expect(arns(1)[0]).not.toEqual(arns(2)[0]);
    expect(new Set(arns(1)).size).toBe(2);
  });

  it("reports model violations in the validator's format, with nested member paths", () => {
    const { kinesis } = onDemandFixture();
    const input = s3Channel('c');
    input.StreamConfigurationList[0]!.StreamARN = 'arn:aws:kinesis:us-east-1:000000000000:channel/x';
    input.S3DestinationConfiguration!.StorageConfiguration.BucketARN = 'bucket';
    expect(rejection(() => kinesis.createChannel(input))).toEqual({
      name: 'ValidationException',
      message: '2 validation errors detected: ' +
        "Value 'arn:aws:kinesis:us-east-1:000000000000:channel/x' at 'streamConfigurationList.1.member.streamARN' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+; ' +
        "Value 'bucket' at 's3DestinationConfiguration.storageConfiguration.bucketARN' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: arn:aws[-a-z0-9]*:s3:::[a-z0-9._-]{3,63}',
    });
    expect(rejection(() => kinesis.createChannel({ ChannelName: 'c' } as never))).toEqual({
      name: 'ValidationException',
      message: "2 validation errors detected: Value null at 'serviceExecutionRoleARN' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'streamConfigurationList' failed to satisfy constraint: Member must not be null",
    });
  });

  const invalid = (message: string) => ({ name: 'InvalidArgumentException', message });
  it.each([
    ['two streams', () => {
      const input = s3Channel('c');
      input.StreamConfigurationList.push(input.StreamConfigurationList[0]!);
      return input;
    }, invalid('Currently, one stream is supported per channel.')],
    ['no destination', () => ({ ...s3Channel('c'), S3DestinationConfiguration: undefined }),
      invalid('You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.')],
    ['both destinations', () => ({ ...s3Channel('c'), S3TablesDestinationConfiguration: tableChannel('c').S3TablesDestinationConfiguration }),
      invalid('You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.')],
    ['GSR_JSON to S3', () => s3Channel('c', {}, 'GSR_JSON'),
      invalid('RecordFormatType GSR_JSON is not supported for general purpose Amazon S3 destinations.')],
    ['STRING to a table', () => {
      const input = tableChannel('c');
      input.StreamConfigurationList[0]!.RecordConfiguration = { RecordFormatType: 'STRING' };
      return input;
    }, invalid('RecordFormatType STRING is not supported for streaming table (Amazon S3 Tables) destinations.')],
    ['JSON to a table without a schema', () => {
      const input = tableChannel('c');
      input.StreamConfigurationList[0]!.RecordConfiguration = { RecordFormatType: 'JSON' };
      return input;
    }, invalid('GSRSchemaARN is required when RecordFormatType is JSON and the destination is a streaming table.')],
    ['two tables', () => {
      const input = tableChannel('c');
      const list = input.S3TablesDestinationConfiguration!.S3TablesConfigurationList;
      list.push({ ...list[0]!, TableName: 'other' });
      return input;
    }, invalid('Currently, one table is supported per channel.')],
    ['a data freshness under 300 s', () => {
      const input = s3Channel('c');
      input.S3DestinationConfiguration!.DataFreshnessInSeconds = 299;
      return input;
    }, invalid('DataFreshnessInSeconds must be between 300 and 900 seconds. Requested: 299.')],
    ['a data freshness over 900 s', () => {
      const input = tableChannel('c');
      input.S3TablesDestinationConfiguration!.DataFreshnessInSeconds = 901;
      return input;
    }, invalid('DataFreshnessInSeconds must be between 300 and 900 seconds. Requested: 901.')],
    ['the Kinesis service key', () => s3Channel('c', { EncryptionConfiguration: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } }),
      invalid('KeyId alias/aws/kinesis cannot be used: channels need a customer managed key, not the Amazon Kinesis Data Streams service key (aws/kinesis).')],
    ['an unknown template variable', () => {
      const input = s3Channel('c');
      input.S3DestinationConfiguration!.StorageConfiguration.OutputKeyTemplate = 'x/!{shard-id}';
      return input;
    }, invalid('Invalid OutputKeyTemplate x/!{shard-id}: !{shard-id} is not a known variable.')],
    ['a template starting with /', () => {
      const input = s3Channel('c');
      input.S3DestinationConfiguration!.StorageConfiguration.OutputKeyTemplate = '/x/!{yyyy}';
      return input;
    }, invalid('Invalid OutputKeyTemplate /x/!{yyyy}: it must not start with /.')],
    ['a template with ..', () => {
      const input = s3Channel('c');
      input.S3DestinationConfiguration!.StorageConfiguration.OutputKeyTemplate = 'a/../!{yyyy}';
      return input;
    }, invalid('Invalid OutputKeyTemplate a/../!{yyyy}: it must not contain .. or ./.')],
    ['a template with an unbalanced variable', () => {
      const input = s3Channel('c');
      input.S3DestinationConfiguration!.StorageConfiguration.OutputKeyTemplate = 'a/!{yyyy';
      return input;
    }, invalid('Invalid OutputKeyTemplate a/!{yyyy: every !{ needs a matching }.')],
  ])('[U] refuses %s with InvalidArgumentException, creating nothing', (_, input, expected) => {
    const { kinesis } = onDemandFixture();
    expect(rejection(() => kinesis.createChannel(input()))).toEqual(expected);
    expect(kinesis.listChannels().ChannelSummaries).toEqual([]);
    expect(kinesis.describeLimits().ChannelCount).toBe(0);
  });

  it('a refused call issues no ID: the next channel gets the ID a fresh engine would give', () => {
    const { kinesis } = onDemandFixture();
    expect(rejection(() => kinesis.createChannel(s3Channel('c', { EncryptionConfiguration: { EncryptionType: 'KMS', KeyId: 'aws/kinesis' } }))).name)
      .toBe('InvalidArgumentException');
    const fresh = onDemandFixture().kinesis;
    expect(kinesis.createChannel(s3Channel('c')).ChannelDescription.ChannelId).toBe(fresh.createChannel(s3Channel('c')).ChannelDescription.ChannelId);
  });

  it('needs the stream: existing [ResourceNotFound], ACTIVE [ResourceInUse], on-demand [U: InvalidArgument]', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1000 });
    expect(rejection(() => kinesis.createChannel(s3Channel('c', {}, 'JSON', 'x')))).toEqual({
      name: 'ResourceNotFoundException', message: `Stream x under account ${ACCOUNT} not found.`,
    });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(rejection(() => kinesis.createChannel(s3Channel('c', {}, 'JSON', 'od')))).toEqual({
      name: 'ResourceInUseException', message: `Stream od under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    kinesis.createStream({ StreamName: 'p', ShardCount: 1 });
    clock.advance(1000);
    expect(rejection(() => kinesis.createChannel(s3Channel('c', {}, 'JSON', 'p')))).toEqual({
      name: 'InvalidArgumentException',
      message: `Channels are not supported for stream p under account ${ACCOUNT} because it is in Provisioned mode.`,
    });
  });

  it('refuses a name in use in the account [U: ResourceInUseException], even on another stream', () => {
    const { kinesis } = onDemandFixture();
    kinesis.createStream({ StreamName: 't', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.createChannel(s3Channel('c'));
    expect(rejection(() => kinesis.createChannel(s3Channel('c', {}, 'JSON', 't')))).toEqual({
      name: 'ResourceInUseException', message: `Channel c under account ${ACCOUNT} already exists.`,
    });
  });

  it('allows one channel per destination type on a stream, two in all [D]; LimitExceededException beyond [U text]', () => {
    const { kinesis } = onDemandFixture();
    kinesis.createChannel(s3Channel('a'));
    expect(rejection(() => kinesis.createChannel(s3Channel('b')))).toEqual({
      name: 'LimitExceededException',
      message: `Stream s under account ${ACCOUNT} already has a channel to a general purpose Amazon S3 destination. ` +
        'A stream can have one channel per destination type (2 in all).',
    });
    kinesis.createChannel(tableChannel('t'));
    expect(rejection(() => kinesis.createChannel(tableChannel('u'))).name).toBe('LimitExceededException');
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.ChannelCount).toBe(2);
  });

  it('holds the account to channelCountLimit (default 100 [U]), reported by DescribeLimits', () => {
    const { kinesis } = onDemandFixture({ channelCountLimit: 1 });
    kinesis.createStream({ StreamName: 't', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.createChannel(s3Channel('a'));
    expect(kinesis.describeLimits()).toMatchObject({ ChannelCount: 1, ChannelCountLimit: 1 });
    expect(rejection(() => kinesis.createChannel(s3Channel('b', {}, 'JSON', 't')))).toEqual({
      name: 'LimitExceededException',
      message: `This request would exceed the channel limit for the account ${ACCOUNT} in us-east-1. Limit: 1.`,
    });
  });

  it('creates a new table: a table a channel made, even a deleted one, cannot be reused [D][U: ResourceInUseException]', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(tableChannel('t')).ChannelDescription;
    kinesis.deleteChannel({ ChannelARN });
    expect(rejection(() => kinesis.createChannel(tableChannel('u')))).toEqual({
      name: 'ResourceInUseException',
      message: `Table sales.orders already exists in table bucket ${TABLE_BUCKET}. A channel creates a new table.`,
    });
  });

  it('checks tags with the stream tag rules, creating nothing when they fail', () => {
    const { kinesis } = onDemandFixture();
    expect(rejection(() => kinesis.createChannel(s3Channel('c', { Tags: { 'aws:x': '1' } }))).name).toBe('InvalidArgumentException');
    expect(kinesis.listChannels().ChannelSummaries).toEqual([]);
    const { ChannelARN } = kinesis.createChannel(s3Channel('c', { Tags: { team: 'data' } })).ChannelDescription;
    expect(kinesis.listTagsForResource({ ResourceARN: ChannelARN })).toEqual({ Tags: [{ Key: 'team', Value: 'data' }] });
  });

  it('goes FAILED instead of ACTIVE when the table bucket or schema is in another Region [D][U text]', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 1000 });
    const input = tableChannel('t');
    const other = `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/lake`;
    input.S3TablesDestinationConfiguration!.S3TablesConfigurationList[0]!.TableBucketARN = other;
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription.ChannelStatus).toBe('CREATING');
    clock.advance(1000);
    const d = kinesis.describeChannel({ ChannelARN }).ChannelDescription;
    expect([d.ChannelStatus, d.ChannelStatusReason]).toEqual(['FAILED', `Resource ${other} is not in the channel's Region us-east-1.`]);
    expect(kinesis.listChannels().ChannelSummaries[0]).toMatchObject({ ChannelStatus: 'FAILED', ChannelStatusReason: d.ChannelStatusReason });
  });
});

describe('DescribeChannel and DeleteChannel', () => {
  it('DeleteChannel answers {}, the channel is DELETING for channelDelayMs, then gone', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 2000 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    clock.advance(2000);
    expect(kinesis.deleteChannel({ ChannelARN })).toEqual({});
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription.ChannelStatus).toBe('DELETING');
    expect(kinesis.deleteChannel({ ChannelARN })).toEqual({});
    expect(kinesis.describeLimits().ChannelCount).toBe(1);
    clock.advance(2000);
    expect(rejection(() => kinesis.describeChannel({ ChannelARN }))).toEqual({
      name: 'ResourceNotFoundException', message: `Channel ${ChannelARN} under account ${ACCOUNT} not found.`,
    });
    expect(rejection(() => kinesis.deleteChannel({ ChannelARN })).name).toBe('ResourceNotFoundException');
    expect(kinesis.describeLimits().ChannelCount).toBe(0);
  });

  it('DeleteChannel is accepted while CREATING [U]; the name is free once the channel is gone', () => {
    const { kinesis } = onDemandFixture({ channelDelayMs: 2000 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.deleteChannel({ ChannelARN });
    expect(rejection(() => kinesis.createChannel(s3Channel('c'))).name).toBe('ResourceInUseException');
  });

  it('validates ChannelARN against the model', () => {
    const { kinesis } = onDemandFixture();
    expect(rejection(() => kinesis.describeChannel({ ChannelARN: arnOf('s') }))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${arnOf('s')}' at 'channelARN' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:channel/\\S+',
    });
  });
});

describe('UpdateChannel', () => {
  it('answers UPDATING with the new freshness at once [M], then ACTIVE after channelDelayMs', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 1000 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    clock.advance(1000);
    const updated = kinesis.updateChannel({ ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 600 } }).ChannelDescription;
    expect(updated.ChannelStatus).toBe('UPDATING');
    expect(updated.S3DestinationConfiguration?.DataFreshnessInSeconds).toBe(600);
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription.ChannelStatus).toBe('UPDATING');
    clock.advance(1000);
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription).toEqual({ ...updated, ChannelStatus: 'ACTIVE' });
  });

  it('changes the logging settings, with their defaults', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN, ChannelId } = kinesis.createChannel(tableChannel('t')).ChannelDescription;
    const d = kinesis.updateChannel({ ChannelARN, LoggingConfiguration: { CloudWatchLogs: { Enabled: true, LogStreamName: 'mine' } } }).ChannelDescription;
    expect(d.LoggingConfiguration).toEqual({ CloudWatchLogs: { Enabled: true, LogGroupName: `/aws/kinesis/t/${ChannelId}`, LogStreamName: 'mine' } });
    expect(d.S3TablesDestinationConfiguration?.DataFreshnessInSeconds).toBe(300);
  });

  it('[U] needs an ACTIVE channel, something to change, its own destination type and a freshness in range', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 1000 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    const update = { ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 400 } };
    expect(rejection(() => kinesis.updateChannel(update))).toEqual({
      name: 'ResourceInUseException', message: `Channel c under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    clock.advance(1000);
    expect(rejection(() => kinesis.updateChannel({ ChannelARN }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'At least one of S3DestinationConfiguration, S3TablesDestinationConfiguration or LoggingConfiguration must be specified.',
    });
    expect(rejection(() => kinesis.updateChannel({ ChannelARN, S3TablesDestinationConfiguration: { DataFreshnessInSeconds: 400 } }))).toEqual({
      name: 'InvalidArgumentException',
      message: "Channel c delivers to a general purpose Amazon S3 destination; only that destination's configuration can be updated.",
    });
    expect(rejection(() => kinesis.updateChannel({ ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 100 } })).message)
      .toBe('DataFreshnessInSeconds must be between 300 and 900 seconds. Requested: 100.');
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription).toMatchObject({
      ChannelStatus: 'ACTIVE', S3DestinationConfiguration: { DataFreshnessInSeconds: 300 },
    });
    kinesis.failChannel({ ChannelARN, Reason: 'role deleted' });
    expect(rejection(() => kinesis.updateChannel(update)).message).toBe(`Channel c under account ${ACCOUNT} not ACTIVE, instead in state FAILED`);
  });
});

describe('ListChannels', () => {
  function many(n: number) {
    const { kinesis } = onDemandFixture({ onDemandStreamCountLimit: 100, channelCountLimit: 200 });
    for (let i = 0; i < n; i++) {
      const stream = `s${String(Math.floor(i / 2)).padStart(3, '0')}`;
      if (i % 2 === 0) kinesis.createStream({ StreamName: stream, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      const input = i % 2 === 0 ? s3Channel(`c${i}`, {}, 'JSON', stream) : tableChannel(`c${i}`, {}, stream);
      if (i % 2 === 1) input.S3TablesDestinationConfiguration!.S3TablesConfigurationList[0]!.TableName = `t${i}`;
      kinesis.createChannel(input);
    }
    return kinesis;
  }

  it('lists every channel in creation order, with its destination type and stream', () => {
    const { kinesis } = onDemandFixture();
    const a = kinesis.createChannel(s3Channel('zeta')).ChannelDescription;
    kinesis.createChannel(tableChannel('alpha'));
    const { ChannelSummaries, NextToken } = kinesis.listChannels();
    expect(NextToken).toBeUndefined();
    expect(ChannelSummaries.map((c) => [c.ChannelName, c.ChannelDestinationType])).toEqual([['zeta', 'S3'], ['alpha', 'S3_TABLES']]);
    expect(ChannelSummaries[0]).toEqual({
      ChannelName: 'zeta', ChannelARN: a.ChannelARN, ChannelId: a.ChannelId, ChannelStatus: 'ACTIVE',
      ChannelCreationTimestamp: new Date(T0), ChannelDestinationType: 'S3',
      Streams: [{ StreamARN: arnOf('s'), StreamCreationTimestamp: new Date(T0) }],
    });
  });

  it('pages with MaxResults and NextToken; MaxResults above 100 returns 100 [M]', () => {
    const kinesis = many(105);
    const first = kinesis.listChannels({ MaxResults: 10_000 });
    expect(first.ChannelSummaries).toHaveLength(100);
    const rest = kinesis.listChannels({ NextToken: first.NextToken! });
    expect(rest.ChannelSummaries.map((c) => c.ChannelName)).toEqual(['c100', 'c101', 'c102', 'c103', 'c104']);
    expect(rest.NextToken).toBeUndefined();
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = kinesis.listChannels({ MaxResults: 40, ...(token === undefined ? {} : { NextToken: token }) });
      pages.push(page.ChannelSummaries.map((c) => c.ChannelName));
      token = page.NextToken;
    } while (token !== undefined);
    expect(pages.map((p) => p.length)).toEqual([40, 40, 25]);
  });

  it('filters by stream (and creation time); a filter naming no stream lists nothing [M]', () => {
    const { kinesis, clock } = onDemandFixture();
    clock.advance(5000);
    kinesis.createStream({ StreamName: 't', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.createChannel(s3Channel('on-s'));
    kinesis.createChannel(s3Channel('on-t', {}, 'JSON', 't'));
    const names = (filter: { StreamARN: string; StreamCreationTimestamp?: Date }[]) =>
      kinesis.listChannels({ StreamFilter: filter }).ChannelSummaries.map((c) => c.ChannelName);
    expect(names([{ StreamARN: arnOf('t') }])).toEqual(['on-t']);
    expect(names([{ StreamARN: arnOf('t') }, { StreamARN: arnOf('s') }])).toEqual(['on-s', 'on-t']);
    expect(names([{ StreamARN: arnOf('t'), StreamCreationTimestamp: new Date(T0 + 5000) }])).toEqual(['on-t']);
    expect(names([{ StreamARN: arnOf('t'), StreamCreationTimestamp: new Date(T0) }])).toEqual([]);
    expect(names([{ StreamARN: arnOf('nope') }])).toEqual([]);
  });

  it('refuses a token it did not issue, and one past its lifetime', () => {
    const kinesis = many(3);
    expect(rejection(() => kinesis.listChannels({ NextToken: 'AAAAAAAAAAEbogus' }))).toEqual({ name: 'InvalidArgumentException', message: 'Invalid NextToken.' });
    const { kinesis: k, clock } = onDemandFixture();
    k.createChannel(s3Channel('a'));
    k.createChannel(tableChannel('b'));
    const { NextToken } = k.listChannels({ MaxResults: 1 });
    clock.advance(300_001);
    expect(rejection(() => k.listChannels({ NextToken: NextToken! }))).toEqual({
      name: 'ExpiredNextTokenException', message: 'The timestamp in the NextToken has expired.',
    });
  });
});

describe('what channels do to their stream and account', () => {
  it('DescribeStreamSummary and DescribeLimits count channels until they are gone', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 100 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.ChannelCount).toBe(1);
    kinesis.deleteChannel({ ChannelARN });
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.ChannelCount).toBe(1);
    clock.advance(100);
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.ChannelCount).toBe(0);
    expect(kinesis.describeLimits().ChannelCount).toBe(0);
  });

  it('a stream with channels cannot be deleted [M]; one with its channels being deleted can [U]', () => {
    const { kinesis } = onDemandFixture({ channelDelayMs: 100 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.failChannel({ ChannelARN, Reason: 'bucket deleted' });
    expect(rejection(() => kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true }))).toEqual({
      name: 'ResourceInUseException',
      message: `DeleteStream can't delete ${ACCOUNT}:s because there are channels associated with this data stream. Delete the channels first.`,
    });
    kinesis.deleteChannel({ ChannelARN });
    expect(kinesis.deleteStream({ StreamName: 's' })).toEqual({});
  });

  it('[U] switching the stream to provisioned keeps its channels', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.updateStreamMode({ StreamARN: arnOf('s'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(kinesis.describeChannel({ ChannelARN }).ChannelDescription.ChannelStatus).toBe('ACTIVE');
  });
});

describe('channel tags and ARNs as ResourceARN', () => {
  it('TagResource, UntagResource and ListTagsForResource take channel ARNs [M]', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.tagResource({ ResourceARN: ChannelARN, Tags: { b: '2', a: '1' } });
    kinesis.untagResource({ ResourceARN: ChannelARN, TagKeys: ['b'] });
    expect(kinesis.listTagsForResource({ ResourceARN: ChannelARN })).toEqual({ Tags: [{ Key: 'a', Value: '1' }] });
    expect(kinesis.listTagsForResource({ ResourceARN: arnOf('s') })).toEqual({ Tags: [] });
  });

  it('[U] tag changes need an ACTIVE channel; an unknown channel ARN is ResourceNotFoundException', () => {
    const { kinesis } = onDemandFixture({ channelDelayMs: 10 });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    expect(rejection(() => kinesis.tagResource({ ResourceARN: ChannelARN, Tags: { a: '1' } }))).toEqual({
      name: 'ResourceInUseException', message: `Channel c under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    const unknown = `arn:aws:kinesis:us-east-1:${ACCOUNT}:channel/none`;
    expect(rejection(() => kinesis.listTagsForResource({ ResourceARN: unknown }))).toEqual({
      name: 'ResourceNotFoundException', message: `Channel ${unknown} under account ${ACCOUNT} not found.`,
    });
  });

  it('too many tags on a channel uses the stream limit and wording', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    const Tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(rejection(() => kinesis.tagResource({ ResourceARN: ChannelARN, Tags })).message).toBe(
      `Failed to add tags to channel c under account ${ACCOUNT} because a given channel cannot have more than 50 tags associated with it.`,
    );
  });
});
