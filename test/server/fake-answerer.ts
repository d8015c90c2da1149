// A stand-in for WireProtocol behind the server, so the socket mechanics (streaming, limits, timeouts) are tested
// on their own: it echoes request facts as JSON, and answers the target `stream` with an event stream it controls.
import type { HttpRequest } from '../../src/protocol/http-edge.js';
import type { EventStreamBody, WireResponse } from '../../src/protocol/wire-message.js';
import type { HttpAnswerer } from '../../src/server/wire-server.js';

/**
 * An event-stream body the test feeds: messages pushed are pulled by the server; `finish()` ends it. Its onReady
 * listeners are called (in a microtask) on every push and at the end; a body made without readiness signals has
 * no onReady at all (the server must then poll).
 */
export class FakeEventBody implements EventStreamBody {
  readonly #queue: Uint8Array[] = [];
  readonly #listeners = new Set<() => void>();
  #finished = false;
  pulls = 0;
  cancelled = false;
  /** When set, every pull yields this message (to flood a slow client). */
  flood: Uint8Array | undefined;
  /** The most messages one pull hands out (bodies hand out bounded batches). */
  maxPerPull = Number.POSITIVE_INFINITY;

  constructor(signalsReadiness: boolean) {
    if (!signalsReadiness) delete this.onReady;
  }

  push(message: string | Uint8Array): void {
    this.#queue.push(typeof message === 'string' ? new TextEncoder().encode(message) : message);
    this.#wake();
  }

  finish(): void {
    this.#finished = true;
    this.#wake();
  }

  /** Listeners registered and not unregistered. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  pull(): { messages: Uint8Array[]; done: boolean } {
    this.pulls++;
    if (this.flood !== undefined) return { messages: [this.flood], done: false };
    const messages = this.#queue.splice(0, this.maxPerPull);
    return { messages, done: this.#finished && this.#queue.length === 0 };
  }

  onReady?: (listener: () => void) => () => void = (listener) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  cancel(): void {
    this.cancelled = true;
  }

  #wake(): void {
    const listeners = [...this.#listeners];
    queueMicrotask(() => listeners.forEach((listener) => listener()));
  }
}

export class FakeAnswerer implements HttpAnswerer {
  readonly streams: FakeEventBody[] = [];
  /** Whether the next stream signals readiness (whenReady) or must be polled. */
  signalsReadiness = true;
  /** Called on each new stream before the server pulls it. */
  prepare: (body: FakeEventBody) => void = () => {};
  #requests = 0;

  handleHttp(request: HttpRequest): WireResponse {
    this.#requests++;
    if (request.headers['x-amz-target'] === 'stream') {
      const events = new FakeEventBody(this.signalsReadiness);
      this.prepare(events);
      this.streams.push(events);
      return { statusCode: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream', 'content-length': '0' }, body: new Uint8Array(0), events };
    }
    if (request.headers['x-amz-target'] === 'bug') throw new TypeError('engine bug');
    const body = new TextEncoder().encode(
      JSON.stringify({ method: request.method, url: request.url, bytes: request.body.byteLength, headers: request.headers, n: this.#requests }),
    );
    return { statusCode: 200, headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength) }, body };
  }

  payloadTooLarge(): WireResponse {
    return { statusCode: 413, headers: { 'content-length': '0' }, body: new Uint8Array(0) };
  }

  serviceUnavailable(contentType: string | undefined): WireResponse {
    const body = new TextEncoder().encode(`unavailable for ${contentType}`);
    return { statusCode: 503, headers: { 'content-length': String(body.byteLength) }, body };
  }

  internalFailure(contentType?: string): WireResponse {
    const body = new TextEncoder().encode(`failure for ${contentType}`);
    return { statusCode: 500, headers: { 'content-length': String(body.byteLength) }, body };
  }
}
