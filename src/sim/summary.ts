// The summary of a run: plain JSON, the same bytes for the same scenario and seed (no wall-clock values).

import type { CostEstimate } from './cost.js';
import type { ConsumerTotals } from './shard-consumer.js';
import type { ReshardRecord } from './scaling/scaling-runner.js';
import type { ShardMetricName } from './shard-state.js';
import type { RunTotals } from './sim-context.js';

export interface SummaryTotals extends RunTotals {
  /** Records a consumer got that no producer had acknowledged on that shard (0 unless the engine errs). */
  unmatchedAtConsumer: number;
  /** Records still in producers (buffered or waiting to retry) when the run ended. */
  unsentAtEnd: number;
  /** Acknowledged records consumers had not reached when the run ended (summed over consumers). */
  unconsumedAtEnd: number;
  /** Throttled entries over all PutRecords entries sent (recordsThrottled / (acknowledged + throttled)). */
  throttledShare: number;
}

export interface ShardSummary {
  shardId: string;
  parentShardIds: string[];
  hashKeyRange: { StartingHashKey: string; EndingHashKey: string };
  openedAtSecond: number;
  /** null while still open at the end of the run. */
  closedAtSecond: number | null;
  IncomingRecords: number;
  IncomingBytes: number;
  WriteProvisionedThroughputExceeded: number;
  ReadProvisionedThroughputExceeded: number;
  OutgoingRecords: number;
  OutgoingBytes: number;
  /** The largest iterator age any GetRecords call on the shard saw. */
  IteratorAgeMillisecondsMax: number;
}

export interface HotKey {
  key: string;
  producer: string;
  records: number;
  /** Share of all records produced. */
  share: number;
  /** The shard the key's records went to at the end of the run; null when the strategy spreads them. */
  shardId: string | null;
  /** Every shard the key maps to at the end (several for a salted key; empty when spread at random). */
  shardIds: string[];
}

/** One series per metric: values per period of `periodSeconds`, period i covering [i, i+1) x periodSeconds. */
export type MetricSeries = Record<ShardMetricName, number[]>;

export interface SummaryMetrics {
  periodSeconds: number;
  periods: number;
  /** The stream: sums over shards (IteratorAgeMilliseconds: maximum), plus the producers' and the shard count. */
  stream: MetricSeries & {
    RecordsProduced: number[];
    Retries: number[];
    RecordsDropped: number[];
    RecordsThrottled: number[];
    OpenShardCount: number[];
    /** Only with enhanced consumers: the engine's consumer-level metric, maximum over them per period. */
    'SubscribeToShardEvent.MillisBehindLatest'?: number[];
  };
  shards: ({ shardId: string } & MetricSeries)[];
}

/** The per-shard limits the engine enforced (AWS's documented shard quotas). */
export interface ShardLimits {
  writeRecordsPerSecond: number;
  writeBytesPerSecond: number;
  readCallsPerSecond: number;
  readBytesPerSecond: number;
}

export interface SimulationSummary {
  kind: 'kinesim-simulation';
  version: 1;
  /** The scenario as run, every default filled in (a custom policy appears as 'custom'). */
  scenario: Record<string, unknown> & { name: string; seed: number; durationSeconds: number };
  /** Simulated seconds until the run ended (its duration plus the drain it needed). */
  endedAtSecond: number;
  limits: ShardLimits;
  totals: SummaryTotals;
  /** From a record's creation in the producer to its processing by a consumer, in simulated ms. */
  latencyMs: { p50: number; p99: number; max: number; samples: number };
  /** Records per second of open time, per shard: max over mean, and the Gini coefficient (0 = even). */
  skew: { maxOverMean: number; gini: number; shards: number };
  hotKeys: HotKey[];
  shards: ShardSummary[];
  metrics: SummaryMetrics;
  reshards: ReshardRecord[];
  consumers: ConsumerTotals[];
  cost: CostEstimate;
  /** Errors thrown by the engine other than throttling, by name (their records were dropped). */
  errors: Record<string, number>;
  notes: string[];
}
