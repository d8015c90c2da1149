// kinesim/http: the engine on a real socket (see the README's "Over HTTP"), for clients that cannot take an
// in-process handler: boto3, the AWS CLI, the AWS SDKs for Java, Go, JavaScript and others pointed at an endpoint.
// One port speaks HTTP/1.1 and HTTP/2 (cleartext with prior knowledge, or TLS with ALPN), AWS JSON 1.1 and AWS
// CBOR 1.1, and serves kinesim's own endpoints and web console under /_kinesim/. Node-only: everything but the
// socket (the HTTP edge, codecs, request IDs, the console) is portable.
import { randomBytes } from 'node:crypto';
import { createConsole, isKinesimPath, kinesimNotFound, KINESIM_PREFIX, type KinesimConsole } from '../console/index.js';
import type { Kinesis } from '../kinesis.js';
import { answerAdminRequest } from '../protocol/admin-endpoint.js';
import type { HttpRequest } from '../protocol/http-edge.js';
import type { WireResponse } from '../protocol/wire-message.js';
import { WireProtocol } from '../protocol/wire-protocol.js';
import { DEFAULT_SERVER_LIMITS } from './server-limits.js';
import { nodeCodecs } from './node-codecs.js';
import { startWireServer, type HttpAnswerer, type RunningServer, type WireServerOptions } from './wire-server.js';

export { DEFAULT_SERVER_LIMITS, type ServerLimits } from './server-limits.js';
export type { RequestLogEntry } from './wire-server.js';

/** Where and how to serve: port, host, TLS, limits, the x-amz-id-2 seed, a request log callback, the console. */
export interface HttpServerOptions extends WireServerOptions {
  /** Serve the web console under /_kinesim/ (default true). /_kinesim/health is served either way. */
  readonly console?: boolean;
  /** Host names (besides IP addresses and localhost) the console and the admin endpoints accept in Host / :authority, e.g. a container's. */
  readonly allowedHosts?: readonly string[];
}

/** A running server: its URL, its console's URL, and `close()`. */
export interface KinesisHttpServer extends RunningServer {
  /** The web console (and, under it, /health): `<url>/_kinesim/`. */
  readonly consoleUrl: string;
}

/** The default cap on one request body (413 beyond it); `limits.maxRequestBytes` changes it per server. */
export const MAX_REQUEST_BYTES = DEFAULT_SERVER_LIMITS.maxRequestBytes;

/**
 * Serves `kinesis` until closed. Signatures are not verified (any credentials of the right shape work).
 * @throws (rejects with) the listen error when the port cannot be bound (EADDRINUSE, EACCES, ...), or a RangeError
 * for a limit that is not a positive whole number.
 */
export async function startHttpServer(kinesis: Kinesis, options: HttpServerOptions = {}): Promise<KinesisHttpServer> {
  const protocol = new WireProtocol(kinesis, { codecs: nodeCodecs() });
  // One token per server: the console's page carries it, and its API refuses calls without it.
  const allowedHosts = options.allowedHosts ?? [];
  const web = createConsole({ kinesis, token: randomBytes(16).toString('hex'), allowedHosts });
  const running = await startWireServer(withKinesimPaths(protocol, kinesis, web, options.console ?? true, allowedHosts), options);
  return Object.assign(running, { consoleUrl: `${running.url}${KINESIM_PREFIX}` });
}

/**
 * The protocol, with kinesim's own paths routed first: the admin endpoints (faults, history, snapshot), then the
 * console (its page, assets and API unless turned off; /_kinesim/health always), else a 404. Every other path is
 * AWS's, answered as AWS answers it (`GET /` included).
 */
function withKinesimPaths(
  protocol: WireProtocol,
  kinesis: Kinesis,
  web: KinesimConsole,
  serveConsole: boolean,
  allowedHosts: readonly string[],
): HttpAnswerer {
  const health = `${KINESIM_PREFIX}health`;
  const own = (request: HttpRequest): WireResponse =>
    answerAdminRequest(kinesis, request, allowedHosts) ??
    (serveConsole || request.url.split('?')[0] === health ? web.handle(request) : undefined) ??
    kinesimNotFound(request.url, serveConsole);
  return {
    handleHttp: (request) => (isKinesimPath(request.url) ? own(request) : protocol.handleHttp(request)),
    transportFault: (operation) => protocol.transportFault(operation),
    payloadTooLarge: () => protocol.payloadTooLarge(),
    serviceUnavailable: (contentType) => protocol.serviceUnavailable(contentType),
    internalFailure: (contentType) => protocol.internalFailure(contentType),
  };
}
