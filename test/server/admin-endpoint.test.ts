// kinesim's own endpoints on a running server (/_kinesim/faults, /history, /snapshot) and the transport faults
// only a server can apply (dropped connections, added latency), driven the way a test in another process would.

import { KinesisClient, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { execFile, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { answerAdminRequest } from '../../src/protocol/admin-endpoint.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { T0 } from '../support/stream-fixture.js';

let server: KinesisHttpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve() {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  server = await startHttpServer(kinesis);
  const client = new KinesisClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: new NodeHttpHandler(),
    retryStrategy: new ConfiguredRetryStrategy(3, () => 1),
  });
  return { kinesis, client, url: server.url };
}

async function admin(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/_kinesim/${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const type = response.headers.get('content-type');
  return { status: response.status, type, body: type === 'application/json' ? await response.json() : new Uint8Array(await response.arrayBuffer()) };
}

const put = (client: KinesisClient) => client.send(new PutRecordCommand({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([1]) }));

describe('/_kinesim/faults', () => {
  it('injects, lists and removes rules that fail the server\'s AWS calls', async () => {
    const { client, url } = await serve();
    expect(await admin(url, 'POST', 'faults', { operation: 'PutRecord', error: 'KMSThrottlingException' })).toEqual({ status: 200, type: 'application/json', body: { id: 1 } });
    expect((await admin(url, 'POST', 'faults', { operation: 'ListStreams', error: 'InternalFailure', count: 5 })).body).toEqual({ id: 2 });
    await expect(put(client)).rejects.toMatchObject({ name: 'KMSThrottlingException', $metadata: { httpStatusCode: 400, attempts: 1 } });
    await expect(client.send(new ListStreamsCommand({}))).rejects.toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect((await admin(url, 'GET', 'faults')).body).toEqual({
      rules: [
        { id: 1, rule: { operation: 'PutRecord', error: 'KMSThrottlingException' }, fired: 1 },
        { id: 2, rule: { operation: 'ListStreams', error: 'InternalFailure', count: 5 }, fired: 3 },
      ],
    });
    expect((await admin(url, 'DELETE', 'faults/1')).status).toBe(200);
    expect(await admin(url, 'DELETE', 'faults/1')).toMatchObject({ status: 404, body: { message: 'no fault rule 1 is in force' } });
    expect((await put(client)).ShardId).toBe('shardId-000000000000');
    expect((await admin(url, 'DELETE', 'faults')).status).toBe(200);
    expect((await client.send(new ListStreamsCommand({}))).StreamNames).toEqual(['s']);
  });

  it('answers 400 with the reason for a rule that could not work, and refuses other methods', async () => {
    const { url, kinesis } = await serve();
    expect(await admin(url, 'POST', 'faults', { error: 'Nope' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^fault rule error must be one of /) } });
    expect(await admin(url, 'POST', 'faults', 'not json')).toMatchObject({ status: 400, body: { message: 'the body must be a JSON object' } });
    expect(await admin(url, 'PUT', 'faults', {})).toMatchObject({ status: 405, body: { message: 'PUT is not allowed on /_kinesim/faults; use GET, POST, DELETE' } });
    expect(await admin(url, 'GET', 'faults/a/b')).toMatchObject({ status: 404 });
    expect(kinesis.faults.active).toBe(false);
  });
});

describe('/_kinesim/history and /_kinesim/snapshot', () => {
  it('records the server\'s calls on request and hands them out', async () => {
    const { client, url } = await serve();
    await put(client);
    expect((await admin(url, 'POST', 'history/start', { limit: 10 })).status).toBe(200);
    await put(client);
    await client.send(new ListStreamsCommand({}));
    const { body } = await admin(url, 'GET', 'history');
    expect(body).toEqual({
      recording: true,
      calls: [
        { operation: 'PutRecord', atMs: T0, streamName: 's', shardId: 'shardId-000000000000', outcome: 'ok', injected: false },
        { operation: 'ListStreams', atMs: T0, outcome: 'ok', injected: false },
      ],
    });
    await admin(url, 'POST', 'history/stop');
    await admin(url, 'POST', 'history/clear');
    expect((await admin(url, 'GET', 'history')).body).toEqual({ recording: false, calls: [] });
    expect(await admin(url, 'POST', 'history/start', { limit: -1 })).toMatchObject({ status: 400 });
  });

  it('hands out the engine\'s snapshot, which restores to the same engine', async () => {
    const { client, url, kinesis } = await serve();
    await put(client);
    const { status, type, body } = await admin(url, 'GET', 'snapshot');
    expect([status, type]).toEqual([200, 'application/octet-stream']);
    expect(Buffer.compare(body as Uint8Array, kinesis.snapshot())).toBe(0);
    const twin = Kinesis.restore(body as Uint8Array, { clock: new ManualClock(T0) });
    expect(twin.describeStreamSummary({ StreamName: 's' })).toEqual(kinesis.describeStreamSummary({ StreamName: 's' }));
  });

  it('leaves every other path, /_kinesim/ ones included, to the AWS edge', () => {
    const kinesis = new Kinesis();
    const request = (url: string) => ({ method: 'GET', url, headers: {}, body: new Uint8Array() });
    expect(answerAdminRequest(kinesis, request('/'))).toBeUndefined();
    expect(answerAdminRequest(kinesis, request('/_kinesim/health'))).toBeUndefined();
    expect(answerAdminRequest(kinesis, request('/_kinesim/faults?x=1'))?.statusCode).toBe(200);
  });
});

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { timeout: 10_000 }).status === 0;

// A Python test of the kind a user writes: faults injected over HTTP, boto3's default (legacy) retries at work.
const BOTO3_SCRIPT = `
import json, sys, urllib.request, boto3
url = sys.argv[1]
def inject(rule):
    urllib.request.urlopen(urllib.request.Request(url + '/_kinesim/faults', data=json.dumps(rule).encode(), method='POST')).read()
k = boto3.client('kinesis', endpoint_url=url, region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
inject({'operation': 'PutRecord', 'error': 'InternalFailure', 'count': 1})
inject({'operation': 'PutRecord', 'error': 'ProvisionedThroughputExceededException', 'count': 1})
put = k.put_record(StreamName='s', Data=b'x', PartitionKey='p')
inject({'operation': 'PutRecord', 'error': 'KMSThrottlingException', 'count': 1})
try:
    k.put_record(StreamName='s', Data=b'y', PartitionKey='p')
    kms = None
except k.exceptions.KMSThrottlingException as e:
    kms = [e.response['Error']['Code'], e.response['ResponseMetadata']['RetryAttempts']]
print(json.dumps({'attempts': put['ResponseMetadata']['RetryAttempts'], 'kms': kms}))
`;

describe('boto3 against a server with faults', () => {
  it.skipIf(!hasBoto3)('retries InternalFailure (500) and throttling (400), not KMSThrottlingException (skipped without boto3)', async () => {
    const { url, kinesis } = await serve();
    kinesis.history.start();
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('python3', ['-c', BOTO3_SCRIPT, url], {
        timeout: 30_000,
        env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_RETRY_MODE: 'legacy' },
      }, (error, out, err) => (error === null ? resolve(out) : reject(new Error(`${error.message}\n${err}`))));
    });
    expect(JSON.parse(stdout)).toEqual({ attempts: 2, kms: ['KMSThrottlingException', 0] });
    expect(kinesis.history.filter({ operation: 'PutRecord' }).map((c) => c.error ?? c.outcome)).toEqual([
      'InternalFailure', 'ProvisionedThroughputExceededException', 'ok', 'KMSThrottlingException',
    ]);
  });
});

describe('transport faults on a server', () => {
  it('drops the connection unanswered; the SDK retries it as a reset connection', async () => {
    const { client, kinesis } = await serve();
    kinesis.history.start();
    kinesis.faults.inject({ transport: 'drop', operation: 'PutRecord', count: 1 });
    const out = await put(client);
    expect(out.$metadata.attempts).toBe(2);
    expect(kinesis.history.count({ operation: 'PutRecord' })).toBe(1);
  });

  it('answers late by latencyMs', async () => {
    const { client, kinesis } = await serve();
    kinesis.faults.inject({ transport: 'latency', latencyMs: 300, operation: 'ListStreams' });
    const started = performance.now();
    await client.send(new ListStreamsCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
