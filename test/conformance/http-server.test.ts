// kinesim/http on a real loopback socket: the AWS SDK v3 over Node's HTTP stack, boto3 in a subprocess, and the
// protocol edge cases (kinesalite's AWS-verified index.js) that a client can hit, asserted byte for byte with fetch.
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { decode as cborDecode } from 'cbor2';
import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { MAX_REQUEST_BYTES, startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { Kinesis } from '../../src/index.js';
import { engine } from './drivers.js';

const TIMEOUT_MS = 10_000;
const JSON_TYPE = 'application/x-amz-json-1.1';
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00';
const AMZ_DATE = '20240101T000000Z';
const ACCESS_DENIED_XML =
  '<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n';
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/;

let server: KinesisHttpServer;

beforeAll(async () => {
  server = await startHttpServer(engine().kinesis, { port: 0 });
});

afterAll(async () => {
  await server?.close();
});

function post(headers: Record<string, string>, body: string | Uint8Array, init: RequestInit = {}): Promise<Response> {
  return fetch(server.url, { method: 'POST', headers, body: body as BodyInit, signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
}

function call(operation: string, input: object, headers: Record<string, string> = {}): Promise<Response> {
  return post(
    { 'content-type': JSON_TYPE, 'x-amz-target': `Kinesis_20131202.${operation}`, authorization: AUTH, 'x-amz-date': AMZ_DATE, ...headers },
    JSON.stringify(input),
  );
}

describe('startHttpServer', () => {
  test('listens on loopback on a random port by default and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  test('close stops listening', async () => {
    const other = await startHttpServer(new Kinesis());
    await other.close();
    await expect(fetch(other.url, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) })).rejects.toThrow();
  });
});

describe('the AWS SDK v3 over NodeHttpHandler', () => {
  const client = () =>
    new KinesisClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' },
      requestHandler: new NodeHttpHandler({ connectionTimeout: TIMEOUT_MS, requestTimeout: TIMEOUT_MS }),
      maxAttempts: 1,
    });

  test('creates, writes, reads and describes a stream', async () => {
    const kinesis = client();
    await kinesis.send(new CreateStreamCommand({ StreamName: 'sdk', ShardCount: 1 }));
    const put = await kinesis.send(
      new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'k', Data: new TextEncoder().encode('hello') }),
    );
    expect(put.ShardId).toBe('shardId-000000000000');
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(put.$metadata.requestId).toMatch(REQUEST_ID);
    const { ShardIterator } = await kinesis.send(
      new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: put.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: ShardIterator! }));
    expect(got.Records?.map((record) => new TextDecoder().decode(record.Data))).toEqual(['hello']);
    expect(got.Records?.[0]?.SequenceNumber).toBe(put.SequenceNumber);
    const described = await kinesis.send(new DescribeStreamCommand({ StreamName: 'sdk' }));
    expect(described.StreamDescription?.StreamStatus).toBe('ACTIVE');
    expect(described.StreamDescription?.Shards).toHaveLength(1);
    kinesis.destroy();
  });

  test('an AWS error arrives as the SDK exception class with its message', async () => {
    const kinesis = client();
    const error = await kinesis.send(new DescribeStreamCommand({ StreamName: 'missing' })).catch((e: unknown) => e);
    kinesis.destroy();
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Stream missing under account 000000000000 not found.',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { timeout: TIMEOUT_MS }).status === 0;

const BOTO3_SCRIPT = `
import json, sys, boto3
k = boto3.client('kinesis', endpoint_url=sys.argv[1], region_name='us-east-1',
                 aws_access_key_id='AKIDKINESIM', aws_secret_access_key='kinesim')
k.create_stream(StreamName='boto', ShardCount=1)
put = k.put_record(StreamName='boto', Data=b'\\x00\\xffbytes', PartitionKey='p')
it = k.get_shard_iterator(StreamName='boto', ShardId=put['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
records = k.get_records(ShardIterator=it)['Records']
desc = k.describe_stream(StreamName='boto')['StreamDescription']
try:
    k.describe_stream(StreamName='absent')
    error = None
except k.exceptions.ResourceNotFoundException as e:
    error = e.response['Error']
print(json.dumps({'data': [list(r['Data']) for r in records], 'seq': [r['SequenceNumber'] for r in records],
                  'put': put['SequenceNumber'], 'status': desc['StreamStatus'], 'error': error}))
`;

describe('boto3 in a subprocess', () => {
  // Asynchronous: the server answers on this process's event loop, which spawnSync would block.
  test.skipIf(!hasBoto3)('round-trips put_record/get_records/describe_stream and raises ResourceNotFoundException (skipped when python3 cannot import boto3)', async () => {
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        'python3',
        ['-c', BOTO3_SCRIPT, server.url],
        { timeout: 30_000, env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
        (error, stdout, stderr) => (error === null ? resolve({ stdout, stderr }) : reject(new Error(`${error.message}\n${stderr}`))),
      );
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.data).toEqual([[0, 255, ...new TextEncoder().encode('bytes')]]);
    expect(result.seq).toEqual([result.put]);
    expect(result.status).toBe('ACTIVE');
    expect(result.error).toEqual({ Code: 'ResourceNotFoundException', Message: 'Stream absent under account 000000000000 not found.' });
  });
});

describe('protocol edge cases (as AWS answers them)', () => {
  test('a successful call carries content type, length and a request ID', async () => {
    const response = await call('ListStreams', {});
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(JSON_TYPE);
    expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(text).byteLength));
    expect(response.headers.get('x-amzn-requestid')).toMatch(REQUEST_ID);
    expect(JSON.parse(text)).toHaveProperty('StreamNames');
  });

  test('request IDs differ between calls', async () => {
    const first = (await call('ListStreams', {})).headers.get('x-amzn-requestid');
    const second = (await post({}, '', { method: 'GET', body: null })).headers.get('x-amzn-requestid');
    expect(first).toMatch(REQUEST_ID);
    expect(second).toMatch(REQUEST_ID);
    expect(second).not.toBe(first);
  });

  test.each(['GET', 'PUT', 'DELETE'])('%s answers 403 with the XML AccessDeniedException and no content type', async (method) => {
    const response = await post({}, '', { method, ...(method === 'GET' ? { body: null } : {}) });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe(ACCESS_DENIED_XML);
  });

  test('content type parameters and whitespace are ignored', async () => {
    const response = await call('ListStreams', {}, { 'content-type': `   ${JSON_TYPE}   ;whatever` });
    expect(response.status).toBe(200);
  });

  test('an unsupported content type with a parsable target answers 404 <UnknownOperationException/>', async () => {
    const response = await call('ListStreams', {}, { 'content-type': 'application/x-amz-json-1.0' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<UnknownOperationException/>\n');
  });

  test('an unsupported content type without a parsable target answers 403 XML AccessDeniedException', async () => {
    const response = await post({ 'content-type': 'text/plain', 'x-amz-target': 'ListStreams' }, '{}');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(ACCESS_DENIED_XML);
  });

  test('application/json gets Coral answers: 400 for a bad body, 404 for a parsable one', async () => {
    const bad = await post({ 'content-type': 'application/json', 'x-amz-target': 'Kinesis_20131202.ListStreams' }, '{');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('{"Output":{"__type":"com.amazon.coral.service#SerializationException"},"Version":"1.0"}');
    const parsable = await call('ListStreams', {}, { 'content-type': 'application/json' });
    expect(parsable.status).toBe(404);
    expect(await parsable.text()).toBe('{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException"},"Version":"1.0"}');
  });

  test('CBOR is served: a CBOR request gets a CBOR answer', async () => {
    const response = await call('ListStreams', {}, { 'content-type': 'application/x-amz-cbor-1.1' }).catch((e) => e);
    expect(response.status).toBe(400);
    // The body above is JSON text, which is no CBOR map: AWS's bare SerializationException, in CBOR.
    expect(response.headers.get('content-type')).toBe('application/x-amz-cbor-1.1');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0xa1, 0x66, ...new TextEncoder().encode('__type'), 0x76, ...new TextEncoder().encode('SerializationException')]));
    const cbor = await post(
      { 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: AUTH, 'x-amz-date': AMZ_DATE },
      new Uint8Array([0xa0]),
    );
    expect(cbor.status).toBe(200);
    expect(cbor.headers.get('content-type')).toBe('application/x-amz-cbor-1.1');
  });

  test('an empty body answers SerializationException for a known operation, UnknownOperationException otherwise', async () => {
    const known = await post({ 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStreams' }, '');
    expect(known.status).toBe(400);
    expect(await known.text()).toBe('{"__type":"SerializationException"}');
    const unknown = await post({ 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStream' }, '');
    expect(await unknown.text()).toBe('{"__type":"UnknownOperationException"}');
  });

  test.each([undefined, 'application/x-amz-cbor-1.1', 'text/plain', 'application/json'])(
    'an empty body with content type %s is answered in CBOR, as AWS does',
    async (contentType) => {
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
      const known = await post({ ...headers, 'x-amz-target': 'Kinesis_20131202.ListStreams' }, '');
      expect([known.status, known.headers.get('content-type')]).toEqual([400, 'application/x-amz-cbor-1.1']);
      expect(cborDecode(new Uint8Array(await known.arrayBuffer()))).toEqual({ __type: 'SerializationException' });
      const unknown = await post({ ...headers, 'x-amz-target': 'Kinesis_20131202.ListStream' }, '');
      expect(cborDecode(new Uint8Array(await unknown.arrayBuffer()))).toEqual({ __type: 'UnknownOperationException' });
    },
  );

  test('a missing Authorization header answers MissingAuthenticationTokenException once body and target are valid', async () => {
    const headers = { 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStreams' };
    const missing = await post(headers, '{}');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe('{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}');
    // Body and target errors come first, as on AWS.
    expect(await (await post(headers, '[')).text()).toBe('{"__type":"SerializationException"}');
    const unknown = await post({ ...headers, 'x-amz-target': 'Kinesis_20131202.Nope' }, '{}');
    expect(await unknown.text()).toBe('{"__type":"UnknownOperationException"}');
  });

  test('presigned query parameters stand in for the header; both at once are an InvalidSignatureException', async () => {
    const headers = { 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStreams' };
    const presigned = `${server.url}/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=c&X-Amz-Signature=s&X-Amz-SignedHeaders=host&X-Amz-Date=${AMZ_DATE}`;
    const init = (extra: Record<string, string>) =>
      ({ method: 'POST', headers: { ...headers, ...extra }, body: '{}', signal: AbortSignal.timeout(TIMEOUT_MS) }) as const;
    expect((await fetch(presigned, init({}))).status).toBe(200);
    const both = await fetch(presigned, init({ authorization: AUTH }));
    expect(both.status).toBe(400);
    expect(await both.text()).toBe(
      `{"__type":"InvalidSignatureException","message":"Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."}`,
    );
  });

  test('with an Origin, responses allow any origin and expose the AWS headers', async () => {
    const response = await call('ListStreams', {}, { origin: 'http://example.test' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date',
    );
    const plain = await call('ListStreams', {});
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('an OPTIONS preflight echoes the requested headers and method with a max age', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://example.test',
        'access-control-request-headers': 'x-amz-target,content-type',
        'access-control-request-method': 'POST',
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-amz-target,content-type');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-max-age')).toBe('172800');
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
    expect(await response.text()).toBe('');
  });

  test('OPTIONS without an Origin is an ordinary non-POST: 403', async () => {
    const response = await fetch(server.url, { method: 'OPTIONS', signal: AbortSignal.timeout(TIMEOUT_MS) });
    expect(response.status).toBe(403);
  });

  test(`a body over ${MAX_REQUEST_BYTES} bytes answers 413 and the server keeps serving`, async () => {
    const tooBig = new Uint8Array(MAX_REQUEST_BYTES + 1);
    const response = await post({ 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.PutRecords' }, tooBig);
    expect(response.status).toBe(413);
    expect((await call('ListStreams', {})).status).toBe(200);
  });

  test('an engine bug answers 500 InternalFailure and is logged to stderr once', async () => {
    const broken = new Kinesis();
    const bug = new TypeError('engine bug');
    broken.listStreams = () => {
      throw bug;
    };
    const other = await startHttpServer(broken);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await fetch(other.url, {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: AUTH, 'x-amz-date': AMZ_DATE },
        body: '{}',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"__type":"InternalFailure"}');
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]).toContain(bug);
    } finally {
      log.mockRestore();
      await other.close();
    }
  });
});
