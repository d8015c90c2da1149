// Timeline: the engine's one reader of the clock, and the scheduler of every transition a stream goes
// through on its own (UPDATING ends, a deleted stream or consumer is gone). No timer runs: transitions due
// by a reading are applied when that reading is taken. It also tells waiting SubscribeToShard event streams
// when to look again: after any engine call, or when the clock says their next event is due.

import { MAX_DATE_MS, type Clock } from '../time/clock.js';
import { ExpirySweeper, type SweepState } from './expiry-sweeper.js';
import { applyPendingChange, type PendingChange } from './pending-change.js';
import type { Shard } from './shard.js';
import type { Stream } from './stream.js';

export class Timeline {
  readonly #clock: Clock;
  readonly #streams: Map<string, Stream>;
  #lastNowMs = -Infinity;
  /** Earliest time a transition is due; settling is skipped until then. */
  #nextDueMs = Infinity;
  /** Releases the expired records of streams nobody calls, a little on every reading. */
  readonly #sweeper: ExpirySweeper;
  /** Other owners of transitions (delivery channels): each applies what is due and answers when it next is. */
  readonly #settlers: ((nowMs: number) => number)[] = [];
  /** Called once after the next engine call (see whenActive). */
  #activityListeners = new Set<() => void>();
  #activityNoticePending = false;
  /** Told after each pending change applies, with the shards open before it (set by observers only). */
  onChangeApplied: ((stream: Stream, change: PendingChange, openBefore: readonly Shard[]) => void) | undefined = undefined;

  /** `streams` is the account's live streams by name; settling applies their transitions and drops the gone. */
  constructor(clock: Clock, streams: Map<string, Stream>) {
    this.#clock = clock;
    this.#streams = streams;
    this.#sweeper = new ExpirySweeper(streams);
  }

  /** The clock the engine reads. */
  get clock(): Clock {
    return this.#clock;
  }

  /**
   * The engine's time for this call: the clock's reading, never earlier than a reading already used
   * (so a clock set backwards cannot reorder records), after applying every transition due by then.
   * @throws TypeError when the clock reads something other than a finite number (a user's clock bug).
   */
  now(): number {
    if (this.#activityListeners.size > 0) this.#noticeActivity();
    return this.observe();
  }

  /**
   * The engine's time, like now(), for a reader that is not an engine call: an event stream looking for its
   * next event. It wakes no one, so waiting streams cannot keep waking each other.
   */
  observe(): number {
    const reading = this.#clock.now();
    if (!Number.isFinite(reading)) throw new TypeError(`The Kinesis clock's now() must return finite epoch ms, got ${String(reading)}`);
    if (reading > MAX_DATE_MS || reading < -MAX_DATE_MS) {
      throw new RangeError(`The Kinesis clock's now() must return epoch ms a Date can hold (within +-${MAX_DATE_MS}), got ${reading}`);
    }
    const nowMs = reading > this.#lastNowMs ? reading : this.#lastNowMs;
    this.#lastNowMs = nowMs;
    if (nowMs >= this.#nextDueMs) this.#settle(nowMs);
    this.#sweeper.step(nowMs);
    return nowMs;
  }

  /**
   * The time a call made now would run at (the clock's reading, never earlier than one already used),
   * without taking the reading or applying anything: for observers that must not change the engine.
   */
  peek(): number {
    const reading = this.#clock.now();
    return reading > this.#lastNowMs ? reading : this.#lastNowMs;
  }

  /**
   * The latest reading used (-Infinity before the first), the earliest due transition (Infinity if none) and
   * where the expiry sweep is, for snapshots.
   */
  exportState(): { lastNowMs: number; nextDueMs: number; sweep: SweepState } {
    return { lastNowMs: this.#lastNowMs, nextDueMs: this.#nextDueMs, sweep: this.#sweeper.exportState() };
  }

  /**
   * Continues from a snapshot's readings (see exportState): engine time never goes below `lastNowMs`. Without
   * `sweep` (a snapshot from before the sweeper) the sweep starts afresh.
   */
  restoreState(state: { lastNowMs: number; nextDueMs: number; sweep?: SweepState | undefined }): void {
    this.#lastNowMs = state.lastNowMs;
    this.#nextDueMs = state.nextDueMs;
    if (state.sweep !== undefined) this.#sweeper.restoreState(state.sweep);
  }

  /**
   * Calls `listener` once, in a microtask after the next engine call (whatever it changed: records, a consumer,
   * a stream); returns a function that cancels it. The call has finished by then: engine calls are synchronous.
   */
  whenActive(listener: () => void): () => void {
    const own = (): void => listener();
    this.#activityListeners.add(own);
    return () => {
      this.#activityListeners.delete(own);
    };
  }

  /**
   * Calls `listener` once the clock reaches `atMs`, if the clock can say so (Clock.wakeAt); never from inside
   * this call. Returns a function that cancels it.
   */
  wakeAt(atMs: number, listener: () => void): () => void {
    const wakeAt = this.#clock.wakeAt;
    if (wakeAt === undefined || !Number.isFinite(atMs)) return () => {};
    let live = true;
    const cancel = wakeAt.call(this.#clock, atMs, () => {
      if (live) void Promise.resolve().then(() => live && listener());
    });
    return () => {
      live = false;
      cancel();
    };
  }

  #noticeActivity(): void {
    if (this.#activityNoticePending) return;
    this.#activityNoticePending = true;
    void Promise.resolve().then(() => {
      this.#activityNoticePending = false;
      const listeners = [...this.#activityListeners];
      this.#activityListeners.clear();
      for (const listener of listeners) listener();
    });
  }

  /** Applies every transition due by the clock's reading now (a transition scheduled with no delay, at once). */
  settle(): void {
    this.now();
  }

  /**
   * Adds an owner of transitions that settles after the streams, in the same pass: `settle(nowMs)` applies what
   * is due by then and returns when its next transition is due (Infinity if none).
   */
  addSettler(settle: (nowMs: number) => number): void {
    this.#settlers.push(settle);
  }

  /**
   * Applies `change` to `stream` as of its due time and tells the observer, as for every pending change: the ones
   * a stream was UPDATING for, and the reshards on-demand scaling makes on its own.
   */
  applyChange(stream: Stream, change: PendingChange): void {
    const observer = this.onChangeApplied;
    const openBefore = observer === undefined ? undefined : stream.openShards();
    applyPendingChange(stream, change);
    if (observer !== undefined) observer(stream, change, openBefore!);
  }

  /** Registers a transition due at `dueAtMs`; the next reading at or after it applies it. */
  schedule(dueAtMs: number): void {
    if (dueAtMs < this.#nextDueMs) this.#nextDueMs = dueAtMs;
  }

  #settle(nowMs: number): void {
    let next = Infinity;
    this.#nextDueMs = Infinity;
    for (const [name, stream] of this.#streams) {
      if (stream.goneAtMs !== undefined) {
        if (stream.goneAtMs <= nowMs) {
          this.#streams.delete(name);
          continue;
        }
        next = Math.min(next, stream.goneAtMs);
      }
      if (stream.consumers.size > 0) next = Math.min(next, stream.settleConsumers(nowMs));
      const pending = stream.pending;
      if (pending !== undefined) {
        if (pending.dueAtMs <= nowMs) {
          stream.pending = undefined;
          this.applyChange(stream, pending);
        } else {
          next = Math.min(next, pending.dueAtMs);
        }
      }
    }
    for (const settle of this.#settlers) next = Math.min(next, settle(nowMs));
    this.#nextDueMs = Math.min(this.#nextDueMs, next);
  }
}
