// Whether an engine's clock can be moved by hand: a ManualClock, or any clock with its advance and set.

import type { Clock } from '../time/clock.js';

/** A clock the console may move. */
export interface MovableClock extends Clock {
  advance(ms: number): number;
  set(ms: number): number;
}

/** `clock` as a movable clock, or undefined for the system clock (or any clock that cannot be moved). */
export function manualClockOf(clock: Clock): MovableClock | undefined {
  const c = clock as Partial<MovableClock>;
  return typeof c.advance === 'function' && typeof c.set === 'function' ? (clock as MovableClock) : undefined;
}
