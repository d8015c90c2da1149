// The options of a Kinesis engine and their checks: what a user may set, resolved to what the account runs on.

import type { AccountSettings } from './model/account.js';
import type { ChannelDeliverySink } from './model/channel-deliveries.js';
import {
  ACCOUNT_DEFAULT_MAX_CHANNELS,
  ACCOUNT_DEFAULT_MAX_ON_DEMAND_STREAMS,
  ACCOUNT_DEFAULT_MAX_SHARDS,
  ACCOUNT_LARGE_REGION_DEFAULT_MAX_SHARDS,
  LARGE_SHARD_QUOTA_REGIONS,
  ON_DEMAND_DEFAULT_MAX_SHARDS,
  ON_DEMAND_INITIAL_SHARDS,
  ON_DEMAND_LARGE_REGION_MAX_SHARDS,
  ON_DEMAND_MEASURE_PERIOD_MS,
  ON_DEMAND_HEADROOM_FACTOR,
  ON_DEMAND_PEAK_WINDOW_MS,
  ON_DEMAND_SCALE_DOWN_DELAY_MS,
  ON_DEMAND_SCALE_UP_DELAY_MS,
} from './model/limits.js';
import type { OnDemandScalingSettings } from './model/on-demand-scaling.js';
import type { RecordPayloads } from './model/shard-log.js';
import { SystemClock, type Clock } from './time/clock.js';

const RECORD_PAYLOADS: readonly RecordPayloads[] = ['copy', 'size-only'];

/** Options of a Kinesis engine; every one is optional. */
export interface KinesisOptions {
  /** Source of time (epoch ms). Default: SystemClock. Use ManualClock to script time. */
  clock?: Clock;
  /** Twelve digits. Default '000000000000'. */
  accountId?: string;
  /** Default 'us-east-1'. */
  region?: string;
  /** ARN partition. Default 'aws'. */
  partition?: string;
  /** How long a new stream stays CREATING. Default 0 (ACTIVE at once). */
  createStreamDelayMs?: number;
  /** How long a deleted stream stays DELETING before it is gone. Default 0. */
  deleteStreamDelayMs?: number;
  /** How long a stream stays UPDATING after a reshard or settings change. Default 0. */
  updateStreamDelayMs?: number;
  /**
   * How long a registered consumer stays CREATING, and a deregistered one DELETING before it is gone.
   * Default 0 (RegisterStreamConsumer still answers CREATING; the consumer is ACTIVE on the next call).
   */
  consumerDelayMs?: number;
  /** Open shards allowed in the account. Default: AWS's current default quota for the region (see README). */
  shardLimit?: number;
  /** On-demand streams allowed in the account. Default 50. */
  onDemandStreamCountLimit?: number;
  /** Secret that seals shard iterators and NextTokens. Default: a fixed string (tokens stay deterministic). */
  tokenSecret?: string;
  /**
   * Emulate the per-shard throughput limits with ProvisionedThroughputExceededException. Default false.
   * Per shard, per second of the clock: writes 1000 records and 1 MiB; GetRecords 5 calls and 2 MiB of
   * data (a read past 2 MiB blocks the shard's reads until the excess is paid for); GetShardIterator 5 calls.
   * SubscribeToShard events are paced to 2 MiB of data per second per shard and consumer (no exception: records
   * beyond it wait for a later event). The rules are in src/model/shard-throughput.ts and
   * subscription-throughput.ts, the limits in src/model/limits.ts.
   */
  throughputLimits?: boolean;
  /**
   * Seeds kinesim's own choices where AWS's are not public: which shard an AUTO stream puts each record on,
   * and channel IDs. Default 0. Same seed, same calls, same clock: same outputs.
   */
  seed?: number;
  /** How long a channel stays CREATING, UPDATING after UpdateChannel, and DELETING before it is gone. Default 0. */
  channelDelayMs?: number;
  /** Delivery channels allowed in the account (DescribeLimits' ChannelCountLimit). Default 100 ([U]). */
  channelCountLimit?: number;
  /**
   * Receives each channel delivery (S3 object, dead-letter object, table rows) as the engine makes it, instead of
   * the engine keeping it for describeChannelDeliveries. Called synchronously, during the engine call whose clock
   * reading made the delivery due.
   */
  channelDeliverySink?: ChannelDeliverySink;
  /**
   * What PutRecord(s) keep of each record's Data. 'copy' (the default): all its bytes. 'size-only': its size and
   * its first 8 bytes (for simulations: sizes count against every limit and cap as usual, but a day of traffic
   * fits in memory). Reads then return, for each record, a zero-filled array of its real length with the kept
   * bytes written at its start; the records of one GetRecords call (or one SubscribeToShard event) are views of
   * one buffer made for that call, so writing into one changes neither what is stored nor any other call's records.
   */
  recordPayloads?: RecordPayloads;
  /**
   * Whether on-demand streams scale their shards on their own, as AWS's do (src/model/on-demand-scaling.ts): true,
   * false, or the parameters to change (each defaults as documented in OnDemandScalingOptions). Default: on exactly
   * when throughputLimits is (without limits nothing throttles, and shard counts stay as tests expect: 4).
   */
  onDemandScaling?: boolean | OnDemandScalingOptions;
  /**
   * How long the engine keeps its CloudWatch metrics (kinesis.metrics), in ms of engine time: a whole number of
   * minutes. Default 10800000 (3 hours of 1-minute data; CloudWatch keeps it 15 days). 0 keeps none.
   */
  metricsRetentionMs?: number;
}

/** On-demand scaling's parameters (KinesisOptions.onDemandScaling); each is optional. */
export interface OnDemandScalingOptions {
  /** Shards a new on-demand stream starts with, and the fewest it scales down to. Default 4 (4 MiB/s of write) [D]. */
  initialShards?: number;
  /** Capacity kept over the peak write throughput. Default 2 ("up to double the previous peak") [B]. */
  headroom?: number;
  /** How long the peak is remembered. Default 30 days [B]. */
  peakWindowMs?: number;
  /** How long traffic needs more shards before the stream gets them. Default 15 minutes [B]. */
  scaleUpDelayMs?: number;
  /** How long the stream needs at most half its shards before it halves them. Default 24 hours [B]. */
  scaleDownDelayMs?: number;
  /** The period write throughput is averaged over to find the peak. Default 60 s [U]. */
  measurePeriodMs?: number;
  /** The most shards (of 1 MiB/s) it scales to. Default 10240 (10 GiB/s) in us-east-1, us-west-2, eu-west-1; 200 elsewhere [D]. */
  maxShards?: number;
}

/** [U] How long metrics are kept by default: 3 hours of 1-minute data, a bound on memory for long-running servers. */
export const DEFAULT_METRICS_RETENTION_MS = 3 * 3_600_000;

/**
 * Every option with its default applied, checked.
 * @throws TypeError for an option of the wrong type (a number for accountId, a clock without now(), ...)
 * @throws RangeError for an option AWS could never have (an 11-digit account, a negative delay)
 * (programmer errors, not AWS answers; each message names the option).
 */
export function resolveOptions(options: KinesisOptions): AccountSettings {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Kinesis options must be an object, got ${shown(options)}`);
  }
  // Checked in this order, so the first bad option named is always the same one.
  const clock = clockOption(options.clock);
  const accountId = text('accountId', options.accountId ?? '000000000000', (v) => /^\d{12}$/.test(v), 'twelve digits');
  const region = text('region', options.region ?? 'us-east-1', (v) => /^[a-z0-9-]+$/.test(v), 'like us-east-1');
  const partition = text('partition', options.partition ?? 'aws', (v) => /^aws[a-z-]*$/.test(v), 'like aws or aws-cn');
  const createStreamDelayMs = delay('createStreamDelayMs', options.createStreamDelayMs);
  const deleteStreamDelayMs = delay('deleteStreamDelayMs', options.deleteStreamDelayMs);
  const updateStreamDelayMs = delay('updateStreamDelayMs', options.updateStreamDelayMs);
  const consumerDelayMs = delay('consumerDelayMs', options.consumerDelayMs);
  const channelDelayMs = delay('channelDelayMs', options.channelDelayMs);
  const defaultShardLimit = LARGE_SHARD_QUOTA_REGIONS.includes(region)
    ? ACCOUNT_LARGE_REGION_DEFAULT_MAX_SHARDS
    : ACCOUNT_DEFAULT_MAX_SHARDS;
  return {
    clock,
    accountId,
    region,
    partition,
    createStreamDelayMs,
    deleteStreamDelayMs,
    updateStreamDelayMs,
    consumerDelayMs,
    shardLimit: count('shardLimit', options.shardLimit ?? defaultShardLimit),
    onDemandStreamCountLimit: count('onDemandStreamCountLimit', options.onDemandStreamCountLimit ?? ACCOUNT_DEFAULT_MAX_ON_DEMAND_STREAMS),
    tokenSecret: text('tokenSecret', options.tokenSecret ?? 'kinesim', () => true, 'any string'),
    throughputLimits: flag('throughputLimits', options.throughputLimits ?? false),
    seed: whole('seed', options.seed ?? 0, (v) => Number.isSafeInteger(v), 'a safe integer'),
    channelDelayMs,
    channelCountLimit: count('channelCountLimit', options.channelCountLimit ?? ACCOUNT_DEFAULT_MAX_CHANNELS),
    channelDeliverySink: sink(options.channelDeliverySink),
    recordPayloads: choice('recordPayloads', options.recordPayloads ?? 'copy', RECORD_PAYLOADS),
    onDemandScaling: scalingOption(options.onDemandScaling, options.throughputLimits === true, region),
    metricsRetentionMs: whole('metricsRetentionMs', options.metricsRetentionMs ?? DEFAULT_METRICS_RETENTION_MS,
      (v) => Number.isSafeInteger(v) && v >= 0 && v % 60_000 === 0, 'a whole number of minutes in ms (a multiple of 60000) >= 0'),
  };
}

/** How a bad option value is shown in a message: its type, and its value when short. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
    case 'object':
      return 'an object';
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
    default:
      return `${typeof value} ${String(value)}`;
  }
}

function typed(name: string, value: unknown, type: 'string' | 'number' | 'boolean', expected: string): void {
  if (typeof value !== type) throw new TypeError(`Kinesis option ${name} must be ${expected}, got ${shown(value)}`);
}

function checked<T>(name: string, value: T, ok: (v: T) => boolean, expected: string): T {
  if (!ok(value)) throw new RangeError(`Kinesis option ${name} must be ${expected}, got ${shown(value)}`);
  return value;
}

function text(name: string, value: unknown, ok: (v: string) => boolean, expected: string): string {
  typed(name, value, 'string', 'a string');
  return checked(name, value as string, ok, expected);
}

function delay(name: string, value: unknown): number {
  typed(name, value ?? 0, 'number', 'a number of ms');
  return checked(name, (value ?? 0) as number, (v) => Number.isFinite(v) && v >= 0, 'a finite number of ms >= 0');
}

function count(name: string, value: unknown): number {
  typed(name, value, 'number', 'a number');
  return checked(name, value as number, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number >= 0');
}

/** A number of a given kind (say, a safe integer): a TypeError when not a number, a RangeError when not of the kind. */
function whole(name: string, value: unknown, ok: (v: number) => boolean, expected: string): number {
  typed(name, value, 'number', 'a number');
  return checked(name, value as number, ok, expected);
}

function sink(value: unknown): ChannelDeliverySink | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`Kinesis option channelDeliverySink must be a function, got ${shown(value)}`);
  }
  return value as ChannelDeliverySink | undefined;
}

/** One of a few strings: a TypeError when not a string, a RangeError when not one of them. */
function choice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  typed(name, value, 'string', `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  return checked(name, value as T, (v) => allowed.includes(v), `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}

const SCALING_MEMBERS = ['initialShards', 'headroom', 'peakWindowMs', 'scaleUpDelayMs', 'scaleDownDelayMs', 'measurePeriodMs', 'maxShards'];

/** onDemandScaling resolved: its parameters when on-demand streams scale, undefined when they do not. */
function scalingOption(value: unknown, throughputLimits: boolean, region: string): OnDemandScalingSettings | undefined {
  const name = 'onDemandScaling';
  if (value === undefined ? !throughputLimits : value === false) return undefined;
  if (value !== true && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new TypeError(`Kinesis option ${name} must be true, false or an object of parameters, got ${shown(value)}`);
  }
  const given = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !SCALING_MEMBERS.includes(key));
  if (unknown.length > 0) throw new TypeError(`Kinesis option ${name} has no parameter ${unknown[0]}; its parameters are ${SCALING_MEMBERS.join(', ')}`);
  const shards = (member: string, fallback: number) =>
    whole(`${name}.${member}`, given[member] ?? fallback, (v) => Number.isSafeInteger(v) && v >= 1, 'a whole number >= 1');
  const initialShards = shards('initialShards', ON_DEMAND_INITIAL_SHARDS);
  const maxShards = shards('maxShards', LARGE_SHARD_QUOTA_REGIONS.includes(region) ? ON_DEMAND_LARGE_REGION_MAX_SHARDS : ON_DEMAND_DEFAULT_MAX_SHARDS);
  if (maxShards < initialShards) {
    throw new RangeError(`Kinesis option ${name}.maxShards must be at least initialShards (${initialShards}), got number ${maxShards}`);
  }
  return {
    initialShards,
    headroom: whole(`${name}.headroom`, given['headroom'] ?? ON_DEMAND_HEADROOM_FACTOR, (v) => Number.isFinite(v) && v >= 1, 'a finite number >= 1'),
    peakWindowMs: positiveMs(`${name}.peakWindowMs`, given['peakWindowMs'] ?? ON_DEMAND_PEAK_WINDOW_MS),
    scaleUpDelayMs: delay(`${name}.scaleUpDelayMs`, given['scaleUpDelayMs'] ?? ON_DEMAND_SCALE_UP_DELAY_MS),
    scaleDownDelayMs: delay(`${name}.scaleDownDelayMs`, given['scaleDownDelayMs'] ?? ON_DEMAND_SCALE_DOWN_DELAY_MS),
    measurePeriodMs: positiveMs(`${name}.measurePeriodMs`, given['measurePeriodMs'] ?? ON_DEMAND_MEASURE_PERIOD_MS),
    maxShards,
  };
}

/** A whole number of ms above 0. */
function positiveMs(name: string, value: unknown): number {
  return whole(name, value, (v) => Number.isSafeInteger(v) && v > 0, 'a whole number of ms > 0');
}

function flag(name: string, value: unknown): boolean {
  typed(name, value, 'boolean', 'true or false');
  return value as boolean;
}

function clockOption(value: unknown): Clock {
  if (value === undefined) return new SystemClock();
  if (typeof value !== 'object' || value === null || typeof (value as Partial<Clock>).now !== 'function') {
    throw new TypeError(`Kinesis option clock must be an object with a now() method returning epoch ms, got ${shown(value)}`);
  }
  return value as Clock;
}
