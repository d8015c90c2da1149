// On-demand scaling: what AWS does on its own to the shards of an ON_DEMAND stream
// (https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html). A new stream starts at 4 MiB/s of
// write capacity (4 shards) and "accommodates up to double the previous peak write throughput observed in the last
// 30 days"; traffic above that raises the capacity within about 15 minutes; capacity comes down gradually, about a
// day at a time. AWS publishes neither its shard plan nor its measuring, so kinesim's model [U] is:
// - the write throughput a stream stored (data + partition keys, and records, in shards' worth of the per-shard
//   limits) is averaged over each measurePeriodMs; the peak is the highest such average in the last peakWindowMs;
// - the stream needs max(floor, ceil(headroom x peak)) shards, the floor being initialShards and the warm
//   throughput (1 shard per MiB/s), capped at maxShards;
// - needing more than it has for scaleUpDelayMs, it doubles every open shard until it has enough (one uniform
//   reshard); a floor above the open shards (warm throughput, a switch from provisioned) is met at once;
// - needing at most half of what it has for scaleDownDelayMs, it halves (merges pairs), a day at a time.
// Reshards go through the engine's own machinery (a PendingScale applied by the timeline, lineage, closed parents)
// and leave the stream ACTIVE. Everything is driven by the engine clock and kept as plain data for snapshots.

import { SHARD_WRITE_BYTES_PER_SECOND, SHARD_WRITE_RECORDS_PER_SECOND } from './limits.js';
import type { PendingScale } from './pending-change.js';
import type { Stream } from './stream.js';
import type { Timeline } from './timeline.js';

/** The parameters of on-demand scaling (KinesisOptions.onDemandScaling, resolved). */
export interface OnDemandScalingSettings {
  /** Shards a new on-demand stream starts with, and the fewest it scales down to. */
  readonly initialShards: number;
  /** Capacity kept over the peak (2: double the previous peak). */
  readonly headroom: number;
  /** The period over which write throughput is averaged. */
  readonly measurePeriodMs: number;
  /** How long a peak is remembered. */
  readonly peakWindowMs: number;
  /** How long the stream needs more shards before it gets them. */
  readonly scaleUpDelayMs: number;
  /** How long the stream needs at most half its shards before it halves. */
  readonly scaleDownDelayMs: number;
  /** The most shards it scales to. */
  readonly maxShards: number;
}

/** One on-demand stream's scaling state: plain data (snapshots write it as it is). */
export interface OnDemandScalingState {
  /** Start of the measuring period being counted; null when nothing was stored since the last one closed. */
  periodStartMs: number | null;
  periodRecords: number;
  periodBytes: number;
  /**
   * The peak's candidates, [period end, demand in shards], with demands decreasing: the first is the peak of the
   * window; a later, lower one takes over when the ones before it leave the window.
   */
  peaks: [number, number][];
  /** Since when the stream has needed more shards than it has (null: it has not). */
  risingSinceMs: number | null;
  /** Since when it has needed at most half of them (null: it has not). */
  fallingSinceMs: number | null;
}

/**
 * Starts scaling a stream that is on-demand as of `atMs` (created so, or switched to it), when the engine scales
 * on-demand streams: its open shards count as the capacity of a peak seen then (so a stream switched from
 * provisioned keeps its shards for a peak window), and a floor above them is met at once.
 */
export function startScaling(stream: Stream, atMs: number): void {
  const settings = stream.scalingSettings;
  if (settings === undefined) return;
  const open = stream.openShards().length;
  const state: OnDemandScalingState = {
    periodStartMs: null, periodRecords: 0, periodBytes: 0, peaks: [[atMs, open / settings.headroom]], risingSinceMs: null, fallingSinceMs: null,
  };
  stream.onDemandScaling = state;
  judge(stream, state, settings, atMs);
}

/** Re-reads what the stream needs at `atMs` after its floor changed (warm throughput). */
export function rejudgeScaling(stream: Stream, atMs: number): void {
  const { onDemandScaling: state, scalingSettings: settings } = stream;
  if (state !== undefined && settings !== undefined) judge(stream, state, settings, atMs);
}

/** When a stream's scaling next has something to do (Infinity without state), for the timeline. */
export function scalingDueMs(stream: Stream): number {
  const { onDemandScaling: state, scalingSettings: settings } = stream;
  return state === undefined || settings === undefined ? Infinity : nextEventMs(state, settings);
}

/**
 * Counts what a put stored in an on-demand stream at `nowMs`: `records` records of `bytes` (data + UTF-8 partition
 * keys). Opening a measuring period schedules its end on the timeline (the settler closes it there).
 */
export function countOnDemandWrites(timeline: Timeline, stream: Stream, nowMs: number, records: number, bytes: number): void {
  const state = stream.onDemandScaling;
  const settings = stream.scalingSettings;
  if (state === undefined || settings === undefined) return;
  if (state.periodStartMs === null) {
    const periodMs = settings.measurePeriodMs;
    const start = nowMs - (nowMs % periodMs);
    state.periodStartMs = start;
    state.periodRecords = 0;
    state.periodBytes = 0;
    timeline.schedule(start + periodMs);
  }
  state.periodRecords += records;
  state.periodBytes += bytes;
}

/** How the settler applies a reshard: through the timeline, so that observers see it like any pending change. */
export type ApplyScale = (stream: Stream, change: PendingScale) => void;

/** Brings the scaling of every stream up to `nowMs` (a timeline settler); returns when it next has something to do. */
export function settleScaling(streams: ReadonlyMap<string, Stream>, nowMs: number, apply: ApplyScale): number {
  let next = Infinity;
  for (const stream of streams.values()) {
    if (stream.onDemandScaling !== undefined) next = Math.min(next, settleStreamScaling(stream, nowMs, apply));
  }
  return next;
}

/**
 * Brings one on-demand stream's scaling up to `nowMs`: closes measuring periods, applies the reshards that fell due,
 * in time order. Returns when it next has something to do (Infinity if never, without more writes).
 */
export function settleStreamScaling(stream: Stream, nowMs: number, apply: ApplyScale): number {
  const { onDemandScaling: state, scalingSettings: settings } = stream;
  if (state === undefined || settings === undefined || stream.deletingAtMs !== undefined) return Infinity;
  for (;;) {
    const pendingAtMs = stream.pending?.dueAtMs;
    // A change the stream is UPDATING for goes first; scaling waits for it [U].
    if (pendingAtMs !== undefined) return pendingAtMs;
    const dueMs = nextEventMs(state, settings);
    if (dueMs > nowMs) return dueMs;
    step(stream, state, settings, dueMs, apply);
  }
}

function nextEventMs(state: OnDemandScalingState, s: OnDemandScalingSettings): number {
  let due = Infinity;
  if (state.periodStartMs !== null) due = state.periodStartMs + s.measurePeriodMs;
  if (state.risingSinceMs !== null) due = Math.min(due, state.risingSinceMs + s.scaleUpDelayMs);
  if (state.fallingSinceMs !== null) due = Math.min(due, state.fallingSinceMs + s.scaleDownDelayMs);
  const peak = state.peaks[0];
  if (peak !== undefined) due = Math.min(due, peak[0] + s.peakWindowMs);
  return due;
}

/** Everything due at `atMs`: a period's end, an expired peak, a reshard; then what the stream needs from then on. */
function step(stream: Stream, state: OnDemandScalingState, s: OnDemandScalingSettings, atMs: number, apply: ApplyScale): void {
  if (state.periodStartMs !== null && state.periodStartMs + s.measurePeriodMs <= atMs) closePeriod(state, s, atMs);
  while (state.peaks.length > 0 && state.peaks[0]![0] + s.peakWindowMs <= atMs) state.peaks.shift();
  const open = stream.openShards().length;
  const need = neededShards(stream, state, s);
  if (state.risingSinceMs !== null && state.risingSinceMs + s.scaleUpDelayMs <= atMs) {
    state.risingSinceMs = null;
    let target = open;
    while (target < need) target *= 2;
    target = Math.min(target, s.maxShards);
    if (target > open) apply(stream, { kind: 'scale', dueAtMs: atMs, targetShardCount: target });
  } else if (state.fallingSinceMs !== null && state.fallingSinceMs + s.scaleDownDelayMs <= atMs) {
    state.fallingSinceMs = null;
    const target = Math.max(Math.ceil(open / 2), need);
    if (target < open) apply(stream, { kind: 'scale', dueAtMs: atMs, targetShardCount: target });
  }
  judge(stream, state, s, atMs);
}

/** The period ending now becomes a peak candidate (its demand in shards' worth of writes per second). */
function closePeriod(state: OnDemandScalingState, s: OnDemandScalingSettings, atMs: number): void {
  const seconds = s.measurePeriodMs / 1000;
  const demand = Math.max(
    state.periodRecords / (SHARD_WRITE_RECORDS_PER_SECOND * seconds),
    state.periodBytes / (SHARD_WRITE_BYTES_PER_SECOND * seconds),
  );
  const peaks = state.peaks;
  while (peaks.length > 0 && peaks[peaks.length - 1]![1] <= demand) peaks.pop();
  peaks.push([atMs, demand]);
  state.periodStartMs = null;
  state.periodRecords = 0;
  state.periodBytes = 0;
}

/** The floor: the initial shards, or the warm throughput's (1 shard per MiB/s), whichever is more. */
function floorShards(stream: Stream, s: OnDemandScalingSettings): number {
  return Math.min(s.maxShards, Math.max(s.initialShards, Math.ceil(stream.warmThroughputCurrentMiBps ?? 0)));
}

function neededShards(stream: Stream, state: OnDemandScalingState, s: OnDemandScalingSettings): number {
  const peak = state.peaks[0]?.[1] ?? 0;
  // Rounded to a millionth first, so that a peak of exactly half the shards does not ask for one more.
  const byPeak = Math.ceil(Math.round(s.headroom * peak * 1e6) / 1e6);
  return Math.min(s.maxShards, Math.max(floorShards(stream, s), byPeak));
}

/** Starts or stops the clocks of a scale-up and a scale-down by what the stream needs at `atMs`. */
function judge(stream: Stream, state: OnDemandScalingState, s: OnDemandScalingSettings, atMs: number): void {
  const open = stream.openShards().length;
  const need = neededShards(stream, state, s);
  if (need > open) {
    state.fallingSinceMs = null;
    // Below the floor (warm throughput raised, or a stream just switched from provisioned): at once.
    if (floorShards(stream, s) > open) state.risingSinceMs = atMs - s.scaleUpDelayMs;
    else state.risingSinceMs ??= atMs;
  } else if (need <= Math.floor(open / 2)) {
    state.risingSinceMs = null;
    state.fallingSinceMs ??= atMs;
  } else {
    state.risingSinceMs = null;
    state.fallingSinceMs = null;
  }
}
