// kinesim/http: the engine on a real socket (see the README's "Over HTTP"), for clients that cannot take an
// in-process handler: boto3, the AWS CLI, the AWS SDKs for Java, Go, JavaScript and others pointed at an endpoint.
// One port speaks HTTP/1.1 and HTTP/2 (cleartext with prior knowledge, or TLS with ALPN), AWS JSON 1.1 and AWS
// CBOR 1.1. Node-only: everything but the socket (the HTTP edge, codecs, request IDs) is the portable WireProtocol's.
import type { Kinesis } from '../kinesis.js';
import { WireProtocol } from '../protocol/wire-protocol.js';
import { DEFAULT_SERVER_LIMITS } from './server-limits.js';
import { nodeCodecs } from './node-codecs.js';
import { startWireServer, type RunningServer, type WireServerOptions } from './wire-server.js';

export { DEFAULT_SERVER_LIMITS, type ServerLimits } from './server-limits.js';
export type { RequestLogEntry } from './wire-server.js';

/** Where and how to serve: port, host, TLS, limits, the x-amz-id-2 seed, a request log callback. */
export type HttpServerOptions = WireServerOptions;

/** A running server: its URL, and `close()`. */
export type KinesisHttpServer = RunningServer;

/** The default cap on one request body (413 beyond it); `limits.maxRequestBytes` changes it per server. */
export const MAX_REQUEST_BYTES = DEFAULT_SERVER_LIMITS.maxRequestBytes;

/**
 * Serves `kinesis` until closed. Signatures are not verified (any credentials of the right shape work).
 * @throws (rejects with) the listen error when the port cannot be bound (EADDRINUSE, EACCES, ...), or a RangeError
 * for a limit that is not a positive whole number.
 */
export function startHttpServer(kinesis: Kinesis, options: HttpServerOptions = {}): Promise<KinesisHttpServer> {
  return startWireServer(new WireProtocol(kinesis, { codecs: nodeCodecs() }), options);
}
