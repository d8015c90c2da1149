// GetMetricStatistics over kinesim's own metrics: CloudWatch's request and answer, for the AWS/Kinesis namespace.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html

import type {
  Datapoint, Dimension, GetMetricStatisticsInput, GetMetricStatisticsOutput, StandardUnit, Statistic,
} from '../api-types/metrics.js';
import { InvalidParameterCombinationException, InvalidParameterValueException, MissingRequiredParameterException } from './cloudwatch-error.js';
import { findMetric, KINESIS_NAMESPACE, type MetricDefinition } from './metric-catalog.js';
import type { Facts, MinuteFacts } from './minute-facts.js';
import type { MetricsStore } from './metrics-store.js';
import { StatAccumulator } from './stat-accumulator.js';
import { minuteOf } from './stream-metrics.js';

/** CloudWatch's cap on datapoints per GetMetricStatistics call. */
export const MAX_DATAPOINTS = 1440;
const MAX_DIMENSIONS = 30;
const STATISTICS: readonly Statistic[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

const text = {
  missing: (name: string) => `The parameter ${name} is required.`, // [U]
  sameTimes: () => 'The parameter StartTime must not equal parameter EndTime.', // [R] influxdata/telegraf#2022
  reversedTimes: () => 'The parameter StartTime must be less than the parameter EndTime.', // [U]
  badTime: (name: string) => `The parameter ${name} must be a valid timestamp.`, // [U]
  period: () => 'The parameter Period must be a positive multiple of 60.', // [U] kinesim keeps 1-minute data only
  statistic: (i: number, value: unknown) => `The parameter Statistics.member.${i} must be one of ${STATISTICS.join(', ')}; got ${String(value)}.`, // [U]
  noStatistics: () => 'Must specify either Statistics or ExtendedStatistics.', // [U]
  extended: () => 'kinesim does not compute ExtendedStatistics (percentiles); ask for SampleCount, Average, Sum, Minimum or Maximum.',
  dimensions: () => `The collection Dimensions must not have a size greater than ${MAX_DIMENSIONS}.`, // [U]
  // [R] cloud-custodian/cloud-custodian#7683 (AWS's answer, quoted).
  tooMany: (n: number) =>
    `You have requested up to ${n} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
};

/** A checked query: the metric's dimensions by name, times in ms, the period in ms. */
interface Query {
  readonly input: GetMetricStatisticsInput;
  readonly dimensions: ReadonlyMap<string, string>;
  readonly startMs: number;
  readonly endMs: number;
  readonly periodMs: number;
  readonly statistics: readonly Statistic[];
}

/**
 * The statistics of one metric per period, from the store's minutes.
 * @throws MissingRequiredParameterException, InvalidParameterValueException, InvalidParameterCombinationException
 */
export function getMetricStatistics(store: MetricsStore, nowMs: number, input: GetMetricStatisticsInput): GetMetricStatisticsOutput {
  const query = checked(input);
  const empty: GetMetricStatisticsOutput = { Label: input.MetricName, Datapoints: [] };
  const definition = findMetric(input.MetricName, [...query.dimensions.keys()].sort());
  if (input.Namespace !== KINESIS_NAMESPACE || definition === undefined) return empty;
  if (input.Unit !== undefined && input.Unit !== definition.unit) return empty;
  const history = store.history(query.dimensions.get('StreamName')!);
  if (history === undefined) return empty;
  const buckets = new Map<number, StatAccumulator>();
  for (const minute of history.minutes(query.startMs, query.endMs, nowMs)) {
    const facts = factsOf(minute, definition, query.dimensions);
    if (facts === undefined) continue;
    const bucketMs = query.startMs + Math.floor((minute.startMs - query.startMs) / query.periodMs) * query.periodMs;
    let acc = buckets.get(bucketMs);
    if (acc === undefined) buckets.set(bucketMs, (acc = new StatAccumulator()));
    definition.derive(facts, acc);
  }
  const datapoints: Datapoint[] = [];
  for (const [bucketMs, acc] of [...buckets].sort((a, b) => a[0] - b[0])) {
    if (acc.sampleCount > 0) datapoints.push(datapoint(bucketMs, acc, query.statistics, definition.unit));
  }
  return { Label: input.MetricName, Datapoints: datapoints };
}

/** The facts of `minute` that `definition` reads for these dimensions (undefined: none recorded). */
export function factsOf(minute: MinuteFacts, definition: MetricDefinition, dimensions: ReadonlyMap<string, string>): Facts | undefined {
  if (definition.level === 'stream') return minute.stream;
  if (definition.level === 'shard') return minute.shards?.get(dimensions.get('ShardId')!);
  return minute.consumers?.get(dimensions.get('ConsumerName')!);
}

function datapoint(bucketMs: number, acc: StatAccumulator, statistics: readonly Statistic[], unit: StandardUnit): Datapoint {
  const point: Datapoint = { Timestamp: new Date(bucketMs) };
  for (const statistic of STATISTICS) {
    if (!statistics.includes(statistic)) continue;
    if (statistic === 'SampleCount') point.SampleCount = acc.sampleCount;
    else if (statistic === 'Average') point.Average = acc.sum / acc.sampleCount;
    else if (statistic === 'Sum') point.Sum = acc.sum;
    else if (statistic === 'Minimum') point.Minimum = acc.minimum;
    else point.Maximum = acc.maximum;
  }
  point.Unit = unit;
  return point;
}

function checked(input: GetMetricStatisticsInput): Query {
  for (const name of ['Namespace', 'MetricName', 'StartTime', 'EndTime', 'Period'] as const) {
    if (input[name] === undefined || input[name] === null) throw new MissingRequiredParameterException(text.missing(name));
  }
  const startMs = timeOf(input.StartTime, 'StartTime');
  const endMs = timeOf(input.EndTime, 'EndTime');
  if (startMs === endMs) throw new InvalidParameterValueException(text.sameTimes());
  if (startMs > endMs) throw new InvalidParameterValueException(text.reversedTimes());
  const period = input.Period;
  if (typeof period !== 'number' || !Number.isInteger(period) || period <= 0 || period % 60 !== 0) {
    throw new InvalidParameterValueException(text.period());
  }
  const statistics = input.Statistics ?? [];
  statistics.forEach((s, i) => {
    if (!STATISTICS.includes(s)) throw new InvalidParameterValueException(text.statistic(i + 1, s));
  });
  if (input.ExtendedStatistics !== undefined && input.ExtendedStatistics.length > 0) throw new InvalidParameterValueException(text.extended());
  if (statistics.length === 0) throw new InvalidParameterCombinationException(text.noStatistics());
  const dimensions = dimensionsOf(input.Dimensions ?? []);
  const periodMs = period * 1000;
  const alignedStartMs = minuteOf(startMs);
  const requested = Math.ceil((endMs - alignedStartMs) / periodMs);
  if (requested > MAX_DATAPOINTS) throw new InvalidParameterCombinationException(text.tooMany(requested));
  return { input, dimensions, startMs: alignedStartMs, endMs, periodMs, statistics };
}

function timeOf(value: unknown, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new InvalidParameterValueException(text.badTime(name));
  return ms;
}

function dimensionsOf(list: readonly Dimension[]): Map<string, string> {
  if (list.length > MAX_DIMENSIONS) throw new InvalidParameterValueException(text.dimensions());
  const map = new Map<string, string>();
  for (const d of list) map.set(d.Name, d.Value);
  // Two dimensions of one name match no metric.
  if (map.size !== list.length) map.set('', '');
  return map;
}

