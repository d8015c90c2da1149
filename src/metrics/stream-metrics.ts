// StreamMetrics: the minute facts of one stream name, oldest first, kept for the store's retention window of
// engine time. Keyed by name, not by stream incarnation: CloudWatch's StreamName dimension carries on when a
// stream is deleted and created again, and so do these.

import { MinuteFacts } from './minute-facts.js';

export const MINUTE_MS = 60_000;

/** The start of the minute holding `ms` (minutes start at multiples of 60000 ms since the epoch). */
export function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

export class StreamMetrics {
  /** Minutes with something recorded, by start time; the last one is the latest. */
  readonly #minutes: MinuteFacts[] = [];
  #latestStartMs = Infinity;
  #latestEndMs = -Infinity;
  #latest: MinuteFacts | undefined;
  #scratch: MinuteFacts | undefined;

  constructor(
    readonly streamName: string,
    /** How long a minute is kept after it starts (0: nothing is kept). */
    readonly retentionMs: number,
  ) {}

  /** The facts of the minute holding `ms`. Engine time only moves forward, so this is almost always the latest. */
  at(ms: number): MinuteFacts {
    if (ms < this.#latestEndMs && ms >= this.#latestStartMs) return this.#latest!;
    return this.#minuteAt(ms);
  }

  /** Minutes starting in [fromMs, toMs) that are still inside the retention window at `nowMs`, oldest first. */
  minutes(fromMs: number, toMs: number, nowMs: number): MinuteFacts[] {
    return this.#minutes.filter((m) => m.startMs >= fromMs && m.startMs < toMs && m.startMs + this.retentionMs > nowMs);
  }

  /** Whether no minute is left inside the retention window at `nowMs`. */
  isEmpty(nowMs: number): boolean {
    const latest = this.#latest;
    return latest === undefined || latest.startMs + this.retentionMs <= nowMs;
  }

  #minuteAt(ms: number): MinuteFacts {
    const startMs = minuteOf(ms);
    const minutes = this.#minutes;
    const latest = this.#latest;
    // Nothing is kept, or the minute is already past retention (an event read long after it happened): the samples
    // go to a scratch minute nobody reads.
    if (this.retentionMs <= 0 || (latest !== undefined && startMs + this.retentionMs <= latest.startMs)) return (this.#scratch ??= new MinuteFacts(startMs));
    if (latest === undefined || startMs > latest.startMs) {
      const minute = new MinuteFacts(startMs);
      minutes.push(minute);
      this.#latest = minute;
      this.#latestStartMs = startMs;
      this.#latestEndMs = startMs + MINUTE_MS;
      let expired = 0;
      while (minutes[expired]!.startMs + this.retentionMs <= startMs) expired++;
      if (expired > 0) minutes.splice(0, expired);
      return minute;
    }
    // An earlier minute (a SubscribeToShard event is timed when it happened, which may be before it is read).
    let lo = 0;
    let hi = minutes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (minutes[mid]!.startMs < startMs) lo = mid + 1;
      else hi = mid;
    }
    const found = minutes[lo];
    if (found !== undefined && found.startMs === startMs) return found;
    const minute = new MinuteFacts(startMs);
    minutes.splice(lo, 0, minute);
    return minute;
  }
}
