// What the wire face reads and answers: a request (target, body, codec), and an answer with a status, headers
// and a body, or a stream of events after them; with the one builder of such answers.

import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import type { KinesisError } from '../errors/kinesis-error.js';
import type { Codec } from './codec.js';

/** What the protocol needs of a request: the X-Amz-Target header, the body, and its codec (JSON 1.1 by default). */
export interface WireRequest {
  readonly target: string | undefined;
  readonly body: Uint8Array | string | undefined;
  readonly codec?: Codec;
}

/**
 * The body of an event-stream answer (SubscribeToShard): framed event messages the adapter pulls and writes as
 * they are. The core starts no timers: `whenReady` says when to pull again; the adapter owns the connection.
 */
export interface EventStreamBody {
  /**
   * The messages due at the engine clock's now, in order (possibly none; a bounded batch: pull again when some
   * came). `done`: no message follows those returned with it, so end the response after writing them.
   */
  pull(): { readonly messages: readonly Uint8Array[]; readonly done: boolean };
  /**
   * Calls `listener` once, never synchronously, when a pull may return more: after any engine call, or when
   * the clock reaches the next due event (exact for clocks with `wakeAt`, as ManualClock and SystemClock;
   * with another clock, on engine calls only). Returns a function that cancels the wait.
   */
  whenReady(listener: () => void): () => void;
  /** Ends the stream early: the client went away. */
  cancel(): void;
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

/** The UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8ByteLength(text));
  encodeUtf8Into(text, bytes, 0);
  return bytes;
}

/** The answer to an AWS error in `codec`'s format, with its status and the x-amzn-ErrorType header. */
export function errorResponse(codec: Codec, error: KinesisError): WireResponse {
  const response = wireResponse(error.statusCode, codec.encodeError(error), codec.contentType);
  // [U] AWS's use of x-amzn-ErrorType on Kinesis; clients read `__type` first and this header second.
  response.headers['x-amzn-errortype'] = error.name;
  return response;
}
