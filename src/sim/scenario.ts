// The scenario: what a simulation runs, as a user writes it (JSON-friendly, every default optional) and as
// the simulation reads it once validated (every default filled in).

import type { OnDemandScalingOptions } from '../index.js';
import type { ScalingPolicyFunction } from './scaling/scaling-action.js';

/** A rate of records per second over the run. */
export type RateSpec =
  | { recordsPerSecond: number }
  | { shape: 'constant'; recordsPerSecond: number }
  | { shape: 'ramp'; from: number; to: number }
  /** A cycle around `mean` (a day's traffic with periodSeconds 86400), starting at the mean and rising. */
  | { shape: 'sine'; mean: number; amplitude: number; periodSeconds: number }
  /** Piecewise constant: each [atSecond, recordsPerSecond] holds until the next; 0 before the first. */
  | { shape: 'steps'; steps: [number, number][] }
  /** `base`, with `peak` for the first `forSeconds` of every `everySeconds`. */
  | { shape: 'burst'; base: number; peak: number; everySeconds: number; forSeconds: number }
  /** Replays events `{"t": ms, "key": "...", "bytes": n}` (JSON lines; see parseTrace). */
  | { trace: string };

export type KeySpec =
  | { distribution: 'uniform'; count: number; prefix?: string }
  /** Key i (0-based) has weight 1 / (i + 1)^exponent. */
  | { distribution: 'zipf'; count: number; exponent: number; prefix?: string }
  /** `hotShare` of the records go to the first `hotKeys` keys (evenly), the rest uniformly to all others. */
  | { distribution: 'hot'; count: number; hotKeys: number; hotShare: number; prefix?: string }
  /** Keys 0, 1, 2, ... in turn, wrapping at `count` (order IDs, sensor sweeps). */
  | { distribution: 'sequential'; count: number; prefix?: string };

export type RecordBytesSpec =
  | number
  | { min: number; max: number }
  /** Log-normal sizes given by their median and 99th percentile, capped at the stream's record size limit. */
  | { distribution: 'lognormal'; median: number; p99: number };

/** How a producer turns a record's key into PutRecords routing. */
export type StrategySpec = 'key' | 'random' | 'explicit-spread' | 'kpl' | 'auto' | { salt: number };

export interface BatchSpec {
  /** Records per PutRecords call (AWS allows 1..500). Default 500. */
  maxRecords?: number;
  /** How long a record may wait for its batch to fill. Default 100 (KPL's RecordMaxBufferedTime). */
  lingerMs?: number;
}

export interface RetrySpec {
  /** Attempts per record, the first included; then the record is dropped. Default 3 (AWS SDK v3 standard mode). */
  maxAttempts?: number;
  /**
   * Backoff base: retry n (n = 1, 2, ...) waits a uniform random time in [0, min(maxDelayMs, baseDelayMs * 2^n)).
   * Default 1000 (the AWS SDK for JavaScript v3's base for throttling errors, @smithy/core retry 2026 behaviour).
   */
  baseDelayMs?: number;
  /** Backoff cap. Default 20000 (AWS SDK v3 MAXIMUM_RETRY_DELAY). */
  maxDelayMs?: number;
}

/** KPL aggregation limits (strategy "kpl"), defaults from KPL's KinesisProducerConfiguration. */
export interface KplSpec {
  /** Bytes per aggregated Kinesis record. Default 51200 (AggregationMaxSize). */
  aggregationMaxBytes?: number;
  /** User records per aggregated record. Default 4294967295 (AggregationMaxCount). */
  aggregationMaxCount?: number;
  /** A user record not acknowledged this long after it was added is dropped. Default 30000 (RecordTtl). */
  recordTtlMs?: number;
}

export interface ProducerSpec {
  name?: string;
  rate: RateSpec;
  keys?: KeySpec;
  recordBytes?: RecordBytesSpec;
  strategy?: StrategySpec;
  batch?: BatchSpec;
  retry?: RetrySpec;
  kpl?: KplSpec;
  /** Producer starts at this second of the run. Default 0. */
  startSecond?: number;
}

export interface ConsumerSpec {
  type: 'polling' | 'enhanced';
  name?: string;
  /** GetRecords Limit (polling only). Default 10000 (KCL PollingConfig maxRecords). */
  limit?: number;
  /**
   * Polling: time between GetRecords calls on one shard. Default 1000 (KCL PollingConfig
   * idleTimeBetweenReadsInMillis). Enhanced: how often the lab takes each subscription's due events. Default 50 [U].
   */
  intervalMs?: number;
  /** Processing time per record; the next call waits for it. Default 0. */
  processingMsPerRecord?: number;
  /**
   * How long after its last parent is read to its end a child shard's first read comes. Default 10000
   * (KCL CoordinatorConfig parentShardPollIntervalMillis: a blocked child re-checks its parents that often).
   */
  parentShardPollIntervalMs?: number;
}

/** One scheduled scaling action. */
export type ScheduledAction =
  | { UpdateShardCount: number }
  /** 'hottest' splits the busiest open shard at the median hash key of its recent writes; a shard ID at its middle. */
  | { SplitShard: string }
  /** 'coldest' merges the least busy adjacent pair of open shards; or two shard IDs. */
  | { MergeShards: 'coldest' | [string, string] };

export type ScalingSpec =
  | { policy: 'none' }
  | { policy: 'schedule'; events: [number, ScheduledAction][] }
  | {
      policy: 'target';
      metric?: 'records' | 'bytes';
      /** Utilisation of the stream's write capacity above which it scales up. Default 0.8. */
      scaleUpAt?: number;
      /** Utilisation below which it scales down. Default 0.3. */
      scaleDownAt?: number;
      /** Percent added when scaling up (100 doubles). Default 100. */
      scaleUpPercent?: number;
      /** Percent removed when scaling down (50 halves). Default 50. */
      scaleDownPercent?: number;
      cooldownSeconds?: number;
      /** How often the policy looks at the last period's metrics. Default 60. */
      evaluationSeconds?: number;
      min?: number;
      max?: number;
    }
  | {
      policy: 'hot-shard-split';
      /** A shard above this share of its write capacity is split. Default 0.8. */
      threshold?: number;
      /** Two adjacent shards both below this share are merged. Default 0.1; 0 never merges. */
      mergeBelow?: number;
      metric?: 'records' | 'bytes';
      evaluationSeconds?: number;
      cooldownSeconds?: number;
      maxShards?: number;
    }
  /** Library API only: your own policy, called every `evaluationSeconds` (default 60). */
  | { policy: ScalingPolicyFunction; evaluationSeconds?: number };

/** Prices used for the cost estimate; each member overrides the us-east-1 default. */
export interface PriceTable {
  region?: string;
  shardHourUsd?: number;
  putPayloadUnitsPerMillionUsd?: number;
  onDemandStreamHourUsd?: number;
  onDemandWrittenPerGbUsd?: number;
  onDemandReadPerGbUsd?: number;
}

/** A simulation scenario as written (JSON). */
export interface Scenario {
  name?: string;
  description?: string;
  /** Seeds every random draw. Default 1. */
  seed?: number;
  durationSeconds: number;
  /** After the run, producers finish their retries and consumers catch up for at most this long. Default 120. */
  drainSeconds?: number;
  /** Producers take in arrivals and flush batches every stepMs of simulated time. Default 10. */
  stepMs?: number;
  stream: {
    shardCount?: number;
    mode?: 'PROVISIONED' | 'ON_DEMAND';
    /** How long a reshard keeps the stream UPDATING (kinesim's updateStreamDelayMs). Default 30 [U]. */
    reshardSeconds?: number;
    retentionHours?: number;
    /** ON_DEMAND only: the engine's on-demand scaling parameters to change (README "On-demand scaling"). */
    onDemandScaling?: OnDemandScalingSpec;
  };
  producers: ProducerSpec[];
  /** Default: one polling consumer with KCL's defaults. */
  consumers?: ConsumerSpec[];
  scaling?: ScalingSpec;
  metrics?: { periodSeconds?: number };
  prices?: PriceTable;
}

/** On-demand scaling parameters in scenario units (seconds); each defaults to the engine's default. */
export interface OnDemandScalingSpec {
  initialShards?: number;
  headroom?: number;
  maxShards?: number;
  scaleUpDelaySeconds?: number;
  scaleDownDelaySeconds?: number;
  peakWindowSeconds?: number;
  measureSeconds?: number;
}

// ---- The scenario as the simulation reads it: validated, every default filled in. ----

export type ResolvedRate =
  | { shape: 'constant'; recordsPerSecond: number }
  | { shape: 'ramp'; from: number; to: number }
  | { shape: 'sine'; mean: number; amplitude: number; periodSeconds: number }
  | { shape: 'steps'; steps: [number, number][] }
  | { shape: 'burst'; base: number; peak: number; everySeconds: number; forSeconds: number }
  | { shape: 'trace'; trace: string };

export type ResolvedKeys =
  | { distribution: 'uniform'; count: number; prefix: string }
  | { distribution: 'zipf'; count: number; exponent: number; prefix: string }
  | { distribution: 'hot'; count: number; hotKeys: number; hotShare: number; prefix: string }
  | { distribution: 'sequential'; count: number; prefix: string };

export type ResolvedRecordBytes =
  | { distribution: 'fixed'; bytes: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'lognormal'; median: number; p99: number };

export type ResolvedStrategy = 'key' | 'random' | 'explicit-spread' | 'kpl' | 'auto' | { salt: number };

export interface ResolvedProducer {
  name: string;
  rate: ResolvedRate;
  keys: ResolvedKeys;
  recordBytes: ResolvedRecordBytes;
  strategy: ResolvedStrategy;
  batch: { maxRecords: number; lingerMs: number };
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  kpl: { aggregationMaxBytes: number; aggregationMaxCount: number; recordTtlMs: number };
  startSecond: number;
}

interface ResolvedConsumerBase {
  name: string;
  intervalMs: number;
  processingMsPerRecord: number;
  parentShardPollIntervalMs: number;
}

export type ResolvedConsumer = (ResolvedConsumerBase & { type: 'polling'; limit: number }) | (ResolvedConsumerBase & { type: 'enhanced' });

export type ResolvedScaling =
  | { policy: 'none' }
  | { policy: 'schedule'; events: [number, ScheduledAction][] }
  | {
      policy: 'target';
      metric: 'records' | 'bytes';
      scaleUpAt: number;
      scaleDownAt: number;
      scaleUpPercent: number;
      scaleDownPercent: number;
      cooldownSeconds: number;
      evaluationSeconds: number;
      min: number;
      max: number;
    }
  | {
      policy: 'hot-shard-split';
      threshold: number;
      mergeBelow: number;
      metric: 'records' | 'bytes';
      evaluationSeconds: number;
      cooldownSeconds: number;
      maxShards: number;
    }
  | { policy: 'custom'; decide: ScalingPolicyFunction; evaluationSeconds: number };

export interface ResolvedPrices {
  region: string;
  shardHourUsd: number;
  putPayloadUnitsPerMillionUsd: number;
  onDemandStreamHourUsd: number;
  onDemandWrittenPerGbUsd: number;
  onDemandReadPerGbUsd: number;
}

export interface ResolvedScenario {
  name: string;
  description: string;
  seed: number;
  durationSeconds: number;
  drainSeconds: number;
  stepMs: number;
  stream: {
    mode: 'PROVISIONED' | 'ON_DEMAND'; shardCount: number; reshardSeconds: number; retentionHours: number;
    /** The engine option (ms), for an ON_DEMAND stream. */
    onDemandScaling: OnDemandScalingOptions;
  };
  producers: ResolvedProducer[];
  consumers: ResolvedConsumer[];
  scaling: ResolvedScaling;
  metrics: { periodSeconds: number };
  prices: ResolvedPrices;
}
