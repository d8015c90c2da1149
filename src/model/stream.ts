// Stream: one incarnation of a named stream, with its shards, status timeline and settings.

import { evenRanges } from '../keys/hash-key.js';
import { RETENTION_DEFAULT_HOURS } from './limits.js';
import { Router } from './router.js';
import { Shard } from './shard.js';
import type { MetricsName } from '../api-types/common.js';
import type { Consumer } from './consumer.js';
import { EncryptionHistory } from './encryption-history.js';

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

const HOUR_MS = 3_600_000;

/** A change that takes effect when the stream leaves UPDATING (a reshard, an encryption change...). */
export interface PendingUpdate {
  readonly dueAtMs: number;
  /** What the change will take of the account's quotas; held from the request on, so none is granted twice. */
  readonly reserves?: QuotaReservation | undefined;
  /** Applies the change as of `dueAtMs`. */
  apply(dueAtMs: number): void;
}

/** The quota footprint of a pending change (see Account.shardQuotaUsage and onDemandQuotaUsage). */
export interface QuotaReservation {
  /** Open shards the stream will have once the change applies. */
  readonly openShards?: number;
  /** The capacity mode the stream switches to. */
  readonly mode?: StreamMode;
}

export class Stream {
  readonly shards: Shard[] = [];
  router: Router;
  retentionHours = RETENTION_DEFAULT_HOURS;
  maxRecordSizeKiB: number;
  mode: StreamMode;
  encryptionType: 'NONE' | 'KMS' = 'NONE';
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
  pending: PendingUpdate | undefined;
  /**
   * Records that arrived at or before this time expired under an earlier, shorter retention period and
   * stay gone: raising the period never revives them.
   */
  expiredThroughMs = -Infinity;
  /** When accepted UpdateShardCount calls were made (the rolling 24 h limit reads it). */
  scalingCallsMs: number[] = [];

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly incarnation: number,
    readonly createdAtMs: number,
    /** When CREATING ends; the initial shards open at this time. */
    readonly activeAtMs: number,
    shardCount: number,
    mode: StreamMode,
    maxRecordSizeKiB: number,
  ) {
    this.mode = mode;
    this.maxRecordSizeKiB = maxRecordSizeKiB;
    for (const range of evenRanges(shardCount)) {
      this.shards.push(new Shard(this.shards.length, range.start, range.end, activeAtMs, incarnation));
    }
    this.router = new Router(this.shards);
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

  /** Call after the set of open shards changes. */
  rebuildRouter(): void {
    this.router = new Router(this.openShards());
  }

  /** Absolute index of the oldest record of `shard` still inside the retention period. */
  trimHorizon(shard: Shard, nowMs: number): number {
    const cutoff = this.cutoffMs(nowMs);
    const log = shard.log;
    // Only whole segments are released, so the horizon can sit inside the first kept segment.
    const first = log.firstAfter(cutoff);
    log.dropBefore(first);
    return first;
  }

  /** A closed shard expires once every record it could hold is past retention. */
  isExpired(shard: Shard, nowMs: number): boolean {
    if (shard.closedAtMs === undefined || shard.closedAtMs > this.cutoffMs(nowMs)) return false;
    shard.log.dropBefore(shard.log.length);
    return true;
  }

  /** Shards that still exist for listings: open ones and closed ones not yet expired, in index order. */
  visibleShards(nowMs: number): Shard[] {
    return this.shards.filter((s) => !this.isExpired(s, nowMs));
  }
}
