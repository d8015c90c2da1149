// The HTTP edge of the wire protocol: method, content type (and so the codec), the credentials' shape and CORS
// are decided here, before a request reaches an operation; everything else is WireProtocol's. Transport-free (no
// node:http), so every edge case is a plain function of the request. AWS's behaviour here is kinesalite's
// AWS-verified `index.js` [K]; the README's "Over HTTP" section lists where kinesim differs.
import type { Codec } from './codec.js';
import { authorizationError } from './authorization.js';
import { CBOR_CODEC } from './cbor/cbor-codec.js';
import { JSON_CODEC, JSON_CONTENT_TYPE } from './json/json-codec.js';
import { operationFromTarget } from './operation-target.js';
import { errorResponse, textResponse, type WireRequest, type WireResponse } from './wire-message.js';

/** The codecs served by default, by the media type of their requests: AWS JSON 1.1 and AWS CBOR 1.1. */
export const DEFAULT_CODECS: ReadonlyMap<string, Codec> = codecMap([JSON_CODEC, CBOR_CODEC]);

/** The codecs in `codecs`, keyed by their media type (a later one replaces an earlier one of the same type). */
export function codecMap(codecs: Iterable<Codec>): ReadonlyMap<string, Codec> {
  return new Map([...codecs].map((codec) => [codec.contentType, codec]));
}

/** A request as the HTTP server read it: header names lower-case, the body complete. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

// Texts of the wire protocol itself (AWS's front end, not the Kinesis service), word for word [K].
const ACCESS_DENIED_XML =
  '<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n';
const UNKNOWN_OPERATION_XML = '<UnknownOperationException/>\n';
const CORAL_SERIALIZATION = '{"Output":{"__type":"com.amazon.coral.service#SerializationException"},"Version":"1.0"}';
const CORAL_UNKNOWN_OPERATION = '{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException"},"Version":"1.0"}';

const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date';
const PREFLIGHT_MAX_AGE_SECONDS = '172800';

/**
 * Answers one request, in AWS's order of checks (after kinesalite's `index.js` [K]): CORS preflight, method,
 * content type, empty body, body parse, target, credentials, then the operation, which `operate` runs with the
 * codec of the request's content type among `codecs`.
 * Engine bugs (non-KinesisErrors) propagate: the server turns them into a 500 InternalFailure.
 */
export function routeHttpRequest(
  request: HttpRequest,
  operate: (request: WireRequest) => WireResponse,
  codecs: ReadonlyMap<string, Codec> = DEFAULT_CODECS,
): WireResponse {
  const origin = request.headers['origin'];
  if (origin !== undefined && request.method === 'OPTIONS') return withCors(preflight(request), request, true);
  return withCors(answer(request, operate, codecs), request, false);
}

function answer(request: HttpRequest, operate: (request: WireRequest) => WireResponse, codecs: ReadonlyMap<string, Codec>): WireResponse {
  if (request.method !== 'POST') return textResponse(403, ACCESS_DENIED_XML);
  const contentType = mediaType(request.headers['content-type']);
  const target = request.headers['x-amz-target'];
  const codec = codecs.get(contentType);
  if (request.body.byteLength === 0) {
    // An empty body is answered in JSON only when the request said JSON, in CBOR otherwise, even without a content type [K].
    const answerCodec = contentType === JSON_CONTENT_TYPE ? (codec ?? JSON_CODEC) : (codecs.get(CBOR_CODEC.contentType) ?? CBOR_CODEC);
    return operate({ target, body: request.body, codec: answerCodec });
  }
  if (contentType === 'application/json') return coralAnswer(request.body);
  if (codec === undefined) {
    return hasServiceAndOperation(target) ? textResponse(404, UNKNOWN_OPERATION_XML) : textResponse(403, ACCESS_DENIED_XML);
  }
  const authError = authorizationError(request);
  // AWS reads the body and the target before the credentials: a request failing those gets their answer instead.
  if (authError !== undefined && isKnownTarget(target) && codec.isDocument(request.body)) return errorResponse(codec, authError);
  return operate({ target, body: request.body, codec });
}

function isKnownTarget(target: string | undefined): boolean {
  try {
    operationFromTarget(target);
    return true;
  } catch {
    return false;
  }
}

/** `application/json` bodies never reach an operation on AWS: they get Coral's generic answers [K]. */
function coralAnswer(body: Uint8Array): WireResponse {
  const parsed = JSON_CODEC.isDocument(body);
  return textResponse(parsed ? 404 : 400, parsed ? CORAL_UNKNOWN_OPERATION : CORAL_SERIALIZATION, 'application/json');
}

function preflight(request: HttpRequest): WireResponse {
  const response = textResponse(200, '');
  const requestedHeaders = request.headers['access-control-request-headers'];
  const requestedMethod = request.headers['access-control-request-method'];
  if (requestedHeaders !== undefined) response.headers['access-control-allow-headers'] = requestedHeaders;
  if (requestedMethod !== undefined) response.headers['access-control-allow-methods'] = requestedMethod;
  response.headers['access-control-max-age'] = PREFLIGHT_MAX_AGE_SECONDS;
  return response;
}

function withCors(response: WireResponse, request: HttpRequest, isPreflight: boolean): WireResponse {
  if (request.headers['origin'] === undefined) return response;
  response.headers['access-control-allow-origin'] = '*';
  if (!isPreflight) response.headers['access-control-expose-headers'] = EXPOSED_HEADERS;
  return response;
}

/** `   application/x-amz-json-1.1   ;whatever` -> `application/x-amz-json-1.1` (parameters and spaces ignored [K]). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim();
}

/** AWS's test for "a parsable target" before it knows the content type: `<service>.<operation>`, both non-empty [K]. */
function hasServiceAndOperation(target: string | undefined): boolean {
  const [service, operation] = (target ?? '').split('.');
  return service !== undefined && service !== '' && operation !== undefined && operation !== '';
}
