// Account: the engine's whole state for one account and region, and the single reader of the clock.

import type { Clock } from '../time/clock.js';
import { SystemClock } from '../time/clock.js';
import { TokenSealer } from '../tokens/sealed-token.js';
import { MAX_INCARNATION } from '../keys/sequence-number.js';
import { assert } from '../errors/kinesis-error.js';
import { BillingCommitment } from './billing-commitment.js';
import {
  ACCOUNT_MAX_ON_DEMAND_STREAMS_DEFAULT,
  ACCOUNT_MAX_SHARDS_DEFAULT,
  ACCOUNT_MAX_SHARDS_LARGE_REGION_DEFAULT,
  LARGE_SHARD_QUOTA_REGIONS,
} from './limits.js';
import { applyPendingChange } from './pending-change.js';
import type { Stream } from './stream.js';

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
   * The rules are in src/model/shard-throughput.ts.
   */
  throughputLimits?: boolean;
}


export class Account {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly createStreamDelayMs: number;
  readonly deleteStreamDelayMs: number;
  readonly updateStreamDelayMs: number;
  readonly consumerDelayMs: number;
  readonly shardLimit: number;
  readonly onDemandStreamCountLimit: number;
  readonly sealer: TokenSealer;
  /** Whether per-shard throughput limits are enforced (KinesisOptions.throughputLimits). */
  readonly throughputLimits: boolean;
  /** Live streams by name (every status, until a deleted one is gone). */
  readonly streams = new Map<string, Stream>();
  /** The account's MinimumThroughputBillingCommitment (Describe/UpdateAccountSettings). */
  readonly billingCommitment = new BillingCommitment();
  #clock: Clock;
  #lastNowMs = -Infinity;
  #incarnations = 0;
  /** The last ARN suffix given to each consumer name of each stream ARN (see consumerArnSuffix). */
  readonly #consumerArnSuffixes = new Map<string, number>();
  /** Earliest time a transition (update applied, deleted stream gone) is due; skips settling until then. */
  #nextDueMs = Infinity;

  /** @throws RangeError for an option AWS could never have (a programmer error, not an AWS answer). */
  constructor(options: KinesisOptions = {}) {
    this.#clock = options.clock ?? new SystemClock();
    this.accountId = checked('accountId', options.accountId ?? '000000000000', (v) => /^\d{12}$/.test(v), 'twelve digits');
    this.region = checked('region', options.region ?? 'us-east-1', (v) => /^[a-z0-9-]+$/.test(v), 'like us-east-1');
    this.partition = checked('partition', options.partition ?? 'aws', (v) => /^aws[a-z-]*$/.test(v), 'like aws or aws-cn');
    this.createStreamDelayMs = delay('createStreamDelayMs', options.createStreamDelayMs);
    this.deleteStreamDelayMs = delay('deleteStreamDelayMs', options.deleteStreamDelayMs);
    this.updateStreamDelayMs = delay('updateStreamDelayMs', options.updateStreamDelayMs);
    this.consumerDelayMs = delay('consumerDelayMs', options.consumerDelayMs);
    this.shardLimit = count('shardLimit', options.shardLimit ?? (LARGE_SHARD_QUOTA_REGIONS.includes(this.region) ? ACCOUNT_MAX_SHARDS_LARGE_REGION_DEFAULT : ACCOUNT_MAX_SHARDS_DEFAULT));
    this.onDemandStreamCountLimit = count('onDemandStreamCountLimit', options.onDemandStreamCountLimit ?? ACCOUNT_MAX_ON_DEMAND_STREAMS_DEFAULT);
    this.sealer = new TokenSealer(options.tokenSecret ?? 'kinesim');
    this.throughputLimits = options.throughputLimits ?? false;
  }

  /**
   * The engine's time for this call: the clock's reading, never earlier than a reading already used
   * (so a clock set backwards cannot reorder records), after applying every transition due by then.
   */
  now(): number {
    const reading = this.#clock.now();
    const nowMs = reading > this.#lastNowMs ? reading : this.#lastNowMs;
    this.#lastNowMs = nowMs;
    if (nowMs >= this.#nextDueMs) this.#settle(nowMs);
    return nowMs;
  }

  /** Registers a transition due at `dueAtMs`; the next `now()` at or after it applies it. */
  schedule(dueAtMs: number): void {
    if (dueAtMs < this.#nextDueMs) this.#nextDueMs = dueAtMs;
  }

  /** A new, never reused number for the next stream created. */
  nextIncarnation(): number {
    assert(this.#incarnations < MAX_INCARNATION, 'more than 999999999 streams created by one engine');
    return ++this.#incarnations;
  }

  /**
   * The trailing number of a new consumer's ARN: its creation time in epoch seconds, or one more than the
   * last suffix of that name on that stream ARN. A re-registered consumer (or one of a re-created stream)
   * gets a new ARN [M] even within the same second, so an old ARN never finds it.
   */
  consumerArnSuffix(streamArn: string, name: string, createdAtMs: number): number {
    const key = `${streamArn}/consumer/${name}`;
    const last = this.#consumerArnSuffixes.get(key);
    const seconds = Math.floor(createdAtMs / 1000);
    const suffix = last === undefined || seconds > last ? seconds : last + 1;
    this.#consumerArnSuffixes.set(key, suffix);
    return suffix;
  }

  streamArn(name: string): string {
    return `arn:${this.partition}:kinesis:${this.region}:${this.accountId}:stream/${name}`;
  }

  /** Streams in on-demand mode (what OnDemandStreamCountLimit counts). */
  onDemandStreamCount(): number {
    let n = 0;
    for (const stream of this.streams.values()) if (stream.mode === 'ON_DEMAND') n++;
    return n;
  }

  /**
   * Open shards of the account's provisioned streams: what the account shard quota counts (on-demand
   * streams have their own quota, OnDemandStreamCountLimit).
   */
  openShardCount(): number {
    let n = 0;
    for (const stream of this.streams.values()) {
      if (stream.mode !== 'PROVISIONED' || stream.deletedWhileCreating) continue;
      for (const shard of stream.shards) if (shard.isOpen) n++;
    }
    return n;
  }

  /**
   * What the account shard quota holds against a new request: the open shards of provisioned streams, with
   * a pending change counted as done where it asks for more (a split's extra shard, an UpdateShardCount's
   * target, a stream switching to provisioned). DescribeLimits reports openShardCount, the shards open now.
   */
  shardQuotaUsage(): number {
    let n = 0;
    for (const stream of this.streams.values()) {
      const reserved = stream.pending?.reserves;
      if (stream.deletedWhileCreating) continue;
      if (stream.mode !== 'PROVISIONED' && reserved?.mode !== 'PROVISIONED') continue;
      let open = 0;
      for (const shard of stream.shards) if (shard.isOpen) open++;
      n += Math.max(open, reserved?.openShards ?? open);
    }
    return n;
  }

  /** What the on-demand stream quota holds against a new request: on-demand streams and streams switching to on-demand. */
  onDemandQuotaUsage(): number {
    let n = 0;
    for (const stream of this.streams.values()) {
      if (stream.mode === 'ON_DEMAND' || stream.pending?.reserves?.mode === 'ON_DEMAND') n++;
    }
    return n;
  }

  #settle(nowMs: number): void {
    let next = Infinity;
    this.#nextDueMs = Infinity; // apply() may schedule a follow-up transition
    for (const [name, stream] of this.streams) {
      if (stream.goneAtMs !== undefined) {
        if (stream.goneAtMs <= nowMs) {
          this.streams.delete(name);
          continue;
        }
        next = Math.min(next, stream.goneAtMs);
      }
      if (stream.consumers.size > 0) next = Math.min(next, stream.settleConsumers(nowMs));
      const pending = stream.pending;
      if (pending !== undefined) {
        if (pending.dueAtMs <= nowMs) {
          stream.pending = undefined;
          applyPendingChange(stream, pending);
        } else {
          next = Math.min(next, pending.dueAtMs);
        }
      }
    }
    this.#nextDueMs = Math.min(this.#nextDueMs, next);
  }
}

function checked<T>(name: string, value: T, ok: (v: T) => boolean, expected: string): T {
  if (!ok(value)) throw new RangeError(`Kinesis option ${name} must be ${expected}, got ${String(value)}`);
  return value;
}

function delay(name: string, value: number | undefined): number {
  return checked(name, value ?? 0, (v) => Number.isFinite(v) && v >= 0, 'a finite number of ms >= 0');
}

function count(name: string, value: number): number {
  return checked(name, value, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number >= 0');
}
