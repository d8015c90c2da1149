// Turns a finished run into its summary: lineage from DescribeShardGraph, per-shard totals and series,
// skew, hot keys, latency percentiles and the cost estimate.

import { estimateCost, round } from './cost.js';
import { KINESIS_LIMITS, hashKeyOf } from '../index.js';
import type { KeySampler } from './key-sampler.js';
import type { ShardConsumer } from './shard-consumer.js';
import type { ReshardRecord } from './scaling/scaling-runner.js';
import { listOpenShards } from './scaling/scaling-runner.js';
import type { ResolvedProducer, ResolvedScenario } from './scenario.js';
import { engineMillisBehindLatest, engineShardSeries } from './engine-shard-metrics.js';
import { SHARD_METRICS } from './shard-state.js';
import { STREAM_SERIES, type SimContext } from './sim-context.js';
import type { HotKey, MetricSeries, ShardSummary, SimulationSummary, SummaryMetrics } from './summary.js';

/** A producer as the summary reads it. */
export interface ProducerOutcome {
  spec: ResolvedProducer;
  keys: KeySampler;
  keyRecords: Float64Array;
  unsent: number;
}

export interface RunOutcome {
  ctx: SimContext;
  producers: ProducerOutcome[];
  consumers: ShardConsumer[];
  reshards: ReshardRecord[];
  endMs: number;
  notes: string[];
}

export function buildSummary(run: RunOutcome): SimulationSummary {
  const { ctx, endMs } = run;
  const sc = ctx.scenario;
  const graph = ctx.kinesis.describeShardGraph({ StreamName: ctx.streamName });
  const toSecond = (d: Date) => round((d.getTime() - ctx.startMs) / 1000, 3);
  const periods = Math.max(1, Math.ceil(endMs / ctx.periodMs));
  const series = engineShardSeries(ctx.kinesis, ctx.streamName, graph.Shards.map((s) => s.ShardId), ctx.startMs, sc.metrics.periodSeconds, periods);
  const shards: ShardSummary[] = graph.Shards.map((node) => {
    const t = totalsOf(series.get(node.ShardId)!);
    return {
      shardId: node.ShardId,
      parentShardIds: node.ParentShardIds,
      hashKeyRange: node.HashKeyRange,
      openedAtSecond: toSecond(node.OpenedAt),
      closedAtSecond: node.ClosedAt === undefined ? null : toSecond(node.ClosedAt),
      IncomingRecords: t[0]!, IncomingBytes: t[1]!, WriteProvisionedThroughputExceeded: t[2]!,
      ReadProvisionedThroughputExceeded: t[3]!, OutgoingRecords: t[4]!, OutgoingBytes: t[5]!,
      IteratorAgeMillisecondsMax: t[6]!,
    };
  });
  const durationS = sc.durationSeconds;
  let shardSeconds = 0;
  for (const s of shards) shardSeconds += Math.max(0, Math.min(s.closedAtSecond ?? durationS, durationS) - Math.min(s.openedAtSecond, durationS));
  const totals = sumTotals(run);
  return {
    kind: 'kinesim-simulation',
    version: 1,
    scenario: scenarioEcho(sc),
    endedAtSecond: round(endMs / 1000, 3),
    limits: {
      writeRecordsPerSecond: KINESIS_LIMITS.SHARD_WRITE_RECORDS_PER_SECOND,
      writeBytesPerSecond: KINESIS_LIMITS.SHARD_WRITE_BYTES_PER_SECOND,
      readCallsPerSecond: KINESIS_LIMITS.SHARD_READ_CALLS_PER_SECOND,
      readBytesPerSecond: KINESIS_LIMITS.SHARD_READ_BYTES_PER_SECOND,
    },
    totals,
    latencyMs: {
      p50: ctx.latency.quantile(0.5),
      p99: ctx.latency.quantile(0.99),
      max: round(ctx.latency.maxMs, 3),
      samples: ctx.latency.count,
    },
    skew: skewOf(shards, durationS),
    hotKeys: hotKeysOf(run, totals.recordsProduced),
    shards,
    metrics: metricsOf(ctx, shards, series, periods, endMs),
    reshards: run.reshards,
    consumers: run.consumers.map((c) => ({ ...c.totals })),
    cost: estimateCost(sc.stream.mode, shardSeconds / 3600, durationS / 3600, ctx.cost, sc.prices),
    errors: Object.fromEntries([...ctx.errors].sort(([a], [b]) => (a < b ? -1 : 1))),
    notes: run.notes,
  };
}

function sumTotals(run: RunOutcome): SimulationSummary['totals'] {
  const t = { ...run.ctx.totals };
  let unmatched = 0;
  let unconsumed = 0;
  for (const c of run.consumers) {
    t.recordsConsumed += c.totals.recordsConsumed;
    t.duplicatesAtConsumer += c.totals.duplicatesAtConsumer;
    t.lostAtConsumer += c.totals.lostAtConsumer;
    t.orderingViolations += c.totals.orderingViolations;
    unmatched += c.totals.unmatchedAtConsumer;
    unconsumed += c.unconsumed();
  }
  const attempts = t.recordsAcknowledged + t.recordsThrottled;
  return {
    ...t,
    unmatchedAtConsumer: unmatched,
    unsentAtEnd: run.producers.reduce((n, p) => n + p.unsent, 0),
    unconsumedAtEnd: unconsumed,
    throttledShare: attempts === 0 ? 0 : round(t.recordsThrottled / attempts, 6),
  };
}

/** Skew of records per second of open time (within the run's duration) over shards that were open. */
function skewOf(shards: ShardSummary[], durationS: number): SimulationSummary['skew'] {
  const rates: number[] = [];
  for (const s of shards) {
    const open = Math.min(s.closedAtSecond ?? durationS, durationS) - Math.min(s.openedAtSecond, durationS);
    if (open > 0) rates.push(s.IncomingRecords / open);
  }
  const n = rates.length;
  const sum = rates.reduce((a, b) => a + b, 0);
  if (n === 0 || sum === 0) return { maxOverMean: 0, gini: 0, shards: n };
  rates.sort((a, b) => a - b);
  let weighted = 0;
  rates.forEach((x, i) => (weighted += (i + 1) * x));
  return {
    maxOverMean: round(rates[n - 1]! / (sum / n), 4),
    gini: round((2 * weighted) / (n * sum) - (n + 1) / n, 4),
    shards: n,
  };
}

function hotKeysOf(run: RunOutcome, produced: number): HotKey[] {
  const top: { p: ProducerOutcome; key: number; records: number }[] = [];
  for (const p of run.producers) {
    for (let k = 0; k < p.keyRecords.length; k++) {
      const records = p.keyRecords[k]!;
      if (records === 0 || (top.length === 10 && records <= top[9]!.records)) continue;
      top.push({ p, key: k, records });
      top.sort((a, b) => b.records - a.records);
      if (top.length > 10) top.pop();
    }
  }
  const open = listOpenShards(run.ctx).map((s) => ({ id: s.ShardId, start: BigInt(s.HashKeyRange.StartingHashKey) }));
  const shardOf = (pk: string) => {
    const h = hashKeyOf(pk);
    let found = open[0]!.id;
    for (const s of open) if (s.start <= h) found = s.id;
    return found;
  };
  return top.map(({ p, key, records }) => {
    const name = p.keys.name(key);
    const strategy = p.spec.strategy;
    let shardIds: string[] = [];
    if (strategy === 'key' || strategy === 'kpl') shardIds = [shardOf(name)];
    else if (typeof strategy === 'object') {
      shardIds = [...new Set(Array.from({ length: Math.min(strategy.salt, 64) }, (_, s) => shardOf(`${name}#${s}`)))].sort();
    }
    return {
      key: name, producer: p.spec.name, records, share: round(records / Math.max(1, produced), 6),
      shardId: shardIds.length === 1 ? shardIds[0]! : null, shardIds,
    };
  });
}

/** A shard's run totals, in SHARD_METRICS order (IteratorAgeMilliseconds: its maximum). */
function totalsOf(series: MetricSeries): number[] {
  return SHARD_METRICS.map((m, i) => series[m].reduce((a, v) => (i === ITERATOR_AGE ? Math.max(a, v) : a + v), 0));
}

/** Where IteratorAgeMilliseconds is in SHARD_METRICS: a maximum, where the others are sums. */
const ITERATOR_AGE = SHARD_METRICS.indexOf('IteratorAgeMilliseconds');

function metricsOf(ctx: SimContext, shards: ShardSummary[], series: Map<string, MetricSeries>, periods: number, endMs: number): SummaryMetrics {
  const periodSeconds = ctx.scenario.metrics.periodSeconds;
  const padded = (values: readonly number[]) => Array.from({ length: periods }, (_, i) => round(values[i] ?? 0, 3));
  const seriesOf = (s: MetricSeries): MetricSeries => Object.fromEntries(SHARD_METRICS.map((m) => [m, padded(s[m])])) as MetricSeries;
  const perShard = shards.map((sh) => ({ shardId: sh.shardId, ...seriesOf(series.get(sh.shardId)!) }));
  const stream = Object.fromEntries(SHARD_METRICS.map((m, i) => [m, Array.from({ length: periods }, (_, p) => {
    let v = 0;
    for (const s of perShard) v = i === ITERATOR_AGE ? Math.max(v, s[m][p]!) : v + s[m][p]!;
    return round(v, 3);
  })])) as MetricSeries;
  const extra = Object.fromEntries(STREAM_SERIES.map((m, i) => [m, padded(ctx.streamSeries[i]!)]));
  const OpenShardCount = Array.from({ length: periods }, (_, p) => {
    const at = Math.min((p + 1) * periodSeconds, endMs / 1000);
    return shards.filter((s) => s.openedAtSecond <= at && (s.closedAtSecond === null || s.closedAtSecond > at)).length;
  });
  const enhanced = ctx.scenario.consumers.filter((c) => c.type === 'enhanced').map((c) => c.name);
  // Shard-level IteratorAgeMilliseconds counts GetRecords only (as on CloudWatch): enhanced consumers' lag is this.
  const behind = enhanced.length === 0 ? {} : {
    'SubscribeToShardEvent.MillisBehindLatest': padded(engineMillisBehindLatest(ctx.kinesis, ctx.streamName, enhanced, ctx.startMs, periodSeconds, periods)),
  };
  return { periodSeconds, periods, stream: { ...stream, ...extra, OpenShardCount, ...behind } as SummaryMetrics['stream'], shards: perShard };
}

function scenarioEcho(sc: ResolvedScenario): SimulationSummary['scenario'] {
  const scaling = sc.scaling.policy === 'custom' ? { policy: 'custom', evaluationSeconds: sc.scaling.evaluationSeconds } : sc.scaling;
  // On-demand scaling parameters mean nothing to a provisioned stream: left out of its echo.
  const { onDemandScaling, ...provisioned } = sc.stream;
  const stream = sc.stream.mode === 'ON_DEMAND' ? { ...provisioned, onDemandScaling } : provisioned;
  return { ...sc, stream, scaling } as unknown as SimulationSummary['scenario'];
}
