// The in-process face of a SubscribeToShard subscription: a synchronous poll at the engine clock's now, and the
// AWS SDK v3's EventStream (an async iterable) over it. Waiting needs no timer: a waiting reader resumes after
// any engine call, or when the clock reaches the next due event (Clock.wakeAt).

import type { Account } from '../../model/account.js';
import type { Subscription } from '../../model/subscription.js';
import type { KinesisRecord } from '../../api-types/records.js';
import type {
  ShardSubscription,
  SubscribeToShardEventStream,
  SubscriptionPoll,
} from '../../api-types/subscriptions.js';
import type { KinesisError } from '../../errors/kinesis-error.js';
import { KeylessRecord, OutputRecord } from '../get-records.js';
import { subscribeToShardEvent, subscriptionEndError } from './subscription-event.js';

/** The subscription's face, with its first event already taken: AWS pushes it as the call succeeds. */
export function openShardSubscription(account: Account, subscription: Subscription): ShardSubscription {
  return new OpenSubscription(account, subscription);
}

class OpenSubscription implements ShardSubscription {
  readonly EventStream: AsyncIterable<SubscribeToShardEventStream>;
  readonly #account: Account;
  readonly #subscription: Subscription;
  /** Events taken from the engine and not yet handed over. */
  readonly #queue: SubscribeToShardEventStream[] = [];
  /** Set when the last look found nothing due: nothing will be before this time without an engine call. */
  #waitUntilMs: number | undefined;
  /** The listeners of pending whenReady calls, which cancel() wakes. */
  readonly #waiters = new Set<() => void>();

  constructor(account: Account, subscription: Subscription) {
    this.#account = account;
    this.#subscription = subscription;
    this.EventStream = { [Symbol.asyncIterator]: () => this.#iterate() };
    this.#take(1);
  }

  poll(maxEvents = Infinity): SubscriptionPoll {
    const events = this.#queue.splice(0, maxEvents);
    if (events.length < maxEvents) {
      this.#take(maxEvents - events.length);
      events.push(...this.#queue.splice(0, maxEvents - events.length));
    }
    return { events, done: this.#queue.length === 0 && this.#subscription.finished };
  }

  whenReady(listener: () => void): () => void {
    let live = true;
    let stop = (): void => {};
    const fire = (): void => {
      if (!live) return;
      live = false;
      stop();
      listener();
    };
    if (this.#queue.length > 0 || this.#subscription.finished || this.#waitUntilMs === undefined) {
      void Promise.resolve().then(fire);
    } else {
      const timeline = this.#account.timeline;
      const stopActivity = timeline.whenActive(fire);
      const stopClock = timeline.wakeAt(this.#waitUntilMs, fire);
      this.#waiters.add(fire);
      stop = () => {
        stopActivity();
        stopClock();
        this.#waiters.delete(fire);
      };
    }
    return () => {
      live = false;
      stop();
    };
  }

  cancel(): void {
    this.#queue.length = 0;
    if (!this.#subscription.finished) this.#subscription.cancel(this.#account.timeline.observe());
    for (const fire of [...this.#waiters]) void Promise.resolve().then(fire);
  }

  /** Moves up to `max` events due now from the engine into the queue. */
  #take(max: number): void {
    const subscription = this.#subscription;
    if (subscription.finished) return;
    const nowMs = this.#account.timeline.observe();
    this.#waitUntilMs = undefined;
    let records: KinesisRecord[] = [];
    let bytes = 0;
    const visit = (index: number, key: string | undefined, data: Uint8Array, arrivalMs: number): void => {
      const sequenceNumber = subscription.shard.readSequence.format(index + 1);
      const arrival = new Date(arrivalMs);
      records.push(key === undefined ? new KeylessRecord(sequenceNumber, arrival, data) : new OutputRecord(sequenceNumber, arrival, data, key));
      bytes += data.length;
    };
    for (let taken = 0; taken < max; taken++) {
      const step = subscription.step(nowMs, visit);
      switch (step.kind) {
        case 'event': {
          const { stream, shard, consumer } = subscription;
          // Timed when the event happened (which may be before this read), as CloudWatch would have it.
          this.#account.metrics.subscribeToShardEvent(stream, shard.id, consumer.name, step.atMs, records.length, bytes, step.millisBehindLatest);
          this.#queue.push({ SubscribeToShardEvent: subscribeToShardEvent(subscription, step, records) });
          records = [];
          bytes = 0;
          continue;
        }
        case 'end': {
          const error = subscriptionEndError(this.#account, subscription, step.cause);
          if (error !== undefined) this.#queue.push(exceptionEvent(error));
          return;
        }
        case 'wait':
          this.#waitUntilMs = step.untilMs;
          return;
        case 'done':
          return;
      }
    }
  }

  /** The SDK's behaviour: events are yielded, an exception event is thrown, the end of the stream ends the loop. */
  async *#iterate(): AsyncGenerator<SubscribeToShardEventStream, void, undefined> {
    try {
      for (;;) {
        const { events, done } = this.poll(1);
        const event = events[0];
        if (event !== undefined) {
          if (event.SubscribeToShardEvent === undefined) throw exceptionOf(event);
          yield event;
          continue;
        }
        if (done) return;
        await new Promise<void>((resolve) => this.whenReady(resolve));
      }
    } finally {
      // Leaving early is a client closing its connection; after the end this changes nothing.
      this.cancel();
    }
  }
}

function exceptionEvent(error: KinesisError): SubscribeToShardEventStream {
  return { [error.name]: error } as SubscribeToShardEventStream;
}

function exceptionOf(event: SubscribeToShardEventStream): KinesisError {
  return Object.values(event)[0] as KinesisError;
}
