// The shape of a request's SigV4 credentials, checked the way AWS's front end checks it before any operation runs
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). Signatures themselves are never verified:
// any key and any signature are accepted (README "Over HTTP"). Texts are word for word; each carries its evidence
// (kinesalite's AWS-verified tests [K]; dynalite's notes of real Coral answers and public captures [R]).
import { KinesisError } from '../errors/kinesis-error.js';

/** The request parts the checks read: header names lower-case. */
export interface SignedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** The service every credential must be scoped to. */
const SERVICE = 'kinesis';
const ALGORITHM = 'AWS4-HMAC-SHA256';
const TERMINATOR = 'aws4_request';
const HEADER_PARAMS = ['Credential', 'Signature', 'SignedHeaders'] as const;
const QUERY_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'] as const;
const ISO_BASIC = /^\d{8}T\d{6}Z$/;

// Scope errors answered 403, as a real Kinesis capture shows [R https://github.com/patrobinson/gokini/issues/13].
const SCOPE_STATUS = 403;

const authText = {
  missingToken: 'Missing Authentication Token', // [K]
  bothAuth: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.", // [K]
  headerRequires: (param: string) => `Authorization header requires '${param}' parameter. `, // [K]
  headerRequiresDate: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ", // [K]
  headerEcho: (header: string) => `Authorization=${header}`, // [K]
  queryRequires: (param: string) => `AWS query-string parameters must include '${param}'. `, // [K]
  queryEnd: 'Re-examine the query-string parameters.', // [K]
  // [R dynalite's notes of DynamoDB's Coral answers]
  notKeyValue: (key: string, header: string) =>
    `'${key}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
  dateFormat: (date: string) =>
    `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`, // [R]
  hostUnsigned: "'Host' must be a 'SignedHeader' in the AWS Authorization.", // [R]
  algorithm: (algorithm: string) => `Unsupported AWS 'algorithm': '${algorithm}' (only ${ALGORITHM} for now). `, // [R]
  // [R e.g. https://github.com/aws/aws-sdk-go/issues/1042]
  credentialParts: (credential: string) =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  scopeService: (service: string) => `Credential should be scoped to correct service: '${service}'. `, // [R Kinesis]
  scopeTerminator: (terminator: string) =>
    `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'. `, // [R]
  scopeDate: (scopeDate: string, httpDate: string, amzDate: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${httpDate}', from '${amzDate}'.`, // [R]
} as const;

/**
 * The AWS error for a request whose credentials are missing or malformed, or undefined when they pass, in AWS's
 * order: both forms given, none given, missing parameters (every missing one named at once), then the date format,
 * the signed host, the algorithm, the credential's shape and its scope. The region in the scope is not checked
 * (kinesim answers for any region).
 */
export function authorizationError(request: SignedRequest): KinesisError | undefined {
  const header = request.headers['authorization'];
  const hasHeader = header !== undefined && header !== '';
  const query = queryParameters(request.url);
  const presigned = query.has('X-Amz-Algorithm');
  if (hasHeader && presigned) return new KinesisError('InvalidSignatureException', authText.bothAuth);
  if (hasHeader) return headerError(header, request.headers);
  if (presigned) return queryError(query);
  return new KinesisError('MissingAuthenticationTokenException', authText.missingToken);
}

function headerError(header: string, headers: SignedRequest['headers']): KinesisError | undefined {
  // The first word is the algorithm; the rest are `key=value` parameters split at commas or spaces [K].
  const [algorithm = '', ...rest] = header.split(/[, ]/);
  const words = rest.filter((word) => word !== '');
  const params = new Map<string, string>();
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals < 0) return incomplete(authText.notKeyValue(word, header));
    params.set(word.slice(0, equals), word.slice(equals + 1));
  }
  let missing = HEADER_PARAMS.filter((param) => !params.get(param)).map(authText.headerRequires).join('');
  const amzDate = headers['x-amz-date'];
  if (!amzDate && !headers['date']) missing += authText.headerRequiresDate;
  if (missing !== '') return incomplete(missing + authText.headerEcho(header));
  if (amzDate && !ISO_BASIC.test(amzDate)) return incomplete(authText.dateFormat(amzDate));
  // Over HTTP/2 the SDKs sign `:authority`, which AWS accepts in place of `host` (it serves them over HTTP/2).
  const signed = params.get('SignedHeaders')!.toLowerCase().split(';');
  if (!signed.includes('host') && !signed.includes(':authority')) return new KinesisError('InvalidSignatureException', authText.hostUnsigned, 'client', SCOPE_STATUS);
  if (algorithm !== ALGORITHM) {
    return algorithm.startsWith('AWS4-')
      ? incomplete(authText.algorithm(algorithm))
      : new KinesisError('MissingAuthenticationTokenException', authText.missingToken);
  }
  return credentialError(params.get('Credential')!, amzDate);
}

function credentialError(credential: string, amzDate: string | undefined): KinesisError | undefined {
  const parts = credential.replace(/\/+$/, '').split('/');
  if (parts.length !== 5) return incomplete(authText.credentialParts(credential));
  const [, scopeDate, , service, terminator] = parts as [string, string, string, string, string];
  let problems = '';
  if (service !== SERVICE) problems += authText.scopeService(SERVICE);
  if (terminator !== TERMINATOR) problems += authText.scopeTerminator(terminator);
  // Compared only with X-Amz-Date: a `Date` header's own format (RFC 7231) is another parse AWS does [U].
  if (amzDate && scopeDate !== amzDate.slice(0, 8)) problems += authText.scopeDate(scopeDate, amzDate.slice(0, 8), amzDate);
  return problems === '' ? undefined : new KinesisError('InvalidSignatureException', problems, 'client', SCOPE_STATUS);
}

function queryError(query: ReadonlyMap<string, string>): KinesisError | undefined {
  const missing = QUERY_PARAMS.filter((param) => !query.get(param)).map(authText.queryRequires).join('');
  return missing === '' ? undefined : incomplete(missing + authText.queryEnd);
}

function incomplete(message: string): KinesisError {
  return new KinesisError('IncompleteSignatureException', message);
}

/**
 * The query string's parameters as URLSearchParams reads them ('+' is a space, escapes decoded; the first of a
 * repeated name wins). A name with a malformed escape keeps its '%', so it never equals a name without one.
 */
function queryParameters(url: string): ReadonlyMap<string, string> {
  const params = new Map<string, string>();
  const start = url.indexOf('?');
  if (start < 0) return params;
  for (const pair of url.slice(start + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = percentDecoded((equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' '));
    const value = equals < 0 ? '' : percentDecoded(pair.slice(equals + 1).replace(/\+/g, ' '));
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  return params;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
