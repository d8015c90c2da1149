// The socket side of kinesim's server: one port for HTTP/1.1 and HTTP/2 (cleartext with prior knowledge, or TLS
// with ALPN), request bodies read under the server's limits, answers (whole or event streams) written back. What a
// request is answered is the answerer's business (WireProtocol); this file only moves bytes and enforces limits.
import { createServer as createHttp1Server, type IncomingMessage } from 'node:http';
import type { Http2Server, Http2ServerRequest, Http2Session } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { isKinesimPath } from '../console/console-security.js';
import type { TransportAction } from '../faults/faults.js';
import type { HttpRequest } from '../protocol/http-edge.js';
import { TARGET_PREFIX } from '../protocol/operation-target.js';
import type { WireResponse } from '../protocol/wire-message.js';
import { AmzId2Sequence } from './amz-id2.js';
import { ByteBudget } from './byte-budget.js';
import { routeConnection } from './connection-router.js';
import { readRequestBody, type BodyOutcome } from './request-body.js';
import { sendResponse, type OutgoingResponse } from './send-response.js';
import { serverLimits, type ServerLimits } from './server-limits.js';

/** What answers requests (WireProtocol does). Engine bugs may throw from handleHttp; the server answers them 500. */
export interface HttpAnswerer {
  handleHttp(request: HttpRequest): WireResponse;
  /** What to do to a request's connection before reading it (the engine's transport faults): drop it, delay it. */
  transportFault?(operation: string | undefined): TransportAction | undefined;
  payloadTooLarge(): WireResponse;
  serviceUnavailable(contentType: string | undefined): WireResponse;
  internalFailure(contentType?: string): WireResponse;
}

/** One line of the request log: when a request's answer ended, what it asked, how it was answered, how long it took. */
export interface RequestLogEntry {
  /** When the answer ended (epoch ms, the system clock). */
  readonly timeMs: number;
  /** The operation the X-Amz-Target header names, or the target as sent; for a request without one, its method and path (`GET /_kinesim/health`). */
  readonly operation: string;
  readonly statusCode: number;
  /** From the request's headers to the answer's end (for an event stream, its whole life). */
  readonly durationMs: number;
  readonly protocol: 'HTTP/1.1' | 'HTTP/2';
}

export interface WireServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to '127.0.0.1': the server has no authentication, so it only listens beyond loopback when asked. */
  readonly host?: string;
  /** Serve HTTPS (HTTP/1.1 and HTTP/2 chosen by ALPN) with this PEM certificate and key, instead of cleartext. */
  readonly tls?: { readonly cert: string | Uint8Array; readonly key: string | Uint8Array };
  /** Changes to the server's limits (server-limits.ts). */
  readonly limits?: Partial<ServerLimits>;
  /** Seeds the x-amz-id-2 values, so two servers with the same seed send the same ones. Default 0. */
  readonly seed?: number;
  /** Called once per request, when its answer has ended. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningServer {
  /** `http://<host>:<port>` (or `https://`), ready for `endpoint` / `endpoint_url` / `--endpoint-url`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /**
   * Stops listening. With `graceMs` (default 0), requests under way get that long to finish (event streams are ended
   * at once, idle connections closed); whatever is still open after it is dropped.
   */
  close(options?: { readonly graceMs?: number }): Promise<void>;
}

/** HTTP/2's CANCEL error code (https://www.rfc-editor.org/rfc/rfc9113.html#section-7). */
const NGHTTP2_CANCEL = 0x8;
// HTTP/2 flow control: windows large enough that a PutRecords body or a GetRecords answer is not held up by
// WINDOW_UPDATE round trips (the protocol's default is 64 KiB).
const HTTP2_WINDOW_BYTES = 1024 * 1024;

/**
 * Starts serving `answerer` and resolves once the port is bound.
 * @throws (rejects with) the listen error when the port cannot be bound (EADDRINUSE, EACCES, ...).
 */
export async function startWireServer(answerer: HttpAnswerer, options: WireServerOptions = {}): Promise<RunningServer> {
  const limits = serverLimits(options.limits);
  const budget = new ByteBudget(limits.maxBytesInFlight);
  const ids = new AmzId2Sequence(options.seed ?? 0);
  const streams = new Set<{ stop(): void }>();
  let closing = false;

  const handle = (request: IncomingMessage | Http2ServerRequest, response: OutgoingResponse): void => {
    // Transport faults (kinesis.faults): drop the connection unanswered, or answer late. Never on kinesim's own
    // paths: a rule dropping every request must not lock out the endpoint that removes it (nor the console).
    const fault = isOwnPath(request.url) ? undefined : answerer.transportFault?.(operationOf(request.headers['x-amz-target'], undefined));
    if (fault === undefined) serve(request, response);
    else if ('drop' in fault) abort(request);
    else setTimeout(() => serve(request, response), fault.latencyMs);
  };
  const serve = (request: IncomingMessage | Http2ServerRequest, response: OutgoingResponse): void => {
    const startedMs = performance.now();
    if (closing && 'shouldKeepAlive' in response) response.shouldKeepAlive = false;
    readRequestBody(request, limits, budget, () => abort(request), (outcome) => {
      const answer = answerFor(answerer, request, outcome);
      // Not on CORS preflights (AWS sends none there [K]) nor on kinesim's own /_kinesim/ endpoints.
      const preflight = request.method === 'OPTIONS' && request.headers.origin !== undefined;
      if (!preflight && !isOwnPath(request.url)) answer.headers['x-amz-id-2'] = ids.next();
      const stream = sendResponse(response, answer, limits.eventPollIntervalMs, () => {
        if (stream !== undefined) streams.delete(stream);
        options.onRequest?.({
          timeMs: Date.now(),
          // Not an AWS call (kinesim's own paths, GET /): the method and path say what it was.
          operation: operationOf(request.headers['x-amz-target'], `${request.method} ${(request.url ?? '/').split('?')[0]}`),
          statusCode: answer.statusCode,
          durationMs: performance.now() - startedMs,
          protocol: request.httpVersionMajor === 2 ? 'HTTP/2' : 'HTTP/1.1',
        });
      });
      if (stream !== undefined) streams.add(stream);
    });
  };

  const http1 = createHttp1Server(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      noDelay: true,
    },
    handle,
  );
  http1.keepAliveTimeout = limits.idleTimeoutMs;
  // This server never listens itself (connections are handed to it), but Node starts enforcing headersTimeout and
  // requestTimeout, and tracking connections for closeIdleConnections, on its 'listening' event.
  http1.emit('listening');
  const sessions = new Set<Http2Session>();
  // node:http2 (which loads node:tls and node:crypto) is loaded just after the port is ready, not before: a CLI
  // start is ready sooner, and a connection that opens with the HTTP/2 preface before then waits for it.
  let http2Server: Http2Server | undefined;
  let http2Loading: Promise<Http2Server> | undefined;
  const http2 = (): Http2Server | Promise<Http2Server> =>
    http2Server ??
    (http2Loading ??= import('node:http2').then(({ createServer }) => {
      http2Server = createServer({ settings: { initialWindowSize: HTTP2_WINDOW_BYTES } }, handle);
      http2Server.on('session', (session) => watchSession(session, sessions, limits));
      return http2Server;
    }));

  const sockets = new Set<Socket>();
  const onSocket = (socket: Socket): void => routeConnection(socket, { http1, http2 }, limits.headersTimeoutMs);
  // node:tls is loaded only for TLS: loading it (root certificates included) would slow every start.
  const server: NetServer =
    options.tls === undefined
      ? createNetServer({ noDelay: true }, onSocket)
      : (await import('node:tls')).createServer(
          {
            cert: Buffer.from(options.tls.cert),
            key: Buffer.from(options.tls.key),
            ALPNProtocols: ['h2', 'http/1.1'],
            handshakeTimeout: limits.headersTimeoutMs,
          },
          onSocket,
        );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const close = async ({ graceMs = 0 } = {}): Promise<void> => {
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const stream of [...streams]) stream.stop();
    http1.close(() => {});
    for (const session of sessions) session.close();
    // Connections that finish their request while closing go idle; they are closed as they do.
    if (graceMs > 0) await allClosed(sockets, graceMs, () => http1.closeIdleConnections());
    http1.closeAllConnections();
    for (const session of sessions) session.destroy();
    for (const socket of sockets) socket.destroy();
    await stopped;
  };

  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      const scheme = options.tls === undefined ? 'http' : 'https';
      resolve({ url: `${scheme}://${urlHost}:${port}`, port, host, close });
      setImmediate(() => void http2());
    });
  });
}

/** Drops a request: its HTTP/2 stream is reset (the connection's other streams go on), an HTTP/1.1 connection closed. */
function abort(request: IncomingMessage | Http2ServerRequest): void {
  if ('stream' in request) request.stream.close(NGHTTP2_CANCEL);
  else request.socket.destroy();
}

function answerFor(answerer: HttpAnswerer, request: IncomingMessage | Http2ServerRequest, outcome: BodyOutcome): WireResponse {
  const contentType = headerValue(request.headers['content-type']);
  if (outcome.kind === 'too-large') return answerer.payloadTooLarge();
  if (outcome.kind === 'over-budget') return answerer.serviceUnavailable(contentType);
  try {
    return answerer.handleHttp({ method: request.method ?? 'GET', url: request.url ?? '/', headers: headersOf(request), body: outcome.body });
  } catch (error) {
    console.error('kinesim/http: engine error, answered 500 InternalFailure:', error);
    return answerer.internalFailure(contentType);
  } finally {
    // The answer holds nothing of the body (outputs are built from the engine's own copies), so its bytes are free.
    outcome.release();
  }
}

/** HTTP/2 sessions: closed when idle, and when they open no stream within the headers timeout. */
function watchSession(session: Http2Session, sessions: Set<Http2Session>, limits: ServerLimits): void {
  sessions.add(session);
  session.once('close', () => sessions.delete(session));
  session.on('error', () => session.destroy());
  session.setTimeout(limits.idleTimeoutMs, () => session.close());
  const firstStream = setTimeout(() => session.destroy(), limits.headersTimeoutMs);
  session.once('stream', () => clearTimeout(firstStream));
  session.once('close', () => clearTimeout(firstStream));
  session.once('connect', () => session.setLocalWindowSize(HTTP2_WINDOW_BYTES));
}

function allClosed(sockets: Set<Socket>, graceMs: number, tidy: () => void): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(finish, graceMs);
    const poll = setInterval(() => {
      tidy();
      if (sockets.size === 0) finish();
    }, 10);
    function finish(): void {
      clearTimeout(deadline);
      clearInterval(poll);
      resolve();
    }
  });
}

/**
 * Header names lower-case, repeated headers joined, HTTP/2 pseudo-headers (`:path`, ...) left out but for
 * `:authority`, which stands in for a missing `host` (https://www.rfc-editor.org/rfc/rfc9113.html#section-8.3.1), so
 * whoever checks the Host (the console) sees it over either protocol.
 */
function headersOf(request: IncomingMessage | Http2ServerRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.charCodeAt(0) !== 0x3a) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const authority = request.headers[':authority'];
  if (headers['host'] === undefined && typeof authority === 'string') headers['host'] = authority;
  return headers;
}

/** Whether a request is for kinesim's own endpoints (/_kinesim and below) rather than AWS's. */
function isOwnPath(url: string | undefined): boolean {
  return url !== undefined && isKinesimPath(url);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** The operation an X-Amz-Target names (the target as sent when it has another prefix), or `none` without one. */
function operationOf<T>(target: string | string[] | undefined, none: T): string | T {
  const value = headerValue(target);
  if (value === undefined || value === '') return none;
  return value.startsWith(TARGET_PREFIX) ? value.slice(TARGET_PREFIX.length) : value;
}
