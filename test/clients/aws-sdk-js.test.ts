// The AWS SDK for JavaScript against kinesim/http as users write it: v3's KinesisClient with its DEFAULT handler
// (cleartext HTTP/2 with prior knowledge, one session per request; no requestHandler option), and v2's Kinesis
// client (HTTP/1.1). Writes, reads, AWS errors, a paginator and a waiter.
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  InvalidArgumentException,
  KinesisClient,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  ResourceNotFoundException,
  paginateListStreams,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import AWS from 'aws-sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Kinesis } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer, type RequestLogEntry } from '../../src/server/http-server.js';
import { AWS_ENV } from './support.js';

let server: KinesisHttpServer;
const log: RequestLogEntry[] = [];
const credentials = { accessKeyId: AWS_ENV.AWS_ACCESS_KEY_ID!, secretAccessKey: AWS_ENV.AWS_SECRET_ACCESS_KEY! };

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
  server = await startHttpServer(new Kinesis(), { onRequest: (entry) => log.push(entry) });
});
afterAll(async () => {
  await server?.close();
});

describe('SDK v3 with its default request handler (HTTP/2, no options)', () => {
  const client = () => new KinesisClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });

  test('creates a stream, waits for it, writes in batches and reads everything back over HTTP/2', async () => {
    const kinesis = client();
    await kinesis.send(new CreateStreamCommand({ StreamName: 'v3', ShardCount: 3 }));
    const waited = await waitUntilStreamExists({ client: kinesis, maxWaitTime: 10, minDelay: 1 }, { StreamName: 'v3' });
    expect(waited.state).toBe('SUCCESS');
    const payloads = Array.from({ length: 1200 }, (_, i) => ({ Data: new TextEncoder().encode(`record-${i}`), PartitionKey: `k${i % 37}` }));
    for (let i = 0; i < payloads.length; i += 500) {
      const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'v3', Records: payloads.slice(i, i + 500) }));
      expect(out.FailedRecordCount).toBe(0);
    }
    const single = await kinesis.send(new PutRecordCommand({ StreamName: 'v3', PartitionKey: 'solo', Data: new Uint8Array([0, 255]) }));
    const seen: string[] = [];
    for (const shard of (await kinesis.send(new ListShardsCommand({ StreamName: 'v3' }))).Shards ?? []) {
      let iterator = (await kinesis.send(new GetShardIteratorCommand({ StreamName: 'v3', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (;;) {
        const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
        for (const record of page.Records ?? []) seen.push(record.SequenceNumber === single.SequenceNumber ? 'solo' : new TextDecoder().decode(record.Data));
        if ((page.Records ?? []).length === 0) break;
        iterator = page.NextShardIterator;
      }
    }
    expect(seen.sort()).toEqual([...payloads.map((p) => new TextDecoder().decode(p.Data)), 'solo'].sort());
    const names: string[] = [];
    for await (const page of paginateListStreams({ client: kinesis, pageSize: 1 }, {})) names.push(...(page.StreamNames ?? []));
    expect(names).toEqual(['v3']);
    kinesis.destroy();
    expect(log.filter((entry) => entry.operation === 'PutRecords').every((entry) => entry.protocol === 'HTTP/2')).toBe(true);
  });

  test('AWS errors arrive as the SDK\'s exception classes with AWS\'s messages', async () => {
    const kinesis = client();
    const missing = await kinesis.send(new DescribeStreamCommand({ StreamName: 'absent' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing).toMatchObject({ message: 'Stream absent under account 000000000000 not found.', $metadata: { httpStatusCode: 400 } });
    const badIterator = await kinesis.send(new GetRecordsCommand({ ShardIterator: 'AAAAAAAAAAE' + 'x'.repeat(20) })).catch((e: unknown) => e);
    expect(badIterator).toBeInstanceOf(InvalidArgumentException);
    const invalid = await kinesis.send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 1 })).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/^1 validation error detected: Value 'bad name!' at 'streamName'/) });
    kinesis.destroy();
  });
});

describe('SDK v2 (aws-sdk)', () => {
  test('writes, reads and gets AWS errors with their codes', async () => {
    const kinesis = new AWS.Kinesis({ endpoint: server.url, region: 'us-east-1', credentials, maxRetries: 0 });
    await kinesis.createStream({ StreamName: 'v2', ShardCount: 1 }).promise();
    await kinesis.waitFor('streamExists', { StreamName: 'v2', $waiter: { delay: 1, maxAttempts: 10 } }).promise();
    const put = await kinesis.putRecord({ StreamName: 'v2', PartitionKey: 'p', Data: Buffer.from('from v2') }).promise();
    const { ShardIterator } = await kinesis.getShardIterator({ StreamName: 'v2', ShardId: put.ShardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: put.SequenceNumber }).promise();
    const page = await kinesis.getRecords({ ShardIterator: ShardIterator! }).promise();
    expect(page.Records.map((r) => [r.SequenceNumber, Buffer.from(r.Data as Uint8Array).toString(), r.ApproximateArrivalTimestamp instanceof Date])).toEqual([
      [put.SequenceNumber, 'from v2', true],
    ]);
    const error = await kinesis.describeStream({ StreamName: 'absent' }).promise().catch((e: AWS.AWSError) => e);
    expect(error).toMatchObject({ code: 'ResourceNotFoundException', message: 'Stream absent under account 000000000000 not found.', statusCode: 400 });
    expect(log.filter((entry) => entry.operation === 'PutRecord').at(-1)?.protocol).toBe('HTTP/1.1');
  });
});
