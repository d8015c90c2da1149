// What the simulation knows about one shard: its CloudWatch-named counters per metrics period, its totals,
// its load since the scaling policy last looked, and the acknowledged records consumers must still see.

import { PendingRecords } from './pending-records.js';

/** The per-shard metrics, with CloudWatch's names (shard-level metrics of Kinesis Data Streams). */
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

export const INCOMING_RECORDS = 0;
export const INCOMING_BYTES = 1;
export const WRITE_THROTTLED = 2;
export const READ_THROTTLED = 3;
export const OUTGOING_RECORDS = 4;
export const OUTGOING_BYTES = 5;
export const ITERATOR_AGE = 6;

/** How many recent writes a shard remembers for the median hash key of a split. */
export const RECENT_KEYS = 2048;

export class ShardState {
  readonly pending = new PendingRecords();
  /** Run totals, indexed like SHARD_METRICS (IteratorAgeMilliseconds holds the maximum). */
  readonly totals = new Float64Array(SHARD_METRICS.length);
  /** Per metrics period, indexed like SHARD_METRICS; IteratorAgeMilliseconds holds each period's maximum. */
  readonly series: number[][] = SHARD_METRICS.map(() => []);
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

  /** Counts one stored record of `bytes` in period `p` (IncomingRecords, IncomingBytes, the policy window). */
  stored(p: number, bytes: number): void {
    const records = this.series[INCOMING_RECORDS]!;
    if (records.length <= p) {
      this.add(INCOMING_RECORDS, p, 0);
      this.add(INCOMING_BYTES, p, 0);
    }
    const bytesSeries = this.series[INCOMING_BYTES]!;
    records[p] = records[p]! + 1;
    bytesSeries[p] = bytesSeries[p]! + bytes;
    const totals = this.totals;
    totals[INCOMING_RECORDS] = totals[INCOMING_RECORDS]! + 1;
    totals[INCOMING_BYTES] = totals[INCOMING_BYTES]! + bytes;
    this.windowRecords++;
    this.windowBytes += bytes;
  }

  /** Adds `x` to metric `m` in period `p`. */
  add(m: number, p: number, x: number): void {
    const s = this.series[m]!;
    while (s.length <= p) s.push(0);
    s[p] = s[p]! + x;
    this.totals[m] = this.totals[m]! + x;
  }

  /** Raises metric `m` in period `p` to at least `x` (a Maximum statistic). */
  max(m: number, p: number, x: number): void {
    const s = this.series[m]!;
    while (s.length <= p) s.push(0);
    if (x > s[p]!) s[p] = x;
    if (x > this.totals[m]!) this.totals[m] = x;
  }

  /** Remembers the routing key of a write (ring of RECENT_KEYS). */
  remember(routingKey: string): void {
    const ring = (this.recentKeys ??= []);
    ring[this.recentAt] = routingKey;
    this.recentAt = this.recentAt + 1 === RECENT_KEYS ? 0 : this.recentAt + 1;
  }
}
