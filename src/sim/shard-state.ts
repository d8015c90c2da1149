// What the simulation knows about one shard: its load since the scaling policy last looked, and the acknowledged
// records consumers must still see. Its CloudWatch metrics are the engine's (engine-shard-metrics.ts).

import { PendingRecords } from './pending-records.js';

/** The per-shard metrics a summary reports: the engine's shard-level CloudWatch metrics (EnableEnhancedMonitoring ALL). */
export const SHARD_METRICS = [
  'IncomingRecords',
  'IncomingBytes',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'OutgoingRecords',
  'OutgoingBytes',
  'IteratorAgeMilliseconds',
] as const;
export type ShardMetricName = (typeof SHARD_METRICS)[number];

/** How many recent writes a shard remembers for the median hash key of a split. */
export const RECENT_KEYS = 2048;

export class ShardState {
  readonly pending = new PendingRecords();
  /** Load since the scaling policy last looked. */
  windowRecords = 0;
  windowBytes = 0;
  windowThrottled = 0;
  /** Partition keys (or explicit hash keys, prefixed '=') of recent writes, when a policy needs them. */
  recentKeys: string[] | undefined;
  recentAt = 0;
  /** Each consumer's position in `pending` (absolute index of the next record it expects). */
  readonly cursors: number[];

  constructor(readonly id: string, consumers: number) {
    this.cursors = new Array<number>(consumers).fill(0);
  }

  /** Lets `pending` drop what every consumer has read. */
  release(): void {
    const c = this.cursors;
    let min = c[0] ?? 0;
    for (let i = 1; i < c.length; i++) if (c[i]! < min) min = c[i]!;
    this.pending.compact(min);
  }

  /** Counts one stored record of `bytes` in the policy's window. */
  stored(bytes: number): void {
    this.windowRecords++;
    this.windowBytes += bytes;
  }

  /** Remembers the routing key of a write (ring of RECENT_KEYS). */
  remember(routingKey: string): void {
    const ring = (this.recentKeys ??= []);
    ring[this.recentAt] = routingKey;
    this.recentAt = this.recentAt + 1 === RECENT_KEYS ? 0 : this.recentAt + 1;
  }
}
