// Requests laid out byte for byte as the AWS SDK for Java v2 sends them (its default for Kinesis: CBOR, over HTTP/1.1
// with the Apache client), written on a raw socket to kinesim/http; the answers read with cbor2.
import { decode as cborDecode, Tag } from 'cbor2';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';

const T0 = Date.UTC(2026, 0, 15, 12);
let server: KinesisHttpServer;
const clock = new ManualClock(T0);

beforeAll(async () => {
  server = await startHttpServer(new Kinesis({ clock }));
});
afterAll(async () => {
  await server?.close();
});

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
/** A CBOR text string as Jackson's CBOR generator writes it: the shortest head, then UTF-8. */
function text(value: string): string {
  const bytes = Buffer.from(value);
  const head = bytes.length < 24 ? (0x60 + bytes.length).toString(16) : `78${bytes.length.toString(16).padStart(2, '0')}`;
  return head + bytes.toString('hex');
}
/** An indefinite-length map (0xbf ... 0xff), as Jackson writes every structure. */
const map = (...members: string[]) => hex(`bf ${members.join(' ')} ff`);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request with the Java SDK's headers, on a fresh connection; the response as it came. */
function javaRequest(operation: string, body: Buffer): Promise<RawResponse> {
  const head = [
    'POST / HTTP/1.1',
    `Host: 127.0.0.1:${server.port}`,
    'amz-sdk-invocation-id: 6f2a6ad6-2a5b-5c1c-8e5e-1f6a5c0f4b11',
    'amz-sdk-request: attempt=1; max=4',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDJAVA/20260115/us-east-1/kinesis/aws4_request, ' +
      'SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-target, ' +
      'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    'Content-Type: application/x-amz-cbor-1.1',
    'User-Agent: aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.10+7 Java/17.0.10 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/legacy',
    'X-Amz-Date: 20260115T120000Z',
    `X-Amz-Target: Kinesis_20131202.${operation}`,
    `Content-Length: ${body.length}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: raw.subarray(split + 4) });
    });
    socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]));
  });
}

const decoded = (response: RawResponse) => cborDecode(response.body, { ignoreGlobalTags: true }) as Record<string, any>;

describe('the AWS SDK for Java v2, CBOR over HTTP/1.1', () => {
  test('CreateStream, PutRecord with a byte-string blob, GetShardIterator AT_TIMESTAMP with tag 1 milliseconds, GetRecords', async () => {
    const created = await javaRequest('CreateStream', map(text('StreamName'), text('java'), text('ShardCount'), '01'));
    expect([created.status, created.body.length]).toEqual([200, 0]);

    clock.advance(250);
    const put = await javaRequest('PutRecord', map(text('StreamName'), text('java'), text('Data'), '44 00 01 fe ff', text('PartitionKey'), text('device-42')));
    expect(put.status).toBe(200);
    expect(put.headers['content-type']).toBe('application/x-amz-cbor-1.1');
    expect(put.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(decoded(put)).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.stringMatching(/^\d{56}$/) });

    // SdkCborGenerator writes an Instant as tag 1 around its epoch milliseconds, an 8-byte integer: c1 1b ...
    const at = hex(`c1 1b ${T0.toString(16).padStart(16, '0')}`);
    const iterator = await javaRequest('GetShardIterator', Buffer.concat([
      map(text('StreamName'), text('java'), text('ShardId'), text('shardId-000000000000'), text('ShardIteratorType'), text('AT_TIMESTAMP')).subarray(0, -1),
      hex(text('Timestamp')), at, hex('ff'),
    ]));
    expect(iterator.status).toBe(200);
    const records = await javaRequest('GetRecords', map(text('ShardIterator'), text(decoded(iterator).ShardIterator), text('Limit'), '19 03e8'));
    const record = decoded(records).Records[0];
    expect(new Uint8Array(record.Data)).toEqual(new Uint8Array([0x00, 0x01, 0xfe, 0xff]));
    expect(record.PartitionKey).toBe('device-42');
    expect(record.ApproximateArrivalTimestamp).toEqual(new Tag(1, T0 + 250));
    // The Java SDK parses the tagged value with Long.parseLong: an integer head (0x1b), never a float (0xfb).
    expect(records.body[records.body.indexOf(0xc1) + 1]).toBe(0x1b);
  });

  test('errors come back as CBOR {__type, message} with their status and x-amzn-ErrorType', async () => {
    const missing = await javaRequest('DescribeStream', map(text('StreamName'), text('absent')));
    expect([missing.status, missing.headers['content-type'], missing.headers['x-amzn-errortype']]).toEqual([400, 'application/x-amz-cbor-1.1', 'ResourceNotFoundException']);
    expect(decoded(missing)).toEqual({ __type: 'ResourceNotFoundException', message: 'Stream absent under account 000000000000 not found.' });
    const wrongType = await javaRequest('DescribeStream', map(text('StreamName'), '43 616263'));
    expect(decoded(wrongType)).toEqual({ __type: 'SerializationException', Message: 'class java.nio.HeapByteBuffer can not be converted to an String' });
    const empty = await javaRequest('ListStreams', Buffer.alloc(0));
    expect([empty.status, empty.headers['content-type']]).toEqual([400, 'application/x-amz-cbor-1.1']);
    expect(decoded(empty)).toEqual({ __type: 'SerializationException' });
  });
});
