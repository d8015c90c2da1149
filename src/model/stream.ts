// Stream: one incarnation of a named stream, with its shards, status timeline and settings.

import { evenRanges } from '../keys/hash-key.js';
import { Router } from './router.js';
import { Shard } from './shard.js';
import type { MetricsName } from '../shapes/common.js';

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

const HOUR_MS = 3_600_000;

/** A change that takes effect when the stream leaves UPDATING (a reshard, an encryption change...). */
export interface PendingUpdate {
  readonly dueAtMs: number;
  /** Applies the change as of `dueAtMs`. */
  apply(dueAtMs: number): void;
}

export class Stream {
  readonly shards: Shard[] = [];
  router: Router;
  retentionHours = 24;
  maxRecordSizeKiB: number;
  mode: StreamMode;
  encryptionType: 'NONE' | 'KMS' = 'NONE';
  keyId: string | undefined;
  shardLevelMetrics: MetricsName[] = [];
  readonly tags = new Map<string, string>();
  /** Registered enhanced fan-out consumers by name. */
  readonly consumers = new Map<string, unknown>();
  deletingAtMs: number | undefined;
  goneAtMs: number | undefined;
  pending: PendingUpdate | undefined;

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

  get consumerCount(): number {
    return this.consumers.size;
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
    const cutoff = nowMs - this.retentionMs;
    const log = shard.log;
    log.dropBefore(log.firstAfter(cutoff));
    return log.firstIndex;
  }

  /** A closed shard expires once every record it could hold is past retention. */
  isExpired(shard: Shard, nowMs: number): boolean {
    if (shard.closedAtMs === undefined || shard.closedAtMs + this.retentionMs > nowMs) return false;
    shard.log.dropBefore(shard.log.length);
    return true;
  }

  /** Shards that still exist for listings: open ones and closed ones not yet expired, in index order. */
  visibleShards(nowMs: number): Shard[] {
    return this.shards.filter((s) => !this.isExpired(s, nowMs));
  }
}
