// The per-shard, per-period series of a run, read from the engine's own CloudWatch metrics (kinesis.metrics,
// GetMetricStatistics shapes) once the run is over: the lab's stream has every shard-level metric enabled
// (EnableEnhancedMonitoring ALL), so a summary and a live kinesim server speak one vocabulary, from one count.

import type { Datapoint, Kinesis } from '../index.js';
import { SHARD_METRICS, type ShardMetricName } from './shard-state.js';

/** CloudWatch answers at most this many datapoints per query. */
const MAX_DATAPOINTS = 1440;

/** How each metric is read per period: a count is summed, the iterator age is the period's maximum. */
function statisticOf(metric: ShardMetricName): 'Sum' | 'Maximum' {
  return metric === 'IteratorAgeMilliseconds' ? 'Maximum' : 'Sum';
}

/**
 * Each shard's series of every shard-level metric: `periods` values from `startMs`, one per `periodSeconds`
 * (a multiple of 60), 0 where CloudWatch has no datapoint.
 */
export function engineShardSeries(
  kinesis: Kinesis, streamName: string, shardIds: readonly string[], startMs: number, periodSeconds: number, periods: number,
): Map<string, Record<ShardMetricName, number[]>> {
  const out = new Map<string, Record<ShardMetricName, number[]>>();
  for (const shardId of shardIds) {
    const series = {} as Record<ShardMetricName, number[]>;
    const dimensions = [{ Name: 'StreamName', Value: streamName }, { Name: 'ShardId', Value: shardId }];
    for (const metric of SHARD_METRICS) series[metric] = readSeries(kinesis, metric, dimensions, statisticOf(metric), startMs, periodSeconds, periods);
    out.set(shardId, series);
  }
  return out;
}

/**
 * The maximum SubscribeToShardEvent.MillisBehindLatest per period over the enhanced consumers `consumerNames`
 * (the engine's consumer-level metric): how far behind their subscriptions were.
 */
export function engineMillisBehindLatest(
  kinesis: Kinesis, streamName: string, consumerNames: readonly string[], startMs: number, periodSeconds: number, periods: number,
): number[] {
  const out = new Array<number>(periods).fill(0);
  for (const name of consumerNames) {
    const dimensions = [{ Name: 'StreamName', Value: streamName }, { Name: 'ConsumerName', Value: name }];
    const values = readSeries(kinesis, 'SubscribeToShardEvent.MillisBehindLatest', dimensions, 'Maximum', startMs, periodSeconds, periods);
    for (let p = 0; p < periods; p++) if (values[p]! > out[p]!) out[p] = values[p]!;
  }
  return out;
}

/** One metric's `periods` values from `startMs` (0 where CloudWatch has no datapoint), in queries of at most 1,440. */
function readSeries(
  kinesis: Kinesis, metric: string, dimensions: { Name: string; Value: string }[], statistic: 'Sum' | 'Maximum',
  startMs: number, periodSeconds: number, periods: number,
): number[] {
  const periodMs = periodSeconds * 1000;
  const values = new Array<number>(periods).fill(0);
  for (let first = 0; first < periods; first += MAX_DATAPOINTS) {
    const count = Math.min(MAX_DATAPOINTS, periods - first);
    const { Datapoints } = kinesis.metrics.getMetricStatistics({
      Namespace: 'AWS/Kinesis', MetricName: metric, Dimensions: dimensions,
      StartTime: new Date(startMs + first * periodMs), EndTime: new Date(startMs + (first + count) * periodMs),
      Period: periodSeconds, Statistics: [statistic],
    });
    for (const d of Datapoints ?? []) values[Math.round((d.Timestamp!.getTime() - startMs) / periodMs)] = valueOf(d, statistic);
  }
  return values;
}

function valueOf(d: Datapoint, statistic: 'Sum' | 'Maximum'): number {
  return (statistic === 'Sum' ? d.Sum : d.Maximum) ?? 0;
}
