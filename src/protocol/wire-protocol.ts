// The engine's wire face, transport-free: any adapter (the in-process AWS SDK handler, an HTTP server) hands it
// a request and sends back what it answers. It reads the X-Amz-Target header, decodes with the request's codec,
// dispatches through the registry, maps errors to AWS's answers, and gives every answer its request ID.

import { KinesisError } from '../errors/kinesis-error.js';
import type { Kinesis } from '../kinesis.js';
import type { TransportAction } from '../faults/faults.js';
import { OPERATIONS } from '../operations/registry.js';
import type { ShardSubscription } from '../api-types/subscriptions.js';
import { dispatch } from './dispatch.js';
import type { Codec } from './codec.js';
import { eventStreamAnswer } from './event-stream-answer.js';
import { codecMap, DEFAULT_CODECS, mediaType, routeHttpRequest, type HttpRequest } from './http-edge.js';
import { JSON_CODEC } from './json/json-codec.js';
import { operationFromTarget } from './operation-target.js';
import { RequestIdSequence } from './request-id.js';
import { errorResponse, wireResponse, type WireRequest, type WireResponse } from './wire-message.js';

const SERVICE_UNAVAILABLE = 'The request has failed due to a temporary failure of the server.';

export interface WireProtocolOptions {
  /**
   * The codecs HTTP requests are served in, by content type; default JSON 1.1 and CBOR 1.1. A server may pass
   * faster implementations of the same formats (Node's base64, say) while the core stays portable.
   */
  readonly codecs?: Iterable<Codec>;
}

/** Serves one engine. It alone issues request IDs, counting up per instance so runs are reproducible. */
export class WireProtocol {
  readonly #kinesis: Kinesis;
  readonly #requestIds = new RequestIdSequence();
  readonly #codecs: ReadonlyMap<string, Codec>;

  constructor(kinesis: Kinesis, options: WireProtocolOptions = {}) {
    this.#kinesis = kinesis;
    this.#codecs = options.codecs === undefined ? DEFAULT_CODECS : codecMap(options.codecs);
  }

  /**
   * Answers one request: 200 with the output, or the AWS error (status, `__type`, message). Errors that
   * are not KinesisErrors are bugs in kinesim and are rethrown rather than dressed up as a 500
   * InternalFailure, so they surface with their stack instead of hiding behind a client's retries.
   */
  handle(request: WireRequest): WireResponse {
    return this.#stamped(this.#answer(request));
  }

  /**
   * Answers one HTTP request, with AWS's front-end rules (method, content type, auth presence, CORS; see
   * http-edge.ts) before the operation. Engine bugs propagate, as from `handle`. kinesim's own endpoints under
   * /_kinesim/ are the server's to route (src/server/http-server.ts), with the Host names it allows.
   */
  handleHttp(request: HttpRequest): WireResponse {
    return this.#stamped(routeHttpRequest(request, (wire) => this.#answer(wire), this.#codecs));
  }

  /**
   * What a server does to the connection of a request for `operation` (the X-Amz-Target's operation, undefined
   * when it names none) before reading it, by the engine's transport faults (kinesis.faults): drop it, answer it
   * late, or (undefined) nothing.
   */
  transportFault(operation: string | undefined): TransportAction | undefined {
    const faults = this.#kinesis.faults;
    return faults.active ? faults.transportFault(operation) : undefined;
  }

  /** The answer to a request body too large to read (413, empty). */
  payloadTooLarge(): WireResponse {
    return this.#stamped(wireResponse(413, new Uint8Array(0)));
  }

  /**
   * The answer to a request refused because the server holds too many request bytes already: 503
   * ServiceUnavailable, which every SDK retries, in the format of `contentType` (JSON unless a served codec's).
   * [U] When AWS sheds load this way is not public; the text is the AWS common-errors description
   * (https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html).
   */
  serviceUnavailable(contentType: string | undefined): WireResponse {
    const error = new KinesisError('ServiceUnavailable', SERVICE_UNAVAILABLE, 'server', 503);
    return this.#stamped(errorResponse(this.#codecFor(contentType), error));
  }

  /**
   * The answer AWS gives for its own failures, for a request that met a bug in kinesim: 500
   * `{"__type":"InternalFailure"}` [K], in CBOR for a CBOR request.
   */
  internalFailure(contentType?: string): WireResponse {
    return this.#stamped(errorResponse(this.#codecFor(contentType), new KinesisError('InternalFailure', '', 'server', 500)));
  }

  #codecFor(contentType: string | undefined): Codec {
    return this.#codecs.get(mediaType(contentType)) ?? this.#codecs.get(JSON_CODEC.contentType) ?? JSON_CODEC;
  }

  #answer(request: WireRequest): WireResponse {
    const codec = request.codec ?? JSON_CODEC;
    try {
      const operation = operationFromTarget(request.target);
      const input = codec.decodeInput(operation, request.body);
      const output = dispatch(this.#kinesis, operation, input);
      if (OPERATIONS[operation].response === 'event-stream') return eventStreamAnswer(output as ShardSubscription, codec);
      return wireResponse(200, codec.encodeOutput(operation, output), codec.contentType);
    } catch (error) {
      if (!(error instanceof KinesisError)) throw error;
      return errorResponse(codec, error);
    }
  }

  #stamped(response: WireResponse): WireResponse {
    response.headers['x-amzn-requestid'] = this.#requestIds.next();
    return response;
  }
}
