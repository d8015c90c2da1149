import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions, type ShardGraphNode } from '../../src/index.js';
import type { HashRange } from '../../src/keys/hash-key.js';
import { uniformScalingCost } from '../../src/model/uniform-scaling.js';
import { T0, snapshot, expectRejected, streamFixture, ACCOUNT, HOUR_MS } from '../support/stream-fixture.js';


const setup = (options: KinesisOptions = {}, shardCount = 4) => streamFixture(shardCount, options);

/** AWS's uniform layout of N shards, computed here rather than by the engine: shard i starts at i * floor(2^128 / N). */
function evenRanges(count: number): HashRange[] {
  const step = (1n << 128n) / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    start: BigInt(i) * step,
    end: i === count - 1 ? (1n << 128n) - 1n : BigInt(i + 1) * step - 1n,
  }));
}

const scale = (kinesis: Kinesis, target: number) =>
  kinesis.updateShardCount({ StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });

function openRanges(kinesis: Kinesis): HashRange[] {
  return kinesis.describeShardGraph({ StreamName: 's' }).Shards
    .filter((s) => s.State === 'OPEN')
    .map((s) => ({ start: BigInt(s.HashKeyRange.StartingHashKey), end: BigInt(s.HashKeyRange.EndingHashKey) }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** Every shard's parents and children point at each other; every closed shard has children. */
function expectConsistentLineage(nodes: ShardGraphNode[]) {
  const byId = new Map(nodes.map((n) => [n.ShardId, n]));
  for (const node of nodes) {
    for (const parent of node.ParentShardIds) expect(byId.get(parent)!.ChildShardIds).toContain(node.ShardId);
    for (const child of node.ChildShardIds) expect(byId.get(child)!.ParentShardIds).toContain(node.ShardId);
    if (node.State !== 'OPEN') expect(node.ChildShardIds.length).toBeGreaterThan(0);
    // A split child's range lies in its parent's; a merge child's is exactly its parents' union.
    const parents = node.ParentShardIds.map((id) => byId.get(id)!.HashKeyRange);
    if (parents.length === 1) {
      expect(BigInt(node.HashKeyRange.StartingHashKey)).toBeGreaterThanOrEqual(BigInt(parents[0]!.StartingHashKey));
      expect(BigInt(node.HashKeyRange.EndingHashKey)).toBeLessThanOrEqual(BigInt(parents[0]!.EndingHashKey));
    } else if (parents.length === 2) {
      const starts = parents.map((p) => BigInt(p.StartingHashKey));
      const ends = parents.map((p) => BigInt(p.EndingHashKey));
      expect(BigInt(node.HashKeyRange.StartingHashKey)).toBe(starts[0]! < starts[1]! ? starts[0] : starts[1]);
      expect(BigInt(node.HashKeyRange.EndingHashKey)).toBe(ends[0]! > ends[1]! ? ends[0] : ends[1]);
    }
  }
}

describe('UpdateShardCount', () => {
  it('answers with the stream, the open shard count before the call and the target', () => {
    const { kinesis } = setup();
    expect(scale(kinesis, 8)).toEqual({
      StreamName: 's', CurrentShardCount: 4, TargetShardCount: 8, StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`,
    });
  });

  it.each([
    [2, 4, 6], [4, 2, 6], [4, 5, 15], [1, 2, 3],
  ])('scales %i -> %i shards into exactly uniform ranges, %i shards in all (as AWS reports via moto)', (from, to, total) => {
    const { kinesis } = setup({}, from);
    scale(kinesis, to);
    expect(openRanges(kinesis)).toEqual(evenRanges(to));
    const graph = kinesis.describeShardGraph({ StreamName: 's' }).Shards;
    expect(graph).toHaveLength(total);
    expectConsistentLineage(graph);
  });

  it('reaches uniform ranges from an uneven layout through real splits and merges', () => {
    const { kinesis } = setup({}, 2);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    kinesis.mergeShards({ StreamName: 's', ShardToMerge: 'shardId-000000000003', AdjacentShardToMerge: 'shardId-000000000001' });
    scale(kinesis, 3);
    expect(openRanges(kinesis)).toEqual(evenRanges(3));
    expectConsistentLineage(kinesis.describeShardGraph({ StreamName: 's' }).Shards);
  });

  it('rebalances an uneven stream to uniform ranges when the target equals the open count', () => {
    const { kinesis } = setup({}, 1);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    expect(scale(kinesis, 2).CurrentShardCount).toBe(2);
    expect(openRanges(kinesis)).toEqual(evenRanges(2));
  });

  it('[U] does nothing when the ranges are already uniform at the target: no shards, no UPDATING, no use of the daily limit', () => {
    const { kinesis } = setup({ updateStreamDelayMs: 1000 });
    const before = snapshot(kinesis);
    for (let i = 0; i < 12; i++) expect(scale(kinesis, 4).TargetShardCount).toBe(4);
    expect(snapshot(kinesis)).toEqual(before);
  });

  it('scales 1000 -> 2000 shards to exactly evenRanges(2000)', () => {
    const { kinesis } = setup({}, 1000);
    scale(kinesis, 2000);
    expect(openRanges(kinesis)).toEqual(evenRanges(2000));
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2000);
  });

  it('routes writes to the new shards afterwards', () => {
    const { kinesis } = setup({}, 2);
    scale(kinesis, 3);
    const open = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!;
    for (const shard of open) {
      const put = kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(), PartitionKey: 'k', ExplicitHashKey: shard.HashKeyRange.EndingHashKey });
      expect(put.ShardId).toBe(shard.ShardId);
    }
  });

  describe('limits', () => {
    it('refuses more than double the open shards', () => {
      const { kinesis } = setup({}, 2);
      expectRejected(kinesis, () => scale(kinesis, 5), 'LimitExceededException',
        'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 2 Target shard count: 5');
    });

    it('refuses less than half the open shards, rounding half up', () => {
      const { kinesis } = setup({}, 5);
      expectRejected(kinesis, () => scale(kinesis, 2), 'LimitExceededException',
        'UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 5 Target shard count: 2');
      scale(kinesis, 3);
      expect(openRanges(kinesis)).toEqual(evenRanges(3));
    });

    it('refuses more than 10000 shards in a stream, before the doubling rule', () => {
      const { kinesis } = setup({}, 1);
      expectRejected(kinesis, () => scale(kinesis, 10001), 'LimitExceededException',
        'UpdateShardCount cannot scale up to more than 10000 shards in a stream. Current open shard count: 1 Target shard count: 10001');
    });

    it('allows 10 scalings per rolling 24 hours', () => {
      const { kinesis, clock } = setup({}, 2);
      for (let i = 0; i < 10; i++) {
        scale(kinesis, i % 2 === 0 ? 3 : 2);
        clock.advance(HOUR_MS);
      }
      const text = `UpdateShardCount cannot be performed more than 10 times per rolling 24 hour period for stream s under account ${ACCOUNT}.`;
      expectRejected(kinesis, () => scale(kinesis, 3), 'LimitExceededException', text);
      clock.set(T0 + 24 * HOUR_MS - 1);
      expectRejected(kinesis, () => scale(kinesis, 3), 'LimitExceededException', text);
      // The first call leaves the window exactly 24 h after it was made.
      clock.set(T0 + 24 * HOUR_MS);
      scale(kinesis, 3);
      expectRejected(kinesis, () => scale(kinesis, 2), 'LimitExceededException', text);
      clock.set(T0 + 25 * HOUR_MS);
      scale(kinesis, 2);
    });

    it('counts the intermediate shards it holds open against the account shard limit', () => {
      const { kinesis } = setup({ shardLimit: 3 }, 2);
      expectRejected(kinesis, () => scale(kinesis, 4), 'LimitExceededException',
        `This request would exceed the shard limit for the account ${ACCOUNT} in us-east-1. Current shard count for the account: 2. ` +
        'Limit: 3. Number of additional shards that would have resulted from this request: 2. Refer to the AWS Service Limits page ' +
        '(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.');
      scale(kinesis, 3);
      expect(openRanges(kinesis)).toEqual(evenRanges(3));
    });

    it('checks the rate limit before the account shard limit', () => {
      const { kinesis, clock } = setup({ shardLimit: 4 }, 2);
      for (let i = 0; i < 10; i++) scale(kinesis, i % 2 === 0 ? 3 : 2);
      clock.advance(1);
      expect(() => scale(kinesis, 4)).toThrow(expect.objectContaining({ message: expect.stringContaining('rolling 24 hour') }));
    });
  });

  it('refuses an on-demand stream with a ValidationException', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expectRejected(kinesis, () => scale(kinesis, 5), 'ValidationException',
      `Request is invalid. Stream s under account ${ACCOUNT} is in On-Demand mode.`);
  });

  it('reports a missing stream, then a stream that is not ACTIVE, before any limit', () => {
    const { kinesis } = setup({ createStreamDelayMs: 100 }, 2);
    expect(() => kinesis.updateShardCount({ StreamName: 'nope', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }))
      .toThrow(expect.objectContaining({ name: 'ResourceNotFoundException', message: `Stream nope under account ${ACCOUNT} not found.` }));
    expectRejected(kinesis, () => scale(kinesis, 100), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`);
  });

  it('rejects an unknown ScalingType in validation', () => {
    const { kinesis } = setup();
    expect(() => kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: 'X' as 'UNIFORM_SCALING' }))
      .toThrow(expect.objectContaining({ name: 'ValidationException' }));
  });

  it('stays UPDATING with the old shards until the delay passes, refusing another reshard meanwhile', () => {
    const { kinesis, clock } = setup({ updateStreamDelayMs: 5000 }, 2);
    scale(kinesis, 3);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription).toMatchObject({ StreamStatus: 'UPDATING' });
    expect(openRanges(kinesis)).toEqual(evenRanges(2));
    expectRejected(kinesis, () => scale(kinesis, 4), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`);
    clock.advance(5000);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('ACTIVE');
    expect(openRanges(kinesis)).toEqual(evenRanges(3));
    const created = kinesis.describeShardGraph({ StreamName: 's' }).Shards.filter((s) => s.ParentShardIds.length > 0);
    for (const shard of created) expect(shard.OpenedAt).toEqual(new Date(T0 + 5000));
  });
});

describe('uniform scaling walk', () => {
  const boundaries = (ranges: HashRange[]) => new Set(ranges.slice(1).map((r) => r.start));

  it.each([
    [1000, 2000], [2000, 1000], [1000, 500], [10, 13], [13, 10], [5, 3], [7, 7], [3, 6],
  ])('from %i to %i uses one split per missing boundary and one merge per extra boundary', (from, to) => {
    const current = evenRanges(from);
    const have = boundaries(current);
    const want = boundaries(evenRanges(to));
    const splits = [...want].filter((b) => !have.has(b)).length;
    const merges = [...have].filter((b) => !want.has(b)).length;
    expect(uniformScalingCost(current, to).newShards).toBe(2 * splits + merges);
  });
});

describe('UpdateShardCount stream cap boundary', () => {
  it('does not count a target of exactly 10000 as over the stream cap: the doubling rule answers instead', () => {
    const { kinesis } = setup({}, 1);
    expectRejected(kinesis, () => scale(kinesis, 10000), 'LimitExceededException',
      'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 1 Target shard count: 10000');
  });
});
