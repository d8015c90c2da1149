import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { shardId, T0, ACCOUNT } from '../support/stream-fixture.js';


function engine(shardCount: number): Kinesis {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  return kinesis;
}

describe('DescribeStream paging', () => {
  it('returns Limit shards and says whether more remain', () => {
    const kinesis = engine(5);
    const first = kinesis.describeStream({ StreamName: 's', Limit: 2 }).StreamDescription;
    expect(first.Shards.map((s) => s.ShardId)).toEqual([shardId(0), shardId(1)]);
    expect(first.HasMoreShards).toBe(true);
  });

  it('continues after ExclusiveStartShardId until the last page', () => {
    const kinesis = engine(5);
    const second = kinesis.describeStream({ StreamName: 's', Limit: 2, ExclusiveStartShardId: shardId(1) }).StreamDescription;
    expect(second.Shards.map((s) => s.ShardId)).toEqual([shardId(2), shardId(3)]);
    expect(second.HasMoreShards).toBe(true);
    const last = kinesis.describeStream({ StreamName: 's', Limit: 2, ExclusiveStartShardId: shardId(3) }).StreamDescription;
    expect(last.Shards.map((s) => s.ShardId)).toEqual([shardId(4)]);
    expect(last.HasMoreShards).toBe(false);
  });

  it('says no more shards when Limit equals what remains', () => {
    const kinesis = engine(3);
    const page = kinesis.describeStream({ StreamName: 's', Limit: 3 }).StreamDescription;
    expect(page.Shards).toHaveLength(3);
    expect(page.HasMoreShards).toBe(false);
  });

  it('treats ExclusiveStartShardId as a position in ID order that need not exist', () => {
    const kinesis = engine(3);
    const between = kinesis.describeStream({ StreamName: 's', ExclusiveStartShardId: 'shardId-0000000000005' }).StreamDescription;
    expect(between.Shards.map((s) => s.ShardId)).toEqual([shardId(1), shardId(2)]);
    const past = kinesis.describeStream({ StreamName: 's', ExclusiveStartShardId: 'zzz' }).StreamDescription;
    expect(past.Shards).toEqual([]);
    expect(past.HasMoreShards).toBe(false);
  });

  it('caps a page at 100 shards whatever Limit asks for, and by default', () => {
    const kinesis = engine(150);
    const big = kinesis.describeStream({ StreamName: 's', Limit: 10000 }).StreamDescription;
    expect(big.Shards).toHaveLength(100);
    expect(big.Shards[99]!.ShardId).toBe(shardId(99));
    expect(big.HasMoreShards).toBe(true);
    const byDefault = kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect(byDefault.Shards).toHaveLength(100);
    expect(byDefault.HasMoreShards).toBe(true);
    const rest = kinesis.describeStream({ StreamName: 's', ExclusiveStartShardId: shardId(99) }).StreamDescription;
    expect(rest.Shards).toHaveLength(50);
    expect(rest.HasMoreShards).toBe(false);
  });

  it('rejects a Limit outside 1..10000 with the model validation text', () => {
    const kinesis = engine(1);
    expect(rejection(() => kinesis.describeStream({ StreamName: 's', Limit: 0 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    expect(rejection(() => kinesis.describeStream({ StreamName: 's', Limit: 10001 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });
});

describe('DescribeStream output', () => {
  it('describes an ACTIVE stream in the SDK v3 shape', () => {
    const kinesis = engine(1);
    expect(kinesis.describeStream({ StreamName: 's' })).toEqual({
      StreamDescription: {
        StreamName: 's',
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        Shards: [
          {
            ShardId: shardId(0),
            HashKeyRange: { StartingHashKey: '0', EndingHashKey: '340282366920938463463374607431768211455' },
            SequenceNumberRange: { StartingSequenceNumber: expect.stringMatching(/^\d{56}$/) },
          },
        ],
        HasMoreShards: false,
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date(T0),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
      },
    });
  });

  it('finds the stream by ARN alone and by a matching name and ARN', () => {
    const kinesis = engine(1);
    const arn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
    expect(kinesis.describeStream({ StreamARN: arn }).StreamDescription.StreamName).toBe('s');
    expect(kinesis.describeStream({ StreamName: 's', StreamARN: arn }).StreamDescription.StreamName).toBe('s');
  });

  it('answers ResourceNotFoundException for a missing stream, by name or by ARN', () => {
    const kinesis = engine(1);
    const expected = { name: 'ResourceNotFoundException', message: `Stream nope under account ${ACCOUNT} not found.` };
    expect(rejection(() => kinesis.describeStream({ StreamName: 'nope' }))).toEqual(expected);
    expect(rejection(() => kinesis.describeStream({ StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/nope` }))).toEqual(
      expected,
    );
  });

  it('does not find a stream through an ARN of another account or region', () => {
    const kinesis = engine(1);
    expect(rejection(() => kinesis.describeStream({ StreamARN: 'arn:aws:kinesis:us-east-1:111111111111:stream/s' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Stream s under account 111111111111 not found.',
    });
    expect(rejection(() => kinesis.describeStream({ StreamARN: `arn:aws:kinesis:eu-west-1:${ACCOUNT}:stream/s` })).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('rejects a StreamName that disagrees with the StreamARN', () => {
    const kinesis = engine(1);
    const arn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
    // [U] AWS's text for this case is not public.
    expect(rejection(() => kinesis.describeStream({ StreamName: 't', StreamARN: arn }))).toEqual({
      name: 'InvalidArgumentException',
      message: `StreamName t and StreamARN ${arn} do not refer to the same stream.`,
    });
  });

  it('accepts and ignores a well-formed StreamId', () => {
    const kinesis = engine(1);
    expect(
      kinesis.describeStream({ StreamName: 's', StreamId: 'abcdefghij0123456789-abc' }).StreamDescription.StreamName,
    ).toBe('s');
  });
});
