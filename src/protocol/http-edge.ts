// The HTTP edge of the wire protocol: method, content type (and so the codec), auth presence and CORS are
// decided here, before a request reaches an operation; everything else is WireProtocol's. Transport-free (no
// node:http), so every edge case is a plain function of the request. AWS's behaviour here is kinesalite's
// AWS-verified `index.js` [K]; the README's "Over HTTP" section lists where kinesim differs.
import { KinesisError } from '../errors/kinesis-error.js';
import type { Codec } from './codec.js';
import { JSON_CODEC } from './json/json-codec.js';
import { operationFromTarget } from './operation-target.js';
import { errorResponse, textResponse, type WireRequest, type WireResponse } from './wire-message.js';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

/** The codecs served, by the media type of their requests. CBOR joins when its codec lands. */
const CODECS: ReadonlyMap<string, Codec> = new Map([[JSON_CODEC.contentType, JSON_CODEC]]);

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
const MISSING_TOKEN = 'Missing Authentication Token';
const BOTH_AUTH = "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.";
const CORAL_SERIALIZATION = '{"Output":{"__type":"com.amazon.coral.service#SerializationException"},"Version":"1.0"}';
const CORAL_UNKNOWN_OPERATION = '{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException"},"Version":"1.0"}';
// Divergence: AWS serves CBOR (the AWS SDK for Java's default); kinesim does not yet, and says so in a JSON body and in the
// x-amzn-ErrorType / x-amzn-ErrorMessage headers, which Java SDK v2 reads even when it cannot parse the body.
const CBOR_NOT_SERVED =
  'kinesim does not serve CBOR (application/x-amz-cbor-1.1); configure the client for JSON ' +
  '(AWS SDK for Java: -Daws.cborEnabled=false or AWS_CBOR_DISABLE=true)';

const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date';
const PREFLIGHT_MAX_AGE_SECONDS = '172800';

/**
 * Answers one request, in AWS's order of checks (after kinesalite's `index.js` [K]): CORS preflight, method,
 * content type, empty body, body parse, target, auth presence, then the operation, which `operate` runs.
 * Engine bugs (non-KinesisErrors) propagate: the server turns them into a 500 InternalFailure.
 */
export function routeHttpRequest(request: HttpRequest, operate: (request: WireRequest) => WireResponse): WireResponse {
  const origin = request.headers['origin'];
  if (origin !== undefined && request.method === 'OPTIONS') return withCors(preflight(request), request, true);
  return withCors(answer(request, operate), request, false);
}

function answer(request: HttpRequest, operate: (request: WireRequest) => WireResponse): WireResponse {
  if (request.method !== 'POST') return textResponse(403, ACCESS_DENIED_XML);
  const contentType = mediaType(request.headers['content-type']);
  const target = request.headers['x-amz-target'];
  const codec = CODECS.get(contentType);
  if (codec === undefined && contentType === CBOR_CONTENT_TYPE) return cborNotServed();
  // Divergence: AWS answers an empty body with a non-JSON content type in CBOR; kinesim answers JSON.
  if (request.body.byteLength === 0) return operate({ target, body: request.body, codec: codec ?? JSON_CODEC });
  if (contentType === 'application/json') return coralAnswer(request.body);
  if (codec === undefined) {
    return hasServiceAndOperation(target) ? textResponse(404, UNKNOWN_OPERATION_XML) : textResponse(403, ACCESS_DENIED_XML);
  }
  const authError = authenticationError(request, target, codec);
  if (authError !== undefined) return errorResponse(codec, authError);
  return operate({ target, body: request.body, codec });
}

/**
 * Auth is checked for presence and exclusivity only; signatures are never verified (Divergence: any
 * credentials work). Checked only once the body parses and the target names an operation, as AWS does:
 * otherwise the protocol's SerializationException / UnknownOperationException comes first.
 */
function authenticationError(request: HttpRequest, target: string | undefined, codec: Codec): KinesisError | undefined {
  const header = request.headers['authorization'];
  const presigned = hasQueryParameter(request.url, 'X-Amz-Algorithm');
  if (header !== undefined && header !== '' && presigned) {
    return new KinesisError('InvalidSignatureException', BOTH_AUTH);
  }
  if ((header !== undefined && header !== '') || presigned) return undefined;
  if (!isKnownTarget(target) || !codec.isDocument(request.body)) return undefined;
  return new KinesisError('MissingAuthenticationTokenException', MISSING_TOKEN);
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

function cborNotServed(): WireResponse {
  const response = errorResponse(JSON_CODEC, new KinesisError('UnknownOperationException', CBOR_NOT_SERVED));
  response.headers['x-amzn-errormessage'] = CBOR_NOT_SERVED;
  return response;
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
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim();
}

/** AWS's test for "a parsable target" before it knows the content type: `<service>.<operation>`, both non-empty [K]. */
function hasServiceAndOperation(target: string | undefined): boolean {
  const [service, operation] = (target ?? '').split('.');
  return service !== undefined && service !== '' && operation !== undefined && operation !== '';
}

/**
 * Whether the query string names `name`, read as URLSearchParams reads it ('+' is a space, escapes decoded).
 * A name with a malformed escape keeps its '%', so it never equals a name without one.
 */
function hasQueryParameter(url: string, name: string): boolean {
  const query = url.indexOf('?');
  if (query < 0) return false;
  for (const pair of url.slice(query + 1).split('&')) {
    const equals = pair.indexOf('=');
    const raw = (equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' ');
    if (raw !== '' && percentDecoded(raw) === name) return true;
  }
  return false;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
