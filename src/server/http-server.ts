// kinesim/http: the engine on a real socket, speaking AWS's JSON 1.1 protocol (see the README's "Over HTTP"), for
// clients that cannot take an in-process handler: boto3, the AWS CLI, any SDK pointed at an endpoint URL. Node-only:
// everything but the socket (the HTTP edge, codecs, request IDs) is the portable WireProtocol's.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kinesis } from '../kinesis.js';
import type { HttpRequest } from '../protocol/http-edge.js';
import type { WireResponse } from '../protocol/wire-message.js';
import { WireProtocol } from '../protocol/wire-protocol.js';
import { createConsole, isKinesimPath, kinesimNotFound, KINESIM_PREFIX } from '../console/index.js';

export interface HttpServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to '127.0.0.1': the server has no authentication, so it only listens beyond loopback when asked. */
  readonly host?: string;
  /** Serve the web console under /_kinesim/ (default true). /_kinesim/health is served either way. */
  readonly console?: boolean;
  /** Host names (besides IP addresses and localhost) the console accepts in the Host header, e.g. a container's name. */
  readonly allowedHosts?: readonly string[];
}

export interface KinesisHttpServer {
  /** `http://<host>:<port>`, ready for `endpoint` / `endpoint_url` / `--endpoint-url`. */
  readonly url: string;
  readonly port: number;
  /** The web console: `<url>/_kinesim/`. */
  readonly consoleUrl: string;
  /** Stops listening and drops open connections; the engine stays usable. */
  close(): Promise<void>;
}

/**
 * Divergence [U]: AWS's body cap is unknown (kinesalite uses 7 MiB). 16 MiB fits the largest legal request,
 * a 10 MiB PutRecords or PutRecord, whose data grows by 4/3 in base64, with room for keys and JSON.
 */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * Serves `kinesis` over HTTP/1.1 until closed. Signatures are not verified (any credentials work); CBOR and
 * SubscribeToShard's event stream are not served.
 * @throws (rejects) when the port cannot be bound.
 */
export function startHttpServer(kinesis: Kinesis, options: HttpServerOptions = {}): Promise<KinesisHttpServer> {
  const protocol = new WireProtocol(kinesis);
  // One token per server: the console's page carries it, and its API refuses calls without it.
  const kinesimConsole = createConsole({ kinesis, token: randomBytes(16).toString('hex'), allowedHosts: options.allowedHosts ?? [] });
  const serveConsole = options.console ?? true;
  // kinesim's own paths first (the console, then 404 for the rest of the prefix); every other path is AWS's.
  const answer = (request: HttpRequest): WireResponse => {
    if (!isKinesimPath(request.url)) return protocol.handleHttp(request);
    const own = serveConsole || request.url.startsWith(`${KINESIM_PREFIX}health`) ? kinesimConsole.handle(request) : undefined;
    return own ?? kinesimNotFound(request.url);
  };
  const server = createServer((request, response) => {
    readBody(request, response, protocol, (body) => {
      send(response, answerSafely(protocol, answer, { method: request.method ?? 'GET', url: request.url ?? '/', headers: headersOf(request), body }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${urlHost}:${port}`;
      resolve({ url, port, consoleUrl: `${url}${KINESIM_PREFIX}`, close: () => closeServer(server) });
    });
  });
}

/** Engine bugs become the 500 AWS sends for its own failures, and are logged, since no client shows them. */
function answerSafely(protocol: WireProtocol, answer: (request: HttpRequest) => WireResponse, request: HttpRequest): WireResponse {
  try {
    return answer(request);
  } catch (error) {
    console.error('kinesim/http: engine error, answered 500 InternalFailure:', error);
    return protocol.internalFailure();
  }
}

function readBody(
  request: IncomingMessage,
  response: ServerResponse,
  protocol: WireProtocol,
  done: (body: Uint8Array) => void,
): void {
  const chunks: Buffer[] = [];
  let length = 0;
  let rejected = false;
  request.on('data', (chunk: Buffer) => {
    if (rejected) return;
    length += chunk.byteLength;
    if (length > MAX_REQUEST_BYTES) {
      // Keep draining (and dropping) the body so the 413 reaches a client still uploading.
      rejected = true;
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (!rejected) done(Buffer.concat(chunks, length));
    else send(response, protocol.payloadTooLarge());
  });
  request.on('error', () => response.destroy());
}

function send(response: ServerResponse, answer: WireResponse): void {
  response.writeHead(answer.statusCode, answer.headers);
  response.end(answer.body);
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
