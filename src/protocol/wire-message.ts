// What the wire face reads and answers: a request (target, body, codec), and an answer with a status, headers
// and a body, or a stream of events after them; with the one builder of such answers.

import { utf8Bytes } from '../encoding/utf8.js';
import type { KinesisError } from '../errors/kinesis-error.js';
import type { Codec } from './codec.js';

/** What the protocol needs of a request: the X-Amz-Target header, the body, and its codec (JSON 1.1 by default). */
export interface WireRequest {
  readonly target: string | undefined;
  readonly body: Uint8Array | string | undefined;
  readonly codec?: Codec;
}

/**
 * The body of an event-stream answer (SubscribeToShard): encoded event messages the adapter pulls. The core has
 * no timers, so the adapter paces the pulls and owns the connection's lifetime. kinesim's HTTP server pulls once
 * at once, then every `eventPollIntervalMs` (100 ms by default) or as soon as `onReady`'s listener is called, never
 * while earlier messages are still being flushed to a slow client; it ends the response after a pull that says
 * `done`, and calls `cancel()` when the client goes away (or the server closes) first.
 */
export interface EventStreamBody {
  /** The messages ready now (possibly none); `done` once the stream has ended and every message was pulled. */
  pull(): { readonly messages: readonly Uint8Array[]; readonly done: boolean };
  /** Ends the stream early: the client went away. */
  cancel(): void;
  /**
   * Optional: registers a listener the body calls (from any call stack, any number of times) when a pull may
   * find new messages, so the adapter pulls at once instead of at its next poll. Returns a function that
   * unregisters it; the adapter calls it when the stream is over.
   */
  onReady?(listener: () => void): () => void;
}

/** An answer. Header names are lower-case (HTTP ignores case; the AWS SDK's error path does not). */
export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  /** The whole body, or for an event-stream answer what precedes its events (empty). */
  readonly body: Uint8Array;
  /** Event-stream answers only: the events that follow the headers. */
  readonly events?: EventStreamBody;
}

/** An answer with `body` and its content-length; without a content type, as AWS sends its XML errors. */
export function wireResponse(statusCode: number, body: Uint8Array, contentType?: string): WireResponse {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  headers['content-length'] = String(body.byteLength);
  return { statusCode, headers, body };
}

/** An answer whose body is `text` in UTF-8. */
export function textResponse(statusCode: number, text: string, contentType?: string): WireResponse {
  return wireResponse(statusCode, utf8Bytes(text), contentType);
}


/** The answer to an AWS error in `codec`'s format, with its status and the x-amzn-ErrorType header. */
export function errorResponse(codec: Codec, error: KinesisError): WireResponse {
  const response = wireResponse(error.statusCode, codec.encodeError(error), codec.contentType);
  // [U] AWS's use of x-amzn-ErrorType on Kinesis; clients read `__type` first and this header second.
  response.headers['x-amzn-errortype'] = error.name;
  return response;
}
