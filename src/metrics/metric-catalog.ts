// The metric catalog: every Kinesis Data Streams metric kinesim publishes, with CloudWatch's name, unit and
// dimensions, and how its samples follow from the minute facts (minute-facts.ts). One sample per call (or per
// SubscribeToShard event); Sum, Minimum, Maximum and Average are over those samples, as AWS documents.
// https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html

import { ConsumerFact, sampleCount, ShardFact, StreamFact, type Facts } from './minute-facts.js';
import type { StatAccumulator } from './stat-accumulator.js';

export const KINESIS_NAMESPACE = 'AWS/Kinesis';

/**
 * [U] What GetRecords.Latency, PutRecord.Latency and PutRecords.Latency report for every call: an in-memory call
 * takes no measurable engine time (under a ManualClock none at all), so 0 ms rather than an invented figure.
 */
export const METRIC_LATENCY_MS = 0;

/** Which facts a metric reads and which dimensions name it. */
export type MetricLevel = 'stream' | 'shard' | 'consumer';

/** The dimension names of each level. */
export const LEVEL_DIMENSIONS: Readonly<Record<MetricLevel, readonly string[]>> = {
  stream: ['StreamName'],
  shard: ['StreamName', 'ShardId'],
  consumer: ['StreamName', 'ConsumerName'],
};

export type MetricUnit = 'Bytes' | 'Count' | 'Milliseconds';

export interface MetricDefinition {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly level: MetricLevel;
  /** Adds the metric's samples in one minute's facts of its level to `acc`. */
  readonly derive: (facts: Facts, acc: StatAccumulator) => void;
}

const S = StreamFact;
const n = sampleCount;

/** Calls of each kind in a minute, for the per-call metrics (Success, Latency, throttling). */
const putRecordCalls = (f: Facts) => n(f, S.PutRecordBytes) + n(f, S.PutRecordThrottled);
const putRecordsCalls = (f: Facts) => n(f, S.PutsCleanRecords) + n(f, S.PutsMixedTotal);

function stream(name: string, unit: MetricUnit, derive: MetricDefinition['derive']): MetricDefinition {
  return { name, unit, level: 'stream', derive };
}

const STREAM_METRICS: readonly MetricDefinition[] = [
  stream('GetRecords.Bytes', 'Bytes', (f, a) => a.fact(f, S.GetBytes)),
  stream('GetRecords.IteratorAgeMilliseconds', 'Milliseconds', (f, a) => a.fact(f, S.GetIteratorAge)),
  stream('GetRecords.Latency', 'Milliseconds', (f, a) => a.repeat(n(f, S.GetRecords), METRIC_LATENCY_MS)),
  stream('GetRecords.Records', 'Count', (f, a) => a.fact(f, S.GetRecords)),
  // [U] Throttled calls are the failures counted (Average = the share of calls that succeeded).
  stream('GetRecords.Success', 'Count', (f, a) => {
    a.repeat(n(f, S.GetRecords), 1);
    a.repeat(n(f, S.GetThrottled), 0);
  }),
  stream('IncomingBytes', 'Bytes', (f, a) => {
    a.fact(f, S.PutRecordBytes);
    a.fact(f, S.PutsCleanBytes);
    a.fact(f, S.PutsMixedBytes);
  }),
  stream('IncomingRecords', 'Count', (f, a) => {
    a.repeat(n(f, S.PutRecordBytes), 1);
    a.fact(f, S.PutsCleanRecords);
    a.fact(f, S.PutsMixedStored);
  }),
  stream('PutRecord.Bytes', 'Bytes', (f, a) => a.fact(f, S.PutRecordBytes)),
  stream('PutRecord.Latency', 'Milliseconds', (f, a) => a.repeat(putRecordCalls(f), METRIC_LATENCY_MS)),
  stream('PutRecord.Success', 'Count', (f, a) => {
    a.repeat(n(f, S.PutRecordBytes), 1);
    a.repeat(n(f, S.PutRecordThrottled), 0);
  }),
  stream('PutRecords.Bytes', 'Bytes', (f, a) => {
    a.fact(f, S.PutsCleanBytes);
    a.fact(f, S.PutsMixedBytes);
  }),
  stream('PutRecords.Latency', 'Milliseconds', (f, a) => a.repeat(putRecordsCalls(f), METRIC_LATENCY_MS)),
  stream('PutRecords.Records', 'Count', (f, a) => {
    a.fact(f, S.PutsCleanRecords);
    a.fact(f, S.PutsMixedStored);
  }),
  // "The number of PutRecords operations where at least one record succeeded" (1 per call, else 0).
  stream('PutRecords.Success', 'Count', (f, a) => {
    a.repeat(n(f, S.PutsCleanRecords) + n(f, S.PutsMixedStored), 1);
    a.repeat(n(f, S.PutsMixedTotal) - n(f, S.PutsMixedStored), 0);
  }),
  stream('PutRecords.TotalRecords', 'Count', (f, a) => {
    a.fact(f, S.PutsCleanRecords);
    a.fact(f, S.PutsMixedTotal);
  }),
  stream('PutRecords.SuccessfulRecords', 'Count', (f, a) => {
    a.fact(f, S.PutsCleanRecords);
    a.fact(f, S.PutsMixedStored);
    a.repeat(n(f, S.PutsMixedTotal) - n(f, S.PutsMixedStored), 0);
  }),
  stream('PutRecords.FailedRecords', 'Count', (f, a) => {
    a.repeat(n(f, S.PutsCleanRecords), 0);
    a.fact(f, S.PutsMixedFailed);
  }),
  stream('PutRecords.ThrottledRecords', 'Count', (f, a) => {
    a.repeat(n(f, S.PutsCleanRecords), 0);
    a.fact(f, S.PutsMixedThrottled);
  }),
  // Per GetRecords call: 1 when throttled, else 0 ("Minimum ... 1, all records were throttled").
  stream('ReadProvisionedThroughputExceeded', 'Count', (f, a) => {
    a.repeat(n(f, S.GetRecords), 0);
    a.repeat(n(f, S.GetThrottled), 1);
  }),
  // [U] Per put operation: the records it had throttled (PutRecord: 0 or 1), so Sum is the records throttled.
  stream('WriteProvisionedThroughputExceeded', 'Count', (f, a) => {
    a.repeat(n(f, S.PutRecordBytes), 0);
    a.repeat(n(f, S.PutRecordThrottled), 1);
    a.repeat(n(f, S.PutsCleanRecords), 0);
    a.fact(f, S.PutsMixedThrottled);
  }),
];

function consumer(name: string, unit: MetricUnit, derive: MetricDefinition['derive']): MetricDefinition {
  return { name, unit, level: 'consumer', derive };
}

const C = ConsumerFact;

// [U] Units of the two SubscribeToShard metrics (the documentation lists none): Count.
const CONSUMER_METRICS: readonly MetricDefinition[] = [
  consumer('SubscribeToShard.RateExceeded', 'Count', (f, a) => a.repeat(n(f, C.SubscribeRefused), 1)),
  consumer('SubscribeToShard.Success', 'Count', (f, a) => {
    a.repeat(n(f, C.SubscribeOk), 1);
    a.repeat(n(f, C.SubscribeRefused), 0);
  }),
  consumer('SubscribeToShardEvent.Bytes', 'Bytes', (f, a) => a.fact(f, C.EventBytes)),
  consumer('SubscribeToShardEvent.MillisBehindLatest', 'Milliseconds', (f, a) => a.fact(f, C.EventMillisBehind)),
  consumer('SubscribeToShardEvent.Records', 'Count', (f, a) => a.fact(f, C.EventRecords)),
  consumer('SubscribeToShardEvent.Success', 'Count', (f, a) => a.repeat(n(f, C.EventRecords), 1)),
];

function shard(name: string, unit: MetricUnit, fact: number): MetricDefinition {
  return { name, unit, level: 'shard', derive: (f, a) => a.fact(f, fact) };
}

/** The enhanced metrics, named like the EnableEnhancedMonitoring values that turn them on. */
const SHARD_METRICS: readonly MetricDefinition[] = [
  shard('IncomingBytes', 'Bytes', ShardFact.IncomingBytes),
  shard('IncomingRecords', 'Count', ShardFact.IncomingRecords),
  shard('IteratorAgeMilliseconds', 'Milliseconds', ShardFact.IteratorAge),
  shard('OutgoingBytes', 'Bytes', ShardFact.OutgoingBytes),
  shard('OutgoingRecords', 'Count', ShardFact.OutgoingRecords),
  shard('ReadProvisionedThroughputExceeded', 'Count', ShardFact.ReadThrottled),
  shard('WriteProvisionedThroughputExceeded', 'Count', ShardFact.WriteThrottled),
];

/** Every metric kinesim publishes: stream level, then consumer level, then shard level. */
export const METRIC_CATALOG: readonly MetricDefinition[] = [...STREAM_METRICS, ...CONSUMER_METRICS, ...SHARD_METRICS];

/** The definition of `name` at the level its dimension names (in any order) select, if kinesim publishes one. */
export function findMetric(name: string, dimensionNames: readonly string[]): MetricDefinition | undefined {
  const key = [...dimensionNames].sort().join(',');
  return METRIC_CATALOG.find((m) => m.name === name && [...LEVEL_DIMENSIONS[m.level]].sort().join(',') === key);
}

/** A metric kinesim publishes, as a reader sees it: name, unit and dimension names. */
export interface KinesisMetricInfo {
  readonly MetricName: string;
  readonly Unit: MetricUnit;
  /** `['StreamName']`, `['StreamName', 'ShardId']` (enhanced) or `['StreamName', 'ConsumerName']`. */
  readonly DimensionNames: readonly string[];
}

/** The metrics kinesim publishes, in the catalog's order (stream, consumer, shard level). */
export const KINESIS_METRICS: readonly KinesisMetricInfo[] = Object.freeze(
  METRIC_CATALOG.map((m) => Object.freeze({ MetricName: m.name, Unit: m.unit, DimensionNames: LEVEL_DIMENSIONS[m.level] })),
);
