// Stream: one incarnation of a named stream, with its shards, status timeline and settings.

import { evenRanges } from '../keys/hash-key.js';
import type { EncryptionType, MetricsName, RecordDistributionStrategy, StreamMode, StreamStatus } from '../service-model/enums.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import { pickIndex, type AutoPlacementState } from './auto-placement.js';
import type { Consumer } from './consumer.js';
import { EncryptionHistory } from './encryption-history.js';
import { RETENTION_DEFAULT_HOURS } from './limits.js';
import type { PendingChange } from './pending-change.js';
import { mergeIntoChild, splitIntoChildren } from './reshard.js';
import { Router } from './router.js';
import { Shard } from './shard.js';
import type { OnDemandScalingSettings, OnDemandScalingState } from './on-demand-scaling.js';
import type { RecordPayloads } from './shard-log.js';
import { scaleUniformly } from './uniform-scaling.js';

const HOUR_MS = 3_600_000;

/** The engine settings a stream works by (from the account's options). */
export interface StreamEngineSettings {
  /** What its shards keep of each payload (KinesisOptions.recordPayloads). Default 'copy'. */
  readonly recordPayloads?: RecordPayloads | undefined;
  /** How it scales while on-demand (KinesisOptions.onDemandScaling); undefined: it does not. */
  readonly onDemandScaling?: OnDemandScalingSettings | undefined;
}

export class Stream {
  readonly shards: Shard[] = [];
  /** What the stream's shards keep of each payload (KinesisOptions.recordPayloads). */
  readonly recordPayloads: RecordPayloads;
  /** How the stream scales while on-demand; undefined when the engine does not scale on-demand streams. */
  readonly scalingSettings: OnDemandScalingSettings | undefined;
  /** The on-demand scaling state (plain data), while the stream is on-demand and the engine scales such streams. */
  onDemandScaling: OnDemandScalingState | undefined;
  /** Routes keys to the open shards; rebuilt by this class whenever they change (see split, merge, scaleUniformly). */
  #router: Router;
  /** The open shards in index order, rebuilt with the router (AUTO placement picks among them). */
  #open: Shard[];
  retentionHours = RETENTION_DEFAULT_HOURS;
  maxRecordSizeKiB: number;
  mode: StreamMode;
  encryptionType: EncryptionType = 'NONE';
  keyId: string | undefined;
  shardLevelMetrics: MetricsName[] = [];
  readonly tags = new Map<string, string>();
  /** Registered enhanced fan-out consumers by name (every status, until a deregistered one is gone). */
  readonly consumers = new Map<string, Consumer>();
  /** Where server-side encryption started and stopped, per shard (GetRecords reads it). */
  readonly encryptionHistory = new EncryptionHistory();
  /** Warm throughput of an on-demand stream: what it scales towards and what it has reached. */
  warmThroughputTargetMiBps: number | undefined;
  warmThroughputCurrentMiBps: number | undefined;
  /** The resource policy attached to this stream (PutResourcePolicy), if any. */
  policy: string | undefined;
  deletingAtMs: number | undefined;
  goneAtMs: number | undefined;
  /** The change the stream is UPDATING for (plain data: see pending-change.ts), applied when it is due. */
  pending: PendingChange | undefined;
  /**
   * Records that arrived at or before this time expired under an earlier, shorter retention period and
   * stay gone: raising the period never revives them.
   */
  expiredThroughMs = -Infinity;
  /** When accepted UpdateShardCount calls were made (the rolling 24 h limit reads it). */
  scalingCallsMs: number[] = [];
  /** How records are placed on shards: by partition key (the default) or by the service (AUTO, on-demand only). */
  recordDistributionStrategy: RecordDistributionStrategy = 'USER_PARTITION_KEY';
  /**
   * The AUTO placement generator's state (plain data, advanced in place by each AUTO placement); created with the
   * stream from the engine's seed so that placement is deterministic (see auto-placement.ts).
   */
  autoPlacement: AutoPlacementState;
  /** DryRun calls per one-second window of the clock, for their own limit (with throughputLimits): [second, calls]. */
  dryRunWindow: [number, number] = [-1, 0];
  /** Where this stream's name records its CloudWatch metrics; set by MetricsStore.of on first use. */
  metrics: StreamMetrics | undefined;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly incarnation: number,
    readonly createdAtMs: number,
    /** When CREATING ends; the initial shards open at this time. */
    readonly activeAtMs: number,
    /** How many shards to create (even ranges), or the shards themselves (a snapshot's, in index order). */
    shardCount: number | readonly Shard[],
    mode: StreamMode,
    maxRecordSizeKiB: number,
    autoPlacement: AutoPlacementState,
    engine: StreamEngineSettings = {},
  ) {
    this.recordPayloads = engine.recordPayloads ?? 'copy';
    this.scalingSettings = engine.onDemandScaling;
    this.mode = mode;
    this.maxRecordSizeKiB = maxRecordSizeKiB;
    this.autoPlacement = autoPlacement;
    if (typeof shardCount !== 'number') this.shards.push(...shardCount);
    else for (const range of evenRanges(shardCount)) {
      this.shards.push(new Shard(this.shards.length, range.start, range.end, activeAtMs, incarnation, undefined, undefined, this.recordPayloads));
    }
    this.#open = this.openShards();
    this.#router = new Router(this.#open);
  }

  get retentionMs(): number {
    return this.retentionHours * HOUR_MS;
  }

  /** Records that arrived at or before this time are past retention (the latest cutoff ever applied). */
  cutoffMs(nowMs: number): number {
    const cutoff = nowMs - this.retentionMs;
    return cutoff > this.expiredThroughMs ? cutoff : this.expiredThroughMs;
  }

  /** Changes the retention period; what expired under the old period stays expired. */
  setRetentionHours(hours: number, nowMs: number): void {
    this.expiredThroughMs = this.cutoffMs(nowMs);
    this.retentionHours = hours;
  }

  get consumerCount(): number {
    return this.consumers.size;
  }

  /** Drops deregistered consumers whose time is up; returns when the next one goes (Infinity if none). */
  settleConsumers(nowMs: number): number {
    let next = Infinity;
    for (const [name, consumer] of this.consumers) {
      const gone = consumer.goneAtMs;
      if (gone === undefined) continue;
      if (gone <= nowMs) this.consumers.delete(name);
      else if (gone < next) next = gone;
    }
    return next;
  }

  /** Whether the initial shards exist yet: false until CREATING ends, even if the stream is deleted first. */
  hasShards(nowMs: number): boolean {
    return nowMs >= this.activeAtMs && !this.deletedWhileCreating;
  }

  /** A stream deleted while CREATING never gets its shards (nor holds them against the account quota). */
  get deletedWhileCreating(): boolean {
    return this.deletingAtMs !== undefined && this.deletingAtMs < this.activeAtMs;
  }

  status(nowMs: number): StreamStatus {
    if (this.deletingAtMs !== undefined) return 'DELETING';
    if (nowMs < this.activeAtMs) return 'CREATING';
    if (this.pending !== undefined) return 'UPDATING';
    return 'ACTIVE';
  }

  /** Open shards in index order. */
  openShards(): Shard[] {
    return this.shards.filter((s) => s.isOpen);
  }

  /** The open shard a partition key routes to (MD5 of its UTF-8 bytes). */
  shardForKey(partitionKey: string): Shard {
    return this.#router.routeKey(partitionKey);
  }

  /** The open shard holding a hash key (an ExplicitHashKey in [0, 2^128 - 1]). */
  shardForHashKey(hashKey: bigint): Shard {
    return this.#router.routeHashKey(hashKey);
  }

  /** The open shard the AUTO strategy places the next record on (advances the placement generator). */
  shardForAuto(): Shard {
    const open = this.#open;
    return open[pickIndex(this.autoPlacement, open.length)]!;
  }

  /** Splits open shard `parent` at `newStartingHashKey` as of `atMs`; keys route to the children from then on. */
  split(parent: Shard, newStartingHashKey: bigint, atMs: number): void {
    splitIntoChildren(this, parent, newStartingHashKey, atMs);
    this.#routeToOpenShards();
  }

  /** Merges two adjacent open shards into one child as of `atMs` (see mergeIntoChild for the parent order). */
  merge(shard: Shard, adjacent: Shard, atMs: number): void {
    mergeIntoChild(this, shard, adjacent, atMs);
    this.#routeToOpenShards();
  }

  /** Reshards into exactly evenRanges(target) by the fewest splits and merges (uniform-scaling.ts), as of `atMs`. */
  scaleUniformly(target: number, atMs: number): void {
    const open = this.openShards().sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    scaleUniformly<Shard>(open, target, {
      split: (piece, key) => splitIntoChildren(this, piece, key, atMs),
      merge: (lower, upper) => mergeIntoChild(this, lower, upper, atMs),
    });
    this.#routeToOpenShards();
  }

  #routeToOpenShards(): void {
    this.#open = this.openShards();
    this.#router = new Router(this.#open);
  }

  /** Absolute index of the oldest record of `shard` still inside the retention period. */
  trimHorizon(shard: Shard, nowMs: number): number {
    // The search runs over stored segments only, so it answers the same whether or not expired ones were released.
    return shard.log.firstAfter(this.cutoffMs(nowMs));
  }

  /** A closed shard expires once every record it could hold is past retention. */
  isExpired(shard: Shard, nowMs: number): boolean {
    return shard.closedAtMs !== undefined && shard.closedAtMs <= this.cutoffMs(nowMs);
  }

  /** Shards that still exist for listings: open ones and closed ones not yet expired, in index order. */
  visibleShards(nowMs: number): Shard[] {
    return this.shards.filter((s) => !this.isExpired(s, nowMs));
  }

  /**
   * Frees the memory of `shard`'s records past retention (all of it once the shard has expired): whole
   * segments only, never a copy. Retention runs on no timer, so the calls that read a shard release it.
   */
  releaseExpired(shard: Shard, nowMs: number): void {
    const log = shard.log;
    if (this.isExpired(shard, nowMs)) log.dropBefore(log.length);
    else if (log.hasWholeSegmentThrough(this.cutoffMs(nowMs))) log.dropBefore(this.trimHorizon(shard, nowMs));
  }

  /** Frees the memory of every expired shard (listings call it: they are where expired shards disappear). */
  releaseExpiredShards(nowMs: number): void {
    for (const shard of this.shards) if (this.isExpired(shard, nowMs)) shard.log.dropBefore(shard.log.length);
  }
}
