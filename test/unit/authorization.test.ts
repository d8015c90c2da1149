// The credentials' shape as AWS's front end checks it (src/protocol/authorization.ts), and where the HTTP edge asks:
// after the body and the target, before the operation.
import { decode as cborDecode } from 'cbor2';
import { describe, expect, test } from 'vitest';
import { Kinesis } from '../../src/index.js';
import { authorizationError } from '../../src/protocol/authorization.js';
import { WireProtocol } from '../../src/protocol/wire-protocol.js';

const AMZ_DATE = '20240101T000000Z';
const GOOD = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';

function check(authorization: string | undefined, headers: Record<string, string> = { 'x-amz-date': AMZ_DATE }, url = '/') {
  const error = authorizationError({ url, headers: authorization === undefined ? headers : { ...headers, authorization } });
  return error === undefined ? undefined : { name: error.name, message: error.message, status: error.statusCode };
}

const incomplete = (message: string) => ({ name: 'IncompleteSignatureException', message, status: 400 });
const REQUIRES_ALL =
  "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
  "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";

describe('authorizationError', () => {
  test('accepts a well-formed SigV4 header whatever its key and signature', () => {
    expect(check(GOOD)).toBeUndefined();
    expect(check(GOOD.replace('AKID', 'ANYTHING').replace('Signature=00', 'Signature=wrong'))).toBeUndefined();
    expect(check(GOOD, { date: 'Mon, 01 Jan 2024 00:00:00 GMT' })).toBeUndefined();
  });

  test('no credentials at all: MissingAuthenticationTokenException [K]', () => {
    expect(check(undefined)).toEqual({ name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token', status: 400 });
    expect(check('')).toEqual({ name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token', status: 400 });
  });

  test('names every missing parameter and the missing date at once, then echoes the header [K]', () => {
    expect(check('X', {})).toEqual(incomplete(`${REQUIRES_ALL}Authorization=X`));
    expect(check('AWS4- Signature=b Credential=a', { date: 'now' })).toEqual(
      incomplete("Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b Credential=a"),
    );
    // Empty values count as missing.
    expect(check('AWS4-HMAC-SHA256 Credential=, Signature=, SignedHeaders=h')).toEqual(
      incomplete(
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
          'Authorization=AWS4-HMAC-SHA256 Credential=, Signature=, SignedHeaders=h',
      ),
    );
  });

  test('a parameter without an equals sign [R]', () => {
    const header = 'AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders';
    expect(check(header)).toEqual(
      incomplete(`'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`),
    );
  });

  test('query-string credentials name each missing parameter [K]; without X-Amz-Algorithm they are no credentials', () => {
    expect(check(undefined, {}, '/?X-Amz-Algorithm=AWS4-HMAC-SHA256')).toEqual(
      incomplete(
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. " +
          "AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. " +
          'Re-examine the query-string parameters.',
      ),
    );
    const full = '/?X-Amz-Algorithm=A&X-Amz-Credential=c&X-Amz-Signature=s&X-Amz-SignedHeaders=host&X-Amz-Date=d';
    expect(check(undefined, {}, full)).toBeUndefined();
    expect(check(undefined, {}, full.replace('X-Amz-Algorithm=A&', ''))?.name).toBe('MissingAuthenticationTokenException');
    expect(check(GOOD, {}, full)).toEqual({
      name: 'InvalidSignatureException',
      message: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
      status: 400,
    });
  });

  test('then the date format, the signed host, the algorithm and the credential [R]', () => {
    expect(check(GOOD, { 'x-amz-date': '2024-01-01' })).toEqual(
      incomplete("Date must be in ISO-8601 'basic format'. Got '2024-01-01'. See http://en.wikipedia.org/wiki/ISO_8601"),
    );
    expect(check(GOOD.replace('SignedHeaders=host;', 'SignedHeaders='))).toEqual({
      name: 'InvalidSignatureException',
      message: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
      status: 403,
    });
    expect(check(GOOD.replace('SignedHeaders=host;', 'SignedHeaders=:authority;'))).toBeUndefined();
    expect(check(GOOD.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA25'))).toEqual(
      incomplete("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). "),
    );
    expect(check(GOOD.replace('AWS4-HMAC-SHA256', 'AWS'))?.name).toBe('MissingAuthenticationTokenException');
    expect(check(GOOD.replace('AKID/', ''))).toEqual(
      incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '20240101/us-east-1/kinesis/aws4_request'"),
    );
    expect(check(GOOD.replace('aws4_request', 'aws4_request//'))).toBeUndefined();
  });

  test('a credential scoped to another service, terminator or day: InvalidSignatureException 403, every problem named', () => {
    expect(check(GOOD.replace('kinesis', 'dynamodb'))).toEqual({
      name: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'kinesis'. ",
      status: 403,
    });
    expect(check(GOOD.replace('/kinesis/aws4_request', '/s3/aws4').replace('20240101/', '20231231/'))?.message).toBe(
      "Credential should be scoped to correct service: 'kinesis'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20231231' != '20240101', from '20240101T000000Z'.",
    );
    // Any region: kinesim answers for every one.
    expect(check(GOOD.replace('us-east-1', 'ap-south-2'))).toBeUndefined();
  });
});

describe('the HTTP edge asks after the body and the target', () => {
  const protocol = new WireProtocol(new Kinesis());
  const post = (contentType: string, target: string, body: Uint8Array, authorization: string) =>
    protocol.handleHttp({ method: 'POST', url: '/', headers: { 'content-type': contentType, 'x-amz-target': target, authorization }, body });
  const json = 'application/x-amz-json-1.1';
  const utf8 = new TextEncoder();

  test('a malformed header on a good request is answered in the request\'s format', () => {
    const response = post(json, 'Kinesis_20131202.ListStreams', utf8.encode('{}'), 'X');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(response.body))).toEqual({
      __type: 'IncompleteSignatureException',
      message: `${REQUIRES_ALL}Authorization=X`,
    });
    const cbor = post('application/x-amz-cbor-1.1', 'Kinesis_20131202.ListStreams', new Uint8Array([0xa0]), 'X');
    expect(cborDecode(cbor.body)).toEqual({ __type: 'IncompleteSignatureException', message: `${REQUIRES_ALL}Authorization=X` });
  });

  test('a bad body or an unknown target is answered first', () => {
    expect(new TextDecoder().decode(post(json, 'Kinesis_20131202.ListStreams', utf8.encode('['), 'X').body)).toBe('{"__type":"SerializationException"}');
    expect(new TextDecoder().decode(post(json, 'Kinesis_20131202.Nope', utf8.encode('{}'), 'X').body)).toBe('{"__type":"UnknownOperationException"}');
  });
});
