// Writes a WireResponse on an HTTP/1.1 or HTTP/2 response: a whole body at once, or an event stream, whose
// messages are written as the body yields them (HTTP/1.1 chunked, HTTP/2 DATA frames) until it is done.
import type { EventStreamBody, WireResponse } from '../protocol/wire-message.js';

/** What the server uses of a response, as both node:http and node:http2's compatibility API present it. */
export interface OutgoingResponse {
  writeHead(statusCode: number, headers: Record<string, string>): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  end(chunk: Uint8Array): unknown;
  once(event: 'close' | 'drain', listener: () => void): unknown;
  /** Sends the headers before the first body byte (both have it; @types/node lists it for HTTP/1.1 only). */
  flushHeaders?(): void;
  readonly writableEnded: boolean;
}

/** A streaming answer under way: `stop()` ends it early (the server is closing), cancelling its body. */
export interface StreamingAnswer {
  stop(): void;
}

/**
 * Writes `answer` whole, or starts streaming its events (and returns the stream). `finished` is called once the
 * response is over, either way.
 */
export function sendResponse(
  response: OutgoingResponse,
  answer: WireResponse,
  pollIntervalMs: number,
  finished: () => void,
): StreamingAnswer | undefined {
  response.once('close', finished);
  if (answer.events === undefined) {
    response.writeHead(answer.statusCode, answer.headers);
    response.end(answer.body);
    return undefined;
  }
  // No Content-Length: the body's length is unknown until the stream ends (HTTP/1.1 then sends it chunked).
  const { 'content-length': _length, ...headers } = answer.headers;
  response.writeHead(answer.statusCode, headers);
  response.flushHeaders?.();
  return pumpEvents(response, answer.events, pollIntervalMs);
}

/**
 * The event-stream contract with EventStreamBody (src/protocol/wire-message.ts): pull at once; after a pull that
 * brought messages, pull again at once (bodies hand out bounded batches); whenever the body's optional `onReady`
 * listener fires, pull at once; after an empty pull, pull anyway once `fallbackPollMs` has passed (a body without
 * `onReady`, or a clock that cannot wake it); never pull while the transport is still flushing earlier messages
 * (backpressure: the next pull waits for 'drain'); end the response after a pull that says `done`; call `cancel()`
 * if the client goes away first (or the server ends the stream), and unregister the listener.
 */
function pumpEvents(response: OutgoingResponse, body: EventStreamBody, fallbackPollMs: number): StreamingAnswer {
  let over = false;
  let waitingForDrain = false;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const quiet = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (immediate !== undefined) clearImmediate(immediate);
    immediate = undefined;
  };
  const soon = (): void => {
    if (over || waitingForDrain || immediate !== undefined) return;
    quiet();
    immediate = setImmediate(step);
  };
  function step(): void {
    quiet();
    if (over) return;
    const { messages, done } = body.pull();
    let flowing = true;
    for (const message of messages) flowing = response.write(message) && flowing;
    if (done) {
      finish();
      response.end();
      return;
    }
    if (!flowing) {
      waitingForDrain = true;
      response.once('drain', () => {
        waitingForDrain = false;
        soon();
      });
      return;
    }
    if (messages.length > 0) soon();
    else timer = setTimeout(step, fallbackPollMs);
  }
  const unsubscribe = body.onReady?.(soon);
  function finish(): void {
    over = true;
    quiet();
    unsubscribe?.();
  }
  const cancel = (): void => {
    if (over) return;
    finish();
    body.cancel();
  };
  response.once('close', cancel);
  step();
  return {
    stop(): void {
      cancel();
      if (!response.writableEnded) response.end();
    },
  };
}
