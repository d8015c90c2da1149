import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions } from '../../src/index.js';
import { T0, expectRejected, streamFixture, ACCOUNT } from '../support/stream-fixture.js';

const MAX = '340282366920938463463374607431768211455';

const setup = (options: KinesisOptions = {}, shardCount = 1) => streamFixture(shardCount, options);

const split = (kinesis: Kinesis, shard: string, key: string) =>
  kinesis.splitShard({ StreamName: 's', ShardToSplit: shard, NewStartingHashKey: key });

describe('SplitShard', () => {
  it('splits a 1-shard stream at 2 into [0,1] and [2,max] with the next shard IDs (kinesalite-verified)', () => {
    const { kinesis } = setup();
    const last = kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'k' }).SequenceNumber;
    expect(split(kinesis, 'shardId-000000000000', '2')).toEqual({});
    const shards = kinesis.listShards({ StreamName: 's' }).Shards!;
    expect(shards.map((s) => [s.ShardId, s.ParentShardId, s.HashKeyRange])).toEqual([
      ['shardId-000000000000', undefined, { StartingHashKey: '0', EndingHashKey: MAX }],
      ['shardId-000000000001', 'shardId-000000000000', { StartingHashKey: '0', EndingHashKey: '1' }],
      ['shardId-000000000002', 'shardId-000000000000', { StartingHashKey: '2', EndingHashKey: MAX }],
    ]);
    expect(shards[0]!.SequenceNumberRange.EndingSequenceNumber).toBeDefined();
    expect(shards[1]!.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
    expect(shards[1]!.AdjacentParentShardId).toBeUndefined();
    // A child's numbers exceed every number of its parent, its EndingSequenceNumber included.
    const parentEnd = shards[0]!.SequenceNumberRange.EndingSequenceNumber!;
    expect(parentEnd).toMatch(/^\d{56}$/);
    expect(BigInt(parentEnd)).toBeGreaterThan(BigInt(last));
    for (const child of shards.slice(1)) expect(BigInt(child.SequenceNumberRange.StartingSequenceNumber)).toBeGreaterThan(BigInt(parentEnd));
  });

  it('accepts the lenient shard-ID spellings AWS accepts', () => {
    const { kinesis } = setup();
    split(kinesis, '0', '2');
    split(kinesis, 'anything-2', '10');
    expect(kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!.map((s) => s.ShardId)).toEqual([
      'shardId-000000000001', 'shardId-000000000003', 'shardId-000000000004',
    ]);
  });

  it('accepts the stream by ARN', () => {
    const { kinesis } = setup();
    kinesis.splitShard({ StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '10' });
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });

  it('needs start + 1 < key < end, with the exact message naming the shard range (kinesalite-verified)', () => {
    const { kinesis } = setup({}, 3);
    const end = '113427455640312821154458202477256070484';
    const text = (key: string) =>
      `NewStartingHashKey ${key} used in SplitShard() on shard shardId-000000000000 in stream s under account ${ACCOUNT} ` +
      `is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey ${end}.`;
    for (const key of ['0', '1', end, MAX]) {
      expectRejected(kinesis, () => split(kinesis, 'shardId-000000000000', key), 'InvalidArgumentException', text(key));
    }
    split(kinesis, 'shardId-000000000000', '2');
    split(kinesis, 'shardId-000000000004', (BigInt(end) - 1n).toString());
    const open = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!;
    expect(open.map((s) => s.HashKeyRange)).toContainEqual({ StartingHashKey: (BigInt(end) - 1n).toString(), EndingHashKey: end });
  });

  it('answers an unparseable shard ID with the raw ID, before looking for the stream', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => split(kinesis, 'ABKLFD8', '2'), 'ResourceNotFoundException',
      `Could not find shard ABKLFD8 in stream s under account ${ACCOUNT}.`);
    expect(() => kinesis.splitShard({ StreamName: 'nope', ShardToSplit: 'shardId-002147483648', NewStartingHashKey: '2' }))
      .toThrow(expect.objectContaining({
        name: 'ResourceNotFoundException',
        message: `Could not find shard shardId-002147483648 in stream nope under account ${ACCOUNT}.`,
      }));
  });

  it('reports a missing stream, then a stream that is not ACTIVE', () => {
    const { kinesis } = setup({ createStreamDelayMs: 1000 });
    expect(() => kinesis.splitShard({ StreamName: 'nope', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '2' }))
      .toThrow(expect.objectContaining({ name: 'ResourceNotFoundException', message: `Stream nope under account ${ACCOUNT} not found.` }));
    // Not ACTIVE wins over a shard that does not exist and over a bad key.
    expectRejected(kinesis, () => split(kinesis, 'shardId-000000000009', '1'), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`);
  });

  it('reports a shard that does not exist with its normalised ID', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => split(kinesis, 'shardId-5', '1'), 'ResourceNotFoundException',
      `Could not find shard shardId-000000000005 in stream s under account ${ACCOUNT}.`);
  });

  it('refuses a shard that was already split, before the limit and key checks', () => {
    const { kinesis } = setup({ shardLimit: 2 });
    split(kinesis, 'shardId-000000000000', '2');
    expectRejected(kinesis, () => split(kinesis, 'shardId-000000000000', '0'), 'InvalidArgumentException',
      `Shard shardId-000000000000 in stream s under account ${ACCOUNT} has already been merged or split, and thus is not eligible for merging or splitting.`);
  });

  it('checks the account shard limit (+1 open shard) before the hash key', () => {
    const { kinesis } = setup({ shardLimit: 3 }, 3);
    expectRejected(kinesis, () => split(kinesis, 'shardId-000000000000', '1'), 'LimitExceededException',
      `This request would exceed the shard limit for the account ${ACCOUNT} in us-east-1. Current shard count for the account: 3. ` +
      'Limit: 3. Number of additional shards that would have resulted from this request: 1. Refer to the AWS Service Limits page ' +
      '(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.');
  });

  it('refuses an on-demand stream with a ValidationException', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expectRejected(kinesis, () => split(kinesis, 'shardId-000000000000', '2'), 'ValidationException',
      `Request is invalid. Stream s under account ${ACCOUNT} is in On-Demand mode.`);
  });

  it('rejects a malformed NewStartingHashKey in validation', () => {
    const { kinesis } = setup();
    expect(() => split(kinesis, 'shardId-000000000000', '-1')).toThrow(expect.objectContaining({ name: 'ValidationException' }));
  });

  describe('with an update delay', () => {
    it('stays UPDATING and shows the old shards until the delay passes, then closes the parent at the due time', () => {
      const { kinesis, clock } = setup({ updateStreamDelayMs: 1000 });
      split(kinesis, 'shardId-000000000000', '2');
      const during = kinesis.describeStream({ StreamName: 's' }).StreamDescription;
      expect(during.StreamStatus).toBe('UPDATING');
      expect(during.Shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000']);
      expect(during.Shards[0]!.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
      // Writes keep going to the parent while UPDATING.
      expect(kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a', ExplicitHashKey: '5' }).ShardId)
        .toBe('shardId-000000000000');
      clock.advance(999);
      expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards).toHaveLength(1);
      clock.advance(1);
      const after = kinesis.describeStream({ StreamName: 's' }).StreamDescription;
      expect(after.StreamStatus).toBe('ACTIVE');
      expect(after.Shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
      const graph = kinesis.describeShardGraph({ StreamName: 's' }).Shards;
      expect(graph[0]!.ClosedAt).toEqual(new Date(T0 + 1000));
      expect(graph[1]!.OpenedAt).toEqual(new Date(T0 + 1000));
      expect(graph[2]!.OpenedAt).toEqual(new Date(T0 + 1000));
    });

    it('refuses a second reshard while UPDATING', () => {
      const { kinesis } = setup({ updateStreamDelayMs: 1000 }, 2);
      split(kinesis, 'shardId-000000000000', '2');
      const inUse = `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`;
      expectRejected(kinesis, () => split(kinesis, 'shardId-000000000001', '100'), 'ResourceInUseException', inUse);
      expectRejected(kinesis, () => kinesis.mergeShards({ StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' }),
        'ResourceInUseException', inUse);
      expectRejected(kinesis, () => kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' }),
        'ResourceInUseException', inUse);
    });
  });
});

describe('SplitShard applied after a clock jump', () => {
  it('closes the parent and opens the children at the due time, not when the clock is next read', () => {
    const { kinesis, clock } = setup({ updateStreamDelayMs: 1000 });
    split(kinesis, 'shardId-000000000000', '2');
    clock.advance(60_000);
    const graph = kinesis.describeShardGraph({ StreamName: 's' }).Shards;
    expect(graph.map((s) => [s.ShardId, s.OpenedAt, s.ClosedAt])).toEqual([
      ['shardId-000000000000', new Date(T0), new Date(T0 + 1000)],
      ['shardId-000000000001', new Date(T0 + 1000), undefined],
      ['shardId-000000000002', new Date(T0 + 1000), undefined],
    ]);
  });
});
