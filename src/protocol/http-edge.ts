// The HTTP edge of the JSON 1.1 protocol (spec §13.2): method, content type, auth presence and CORS are
// decided here, before a request reaches JsonProtocol; everything else is the protocol's. Transport-free
// (no node:http), so every edge case is a plain function of the request.
import { KinesisError } from '../errors/kinesis-error.js';
import { parseJsonObject, type JsonObject } from '../encoding/json-object.js';
import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import { decodeUtf8Lenient } from '../encoding/utf8-decode.js';
import { JSON_CONTENT_TYPE, type JsonProtocol } from './json-protocol.js';
import { operationFromTarget } from './operation-target.js';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

/** A request as the HTTP server read it: header names lower-case, the body complete. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
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
// Divergence: AWS serves CBOR (spec §13.3); kinesim does not yet, and says so in a JSON body and in the
// x-amzn-ErrorType / x-amzn-ErrorMessage headers, which Java SDK v2 reads even when it cannot parse the body.
const CBOR_NOT_SERVED =
  'kinesim does not serve CBOR (application/x-amz-cbor-1.1); configure the client for JSON ' +
  '(AWS SDK for Java: -Daws.cborEnabled=false or AWS_CBOR_DISABLE=true)';

const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date';
const PREFLIGHT_MAX_AGE_SECONDS = '172800';

/**
 * Answers one request, in AWS's order of checks (spec §13.2, after kinesalite's `index.js`): CORS preflight,
 * method, empty body, content type, body parse, target, auth presence, then the operation.
 * Engine bugs (non-KinesisErrors) propagate: the server turns them into a 500 InternalFailure.
 */
export function routeHttpRequest(protocol: JsonProtocol, request: HttpRequest): HttpResponse {
  const origin = request.headers['origin'];
  if (origin !== undefined && request.method === 'OPTIONS') return withCors(preflight(request), request, true);
  return withCors(answer(protocol, request), request, false);
}

function answer(protocol: JsonProtocol, request: HttpRequest): HttpResponse {
  if (request.method !== 'POST') return raw(403, ACCESS_DENIED_XML);
  const contentType = mediaType(request.headers['content-type']);
  const target = request.headers['x-amz-target'];
  if (contentType === CBOR_CONTENT_TYPE) return cborNotServed();
  // Divergence: AWS answers an empty body with a non-JSON content type in CBOR; kinesim answers JSON.
  if (request.body.byteLength === 0) return protocolAnswer(protocol, target, request.body);
  if (contentType === 'application/json') return coralAnswer(request.body);
  if (contentType !== JSON_CONTENT_TYPE) {
    return hasServiceAndOperation(target) ? raw(404, UNKNOWN_OPERATION_XML) : raw(403, ACCESS_DENIED_XML);
  }
  const authError = authenticationError(request, target);
  if (authError !== undefined) return json(400, authError);
  return protocolAnswer(protocol, target, request.body);
}

function protocolAnswer(protocol: JsonProtocol, target: string | undefined, body: Uint8Array): HttpResponse {
  const { statusCode, headers, body: out } = protocol.handle({ target, body });
  return { statusCode, headers: { ...headers }, body: out };
}

/**
 * Auth is checked for presence and exclusivity only; signatures are never verified (Divergence: any
 * credentials work). Checked only once the body parses and the target names an operation, as AWS does:
 * otherwise the protocol's SerializationException / UnknownOperationException comes first.
 */
function authenticationError(request: HttpRequest, target: string | undefined): KinesisError | undefined {
  const header = request.headers['authorization'];
  const presigned = hasQueryParameter(request.url, 'X-Amz-Algorithm');
  if (header !== undefined && header !== '' && presigned) {
    return new KinesisError('InvalidSignatureException', BOTH_AUTH);
  }
  if ((header !== undefined && header !== '') || presigned) return undefined;
  if (!isKnownTarget(target) || bodyObject(request.body) === undefined) return undefined;
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
function coralAnswer(body: Uint8Array): HttpResponse {
  const parsed = bodyObject(body) !== undefined;
  return raw(parsed ? 404 : 400, parsed ? CORAL_UNKNOWN_OPERATION : CORAL_SERIALIZATION, 'application/json');
}

function cborNotServed(): HttpResponse {
  const response = raw(400, JSON.stringify({ __type: 'UnknownOperationException', message: CBOR_NOT_SERVED }), JSON_CONTENT_TYPE);
  response.headers['x-amzn-errortype'] = 'UnknownOperationException';
  response.headers['x-amzn-errormessage'] = CBOR_NOT_SERVED;
  return response;
}

function preflight(request: HttpRequest): HttpResponse {
  const response = raw(200, '');
  const requestedHeaders = request.headers['access-control-request-headers'];
  const requestedMethod = request.headers['access-control-request-method'];
  if (requestedHeaders !== undefined) response.headers['access-control-allow-headers'] = requestedHeaders;
  if (requestedMethod !== undefined) response.headers['access-control-allow-methods'] = requestedMethod;
  response.headers['access-control-max-age'] = PREFLIGHT_MAX_AGE_SECONDS;
  return response;
}

function withCors(response: HttpResponse, request: HttpRequest, isPreflight: boolean): HttpResponse {
  if (request.headers['origin'] === undefined) return response;
  response.headers['access-control-allow-origin'] = '*';
  if (!isPreflight) response.headers['access-control-expose-headers'] = EXPOSED_HEADERS;
  return response;
}

/** The JSON error response of a protocol-level exception (same encoding as JsonProtocol's). */
function json(statusCode: number, error: KinesisError): HttpResponse {
  const response = raw(statusCode, JSON.stringify({ __type: error.name, message: error.message }), JSON_CONTENT_TYPE);
  response.headers['x-amzn-errortype'] = error.name;
  return response;
}

/** A response with the given text; without a content type, as AWS sends its XML errors. */
function raw(statusCode: number, text: string, contentType?: string): HttpResponse & { headers: Record<string, string> } {
  const body = new Uint8Array(utf8ByteLength(text));
  encodeUtf8Into(text, body, 0);
  const headers: Record<string, string> = { 'content-length': String(body.byteLength) };
  if (contentType !== undefined) headers['content-type'] = contentType;
  return { statusCode, headers, body };
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

/** The body as a default TextDecoder reads it (malformed bytes as U+FFFD, a leading BOM dropped), if a JSON object. */
function bodyObject(body: Uint8Array): JsonObject | undefined {
  const text = decodeUtf8Lenient(body);
  return parseJsonObject(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
