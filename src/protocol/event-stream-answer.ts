// SubscribeToShard's answer on the wire: status 200 and a body of application/vnd.amazon.eventstream messages
// (https://smithy.io/2.0/aws/amazon-eventstream.html): first the initial-response, then one message per event,
// an exception message when something ends the subscription early. Payloads are in the request's codec.

import { encodeEventMessage, type EventHeaders } from '../encoding/event-stream.js';
import type { KinesisError } from '../errors/kinesis-error.js';
import type { ShardSubscription, SubscribeToShardEventStream } from '../api-types/subscriptions.js';
import type { Codec } from './codec.js';
import type { EventStreamBody, WireResponse } from './wire-message.js';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

/** Messages one pull returns at most, so a backlog reaches the socket in pieces the adapter can pace. */
export const EVENT_STREAM_MAX_MESSAGES_PER_PULL = 64;

/** The answer to an accepted SubscribeToShard: no content-length (the body streams), its events to pull. */
export function eventStreamAnswer(subscription: ShardSubscription, codec: Codec): WireResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE },
    body: new Uint8Array(0),
    events: new SubscriptionBody(subscription, codec),
  };
}

class SubscriptionBody implements EventStreamBody {
  readonly #subscription: ShardSubscription;
  readonly #codec: Codec;
  #started = false;
  /** The adapter's onReady listeners, all called when a pull may find more. */
  readonly #listeners = new Set<() => void>();
  /** Cancels the wait for the next readiness; set while one is armed (at most one, re-armed by each pull). */
  #disarm: (() => void) | undefined;

  constructor(subscription: ShardSubscription, codec: Codec) {
    this.#subscription = subscription;
    this.#codec = codec;
  }

  pull(): { readonly messages: readonly Uint8Array[]; readonly done: boolean } {
    const messages: Uint8Array[] = [];
    if (!this.#started) {
      this.#started = true;
      // RPC clients (the JS and Go SDKs, botocore) read the output's other members from this first message
      // and wait for it before returning: Kinesis's output has none, so its payload is an empty structure [C].
      messages.push(this.#message('event', 'initial-response', this.#codec.encodeEvent({})));
    }
    const { events, done } = this.#subscription.poll(EVENT_STREAM_MAX_MESSAGES_PER_PULL - messages.length);
    for (const event of events) messages.push(this.#encode(event));
    if (done) this.#stopWaiting();
    else this.#arm();
    return { messages, done };
  }

  /**
   * The listener is called (in a microtask) when a pull may find more: after an engine call, when the clock
   * reaches the next due event, or at once after a pull that stopped at its batch limit. At most once per pull,
   * so an adapter that does not pull (a slow socket) is not called again meanwhile.
   */
  onReady(listener: () => void): () => void {
    this.#listeners.add(listener);
    this.#arm();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stopWaiting();
    };
  }

  cancel(): void {
    this.#subscription.cancel();
  }

  #arm(): void {
    if (this.#disarm !== undefined || this.#listeners.size === 0) return;
    this.#disarm = this.#subscription.whenReady(() => {
      this.#disarm = undefined;
      for (const listener of [...this.#listeners]) listener();
    });
  }

  #stopWaiting(): void {
    this.#disarm?.();
    this.#disarm = undefined;
  }

  #encode(event: SubscribeToShardEventStream): Uint8Array {
    if ('SubscribeToShardEvent' in event) {
      return this.#message('event', 'SubscribeToShardEvent', this.#codec.encodeEvent(event.SubscribeToShardEvent));
    }
    const error = Object.values(event)[0] as KinesisError;
    return this.#message('exception', error.name, this.#codec.encodeEvent({ message: error.message }));
  }

  #message(kind: 'event' | 'exception', type: string, payload: Uint8Array): Uint8Array {
    const headers: EventHeaders = {
      ':message-type': { type: 'string', value: kind },
      [kind === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
      ':content-type': { type: 'string', value: this.#codec.eventContentType },
    };
    return encodeEventMessage({ headers, payload });
  }
}
