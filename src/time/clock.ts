/**
 * A source of time in epoch milliseconds. The engine reads time only through this interface.
 * `wakeAt` is optional: a clock that has it lets a waiting SubscribeToShard event stream wake up when its
 * next event falls due (an idle event, the 5-minute end); without it the stream wakes on engine calls only.
 */
export interface Clock {
  now(): number;
  /** Calls `wake` once the clock reads `atMs` or later; returns a function that cancels the call. */
  wakeAt?(atMs: number, wake: () => void): () => void;
}

// The core compiles without lib.dom or @types/node, so the host's timers are reached through an explicit shape.
interface HostTimers {
  setTimeout?: (callback: () => void, delayMs: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

// setTimeout's largest delay (about 24.8 days); a longer wait is re-armed when it fires.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The wall clock (`Date.now()`). The default when no clock is given. It is the engine's one link to the
 * host's time: readings from Date.now, wake-ups from the host's setTimeout (the only timer kinesim's core
 * ever starts, and only while an event stream waits for its next event).
 */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  wakeAt(atMs: number, wake: () => void): () => void {
    const timers = globalThis as HostTimers;
    const { setTimeout, clearTimeout } = timers;
    if (typeof setTimeout !== 'function' || typeof clearTimeout !== 'function') return noWake;
    let handle: unknown;
    let cancelled = false;
    const arm = (): void => {
      const delayMs = atMs - Date.now();
      if (delayMs <= 0) return wake();
      handle = setTimeout.call(globalThis, () => {
        if (!cancelled) arm();
      }, Math.min(delayMs, MAX_TIMER_DELAY_MS));
    };
    arm();
    return () => {
      cancelled = true;
      clearTimeout.call(globalThis, handle);
    };
  }
}

function noWake(): void {}

/**
 * A clock that moves only when told to: the way to script a week of retention in microseconds.
 * @throws RangeError when given a non-finite time or a negative step.
 */
export class ManualClock implements Clock {
  #nowMs: number;
  /** Pending wake-ups, in the order they were asked for. */
  #wakes: { readonly atMs: number; readonly wake: () => void }[] = [];

  constructor(startMs = 0) {
    this.#nowMs = checkedTime(startMs);
  }

  now(): number {
    return this.#nowMs;
  }

  /** Moves time forward by `ms` (>= 0) and returns the new time; wake-ups now due run before it returns. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock.advance needs a finite, non-negative number of ms, got ${ms}`);
    if (this.#nowMs + ms > MAX_DATE_MS) {
      throw new RangeError(`ManualClock.advance(${ms}) would pass the last time a Date can hold (${MAX_DATE_MS} ms, +275760-09-13)`);
    }
    this.#nowMs += ms;
    this.#wakeDue();
    return this.#nowMs;
  }

  /** Sets the time. Setting it backwards is allowed, but the engine never sees time run backwards (see README). */
  set(ms: number): number {
    this.#nowMs = checkedTime(ms);
    this.#wakeDue();
    return this.#nowMs;
  }

  /** Calls `wake` when advance or set brings the clock to `atMs` (at once if it reads that already). No timers. */
  wakeAt(atMs: number, wake: () => void): () => void {
    if (atMs <= this.#nowMs) {
      wake();
      return noWake;
    }
    const entry = { atMs, wake };
    this.#wakes.push(entry);
    return () => {
      const at = this.#wakes.indexOf(entry);
      if (at >= 0) this.#wakes.splice(at, 1);
    };
  }

  #wakeDue(): void {
    if (this.#wakes.length === 0) return;
    const due = this.#wakes.filter((entry) => entry.atMs <= this.#nowMs);
    if (due.length === 0) return;
    this.#wakes = this.#wakes.filter((entry) => entry.atMs > this.#nowMs);
    for (const entry of due) entry.wake();
  }
}

/** The largest magnitude of epoch ms a Date holds (ECMAScript's time range): every engine time must be a valid Date. */
export const MAX_DATE_MS = 8.64e15;

function checkedTime(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`ManualClock needs a finite epoch-ms time, got ${ms}`);
  if (Math.abs(ms) > MAX_DATE_MS) throw new RangeError(`ManualClock needs an epoch-ms time a Date can hold (within +-${MAX_DATE_MS}), got ${ms}`);
  return ms;
}
