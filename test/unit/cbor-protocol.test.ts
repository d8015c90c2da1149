// The CBOR 1.1 codec (src/protocol/cbor): requests as the AWS SDK for Java v2 lays them out, answers read back with
// cbor2 (an independent CBOR library), and the same operations through the JSON codec giving the same outputs.
import { decode as oracleDecode, encode as oracleEncode, Tag as OracleTag } from 'cbor2';
import { describe, expect, test } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { CBOR_CODEC, CBOR_CONTENT_TYPE } from '../../src/protocol/cbor/cbor-codec.js';
import { decodeInput } from '../../src/protocol/cbor/decode-input.js';
import { JSON_CODEC } from '../../src/protocol/json/json-codec.js';
import type { OperationName } from '../../src/operations/registry.js';
import type { WireResponse } from '../../src/protocol/wire-message.js';
import { WireProtocol } from '../../src/protocol/wire-protocol.js';
import { SerializationException } from '../../src/errors/kinesis-error.js';
import { UnknownOperationException } from '../../src/protocol/protocol-errors.js';

const T0 = Date.UTC(2024, 0, 1);
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';
const hex = (text: string) => Uint8Array.from(text.replace(/\s+/g, '').match(/../g)!.map((byte) => parseInt(byte, 16)));
const utf8 = new TextEncoder();

/** A CBOR text-string head and bytes, as Jackson writes keys and strings. */
function text(value: string): string {
  const bytes = utf8.encode(value);
  const head = bytes.length < 24 ? (0x60 + bytes.length).toString(16) : `78${bytes.length.toString(16).padStart(2, '0')}`;
  return head + Buffer.from(bytes).toString('hex');
}

function thrown(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
  }
  throw new Error('expected an error');
}

const decoded = (response: WireResponse) => oracleDecode(response.body, { ignoreGlobalTags: true }) as Record<string, any>;

describe('a request laid out exactly as the AWS SDK for Java v2 writes it', () => {
  // Jackson's CBOR generator: indefinite-length maps (bf ... ff), text keys, Data as a byte string, and the
  // timestamp as tag 1 around an 8-byte integer of epoch milliseconds (c1 1b ...).
  const putRecord = hex(`bf ${text('StreamName')}${text('orders')} ${text('Data')} 45 68656c6c6f ${text('PartitionKey')}${text('customer-7')} ff`);
  const atTimestamp = (ms: bigint) =>
    hex(
      `bf ${text('StreamName')}${text('orders')} ${text('ShardId')}${text('shardId-000000000000')} ` +
        `${text('ShardIteratorType')}${text('AT_TIMESTAMP')} ${text('Timestamp')} c1 1b ${ms.toString(16).padStart(16, '0')} ff`,
    );

  test('is decoded to the inputs the engine takes', () => {
    expect(decodeInput('PutRecord', putRecord)).toEqual({ StreamName: 'orders', Data: utf8.encode('hello'), PartitionKey: 'customer-7' });
    expect(decodeInput('GetShardIterator', hex('bf 69 54696d657374616d70 c1 1b 000001a013accc38 ff'))).toEqual({
      Timestamp: new Date(1787036486712),
    });
  });

  test('is answered in CBOR that cbor2 reads: byte strings, integer-millisecond timestamps', () => {
    const clock = new ManualClock(T0);
    const protocol = new WireProtocol(new Kinesis({ clock }));
    const headers = (operation: string) => ({
      'content-type': CBOR_CONTENT_TYPE,
      'x-amz-target': `Kinesis_20131202.${operation}`,
      authorization: AUTH,
      'x-amz-date': '20240101T000000Z',
    });
    const http = (operation: string, body: Uint8Array) => protocol.handleHttp({ method: 'POST', url: '/', headers: headers(operation), body });
    const created = http('CreateStream', oracleEncode({ StreamName: 'orders', ShardCount: 1 }));
    expect([created.statusCode, created.body.byteLength]).toEqual([200, 0]);
    clock.advance(1234);
    const put = http('PutRecord', putRecord);
    expect(put.statusCode).toBe(200);
    expect(put.headers['content-type']).toBe(CBOR_CONTENT_TYPE);
    expect(decoded(put)).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.stringMatching(/^\d{56}$/) });

    const iterator = http('GetShardIterator', atTimestamp(BigInt(T0)));
    const records = http('GetRecords', oracleEncode({ ShardIterator: decoded(iterator).ShardIterator }));
    const record = decoded(records).Records[0];
    expect(record.Data).toEqual(utf8.encode('hello'));
    expect(record.ApproximateArrivalTimestamp).toEqual(new OracleTag(1, T0 + 1234));
    // An integer, never a float: the Java SDK parses the value with Long.parseLong.
    const at = Buffer.from(records.body).indexOf(Buffer.from([0xc1]));
    expect(records.body[at + 1]).toBe(0x1b);
    expect(decoded(records).MillisBehindLatest).toBe(0);
  });
});

describe('decodeInput', () => {
  test('accepts timestamps tagged or bare, integer or fractional milliseconds, and 64-bit integers', () => {
    const at = (timestamp: unknown) => decodeInput('GetShardIterator', oracleEncode({ Timestamp: timestamp })).Timestamp;
    expect(at(new OracleTag(1, 1700000000123))).toEqual(new Date(1700000000123));
    expect(at(1700000000123)).toEqual(new Date(1700000000123));
    expect(at(1700000000123.4)).toEqual(new Date(1700000000123));
    expect(at(new OracleTag(1, 1700000000122.6))).toEqual(new Date(1700000000123));
  });

  test('floors integers and saturates them at int32, bigints included', () => {
    const count = (value: unknown) => decodeInput('CreateStream', oracleEncode({ ShardCount: value })).ShardCount;
    expect(count(2.9)).toBe(2);
    expect(count(100000000000)).toBe(2147483647);
    expect(count(2n ** 63n)).toBe(2147483647);
    expect(count(-(2n ** 63n))).toBe(-2147483648);
  });

  test('drops null, undefined and unknown members; keeps nulls in lists for the validator', () => {
    expect(decodeInput('DescribeStream', oracleEncode({ StreamName: 's', Limit: null, ExclusiveStartShardId: undefined, Bogus: 1 }))).toEqual({
      StreamName: 's',
    });
    expect(decodeInput('PutRecords', oracleEncode({ StreamName: 's', Records: [null] }))).toEqual({ StreamName: 's', Records: [null] });
  });

  test('keeps a "__proto__" tag key as a tag', () => {
    const tags = decodeInput('AddTagsToStream', oracleEncode({ StreamName: 's', Tags: new Map([['__proto__', 'x']]) })).Tags as object;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.entries(tags)).toEqual([['__proto__', 'x']]);
  });

  test.each([
    ['empty', new Uint8Array(0)],
    ['not CBOR', hex('bf 61')],
    ['an array', oracleEncode([])],
    ['a byte string', oracleEncode(new Uint8Array([1]))],
    ['a tag', oracleEncode(new OracleTag(1, 0))],
    ['a string body', 'text'],
  ])('is SerializationException without a message when the body is %s', (_, body) => {
    expect(thrown(() => decodeInput('ListStreams', body as Uint8Array))).toEqual({ name: 'SerializationException', message: '' });
  });

  const NUMBER = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
  const BYTES = 'class java.nio.HeapByteBuffer';
  test.each([
    ['string got bytes', 'DescribeStream', { StreamName: new Uint8Array([1]) }, `${BYTES} can not be converted to an String`],
    ['string got a number', 'DescribeStream', { StreamName: 1 }, `${NUMBER} can not be converted to an String`],
    ['integer got bytes', 'DescribeStream', { Limit: new Uint8Array([1]) }, `${BYTES} can not be converted to an Integer`],
    ['integer got a string', 'DescribeStream', { Limit: '1' }, 'class java.lang.String can not be converted to an Integer'],
    ['integer got NaN', 'DescribeStream', { Limit: Number.NaN }, 'class java.lang.String can not be converted to an Integer'],
    ['blob got a text string', 'PutRecord', { Data: 'aGk=' }, 'class java.lang.String can not be converted to a Blob'],
    ['blob got a number', 'PutRecord', { Data: 5 }, `${NUMBER} can not be converted to a Blob`],
    ['timestamp got a string', 'GetShardIterator', { Timestamp: '2024' }, 'class java.lang.String can not be converted to milliseconds since epoch'],
    ['timestamp got bytes', 'GetShardIterator', { Timestamp: new Uint8Array(8) }, `${BYTES} can not be converted to milliseconds since epoch`],
    ['timestamp got another tag', 'GetShardIterator', { Timestamp: new OracleTag(0, '2024-01-01T00:00:00Z') }, 'Start of structure or map found where not expected.'],
    ['boolean got a tag', 'DeleteStream', { EnforceConsumerDeletion: new OracleTag(7, 1) }, 'Start of structure or map found where not expected.'],
    ['list got a map', 'PutRecords', { Records: {} }, 'Start of structure or map found where not expected.'],
    ['map got a list', 'AddTagsToStream', { Tags: [] }, 'Start of list found where not expected'],
    ['structure got bytes', 'ListShards', { ShardFilter: new Uint8Array(1) }, 'Expected null'],
  ] as const)('%s: SerializationException with the JSON protocol text (adapted)', (_, operation, document, message) => {
    expect(thrown(() => decodeInput(operation as OperationName, oracleEncode(document)))).toEqual({ name: 'SerializationException', message });
  });
});

describe('outputs and errors', () => {
  test('error bodies are CBOR maps {__type, message}, Message for SerializationException, no member without text', () => {
    const error = (e: Error & { name: string }) => oracleDecode(CBOR_CODEC.encodeError(e as never));
    expect(error(new UnknownOperationException())).toEqual({ __type: 'UnknownOperationException' });
    expect(error(new SerializationException('Expected null'))).toEqual({ __type: 'SerializationException', Message: 'Expected null' });
    const protocol = new WireProtocol(new Kinesis());
    const missing = protocol.handle({ target: 'Kinesis_20131202.DescribeStream', body: oracleEncode({ StreamName: 'x' }), codec: CBOR_CODEC });
    expect([missing.statusCode, missing.headers['content-type'], missing.headers['x-amzn-errortype']]).toEqual([400, CBOR_CONTENT_TYPE, 'ResourceNotFoundException']);
    expect(decoded(missing)).toEqual({ __type: 'ResourceNotFoundException', message: 'Stream x under account 000000000000 not found.' });
  });

  test('isDocument is true for a CBOR map only', () => {
    expect(CBOR_CODEC.isDocument(oracleEncode({}))).toBe(true);
    expect(CBOR_CODEC.isDocument(oracleEncode([1]))).toBe(false);
    expect(CBOR_CODEC.isDocument(utf8.encode('{}'))).toBe(false);
  });
});

describe('the same operations through CBOR and JSON', () => {
  /** A JSON answer in CBOR's vocabulary: base64 blobs as bytes and second timestamps as tag 1 milliseconds. */
  function fromJson(value: unknown, key = ''): unknown {
    if (Array.isArray(value)) return value.map((element) => fromJson(element));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, fromJson(member, name)]));
    }
    if (key === 'Data' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
    if (/Timestamp$/.test(key) && typeof value === 'number') return new OracleTag(1, Math.round(value * 1000));
    return value;
  }

  const SCRIPT: [OperationName, Record<string, unknown>][] = [
    ['CreateStream', { StreamName: 'both', ShardCount: 2 }],
    ['PutRecords', { StreamName: 'both', Records: [0, 1, 2, 3, 4].map((i) => ({ Data: new Uint8Array([i, 255 - i]), PartitionKey: `key-${i}` })) }],
    ['PutRecord', { StreamName: 'both', Data: new Uint8Array(0), PartitionKey: 'empty', ExplicitHashKey: '0' }],
    ['DescribeStream', { StreamName: 'both' }],
    ['ListShards', { StreamName: 'both' }],
    ['AddTagsToStream', { StreamName: 'both', Tags: { team: 'data' } }],
    ['ListTagsForStream', { StreamName: 'both' }],
    ['SplitShard', { StreamName: 'both', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }],
    ['DescribeStreamSummary', { StreamName: 'both' }],
    ['DescribeStream', { StreamName: 'missing' }],
    ['ListStreams', {}],
    ['DescribeLimits', {}],
  ];

  test('give the same outputs and errors, member for member', () => {
    const run = (codec: typeof CBOR_CODEC, encode: (input: unknown) => Uint8Array, read: (response: WireResponse) => unknown) => {
      const clock = new ManualClock(T0);
      const protocol = new WireProtocol(new Kinesis({ clock }));
      const answers = SCRIPT.map(([operation, input]) => {
        clock.advance(1001);
        const response = protocol.handle({ target: `Kinesis_20131202.${operation}`, body: encode(input), codec });
        return { status: response.statusCode, body: response.body.byteLength === 0 ? undefined : read(response) };
      });
      // Reads back what was written, through each codec: GetShardIterator then GetRecords on every shard.
      for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
        const iterator = read(protocol.handle({ target: 'Kinesis_20131202.GetShardIterator', body: encode({ StreamName: 'both', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }), codec })) as { ShardIterator: string };
        const records = protocol.handle({ target: 'Kinesis_20131202.GetRecords', body: encode({ ShardIterator: iterator.ShardIterator }), codec });
        answers.push({ status: records.statusCode, body: read(records) });
      }
      return answers;
    };
    const jsonBody = (input: unknown) =>
      utf8.encode(JSON.stringify(input, (_, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value)));
    const viaJson = run(JSON_CODEC, jsonBody, (response) => fromJson(JSON.parse(new TextDecoder().decode(response.body))));
    const viaCbor = run(CBOR_CODEC, (input) => oracleEncode(input), decoded);
    expect(viaCbor).toEqual(viaJson);
    expect(viaCbor.filter((answer) => answer.status !== 200)).toHaveLength(1);
    const lastRead = viaCbor.at(-1)!.body as { Records: { Data: Uint8Array }[] };
    expect(lastRead.Records.length).toBeGreaterThan(0);
  });
});
