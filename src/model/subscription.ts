// Subscription: one SubscribeToShard call's stream of events, as a process in engine time. Each event has a
// time: the first at the call; one when records arrive (as many as the pacing and the event size allow); an
// empty one after an idle interval; one at a closed shard's end. Reading at any later time yields the same
// events, so what a consumer sees does not depend on how often it looks. Nothing runs on a timer: the
// events due are worked out when someone reads.

import type { Consumer } from './consumer.js';
import {
  SUBSCRIPTION_DURATION_MS,
  SUBSCRIPTION_EVENT_MAX_BYTES,
  SUBSCRIPTION_EVENT_MAX_RECORDS,
  SUBSCRIPTION_IDLE_EVENT_INTERVAL_MS,
} from './limits.js';
import type { Shard } from './shard.js';
import type { RecordVisitor } from './shard-log.js';
import type { Stream } from './stream.js';
import { SubscriptionThroughput } from './subscription-throughput.js';

/** Why a subscription ended: its 5 minutes passed, its client left, or something ended it early. */
export type SubscriptionEndCause = 'expired' | 'cancelled' | 'taken-over' | 'consumer-deleted' | 'stream-deleted';

/** One SubscribeToShardEvent in model terms: records [first, next) of the shard, at `atMs`. */
export interface SubscriptionEvent {
  readonly kind: 'event';
  readonly atMs: number;
  readonly first: number;
  /** Where the subscription stands after this event (the ContinuationSequenceNumber's position). */
  readonly next: number;
  readonly millisBehindLatest: number;
  /** The last event of a closed shard: it carries ChildShards and no ContinuationSequenceNumber. */
  readonly shardEnd: boolean;
}

/** What a subscription does next, read at some time. */
export type SubscriptionStep =
  | SubscriptionEvent
  /** The stream ends here (after every event before its end); causes other than expiry end it with an exception. */
  | { readonly kind: 'end'; readonly cause: Exclude<SubscriptionEndCause, 'cancelled'> }
  /** Nothing is due yet; without engine activity, nothing will be before `untilMs`. */
  | { readonly kind: 'wait'; readonly untilMs: number }
  /** Ended, and everything was read. */
  | { readonly kind: 'done' };

const DONE: SubscriptionStep = Object.freeze({ kind: 'done' });

export class Subscription {
  /** Absolute index of the next record to deliver. */
  position: number;
  #endAtMs: number;
  #endCause: SubscriptionEndCause = 'expired';
  #lastEventAtMs: number | undefined;
  #finished = false;
  /** Present only with the throughputLimits option. */
  readonly #throughput: SubscriptionThroughput | undefined;

  constructor(
    readonly stream: Stream,
    readonly shard: Shard,
    readonly consumer: Consumer,
    position: number,
    readonly startedAtMs: number,
    paced: boolean,
  ) {
    this.position = position;
    this.#endAtMs = startedAtMs + SUBSCRIPTION_DURATION_MS;
    this.#throughput = paced ? new SubscriptionThroughput() : undefined;
  }

  /** When the subscription ends (or ended): 5 minutes after it started, or earlier if something ended it. */
  get endAtMs(): number {
    return this.#endAtMs;
  }

  /** Whether every event it will ever have was read. */
  get finished(): boolean {
    return this.#finished;
  }

  /** Ends the subscription at `atMs` for `cause`, unless it ends earlier already (the first cause wins a tie). */
  endAt(atMs: number, cause: SubscriptionEndCause): void {
    if (atMs < this.#endAtMs) {
      this.#endAtMs = atMs;
      this.#endCause = cause;
    }
  }

  /** The client went away: no further events. */
  cancel(nowMs: number): void {
    this.endAt(nowMs, 'cancelled');
    this.#finished = true;
  }

  /**
   * The next step as of `nowMs`: the earliest event due by then (its records go to `visit`, copied), the end,
   * or how long to wait. Call again after each event: several may be due.
   */
  step(nowMs: number, visit: RecordVisitor): SubscriptionStep {
    if (this.#finished) return DONE;
    this.#noticeEnds();
    const dueMs = this.#nextEventDueMs();
    if (dueMs >= this.#endAtMs) {
      if (nowMs < this.#endAtMs) return { kind: 'wait', untilMs: this.#wakeMs(this.#endAtMs) };
      this.#finished = true;
      const cause = this.#endCause;
      return cause === 'cancelled' ? DONE : { kind: 'end', cause };
    }
    if (dueMs > nowMs) return { kind: 'wait', untilMs: this.#wakeMs(dueMs) };
    return this.#event(dueMs, visit);
  }

  /** A stream being deleted or a consumer deregistered ends the subscription when that happened. */
  #noticeEnds(): void {
    const streamDeletedAtMs = this.stream.deletingAtMs;
    if (streamDeletedAtMs !== undefined) this.endAt(streamDeletedAtMs, 'stream-deleted');
    const consumerDeletedAtMs = this.consumer.deletingAtMs;
    if (consumerDeletedAtMs !== undefined) this.endAt(consumerDeletedAtMs, 'consumer-deleted');
  }

  /** When the next event falls due, by what is known now (records written later can only make it sooner). */
  #nextEventDueMs(): number {
    const last = this.#lastEventAtMs;
    if (last === undefined) return this.startedAtMs;
    const { shard, stream } = this;
    const log = shard.log;
    let dueMs = last + SUBSCRIPTION_IDLE_EVENT_INTERVAL_MS;
    const from = Math.max(this.position, stream.trimHorizon(shard, last));
    if (from < log.length) {
      const arrivedMs = Math.max(last, log.arrivalAt(from));
      const throughput = this.#throughput;
      dueMs = Math.min(dueMs, throughput === undefined ? arrivedMs : throughput.earliestFor(arrivedMs, log.sizeAt(from)));
    } else if (shard.closedAtMs !== undefined) {
      dueMs = Math.min(dueMs, Math.max(last, shard.closedAtMs));
    }
    return dueMs;
  }

  /** A wait ends at `dueMs`, or sooner when the stream has a change pending (it may close this shard). */
  #wakeMs(dueMs: number): number {
    const pendingAtMs = this.stream.pending?.dueAtMs;
    return pendingAtMs !== undefined && pendingAtMs < dueMs ? pendingAtMs : dueMs;
  }

  /** The event at `atMs`: the records that had arrived by then, within the event's size and the pacing. */
  #event(atMs: number, visit: RecordVisitor): SubscriptionEvent {
    const { shard, stream } = this;
    const log = shard.log;
    const from = Math.max(this.position, stream.trimHorizon(shard, atMs));
    const arrived = log.firstAfter(atMs);
    let next = from;
    const throughput = this.#throughput;
    if (from < arrived && (throughput === undefined || throughput.admits(atMs, log.sizeAt(from)))) {
      const maxBytes = throughput === undefined ? SUBSCRIPTION_EVENT_MAX_BYTES : Math.min(SUBSCRIPTION_EVENT_MAX_BYTES, throughput.allowanceBytes(atMs));
      const limit = Math.min(SUBSCRIPTION_EVENT_MAX_RECORDS, arrived - from);
      if (throughput === undefined) {
        next = log.read(from, limit, maxBytes, visit);
      } else {
        let bytes = 0;
        next = log.read(from, limit, maxBytes, (index, key, data, arrivalMs) => {
          bytes += data.length;
          visit(index, key, data, arrivalMs);
        });
        throughput.count(atMs, bytes);
      }
    }
    this.position = next;
    this.#lastEventAtMs = atMs;
    const closedAtMs = shard.closedAtMs;
    const shardEnd = closedAtMs !== undefined && closedAtMs <= atMs && next >= log.length;
    if (shardEnd) this.#finished = true;
    // [U] As GetRecords reports it: how far the next undelivered record lags the event; 0 when caught up.
    const millisBehindLatest = next < arrived ? atMs - log.arrivalAt(next) : 0;
    return { kind: 'event', atMs, first: from, next, millisBehindLatest, shardEnd };
  }
}
