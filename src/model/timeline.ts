// Timeline: the engine's one reader of the clock, and the scheduler of every transition a stream goes
// through on its own (UPDATING ends, a deleted stream or consumer is gone). No timer runs: transitions due
// by a reading are applied when that reading is taken.

import type { Clock } from '../time/clock.js';
import { applyPendingChange } from './pending-change.js';
import type { Stream } from './stream.js';

export class Timeline {
  readonly #clock: Clock;
  readonly #streams: Map<string, Stream>;
  #lastNowMs = -Infinity;
  /** Earliest time a transition is due; settling is skipped until then. */
  #nextDueMs = Infinity;
  /** Other owners of transitions (delivery channels): each applies what is due and answers when it next is. */
  readonly #settlers: ((nowMs: number) => number)[] = [];

  /** `streams` is the account's live streams by name; settling applies their transitions and drops the gone. */
  constructor(clock: Clock, streams: Map<string, Stream>) {
    this.#clock = clock;
    this.#streams = streams;
  }

  /** The clock the engine reads. */
  get clock(): Clock {
    return this.#clock;
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
          applyPendingChange(stream, pending);
        } else {
          next = Math.min(next, pending.dueAtMs);
        }
      }
    }
    for (const settle of this.#settlers) next = Math.min(next, settle(nowMs));
    this.#nextDueMs = Math.min(this.#nextDueMs, next);
  }
}
