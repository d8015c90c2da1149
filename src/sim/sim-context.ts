// One run's shared state: the engine and its clock, the shards seen so far, run totals, stream-level
// series and the latency histogram. Producers, consumers and policies all report here.

import type { Kinesis, ManualClock } from '../index.js';
import { CostMeter } from './cost.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { ResolvedScenario } from './scenario.js';
import { ShardState } from './shard-state.js';

/** Run totals (user records for KPL producers; see the README for each definition). */
export interface RunTotals {
  recordsProduced: number;
  recordsAcknowledged: number;
  recordsConsumed: number;
  recordsThrottled: number;
  retries: number;
  recordsDropped: number;
  duplicatesAtConsumer: number;
  lostAtConsumer: number;
  orderingViolations: number;
  putRecordsCalls: number;
  getRecordsCalls: number;
}

/** Stream-level series per metrics period that CloudWatch does not have but a reader of a run needs. */
export const STREAM_SERIES = ['RecordsProduced', 'Retries', 'RecordsDropped', 'RecordsThrottled'] as const;
export const PRODUCED = 0;
export const RETRIES = 1;
export const DROPPED = 2;
export const THROTTLED = 3;

export class SimContext {
  readonly shards = new Map<string, ShardState>();
  readonly totals: RunTotals = {
    recordsProduced: 0, recordsAcknowledged: 0, recordsConsumed: 0, recordsThrottled: 0, retries: 0,
    recordsDropped: 0, duplicatesAtConsumer: 0, lostAtConsumer: 0, orderingViolations: 0,
    putRecordsCalls: 0, getRecordsCalls: 0,
  };
  readonly streamSeries: number[][] = STREAM_SERIES.map(() => []);
  /** Thrown errors other than throttling, by exception name (each dropped its records). */
  readonly errors = new Map<string, number>();
  readonly cost = new CostMeter();
  readonly latency = new LatencyHistogram();
  readonly periodMs: number;
  /** Run time of the current event (ms since the start). */
  nowMs = 0;
  /** Metrics period of the current event. */
  period = 0;
  /** Whether writes remember their routing keys (a policy splits at the median of recent traffic). */
  rememberKeys = false;
  /**
   * Whether throttled writes are counted per shard for the scaling policy's window (ShardState.windowThrottled):
   * only a scaling runner reads them, and finding the shard means parsing each throttled entry's message.
   */
  countShardThrottles = false;
  /**
   * Whether the acknowledged list keeps each record's sequence number: needed only where a record cannot be told by
   * its ticket (payloads under 4 bytes, KPL sub-records); elsewhere not keeping 56-digit strings alive until the
   * consumer reaches them saves most of the lab's garbage-collection time.
   */
  keepSequenceNumbers = true;
  #serial = 0;

  constructor(
    readonly kinesis: Kinesis,
    readonly clock: ManualClock,
    readonly streamName: string,
    readonly startMs: number,
    readonly scenario: ResolvedScenario,
  ) {
    this.periodMs = scenario.metrics.periodSeconds * 1000;
  }

  /** Moves the engine clock to run time `runMs`. */
  setTime(runMs: number): void {
    this.nowMs = runMs;
    this.period = Math.floor(runMs / this.periodMs);
    this.clock.set(this.startMs + runMs);
  }

  /** A new user record's place in creation order. */
  nextSerial(): number {
    return this.#serial++;
  }

  shard(id: string): ShardState {
    let s = this.shards.get(id);
    if (s === undefined) {
      s = new ShardState(id, this.scenario.consumers.length);
      this.shards.set(id, s);
    }
    return s;
  }

  /** Counts a Kinesis record of `bytes` stored in shard `s` (the policy's window, cost). */
  stored(s: ShardState, bytes: number): void {
    s.stored(bytes);
    this.cost.written(bytes);
  }

  /** Adds `x` to stream series `m` in the current period. */
  count(m: number, x: number): void {
    const s = this.streamSeries[m]!;
    const p = this.period;
    while (s.length <= p) s.push(0);
    s[p] = s[p]! + x;
  }

  /** Counts a thrown error by name. */
  error(name: string): void {
    this.errors.set(name, (this.errors.get(name) ?? 0) + 1);
  }
}
