/** A source of time in epoch milliseconds. The engine reads time only through this interface. */
export interface Clock {
  now(): number;
}

/** The wall clock (`Date.now()`). The default when no clock is given. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/**
 * A clock that moves only when told to: the way to script a week of retention in microseconds.
 * @throws RangeError when given a non-finite time or a negative step.
 */
export class ManualClock implements Clock {
  #nowMs: number;

  constructor(startMs = 0) {
    this.#nowMs = checkedTime(startMs);
  }

  now(): number {
    return this.#nowMs;
  }

  /** Moves time forward by `ms` (>= 0) and returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock.advance needs a finite, non-negative number of ms, got ${ms}`);
    this.#nowMs += ms;
    return this.#nowMs;
  }

  /** Sets the time. Setting it backwards is allowed, but the engine never sees time run backwards (see README). */
  set(ms: number): number {
    this.#nowMs = checkedTime(ms);
    return this.#nowMs;
  }
}

function checkedTime(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`ManualClock needs a finite epoch-ms time, got ${ms}`);
  return ms;
}
