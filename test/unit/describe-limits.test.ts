import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { T0, ACCOUNT, arnOf, shardLimitMessage } from '../support/stream-fixture.js';
import { rejection } from '../support/rejection.js';


describe('DescribeLimits', () => {
  it("reports AWS's default quotas for a large region and an empty account", () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(kinesis.describeLimits()).toEqual({
      ShardLimit: 20_000,
      OpenShardCount: 0,
      OnDemandStreamCount: 0,
      OnDemandStreamCountLimit: 50,
      ChannelCount: 0,
      ChannelCountLimit: 100,
    });
  });

  it('reports the 20,000 default shard quota in us-east-1, us-west-2 and eu-west-1, and 1,000 elsewhere', () => {
    expect(new Kinesis({ clock: new ManualClock(T0), region: 'eu-central-1' }).describeLimits().ShardLimit).toBe(1_000);
    expect(new Kinesis({ clock: new ManualClock(T0), region: 'us-west-2' }).describeLimits().ShardLimit).toBe(20_000);
    expect(new Kinesis({ clock: new ManualClock(T0), region: 'eu-west-1' }).describeLimits().ShardLimit).toBe(20_000);
  });

  it('reports configured limits', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 12, onDemandStreamCountLimit: 3 });
    expect(kinesis.describeLimits()).toMatchObject({ ShardLimit: 12, OnDemandStreamCountLimit: 3 });
  });

  // The account shard quota counts provisioned streams' open shards; on-demand streams have their own quota.
  it('counts open shards of provisioned streams, and on-demand streams separately', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'a', ShardCount: 3 });
    kinesis.createStream({ StreamName: 'b', ShardCount: 2 });
    kinesis.createStream({ StreamName: 'c', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 5, OnDemandStreamCount: 1 });
  });

  it('stops counting a stream once it is deleted', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'a', ShardCount: 3 });
    kinesis.createStream({ StreamName: 'c', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.deleteStream({ StreamName: 'a' });
    kinesis.deleteStream({ StreamName: 'c' });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 0, OnDemandStreamCount: 0 });
  });

  it('accepts an empty input object and no input at all', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(kinesis.describeLimits({})).toEqual(kinesis.describeLimits());
  });
});

describe('DescribeLimits while a reshard is pending', () => {
  it('reports the shards open now, not the ones a pending split will open', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, updateStreamDelayMs: 1000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    expect(kinesis.describeLimits().OpenShardCount).toBe(2);
    clock.advance(1000);
    expect(kinesis.describeLimits().OpenShardCount).toBe(3);
  });
});

describe('account quotas while a change is pending (updateStreamDelayMs > 0)', () => {
  const DELAY_MS = 1000;

  it('counts the shard a pending SplitShard will open against the account shard limit', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, updateStreamDelayMs: DELAY_MS, shardLimit: 4 });
    kinesis.createStream({ StreamName: 'a', ShardCount: 2 });
    kinesis.createStream({ StreamName: 'b', ShardCount: 1 });
    kinesis.splitShard({ StreamName: 'a', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    const split = () => kinesis.splitShard({ StreamName: 'b', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    expect(rejection(split)).toEqual({ name: 'LimitExceededException', message: shardLimitMessage(4, 4, 1) });
    expect(rejection(() => kinesis.createStream({ StreamName: 'c', ShardCount: 1 }))).toEqual({
      name: 'LimitExceededException',
      message: shardLimitMessage(4, 4, 1),
    });
    clock.advance(DELAY_MS);
    expect(kinesis.describeLimits()).toMatchObject({ ShardLimit: 4, OpenShardCount: 4 });
    expect(kinesis.describeStreamSummary({ StreamName: 'b' }).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
  });

  it('counts the shards a pending UpdateShardCount will have open against the account shard limit', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, updateStreamDelayMs: DELAY_MS, shardLimit: 5 });
    kinesis.createStream({ StreamName: 'a', ShardCount: 2 });
    kinesis.createStream({ StreamName: 'b', ShardCount: 1 });
    kinesis.updateShardCount({ StreamName: 'a', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' });
    expect(rejection(() => kinesis.createStream({ StreamName: 'c', ShardCount: 1 }))).toEqual({
      name: 'LimitExceededException',
      message: shardLimitMessage(5, 5, 1),
    });
    clock.advance(DELAY_MS);
    expect(kinesis.describeLimits().OpenShardCount).toBe(5);
  });

  it('counts a stream switching to on-demand against the on-demand stream limit', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, updateStreamDelayMs: DELAY_MS, onDemandStreamCountLimit: 1 });
    kinesis.createStream({ StreamName: 'a', ShardCount: 1 });
    kinesis.createStream({ StreamName: 'b', ShardCount: 1 });
    kinesis.updateStreamMode({ StreamARN: arnOf('a'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const limit = {
      name: 'LimitExceededException',
      message: `This request would exceed the on-demand stream limit for the account ${ACCOUNT} in us-east-1. Limit: 1.`,
    };
    expect(rejection(() => kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }))).toEqual(limit);
    expect(rejection(() => kinesis.updateStreamMode({ StreamARN: arnOf('b'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } }))).toEqual(limit);
    clock.advance(DELAY_MS);
    expect(kinesis.describeLimits()).toMatchObject({ OnDemandStreamCount: 1, OnDemandStreamCountLimit: 1 });
    expect(kinesis.listStreams().StreamNames).toEqual(['a', 'b']);
  });
});
