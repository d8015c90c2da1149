// kinesim/aws-sdk: an in-process request handler for the AWS SDK v3 KinesisClient — no sockets, no HTTP.
// It speaks the SDK's HttpHandler interface by shape (nothing is imported from the SDK) and hands each
// request to the wire protocol in JSON 1.1, so the SDK serialises, parses and raises errors exactly as against AWS.
// SubscribeToShard's answer streams: its body is an async iterable of event-stream messages, pulled from the
// engine as the SDK reads them, waiting (with no timer) until the engine says more may be due.
import type { Kinesis } from '../kinesis.js';
import type { EventStreamBody } from '../protocol/wire-message.js';
import { WireProtocol } from '../protocol/wire-protocol.js';

/** The parts of the SDK's HttpRequest the handler reads. */
export interface SdkHttpRequest {
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The SDK sends the JSON document as UTF-8 bytes, or as a string (`"{}"` for operations without input). */
  readonly body?: unknown;
}

/**
 * The SDK's HttpResponse, by shape. The body is the complete JSON document as UTF-8 bytes, or for SubscribeToShard
 * the event-stream messages as they come (the SDK's event-stream reader takes any async iterable of bytes).
 */
export interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array | AsyncIterable<Uint8Array>;
}

/** An object usable as `requestHandler` in `new KinesisClient({...})` (the SDK's HttpHandler, by shape). */
export interface KinesisRequestHandler {
  /**
   * Answers one request from the engine; engine bugs (non-AWS errors) reject with the original error. An
   * `abortSignal` in `options` (`client.send(command, { abortSignal })`) ends a SubscribeToShard stream.
   */
  handle(request: SdkHttpRequest, options?: unknown): Promise<{ response: SdkHttpResponse }>;
  /** Accepted and ignored: there is no HTTP client to configure. */
  updateHttpClientConfig(key: string | symbol, value: unknown): void;
  /** Always `{}`. */
  httpHandlerConfigs(): Record<string, never>;
  /** Nothing to release; the engine stays usable. */
  destroy(): void;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * A request handler that serves a KinesisClient from `kinesis`, in process:
 * `new KinesisClient({ region, credentials, requestHandler: createRequestHandler(kinesis) })`.
 * Every request runs synchronously on the engine; errors reach callers as the SDK's own exception classes.
 * A `drop` transport fault (kinesis.faults) rejects the request as a reset connection (code ECONNRESET, which
 * the SDK retries) before the engine sees it; `latency` faults need a server and are ignored here.
 */
export function createRequestHandler(kinesis: Kinesis): KinesisRequestHandler {
  const protocol = new WireProtocol(kinesis);
  return {
    async handle(request: SdkHttpRequest, options?: unknown): Promise<{ response: SdkHttpResponse }> {
      const target = header(request.headers, 'x-amz-target');
      const fault = protocol.transportFault(operationOf(target));
      if (fault !== undefined && 'drop' in fault) throw connectionReset();
      const { statusCode, headers, body, events } = protocol.handle({ target, body: requestBody(request.body) });
      if (events !== undefined) cancelOnAbort(events, options);
      const reason = REASONS[statusCode];
      const response: SdkHttpResponse = { statusCode, headers: { ...headers }, body: events === undefined ? body : streamed(events) };
      if (reason !== undefined) response.reason = reason;
      return { response };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
    destroy(): void {},
  };
}

/** The operation a target header names (`Kinesis_20131202.PutRecord` -> `PutRecord`). */
function operationOf(target: string | undefined): string | undefined {
  const dot = target?.lastIndexOf('.') ?? -1;
  return dot < 0 ? undefined : target!.slice(dot + 1);
}

/** What Node's HTTP client rejects with when the server closes the connection without answering. */
function connectionReset(): Error {
  return Object.assign(new Error('socket hang up (kinesim: connection dropped by an injected fault)'), { code: 'ECONNRESET' });
}

function header(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function requestBody(body: unknown): Uint8Array | string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // Kinesis has no streaming inputs, so the SDK never sends a stream: this would be an SDK change to adapt to.
  throw new TypeError(`kinesim/aws-sdk: unsupported request body type ${Object.prototype.toString.call(body)}`);
}

/**
 * The messages of an event-stream answer as an async iterable: each pull's messages in turn; when a pull has
 * none, a wait for the body's onReady (no timer). Ending the iteration early (return) cancels the subscription.
 */
function streamed(events: EventStreamBody): AsyncIterable<Uint8Array> {
  const onReady = events.onReady;
  if (onReady === undefined) throw new TypeError('kinesim/aws-sdk: an event-stream body without onReady cannot be paced');
  let started = false;
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      if (started) throw new TypeError('kinesim/aws-sdk: an event-stream body can be read once');
      started = true;
      let queue: readonly Uint8Array[] = [];
      let at = 0;
      let ended = false;
      let resume: (() => void) | undefined;
      const stopListening = onReady.call(events, () => resume?.());
      const finish = (): void => {
        ended = true;
        queue = [];
        stopListening();
        resume?.();
      };
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          for (;;) {
            if (at < queue.length) return { value: queue[at++]!, done: false };
            if (ended) return { value: undefined, done: true };
            const pulled = events.pull();
            queue = pulled.messages;
            at = 0;
            if (pulled.done) {
              ended = true;
              stopListening();
            }
            if (queue.length > 0 || ended) continue;
            await new Promise<void>((resolve) => (resume = resolve));
            resume = undefined;
          }
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          if (!ended) events.cancel();
          finish();
          return { value: undefined, done: true };
        },
      };
    },
  };
}

/** What the handler reads of the SDK's abort signal (a DOM AbortSignal, or the SDK's own with `onabort`). */
interface AbortSignalLike {
  readonly aborted?: boolean;
  addEventListener?(type: 'abort', listener: () => void, options?: { once: boolean }): void;
  onabort?: (() => void) | null;
}

/**
 * The SDK does not close a response body when its EventStream loop is left early, so an abort signal is the
 * caller's way to end a subscription (otherwise it stays open until it ends, as an unclosed connection would).
 */
function cancelOnAbort(events: EventStreamBody, options: unknown): void {
  const signal = (options as { abortSignal?: AbortSignalLike } | undefined)?.abortSignal;
  if (signal === undefined || signal === null) return;
  const cancel = (): void => events.cancel();
  if (signal.aborted === true) cancel();
  else if (typeof signal.addEventListener === 'function') signal.addEventListener('abort', cancel, { once: true });
  else signal.onabort = cancel;
}
