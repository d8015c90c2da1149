// SubscribeToShard over real sockets to kinesim/http, with real clients: a lifion-kinesis-style raw HTTP/1.1
// request (status, content type, chunked event-stream body, JSON error bodies), the AWS SDK v3 with its default
// handler (cleartext HTTP/2) reading a shard across a split by following ChildShards, and boto3's
// subscribe_to_shard (HTTP/1.1). The boto3 test is skipped, with the reason printed, when python3 cannot import boto3.
import { execFile, spawnSync } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  KinesisClient,
  PutRecordCommand,
  RegisterStreamConsumerCommand,
  SplitShardCommand,
  SubscribeToShardCommand,
  type SubscribeToShardEvent,
} from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, test } from 'vitest';
import type { EventMessage } from '../../src/encoding/event-stream.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { engine, Messages, post } from '../support/http-event-stream.js';
import { ACCOUNT, T0, arnOf, shardId } from '../support/stream-fixture.js';

const HALF = '170141183460469231731687303715884105728';
const MAX = '340282366920938463463374607431768211455';
const BOTO3_SCRIPT = fileURLToPath(new URL('../support/boto3-subscribe.py', import.meta.url));
const utf8 = new TextEncoder();

const headersOf = (message: EventMessage) => Object.fromEntries(Object.entries(message.headers).map(([name, h]) => [name, h.value]));
const payloadOf = (message: EventMessage) => JSON.parse(new TextDecoder().decode(message.payload));
const bodyOf = (response: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    response.on('end', () => resolve(text));
  });

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { timeout: 20_000 }).status === 0;
if (!hasBoto3) console.log('subscribe-over-http.test.ts: the boto3 test is skipped, python3 cannot import boto3');

let server: KinesisHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('SubscribeToShard over HTTP', () => {
  test('a raw HTTP/1.1 request, as lifion-kinesis sends it: a chunked event stream, and JSON error bodies', async () => {
    const { clock, kinesis, consumerArn } = engine();
    server = await startHttpServer(kinesis);
    const written = kinesis.putRecord({ StreamName: 's', Data: utf8.encode('one'), PartitionKey: 'k' });
    const input = { ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } };
    const { response } = await post(server.url, 'SubscribeToShard', input);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    const messages = new Messages(response);
    expect(headersOf((await messages.next())!)[':event-type']).toBe('initial-response');
    const first = payloadOf((await messages.next())!);
    expect(first.Records).toEqual([{ SequenceNumber: written.SequenceNumber, ApproximateArrivalTimestamp: T0 / 1000, Data: 'b25l', PartitionKey: 'k' }]);
    clock.advance(10);
    kinesis.putRecord({ StreamName: 's', Data: utf8.encode('two'), PartitionKey: 'k' });
    expect(payloadOf((await messages.next())!).Records.map((r: { Data: string }) => r.Data)).toEqual(['dHdv']);

    const refused = (await post(server.url, 'SubscribeToShard', input)).response;
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toBe('application/x-amz-json-1.1');
    const inUse = `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app`;
    expect(JSON.parse(await bodyOf(refused))).toEqual({ __type: 'ResourceInUseException', message: inUse });

    clock.advance(5000);
    const taker = await post(server.url, 'SubscribeToShard', input);
    const ended = [];
    for (let message = await messages.next(); message !== undefined; message = await messages.next()) ended.push(message);
    const last = ended.at(-1)!;
    expect(headersOf(last)).toMatchObject({ ':message-type': 'exception', ':exception-type': 'ResourceInUseException' });
    expect(payloadOf(last)).toEqual({ message: inUse });
    taker.abort();
  });

  test('the AWS SDK v3 with its default handler (HTTP/2) reads a shard across a split, following ChildShards', async () => {
    const { clock, kinesis } = engine();
    server = await startHttpServer(kinesis);
    const client = new KinesisClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' }, maxAttempts: 1 });
    try {
      const { Consumer } = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arnOf('s'), ConsumerName: 'reader' }));
      const ConsumerARN = Consumer!.ConsumerARN!;
      const written: string[] = [];
      const put = async (text: string, ExplicitHashKey: string) => {
        clock.advance(10);
        await client.send(new PutRecordCommand({ StreamName: 's', Data: utf8.encode(text), PartitionKey: text, ExplicitHashKey }));
        written.push(text);
      };
      await put('before-low', '1');
      await put('before-high', MAX);
      const read: string[] = [];
      const texts = (event: SubscribeToShardEvent) => event.Records!.map((r) => new TextDecoder().decode(r.Data));
      // The parent: its records, then after the split its last event (ChildShards, no continuation) and the end.
      const parent = await client.send(new SubscribeToShardCommand({ ConsumerARN, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } }));
      const events = parent.EventStream![Symbol.asyncIterator]();
      read.push(...texts((await events.next()).value!.SubscribeToShardEvent!));
      await client.send(new SplitShardCommand({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF }));
      const last = (await events.next()).value!.SubscribeToShardEvent!;
      expect(last.ContinuationSequenceNumber).toBeUndefined();
      expect((await events.next()).done).toBe(true);
      // The children, each from TRIM_HORIZON, as KCL continues once a parent is done.
      for (const child of last.ChildShards!) {
        await put(`in ${child.ShardId}`, child.HashKeyRange!.StartingHashKey!);
        const subscription = await client.send(new SubscribeToShardCommand({ ConsumerARN, ShardId: child.ShardId!, StartingPosition: { Type: 'TRIM_HORIZON' } }));
        const childEvents = subscription.EventStream![Symbol.asyncIterator]();
        read.push(...texts((await childEvents.next()).value!.SubscribeToShardEvent!));
      }
      expect(last.ChildShards!.map((child: { ShardId?: string }) => child.ShardId)).toEqual([shardId(1), shardId(2)]);
      expect(read).toEqual(written);
    } finally {
      client.destroy();
    }
  });

  test.skipIf(!hasBoto3)("boto3's subscribe_to_shard (HTTP/1.1) reads to a closed shard's end, then gets ResourceInUseException", async () => {
    const { clock, kinesis, consumerArn } = engine();
    server = await startHttpServer(kinesis);
    const sequenceNumbers = ['a', 'b', 'c'].map((text) => {
      clock.advance(10);
      return kinesis.putRecord({ StreamName: 's', Data: utf8.encode(text), PartitionKey: text }).SequenceNumber;
    });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF });
    const url = server.url;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        'python3',
        [BOTO3_SCRIPT, url, consumerArn, shardId(0)],
        { timeout: 30_000, env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
        (error, out, stderr) => (error === null ? resolve(out) : reject(new Error(`${error.message}\n${stderr}`))),
      );
    });
    const result = JSON.parse(stdout);
    expect(result.status).toBe(200);
    expect(result.events).toEqual([
      {
        records: sequenceNumbers.map((seq, i) => [seq, [...utf8.encode('abc'[i]!)], 'abc'[i]]),
        continuation: null,
        millisBehindLatest: 0,
        childShards: [shardId(1), shardId(2)],
      },
    ]);
    expect(result.error).toEqual({ Code: 'ResourceInUseException', Message: `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app` });
  });
});
