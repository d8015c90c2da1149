// Account: the engine's whole state for one account and region, and the single reader of the clock.

import type { Clock } from '../time/clock.js';
import { SystemClock } from '../time/clock.js';
import { TokenSealer } from '../keys/sealed-token.js';
import { BillingCommitment } from './billing-commitment.js';
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
}

/** Regions whose default shard quota is 20,000 (AWS Kinesis quotas page); elsewhere 1,000. */
const LARGE_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

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
  /** Live streams by name (every status, until a deleted one is gone). */
  readonly streams = new Map<string, Stream>();
  /** The account's MinimumThroughputBillingCommitment (Describe/UpdateAccountSettings). */
  readonly billingCommitment = new BillingCommitment();
  #clock: Clock;
  #lastNowMs = -Infinity;
  #incarnations = 0;
  /** Earliest time a transition (update applied, deleted stream gone) is due; skips settling until then. */
  #nextDueMs = Infinity;

  constructor(options: KinesisOptions = {}) {
    this.#clock = options.clock ?? new SystemClock();
    this.accountId = options.accountId ?? '000000000000';
    this.region = options.region ?? 'us-east-1';
    this.partition = options.partition ?? 'aws';
    this.createStreamDelayMs = options.createStreamDelayMs ?? 0;
    this.deleteStreamDelayMs = options.deleteStreamDelayMs ?? 0;
    this.updateStreamDelayMs = options.updateStreamDelayMs ?? 0;
    this.consumerDelayMs = options.consumerDelayMs ?? 0;
    this.shardLimit = options.shardLimit ?? (LARGE_REGIONS.has(this.region) ? 20_000 : 1_000);
    this.onDemandStreamCountLimit = options.onDemandStreamCountLimit ?? 50;
    this.sealer = new TokenSealer(options.tokenSecret ?? 'kinesim');
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
    return ++this.#incarnations;
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
      if (stream.mode !== 'PROVISIONED') continue;
      for (const shard of stream.shards) if (shard.isOpen) n++;
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
          pending.apply(pending.dueAtMs);
        } else {
          next = Math.min(next, pending.dueAtMs);
        }
      }
    }
    this.#nextDueMs = Math.min(this.#nextDueMs, next);
  }
}
