import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type ShardFilter } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { shardId, engine, T0, ACCOUNT, HOUR_MS } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;

function ids(out: { Shards?: { ShardId: string }[] }): string[] {
  return (out.Shards ?? []).map((s) => s.ShardId);
}

describe('ListShards', () => {
  it('lists every shard in ID order with the same shapes as DescribeStream, without a NextToken', () => {
    const kinesis = engine(3);
    const out = kinesis.listShards({ StreamName: 's' });
    expect(ids(out)).toEqual([shardId(0), shardId(1), shardId(2)]);
    expect(out.Shards).toEqual(kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards);
    expect(out).not.toHaveProperty('NextToken');
  });

  it('accepts the stream ARN', () => {
    expect(ids(engine(2).listShards({ StreamARN: ARN }))).toEqual([shardId(0), shardId(1)]);
  });

  it('pages with MaxResults and a NextToken that resumes exactly after the last shard', () => {
    const kinesis = engine(5);
    const first = kinesis.listShards({ StreamName: 's', MaxResults: 2 });
    expect(ids(first)).toEqual([shardId(0), shardId(1)]);
    expect(first.NextToken).toMatch(/^AAAAAAAAAAE/);
    const second = kinesis.listShards({ NextToken: first.NextToken!, MaxResults: 2 });
    expect(ids(second)).toEqual([shardId(2), shardId(3)]);
    const last = kinesis.listShards({ NextToken: second.NextToken! });
    expect(ids(last)).toEqual([shardId(4)]);
    expect(last).not.toHaveProperty('NextToken');
  });

  it('returns no NextToken when MaxResults covers exactly what remains', () => {
    expect(engine(2).listShards({ StreamName: 's', MaxResults: 2 })).not.toHaveProperty('NextToken');
  });

  it('starts strictly after ExclusiveStartShardId, which need not exist', () => {
    const kinesis = engine(4);
    expect(ids(kinesis.listShards({ StreamName: 's', ExclusiveStartShardId: shardId(1) }))).toEqual([shardId(2), shardId(3)]);
    expect(ids(kinesis.listShards({ StreamName: 's', ExclusiveStartShardId: 'shardId-0000000000015' }))).toEqual([
      shardId(2),
      shardId(3),
    ]);
    const paged = kinesis.listShards({ StreamName: 's', ExclusiveStartShardId: shardId(0), MaxResults: 2 });
    expect(ids(paged)).toEqual([shardId(1), shardId(2)]);
    expect(ids(kinesis.listShards({ NextToken: paged.NextToken! }))).toEqual([shardId(3)]);
  });

  it('caps a page at 1000 shards whatever MaxResults asks for', () => {
    const kinesis = engine(1001);
    const first = kinesis.listShards({ StreamName: 's', MaxResults: 10000 });
    expect(first.Shards).toHaveLength(1000);
    expect(ids(kinesis.listShards({ NextToken: first.NextToken! }))).toEqual([shardId(1000)]);
  });

  it('filters AT_LATEST and AFTER_SHARD_ID like the open shards and ExclusiveStartShardId', () => {
    const kinesis = engine(3);
    expect(ids(kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }))).toEqual([
      shardId(0),
      shardId(1),
      shardId(2),
    ]);
    expect(ids(kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID', ShardId: shardId(0) } }))).toEqual([
      shardId(1),
      shardId(2),
    ]);
  });

  it('accepts the StreamCreationTimestamp of the current stream', () => {
    const kinesis = engine(1);
    expect(ids(kinesis.listShards({ StreamName: 's', StreamCreationTimestamp: new Date(T0) }))).toEqual([shardId(0)]);
  });
});

describe('ListShards arguments', () => {
  const kinesis = engine(3);
  const token = kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
  const together = (member: string) => ({
    name: 'InvalidArgumentException',
    message: `NextToken and ${member} cannot be provided together.`,
  });

  it('needs a NextToken or a stream', () => {
    expect(rejection(() => kinesis.listShards({}))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Either NextToken or StreamName should be provided.',
    });
    expect(rejection(() => kinesis.listShards({ MaxResults: 5 }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Either NextToken or StreamName should be provided.',
    });
  });

  it('refuses a NextToken together with StreamName, ExclusiveStartShardId or ShardFilter', () => {
    expect(rejection(() => kinesis.listShards({ NextToken: token, StreamName: 's' }))).toEqual(together('StreamName'));
    expect(rejection(() => kinesis.listShards({ NextToken: token, ExclusiveStartShardId: shardId(0) }))).toEqual(
      together('ExclusiveStartShardId'),
    );
    expect(rejection(() => kinesis.listShards({ NextToken: token, ShardFilter: { Type: 'AT_LATEST' } }))).toEqual(
      together('ShardFilter'),
    );
  });

  it('refuses a NextToken together with StreamARN or StreamCreationTimestamp', () => {
    // [U] by analogy with the verified texts.
    expect(rejection(() => kinesis.listShards({ NextToken: token, StreamARN: ARN }))).toEqual(together('StreamARN'));
    expect(rejection(() => kinesis.listShards({ NextToken: token, StreamCreationTimestamp: new Date(T0) }))).toEqual(
      together('StreamCreationTimestamp'),
    );
  });

  it('answers ResourceNotFoundException for a missing stream', () => {
    expect(rejection(() => kinesis.listShards({ StreamName: 'nope' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
  });

  it('rejects a MaxResults outside 1..10000 with the model validation text', () => {
    expect(rejection(() => kinesis.listShards({ StreamName: 's', MaxResults: 10001 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });
});

describe('ListShards state and tokens', () => {
  it('answers ResourceInUseException while the stream is CREATING', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1_000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    expect(rejection(() => kinesis.listShards({ StreamName: 's' }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    clock.advance(1_000);
    expect(ids(kinesis.listShards({ StreamName: 's' }))).toEqual([shardId(0), shardId(1)]);
  });

  it('answers ResourceInUseException while the stream is DELETING', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), deleteStreamDelayMs: 1_000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 's' });
    expect(rejection(() => kinesis.listShards({ StreamName: 's' }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state DELETING`,
    });
  });

  it('honours a NextToken for 300 s and then answers ExpiredNextTokenException', () => {
    const clock = new ManualClock(T0);
    const kinesis = engine(3, clock);
    const token = kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    clock.advance(300_000);
    expect(ids(kinesis.listShards({ NextToken: token, MaxResults: 1 }))).toEqual([shardId(1)]);
    clock.advance(1);
    // [U] AWS's message for an expired NextToken is not public.
    expect(rejection(() => kinesis.listShards({ NextToken: token }))).toEqual({
      name: 'ExpiredNextTokenException',
      message: 'The timestamp in the NextToken has expired.',
    });
  });

  it('rejects a tampered or foreign NextToken with InvalidArgumentException', () => {
    const kinesis = engine(3);
    const token = kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    const at = 30;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    const invalid = { name: 'InvalidArgumentException', message: 'Invalid NextToken.' };
    expect(rejection(() => kinesis.listShards({ NextToken: tampered }))).toEqual(invalid);
    kinesis.createStream({ StreamName: 'a', ShardCount: 1 });
    const streamsToken = kinesis.listStreams({ Limit: 1 }).NextToken!;
    expect(rejection(() => kinesis.listShards({ NextToken: streamsToken }))).toEqual(invalid);
  });

  it('does not carry a NextToken over to a re-created stream of the same name', () => {
    const kinesis = engine(3);
    const token = kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 3 });
    expect(rejection(() => kinesis.listShards({ NextToken: token }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream s under account ${ACCOUNT} not found.`,
    });
  });
});

describe('ListShards AT_TIMESTAMP at the instant of a reshard', () => {
  it('lists the shards open after an UpdateShardCount, not its zero-lifetime intermediates', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    clock.advance(1000);
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    const atT = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: new Date(T0 + 1000) } });
    const latest = kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } });
    expect(atT.Shards!.map((s) => s.ShardId)).toEqual(latest.Shards!.map((s) => s.ShardId));
    expect(latest.Shards).toHaveLength(3);
  });

  it('keeps a parent listed when it holds a record written at the instant it was split', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    clock.advance(1000);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([1]) });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '2' });
    const ids = kinesis
      .listShards({ StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: new Date(T0 + 1000) } })
      .Shards!.map((s) => s.ShardId);
    expect(ids).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
  });
});

describe('ListShards filters on a young stream and at a shard’s closing instant', () => {
  /** A 2-shard stream created at T0 whose shard 0 is split at T0 + 1000 ms; the clock stays there. */
  function splitAtOneSecond() {
    const clock = new ManualClock(T0);
    const kinesis = engine(2, clock);
    clock.advance(1000);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: '1000' });
    const filtered = (ShardFilter: ShardFilter) => ids(kinesis.listShards({ StreamName: 's', ShardFilter }));
    return { clock, kinesis, filtered };
  }

  it('AT_TRIM_HORIZON lists the initial shards while the stream is younger than its retention period', () => {
    const { filtered } = splitAtOneSecond();
    expect(filtered({ Type: 'AT_TRIM_HORIZON' })).toEqual([shardId(0), shardId(1)]);
  });

  it('AT_TIMESTAMP before the stream was created lists the initial shards', () => {
    const { filtered } = splitAtOneSecond();
    expect(filtered({ Type: 'AT_TIMESTAMP', Timestamp: new Date(T0 - 60_000) })).toEqual([shardId(0), shardId(1)]);
  });

  it('FROM_TIMESTAMP t lists a shard closed exactly at t (closeTime >= t), and not from t + 1 ms', () => {
    const { filtered } = splitAtOneSecond();
    const at = (ms: number) => new Date(T0 + ms);
    expect(filtered({ Type: 'FROM_TIMESTAMP', Timestamp: at(1000) })).toEqual([shardId(0), shardId(1), shardId(2), shardId(3)]);
    expect(filtered({ Type: 'FROM_TIMESTAMP', Timestamp: at(1001) })).toEqual([shardId(1), shardId(2), shardId(3)]);
    // AT_TIMESTAMP at the same instant does not count the empty parent as open (see the describe above).
    expect(filtered({ Type: 'AT_TIMESTAMP', Timestamp: at(1000) })).toEqual([shardId(1), shardId(2), shardId(3)]);
  });

  it('[U] answers ResourceNotFoundException for a StreamCreationTimestamp that is not the current stream’s', () => {
    const clock = new ManualClock(T0);
    const kinesis = engine(1, clock);
    const created = new Date(T0);
    clock.advance(5000);
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.listShards({ StreamName: 's', StreamCreationTimestamp: created }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream s under account ${ACCOUNT} not found.`,
    });
    expect(ids(kinesis.listShards({ StreamName: 's', StreamCreationTimestamp: new Date(T0 + 5000) }))).toEqual([shardId(0)]);
  });
});

describe('ListShards AT_TIMESTAMP before the trim horizon', () => {
  function streamWithExpiredParent() {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    clock.advance(10 * HOUR_MS);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    // 40 h after creation with 24 h retention: shard 0 (closed at 10 h) has expired.
    clock.advance(30 * HOUR_MS);
    const ids = (Timestamp: Date) =>
      kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp } }).Shards!.map((s) => s.ShardId);
    return { kinesis, ids };
  }

  it('lists the shards open at the trim horizon, covering the whole key space, like AT_TRIM_HORIZON', () => {
    const { kinesis, ids } = streamWithExpiredParent();
    const atTrimHorizon = kinesis
      .listShards({ StreamName: 's', ShardFilter: { Type: 'AT_TRIM_HORIZON' } })
      .Shards!.map((s) => s.ShardId);
    expect(atTrimHorizon).toEqual(['shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
    expect(ids(new Date(T0 + 5 * HOUR_MS))).toEqual(atTrimHorizon);
    expect(ids(new Date(T0 - HOUR_MS))).toEqual(atTrimHorizon);
  });

  it('still lists the generation open at a timestamp inside the retention period', () => {
    const { ids } = streamWithExpiredParent();
    expect(ids(new Date(T0 + 20 * HOUR_MS))).toEqual(['shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
  });
});
