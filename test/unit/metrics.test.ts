// kinesis.metrics: CloudWatch's Kinesis metrics kept per minute of engine time, read like GetMetricStatistics.

import { describe, expect, it } from 'vitest';
import {
  evenRanges, InvalidParameterCombinationException, InvalidParameterValueException, Kinesis, KINESIS_METRICS, ManualClock,
  shardIndexForKey,
  MissingRequiredParameterException, type Datapoint, type GetMetricStatisticsInput, type StandardUnit, type Statistic,
} from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';
import { Account } from '../../src/model/account.js';
import { resolveOptions } from '../../src/options.js';
import { createStream } from '../../src/actions/create-stream.js';
import { enableEnhancedMonitoring } from '../../src/actions/enable-enhanced-monitoring.js';
import { getMetricStatistics } from '../../src/metrics/get-metric-statistics.js';

const MINUTE = 60_000;
const ALL: Statistic[] = ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'];
const bytes = (n: number) => new Uint8Array(n);

function setup(options: { throughputLimits?: boolean; metricsRetentionMs?: number; shards?: number } = {}) {
  const clock = new ManualClock(T0);
  const { shards = 2, ...rest } = options;
  const kinesis = new Kinesis({ clock, ...rest });
  kinesis.createStream({ StreamName: 's', ShardCount: shards });
  /** The datapoints of `metric` over [T0, T0 + minutes) per `periodS`, with every statistic. */
  const stats = (MetricName: string, extra: Partial<GetMetricStatisticsInput> = {}, minutes = 60, dims: Record<string, string> = {}) =>
    kinesis.metrics.getMetricStatistics({
      Namespace: 'AWS/Kinesis',
      MetricName,
      Dimensions: Object.entries({ StreamName: 's', ...dims }).map(([Name, Value]) => ({ Name, Value })),
      StartTime: new Date(T0),
      EndTime: new Date(T0 + minutes * MINUTE),
      Period: 60,
      Statistics: ALL,
      ...extra,
    }).Datapoints!;
  return { clock, kinesis, stats };
}

const point = (minute: number, unit: string, sampleCount: number, sum: number, minimum: number, maximum: number): Datapoint => ({
  Timestamp: new Date(T0 + minute * MINUTE), SampleCount: sampleCount, Sum: sum, Average: sum / sampleCount, Minimum: minimum, Maximum: maximum,
  Unit: unit as StandardUnit,
});

describe('stream-level put metrics', () => {
  it('count each put operation as one sample, per minute of engine time, with no datapoint for an idle minute', () => {
    const { clock, kinesis, stats } = setup();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: bytes(10) });
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: bytes(3) }, { PartitionKey: 'b', Data: bytes(5) }] });
    clock.advance(2 * MINUTE + 5_000); // minute 2; minute 1 stays idle
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'c', Data: bytes(7) });

    expect(stats('IncomingBytes')).toEqual([point(0, 'Bytes', 2, 18, 8, 10), point(2, 'Bytes', 1, 7, 7, 7)]);
    expect(stats('IncomingRecords')).toEqual([point(0, 'Count', 2, 3, 1, 2), point(2, 'Count', 1, 1, 1, 1)]);
    expect(stats('PutRecord.Bytes')).toEqual([point(0, 'Bytes', 1, 10, 10, 10), point(2, 'Bytes', 1, 7, 7, 7)]);
    expect(stats('PutRecords.Bytes')).toEqual([point(0, 'Bytes', 1, 8, 8, 8)]);
    expect(stats('PutRecords.Records')).toEqual([point(0, 'Count', 1, 2, 2, 2)]);
    expect(stats('PutRecords.TotalRecords')).toEqual([point(0, 'Count', 1, 2, 2, 2)]);
    expect(stats('PutRecords.SuccessfulRecords')).toEqual([point(0, 'Count', 1, 2, 2, 2)]);
    expect(stats('PutRecords.ThrottledRecords')).toEqual([point(0, 'Count', 1, 0, 0, 0)]);
    expect(stats('PutRecords.FailedRecords')).toEqual([point(0, 'Count', 1, 0, 0, 0)]);
    expect(stats('PutRecord.Success')).toEqual([point(0, 'Count', 1, 1, 1, 1), point(2, 'Count', 1, 1, 1, 1)]);
    expect(stats('PutRecords.Success')).toEqual([point(0, 'Count', 1, 1, 1, 1)]);
    expect(stats('PutRecord.Latency')).toEqual([point(0, 'Milliseconds', 1, 0, 0, 0), point(2, 'Milliseconds', 1, 0, 0, 0)]);
    expect(stats('WriteProvisionedThroughputExceeded')).toEqual([point(0, 'Count', 2, 0, 0, 0), point(2, 'Count', 1, 0, 0, 0)]);
    expect(stats('GetRecords.Records')).toEqual([]);
  });

  it('merge minutes into periods aligned to StartTime (rounded down to the minute)', () => {
    const { clock, kinesis, stats } = setup();
    for (let m = 0; m < 7; m++) {
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(m + 1) });
      clock.advance(MINUTE);
    }
    const start = new Date(T0 + MINUTE + 30_000); // 00:01:30 -> 00:01:00
    expect(stats('IncomingBytes', { StartTime: start, Period: 180 })).toEqual([
      { ...point(1, 'Bytes', 3, 2 + 3 + 4, 2, 4) },
      { ...point(4, 'Bytes', 3, 5 + 6 + 7, 5, 7) },
    ]);
    const onlySum = stats('IncomingBytes', { Statistics: ['Sum'], Period: 600 });
    expect(onlySum).toEqual([{ Timestamp: new Date(T0), Sum: 28, Unit: 'Bytes' }]);
  });

  it('keeps counting under the same StreamName when the stream is deleted and created again', () => {
    const { clock, kinesis, stats } = setup();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(4) });
    kinesis.deleteStream({ StreamName: 's' });
    clock.advance(MINUTE);
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(6) });
    expect(stats('IncomingBytes', { Statistics: ['Sum'] }).map((p) => p.Sum)).toEqual([4, 6]);
  });
});

describe('throttling metrics (throughputLimits)', () => {
  it('count throttled PutRecords entries and PutRecord calls, and the share of successful calls', () => {
    const { kinesis, stats } = setup({ throughputLimits: true, shards: 1 });
    const entries = Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `k${i}`, Data: bytes(1) }));
    expect(kinesis.putRecords({ StreamName: 's', Records: entries }).FailedRecordCount).toBe(0);
    expect(kinesis.putRecords({ StreamName: 's', Records: entries }).FailedRecordCount).toBe(0);
    expect(kinesis.putRecords({ StreamName: 's', Records: entries }).FailedRecordCount).toBe(500); // the second's 1000 records are spent
    expect(() => kinesis.putRecord({ StreamName: 's', PartitionKey: 'x', Data: bytes(1) })).toThrow(expect.objectContaining({ name: 'ProvisionedThroughputExceededException' }));

    expect(stats('PutRecords.TotalRecords')).toEqual([point(0, 'Count', 3, 1500, 500, 500)]);
    expect(stats('PutRecords.SuccessfulRecords')).toEqual([point(0, 'Count', 3, 1000, 0, 500)]);
    expect(stats('PutRecords.Records')).toEqual([point(0, 'Count', 2, 1000, 500, 500)]);
    expect(stats('PutRecords.ThrottledRecords')).toEqual([point(0, 'Count', 3, 500, 0, 500)]);
    expect(stats('PutRecords.Success')).toEqual([point(0, 'Count', 3, 2, 0, 1)]);
    expect(stats('PutRecord.Success')).toEqual([point(0, 'Count', 1, 0, 0, 0)]);
    expect(stats('IncomingRecords')).toEqual([point(0, 'Count', 2, 1000, 500, 500)]);
    expect(stats('WriteProvisionedThroughputExceeded')).toEqual([point(0, 'Count', 4, 501, 0, 500)]);
  });

  it('count a throttled GetRecords as a failed call with ReadProvisionedThroughputExceeded 1', () => {
    const { kinesis, stats } = setup({ throughputLimits: true, shards: 1 });
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    for (let i = 0; i < 5; i++) kinesis.getRecords({ ShardIterator: it });
    expect(() => kinesis.getRecords({ ShardIterator: it })).toThrow(expect.objectContaining({ name: 'ProvisionedThroughputExceededException' }));
    expect(stats('ReadProvisionedThroughputExceeded')).toEqual([point(0, 'Count', 6, 1, 0, 1)]);
    expect(stats('GetRecords.Success')).toEqual([point(0, 'Count', 6, 5, 0, 1)]);
  });
});

describe('GetRecords metrics', () => {
  it('give records, data bytes and the age of the last record returned per call', () => {
    const { clock, kinesis, stats } = setup({ shards: 1 });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(100) });
    clock.advance(1_000);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(50) });
    clock.advance(4_000);
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const page = kinesis.getRecords({ ShardIterator: it, Limit: 1 }); // the first record, 5 s old
    const rest = kinesis.getRecords({ ShardIterator: page.NextShardIterator! }); // the second, 4 s old
    kinesis.getRecords({ ShardIterator: rest.NextShardIterator! }); // nothing: caught up
    expect(stats('GetRecords.Records')).toEqual([point(0, 'Count', 3, 2, 0, 1)]);
    expect(stats('GetRecords.Bytes')).toEqual([point(0, 'Bytes', 3, 150, 0, 100)]);
    expect(stats('GetRecords.IteratorAgeMilliseconds')).toEqual([point(0, 'Milliseconds', 3, 9_000, 0, 5_000)]);
    expect(stats('GetRecords.Success')).toEqual([point(0, 'Count', 3, 3, 1, 1)]);
    expect(stats('GetRecords.Latency')).toEqual([point(0, 'Milliseconds', 3, 0, 0, 0)]);
  });
});

describe('shard-level (enhanced) metrics', () => {
  it('exist only for the metrics enabled, from the moment they are enabled until disabled', () => {
    const { clock, kinesis, stats } = setup({ shards: 2 });
    const [k0, k1] = [0, 1].map((shard) => Array.from({ length: 100 }, (_, i) => `key-${i}`).find((k) => shardIndexForKey(k, evenRanges(2)) === shard)!);
    const put = () => kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: k0!, Data: bytes(1) }, { PartitionKey: k0!, Data: bytes(2) }, { PartitionKey: k1!, Data: bytes(4) }] });
    put();
    clock.advance(MINUTE);
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes', 'WriteProvisionedThroughputExceeded'] });
    put();
    clock.advance(MINUTE);
    kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    put();

    const shard = (i: number) => ({ ShardId: `shardId-00000000000${i}` });
    expect(stats('IncomingBytes', {}, 60, shard(0))).toEqual([point(1, 'Bytes', 1, 3, 3, 3)]);
    expect(stats('IncomingBytes', {}, 60, shard(1))).toEqual([point(1, 'Bytes', 1, 4, 4, 4)]);
    expect(stats('WriteProvisionedThroughputExceeded', {}, 60, shard(1))).toEqual([point(1, 'Count', 1, 0, 0, 0)]);
    expect(stats('IncomingRecords', {}, 60, shard(0))).toEqual([]); // not enabled
    // Stream-level metrics are always there, for all three minutes.
    expect(stats('IncomingBytes').map((p) => p.Sum)).toEqual([7, 7, 7]);
  });

  it('count reads per shard, with their iterator age', () => {
    const { clock, kinesis, stats } = setup({ shards: 1 });
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(9) });
    clock.advance(2_000);
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    kinesis.getRecords({ ShardIterator: it });
    const shard = { ShardId: 'shardId-000000000000' };
    expect(stats('OutgoingBytes', {}, 60, shard)).toEqual([point(0, 'Bytes', 1, 9, 9, 9)]);
    expect(stats('OutgoingRecords', {}, 60, shard)).toEqual([point(0, 'Count', 1, 1, 1, 1)]);
    expect(stats('IteratorAgeMilliseconds', {}, 60, shard)).toEqual([point(0, 'Milliseconds', 1, 2_000, 2_000, 2_000)]);
    expect(stats('ReadProvisionedThroughputExceeded', {}, 60, shard)).toEqual([point(0, 'Count', 1, 0, 0, 0)]);
    expect(stats('IncomingRecords', {}, 60, shard)).toEqual([point(0, 'Count', 1, 1, 1, 1)]);
  });
});

describe('retention and listing', () => {
  it('forgets minutes older than metricsRetentionMs of engine time', () => {
    const { clock, kinesis, stats } = setup({ metricsRetentionMs: 5 * MINUTE });
    for (let m = 0; m < 8; m++) {
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(m + 1) });
      clock.advance(MINUTE);
    }
    // Now 00:08: minutes 00:04 .. 00:07 are inside the last 5 minutes (00:03 started 5 minutes ago).
    expect(stats('IncomingBytes', { Statistics: ['Sum'] }).map((p) => p.Sum)).toEqual([5, 6, 7, 8]);
    clock.advance(60 * MINUTE);
    expect(stats('IncomingBytes', { StartTime: new Date(T0), EndTime: new Date(T0 + 120 * MINUTE) })).toEqual([]);
    expect(kinesis.metrics.listMetrics().Metrics).toEqual([]);
  });

  it('keeps nothing with metricsRetentionMs 0, and refuses a retention that is not whole minutes', () => {
    const { kinesis, stats } = setup({ metricsRetentionMs: 0 });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) });
    expect(stats('IncomingBytes')).toEqual([]);
    expect(() => new Kinesis({ metricsRetentionMs: 90_000 })).toThrow(RangeError);
    expect(new Kinesis().metrics.retentionMs).toBe(3 * 3_600_000);
  });

  it('lists every metric with data, with its dimensions, and filters by name and dimension', () => {
    const { kinesis } = setup({ shards: 1 });
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    kinesis.enableEnhancedMonitoring({ StreamName: 't', ShardLevelMetrics: ['IncomingRecords'] });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) });
    kinesis.putRecord({ StreamName: 't', PartitionKey: 'k', Data: bytes(1) });
    const names = (input = {}) => kinesis.metrics.listMetrics(input).Metrics!.map((m) => `${m.MetricName} ${m.Dimensions!.map((d) => d.Value).join('/')}`);
    expect(names({ Dimensions: [{ Name: 'StreamName', Value: 's' }] })).toEqual([
      'IncomingBytes s', 'IncomingRecords s', 'PutRecord.Bytes s', 'PutRecord.Latency s', 'PutRecord.Success s',
      'WriteProvisionedThroughputExceeded s',
    ]);
    expect(names({ MetricName: 'IncomingRecords' })).toEqual(['IncomingRecords s', 'IncomingRecords t', 'IncomingRecords t/shardId-000000000000']);
    expect(names({ Dimensions: [{ Name: 'ShardId' }] })).toEqual(['IncomingRecords t/shardId-000000000000']);
    expect(names({ Namespace: 'AWS/EC2' })).toEqual([]);
  });

  it('publishes CloudWatch names, units and dimensions (the catalog)', () => {
    const byName = (level: string) => KINESIS_METRICS.filter((m) => m.DimensionNames.join() === level).map((m) => `${m.MetricName}:${m.Unit}`);
    expect(byName('StreamName,ShardId')).toEqual([
      'IncomingBytes:Bytes', 'IncomingRecords:Count', 'IteratorAgeMilliseconds:Milliseconds', 'OutgoingBytes:Bytes',
      'OutgoingRecords:Count', 'ReadProvisionedThroughputExceeded:Count', 'WriteProvisionedThroughputExceeded:Count',
    ]);
    expect(byName('StreamName,ConsumerName')).toHaveLength(6);
    expect(byName('StreamName')).toHaveLength(20);
  });
});

describe('GetMetricStatistics input checks (CloudWatch errors)', () => {
  const { stats } = setup();
  const error = (extra: Partial<GetMetricStatisticsInput>) => {
    try {
      stats('IncomingBytes', extra);
    } catch (e) {
      return { name: (e as Error).name, message: (e as Error).message };
    }
    return undefined;
  };

  it('answers an unknown metric, namespace, dimension set or unit with no datapoints', () => {
    expect(stats('NoSuchMetric')).toEqual([]);
    expect(stats('IncomingBytes', { Namespace: 'AWS/EC2' })).toEqual([]);
    expect(stats('IncomingBytes', { Dimensions: [] })).toEqual([]);
    expect(stats('IncomingBytes', { Unit: 'Count' })).toEqual([]);
  });

  it('refuses bad periods, times and statistics with CloudWatch exceptions', () => {
    expect(error({ Period: 30 })).toEqual({ name: 'InvalidParameterValueException', message: 'The parameter Period must be a positive multiple of 60.' });
    expect(error({ EndTime: new Date(T0) })).toEqual({ name: 'InvalidParameterValueException', message: 'The parameter StartTime must not equal parameter EndTime.' });
    expect(error({ EndTime: new Date(T0 - 1) })?.name).toBe('InvalidParameterValueException');
    expect(error({ Statistics: [] })?.name).toBe('InvalidParameterCombinationException');
    expect(error({ Statistics: ['p99' as Statistic] })?.message).toContain('Statistics.member.1');
    expect(error({ ExtendedStatistics: ['p99'] })?.message).toContain('ExtendedStatistics');
    expect(error({ EndTime: new Date(T0 + 1441 * MINUTE) })).toEqual({
      name: 'InvalidParameterCombinationException',
      message: 'You have requested up to 1441 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    });
    expect(() => stats('IncomingBytes', { Period: undefined as unknown as number })).toThrow(MissingRequiredParameterException);
    expect(() => stats('IncomingBytes', { Period: 7 })).toThrow(InvalidParameterValueException);
    expect(() => stats('IncomingBytes', { Statistics: [] })).toThrow(InvalidParameterCombinationException);
  });
});

describe('the recording API for SubscribeToShard (one call each)', () => {
  it('gives SubscribeToShard.* and SubscribeToShardEvent.* per consumer, events timed when they happened', () => {
    const clock = new ManualClock(T0);
    const account = new Account(resolveOptions({ clock }));
    createStream(account, { StreamName: 's', ShardCount: 1 });
    enableEnhancedMonitoring(account, { StreamName: 's', ShardLevelMetrics: ['OutgoingBytes'] });
    const stream = account.streams.get('s')!;
    clock.advance(3 * MINUTE);
    account.metrics.subscribeToShard(stream, 'app', T0 + 3 * MINUTE, true);
    account.metrics.subscribeToShard(stream, 'app', T0 + 3 * MINUTE, false);
    // Events read at minute 3 that happened in minutes 1 and 3.
    account.metrics.subscribeToShardEvent(stream, 'shardId-000000000000', 'app', T0 + MINUTE + 5, 2, 200, 1_000);
    account.metrics.subscribeToShardEvent(stream, 'shardId-000000000000', 'app', T0 + 3 * MINUTE, 0, 0, 0);
    const query = (MetricName: string, Dimensions: { Name: string; Value: string }[]) =>
      getMetricStatistics(account.metrics, clock.now(), {
        Namespace: 'AWS/Kinesis', MetricName, Dimensions, StartTime: new Date(T0), EndTime: new Date(T0 + 10 * MINUTE), Period: 60, Statistics: ALL,
      }).Datapoints;
    const consumer = [{ Name: 'StreamName', Value: 's' }, { Name: 'ConsumerName', Value: 'app' }];
    expect(query('SubscribeToShard.Success', consumer)).toEqual([point(3, 'Count', 2, 1, 0, 1)]);
    expect(query('SubscribeToShard.RateExceeded', consumer)).toEqual([point(3, 'Count', 1, 1, 1, 1)]);
    expect(query('SubscribeToShardEvent.Records', consumer)).toEqual([point(1, 'Count', 1, 2, 2, 2), point(3, 'Count', 1, 0, 0, 0)]);
    expect(query('SubscribeToShardEvent.Bytes', consumer)).toEqual([point(1, 'Bytes', 1, 200, 200, 200), point(3, 'Bytes', 1, 0, 0, 0)]);
    expect(query('SubscribeToShardEvent.MillisBehindLatest', consumer)).toEqual([point(1, 'Milliseconds', 1, 1_000, 1_000, 1_000), point(3, 'Milliseconds', 1, 0, 0, 0)]);
    expect(query('SubscribeToShardEvent.Success', consumer)).toEqual([point(1, 'Count', 1, 1, 1, 1), point(3, 'Count', 1, 1, 1, 1)]);
    // Shard level: only OutgoingBytes is enabled.
    const shard = [{ Name: 'StreamName', Value: 's' }, { Name: 'ShardId', Value: 'shardId-000000000000' }];
    expect(query('OutgoingBytes', shard)?.map((p) => p.Sum)).toEqual([200, 0]);
    expect(query('OutgoingRecords', shard)).toEqual([]);
  });
});

describe('what the engine records itself: SubscribeToShard calls and events, injected PutRecords failures', () => {
  it('records each SubscribeToShard (established or refused within 5 seconds) and each event it pushes, when it happened', () => {
    const { clock, kinesis } = setup({ shards: 1 });
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['OutgoingRecords'] });
    const stream = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamARN;
    const consumerArn = kinesis.registerStreamConsumer({ StreamARN: stream, ConsumerName: 'app' }).Consumer.ConsumerARN;
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: bytes(10) }, { PartitionKey: 'b', Data: bytes(20) }] });
    const subscription = kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } });
    expect(() => kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } }))
      .toThrow(expect.objectContaining({ name: 'ResourceInUseException' }));
    clock.advance(2 * MINUTE);
    // Read two minutes late: the first event happened at minute 0, the idle ones every 5 s after it.
    const events = subscription.poll().events.map((e) => e.SubscribeToShardEvent!);
    expect(events.length).toBeGreaterThan(2);
    const consumer = { ConsumerName: 'app' };
    const query = (MetricName: string, dims: Record<string, string>) =>
      kinesis.metrics.getMetricStatistics({
        Namespace: 'AWS/Kinesis', MetricName, Dimensions: Object.entries({ StreamName: 's', ...dims }).map(([Name, Value]) => ({ Name, Value })),
        StartTime: new Date(T0), EndTime: new Date(T0 + 10 * MINUTE), Period: 600, Statistics: ALL,
      }).Datapoints!;
    expect(query('SubscribeToShard.Success', consumer)).toEqual([point(0, 'Count', 2, 1, 0, 1)]);
    expect(query('SubscribeToShard.RateExceeded', consumer)).toEqual([point(0, 'Count', 1, 1, 1, 1)]);
    expect(query('SubscribeToShardEvent.Records', consumer)).toEqual([point(0, 'Count', events.length, 2, 0, 2)]);
    expect(query('SubscribeToShardEvent.Bytes', consumer)).toEqual([point(0, 'Bytes', events.length, 30, 0, 30)]);
    const perMinute = kinesis.metrics.getMetricStatistics({
      Namespace: 'AWS/Kinesis', MetricName: 'SubscribeToShardEvent.Success', Dimensions: [{ Name: 'StreamName', Value: 's' }, { Name: 'ConsumerName', Value: 'app' }],
      StartTime: new Date(T0), EndTime: new Date(T0 + 10 * MINUTE), Period: 60, Statistics: ['SampleCount'],
    }).Datapoints!.map((p) => [p.Timestamp!.getTime() - T0, p.SampleCount]);
    // 12 events a minute (one at once, then one per idle 5 s), each in the minute it happened, not the minute read.
    expect(perMinute).toEqual([[0, 12], [MINUTE, 12], [2 * MINUTE, 1]]);
    expect(query('OutgoingRecords', { ShardId: 'shardId-000000000000' })?.map((p) => p.Sum)).toEqual([2]);
  });

  it('counts injected per-entry failures as the client sees them: InternalFailure as failed, a throttle as throttled', () => {
    const { kinesis, stats } = setup({ shards: 1 });
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['WriteProvisionedThroughputExceeded', 'IncomingRecords'] });
    const entries = Array.from({ length: 4 }, (_, i) => ({ PartitionKey: `k${i}`, Data: bytes(5) }));
    kinesis.faults.inject({ records: { indexes: [0] }, error: 'InternalFailure', count: 1 });
    expect(kinesis.putRecords({ StreamName: 's', Records: entries }).FailedRecordCount).toBe(1);
    kinesis.faults.inject({ records: { indexes: [1, 2] }, count: 1 });
    expect(kinesis.putRecords({ StreamName: 's', Records: entries }).FailedRecordCount).toBe(2);

    expect(stats('PutRecords.TotalRecords')).toEqual([point(0, 'Count', 2, 8, 4, 4)]);
    expect(stats('PutRecords.SuccessfulRecords')).toEqual([point(0, 'Count', 2, 5, 2, 3)]);
    expect(stats('PutRecords.FailedRecords')).toEqual([point(0, 'Count', 2, 1, 0, 1)]);
    expect(stats('PutRecords.ThrottledRecords')).toEqual([point(0, 'Count', 2, 2, 0, 2)]);
    expect(stats('PutRecords.Success')).toEqual([point(0, 'Count', 2, 2, 1, 1)]);
    expect(stats('IncomingRecords')).toEqual([point(0, 'Count', 2, 5, 2, 3)]);
    expect(stats('WriteProvisionedThroughputExceeded')).toEqual([point(0, 'Count', 2, 2, 0, 2)]);
    const shard = { ShardId: 'shardId-000000000000' };
    expect(stats('WriteProvisionedThroughputExceeded', {}, 60, shard).map((p) => p.Sum)).toEqual([2]);
    expect(stats('IncomingRecords', {}, 60, shard).map((p) => p.Sum)).toEqual([5]);
  });
});
