// Regressions found by the adversarial review of the engine: each test failed before its fix.

import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';

const ACCOUNT = '000000000000';
const T0 = Date.UTC(2024, 0, 1);
const HOUR_MS = 3_600_000;
const LIMITS_URL = 'http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html';
const arnOf = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;

const shardLimitMessage = (current: number, limit: number, additional: number) =>
  `This request would exceed the shard limit for the account ${ACCOUNT} in us-east-1. Current shard count for the account: ${current}. ` +
  `Limit: ${limit}. Number of additional shards that would have resulted from this request: ${additional}. ` +
  `Refer to the AWS Service Limits page (${LIMITS_URL}) for current limits and how to request higher limits.`;

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

describe('UpdateStreamMode to PROVISIONED and the account shard limit', () => {
  it('refuses a switch whose shards would exceed the shard limit, changing nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 4 });
    kinesis.createStream({ StreamName: 'p', ShardCount: 4 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const toProvisioned = () => kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(rejection(toProvisioned)).toEqual({ name: 'LimitExceededException', message: shardLimitMessage(4, 4, 4) });
    expect(kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary).toMatchObject({
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
    });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 4, OnDemandStreamCount: 1 });
  });

  it('accepts the switch when the shards fit', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 8 });
    kinesis.createStream({ StreamName: 'p', ShardCount: 4 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 8, OnDemandStreamCount: 0 });
  });
});

describe('consumer ARNs are never reused', () => {
  const notFound = (arn: string) => ({ name: 'ResourceNotFoundException', message: `Consumer ${arn}, account ${ACCOUNT} not found.` });

  it('gives a consumer re-registered within the same second a new ARN; the old one finds nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const first = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    kinesis.deregisterStreamConsumer({ ConsumerARN: first.ConsumerARN });
    const second = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    expect(first.ConsumerARN).toBe(`${arnOf('s')}/consumer/c:${T0 / 1000}`);
    expect(second.ConsumerARN).not.toBe(first.ConsumerARN);
    expect(second.ConsumerCreationTimestamp).toEqual(new Date(T0));
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN: first.ConsumerARN }))).toEqual(notFound(first.ConsumerARN));
    expect(kinesis.describeStreamConsumer({ ConsumerARN: second.ConsumerARN }).ConsumerDescription.ConsumerName).toBe('c');
  });

  it('gives a consumer of a re-created stream a new ARN within the same second', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const first = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const second = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    expect(second.ConsumerARN).not.toBe(first.ConsumerARN);
    expect(rejection(() => kinesis.listTagsForResource({ ResourceARN: first.ConsumerARN }))).toEqual(notFound(first.ConsumerARN));
  });
});

describe('a stream deleted while CREATING', () => {
  it('never shows shards: DescribeStream has none, OpenShardCount is 0 and GetShardIterator finds no shard', () => {
    const clock = new ManualClock(Date.UTC(2024, 0, 1));
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 5000, deleteStreamDelayMs: 10_000 });
    kinesis.createStream({ StreamName: 'c', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 'c' });
    clock.advance(6000); // past the end of CREATING, still DELETING
    const description = kinesis.describeStream({ StreamName: 'c' }).StreamDescription;
    expect([description.StreamStatus, description.Shards]).toEqual(['DELETING', []]);
    expect(kinesis.describeStreamSummary({ StreamName: 'c' }).StreamDescriptionSummary.OpenShardCount).toBe(0);
    expect(() =>
      kinesis.getShardIterator({ StreamName: 'c', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }),
    ).toThrow('Shard shardId-000000000000 in stream c under account 000000000000 does not exist');
  });
});
