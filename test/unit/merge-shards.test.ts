import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions } from '../../src/index.js';
import { T0, expectRejected, streamFixture, ACCOUNT } from '../support/stream-fixture.js';

const MAX = '340282366920938463463374607431768211455';
const B1 = '113427455640312821154458202477256070485';
const B2 = '226854911280625642308916404954512140970';

const setup = (options: KinesisOptions = {}, shardCount = 3) => streamFixture(shardCount, options);

const merge = (kinesis: Kinesis, shard: string, adjacent: string, StreamName = 's') =>
  kinesis.mergeShards({ StreamName, ShardToMerge: shard, AdjacentShardToMerge: adjacent });

const closedText = (id: string) =>
  `Shard ${id} in stream s under account ${ACCOUNT} has already been merged or split, and thus is not eligible for merging or splitting.`;

describe('MergeShards', () => {
  it('merges shards 0 and 1 of 3 into shardId-000000000003 = [0, 226854911280625642308916404954512140969] (kinesalite-verified)', () => {
    const { kinesis } = setup();
    expect(merge(kinesis, 'shardId-000000000000', 'shardId-000000000001')).toEqual({});
    const shards = kinesis.listShards({ StreamName: 's' }).Shards!;
    expect(shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
    const child = shards[3]!;
    expect(child.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: (BigInt(B2) - 1n).toString() });
    expect(child.ParentShardId).toBe('shardId-000000000000');
    expect(child.AdjacentParentShardId).toBe('shardId-000000000001');
    // Both parents are closed: each ends above its own start, and the child starts above both ends.
    for (const parent of shards.slice(0, 2)) {
      const { StartingSequenceNumber, EndingSequenceNumber } = parent.SequenceNumberRange;
      expect(EndingSequenceNumber).toMatch(/^\d{56}$/);
      expect(BigInt(EndingSequenceNumber!)).toBeGreaterThan(BigInt(StartingSequenceNumber));
      expect(BigInt(child.SequenceNumberRange.StartingSequenceNumber)).toBeGreaterThan(BigInt(EndingSequenceNumber!));
    }
    expect(shards[2]!.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
  });

  it('refuses the upper shard as ShardToMerge, as AWS does: the pair must be given lower first', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000001', 'shardId-000000000000'), 'InvalidArgumentException',
      `Shards shardId-000000000001 and shardId-000000000000 in stream s under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`);
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000002', 'shardId-000000000001'), 'InvalidArgumentException',
      `Shards shardId-000000000002 and shardId-000000000001 in stream s under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`);
    merge(kinesis, 'shardId-000000000001', 'shardId-000000000002');
    const child = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!.find((s) => s.ShardId === 'shardId-000000000003')!;
    expect(child.HashKeyRange).toEqual({ StartingHashKey: B1, EndingHashKey: MAX });
    expect(child.ParentShardId).toBe('shardId-000000000001');
    expect(child.AdjacentParentShardId).toBe('shardId-000000000002');
  });

  it('routes the merged range to the child', () => {
    const { kinesis } = setup();
    merge(kinesis, 'shardId-000000000000', 'shardId-000000000001');
    for (const key of ['0', B1, (BigInt(B2) - 1n).toString()]) {
      expect(kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(), PartitionKey: 'k', ExplicitHashKey: key }).ShardId).toBe('shardId-000000000003');
    }
    expect(kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(), PartitionKey: 'k', ExplicitHashKey: B2 }).ShardId).toBe('shardId-000000000002');
  });

  it('refuses shards that are not adjacent (kinesalite-verified text, no period)', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-000000000002'), 'InvalidArgumentException',
      `Shards shardId-000000000000 and shardId-000000000002 in stream s under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`);
    expectRejected(kinesis, () => merge(kinesis, '1', 'shardId-1'), 'InvalidArgumentException',
      `Shards shardId-000000000001 and shardId-000000000001 in stream s under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`);
  });

  it('refuses a shard that was already merged or split, ShardToMerge checked first, before adjacency', () => {
    const { kinesis } = setup();
    merge(kinesis, 'shardId-000000000000', 'shardId-000000000001');
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000001', 'shardId-000000000002'), 'InvalidArgumentException',
      closedText('shardId-000000000001'));
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000002', 'shardId-000000000000'), 'InvalidArgumentException',
      closedText('shardId-000000000000'));
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-000000000001'), 'InvalidArgumentException',
      closedText('shardId-000000000000'));
  });

  it('reports missing shards (normalised ID) before closed ones', () => {
    const { kinesis } = setup();
    merge(kinesis, 'shardId-000000000000', 'shardId-000000000001');
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-7'), 'ResourceNotFoundException',
      `Could not find shard shardId-000000000007 in stream s under account ${ACCOUNT}.`);
  });

  it('parses both shard IDs before looking for the stream', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'x-y', 'nope'), 'ResourceNotFoundException',
      `Could not find shard x-y in stream nope under account ${ACCOUNT}.`);
    expectRejected(kinesis, () => merge(kinesis, '2147483648', 'shardId-000000000000', 'nope'), 'ResourceNotFoundException',
      `Could not find shard 2147483648 in stream nope under account ${ACCOUNT}.`);
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-000000000001', 'nope'), 'ResourceNotFoundException',
      `Stream nope under account ${ACCOUNT} not found.`);
  });

  it('needs an ACTIVE stream, checked before the shards', () => {
    const { kinesis } = setup({ createStreamDelayMs: 500 });
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-000000000009'), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`);
  });

  it('refuses an on-demand stream with a ValidationException', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000000', 'shardId-000000000001'), 'ValidationException',
      `Request is invalid. Stream s under account ${ACCOUNT} is in On-Demand mode.`);
  });

  it('applies after the update delay: UPDATING with the old shards until then', () => {
    const { kinesis, clock } = setup({ updateStreamDelayMs: 2000 });
    merge(kinesis, 'shardId-000000000000', 'shardId-000000000001');
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('UPDATING');
    expect(kinesis.listShards({ StreamName: 's' }).Shards!.map((s) => s.ShardId)).toHaveLength(3);
    expectRejected(kinesis, () => merge(kinesis, 'shardId-000000000001', 'shardId-000000000002'), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`);
    clock.advance(2000);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('ACTIVE');
    const graph = kinesis.describeShardGraph({ StreamName: 's' }).Shards;
    expect(graph[3]).toMatchObject({ ShardId: 'shardId-000000000003', OpenedAt: new Date(T0 + 2000), State: 'OPEN' });
    expect(graph[0]).toMatchObject({ ClosedAt: new Date(T0 + 2000), ChildShardIds: ['shardId-000000000003'] });
    expect(graph[1]).toMatchObject({ ClosedAt: new Date(T0 + 2000), ChildShardIds: ['shardId-000000000003'] });
  });
});
