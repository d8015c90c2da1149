// The JSON 1.1 codec (src/protocol): targets, request decoding, response and error bodies, the whole exchange.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InternalFailureException,
  Kinesis,
  ManualClock,
  ResourceNotFoundException,
  SerializationException,
} from '../../src/index.js';
import { decodeInput } from '../../src/protocol/json/decode-input.js';
import { decodeUtf8, decodeUtf8Manually } from '../../src/encoding/utf8-decode.js';
import { encodeError } from '../../src/protocol/json/encode-error.js';
import { encodeOutput as encodeOutputBytes } from '../../src/protocol/json/encode-output.js';

const encodeOutput = (output: unknown) => new TextDecoder().decode(encodeOutputBytes(output));
import type { WireResponse } from '../../src/protocol/wire-message.js';
import { WireProtocol } from '../../src/protocol/wire-protocol.js';
import { operationFromTarget } from '../../src/protocol/operation-target.js';
import { UnknownOperationException } from '../../src/protocol/protocol-errors.js';
import { OPERATIONS } from '../../src/operations/registry.js';

const utf8 = new TextEncoder();
const text = (response: WireResponse) => new TextDecoder().decode(response.body);

/** The error `run` throws, for asserting name and message together. */
function thrown(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
  }
  throw new Error('expected an error');
}

const serialization = (message: string) => ({ name: 'SerializationException', message });
const decode = (operation: Parameters<typeof decodeInput>[0], document: unknown) =>
  decodeInput(operation, JSON.stringify(document));

describe('operationFromTarget', () => {
  test('reads the operation after the Kinesis_20131202 prefix', () => {
    expect(operationFromTarget('Kinesis_20131202.PutRecord')).toBe('PutRecord');
  });

  test.each([
    ['a missing header', undefined],
    ['another service', 'DynamoDB_20120810.PutItem'],
    ['a misspelt operation', 'Kinesis_20131202.ListStream'],
    ['the wrong case', 'kinesis_20131202.ListStreams'],
    ['an operation not in the model', 'Kinesis_20131202.ListDeliveryStreams'],
    ['an inherited property name', 'Kinesis_20131202.constructor'],
    ["kinesim's own extension, which never travels", 'Kinesis_20131202.DescribeShardGraph'],
  ])('is UnknownOperationException without a message for %s', (_, target) => {
    expect(thrown(() => operationFromTarget(target))).toEqual({ name: 'UnknownOperationException', message: '' });
  });
});

describe('decodeInput: the body', () => {
  test.each([
    ['empty', ''],
    ['not JSON', '{"StreamName":'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"orders"'],
    ['malformed UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
    ['absent', undefined],
  ])('is SerializationException without a message when %s', (_, body) => {
    expect(thrown(() => decodeInput('ListStreams', body))).toEqual(serialization(''));
  });

  test('reads UTF-8 bytes and text alike', () => {
    const document = { StreamName: 'orders', PartitionKey: 'clé-🔑', Data: 'aGk=' };
    const expected = { StreamName: 'orders', PartitionKey: 'clé-🔑', Data: new Uint8Array([104, 105]) };
    expect(decodeInput('PutRecord', utf8.encode(JSON.stringify(document)))).toEqual(expected);
    expect(decodeInput('PutRecord', JSON.stringify(document))).toEqual(expected);
  });

  test('drops null and unknown members, keeps nulls inside lists for the validator to name', () => {
    expect(decode('DescribeStream', { StreamName: 'orders', Limit: null, Bogus: 1 })).toEqual({ StreamName: 'orders' });
    expect(decode('PutRecords', { StreamName: 's', Records: [null] })).toEqual({ StreamName: 's', Records: [null] });
  });

  test('keeps a "__proto__" tag key as a tag', () => {
    const input = decodeInput('AddTagsToStream', '{"StreamName":"s","Tags":{"__proto__":"x","a":"b"}}');
    const tags = input.Tags as Record<string, string>;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.entries(tags)).toEqual([
      ['__proto__', 'x'],
      ['a', 'b'],
    ]);
  });
});

describe('decodeInput: blobs', () => {
  test('decode standard padded base64 to bytes, nested ones too', () => {
    expect(decode('PutRecord', { Data: '+/8AAQ==' }).Data).toEqual(new Uint8Array([0xfb, 0xff, 0x00, 0x01]));
    const records = decode('PutRecords', { Records: [{ Data: '', PartitionKey: 'k' }] }).Records as { Data: Uint8Array }[];
    expect(records[0]!.Data).toEqual(new Uint8Array([]));
  });

  test.each([
    ['23456', "'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5"],
    ['=+/=', "'=+/=' can not be converted to a Blob: Invalid Base64 character: '='"],
    ['aGk*', "'aGk*' can not be converted to a Blob: Invalid Base64 character: '*'"],
    ['+/+=', "'+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected"],
  ])('reject %j with AWS text', (data, message) => {
    expect(thrown(() => decode('PutRecord', { Data: data }))).toEqual(serialization(message));
    expect(thrown(() => decode('PutRecords', { Records: [{ Data: data }] }))).toEqual(serialization(message));
  });
});

describe('decodeInput: timestamps and integers', () => {
  test('epoch seconds with millisecond precision become Dates, exponent notation included', () => {
    expect(decode('GetShardIterator', { Timestamp: 1459799926.48 }).Timestamp).toEqual(new Date(1459799926480));
    expect(decodeInput('GetShardIterator', '{"Timestamp":1.441215410867E9}').Timestamp).toEqual(new Date(1441215410867));
    expect(decode('GetShardIterator', { Timestamp: 1459799926.479 }).Timestamp).toEqual(new Date(1459799926479));
    expect(decode('ListShards', { ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: 0 } }).ShardFilter).toEqual({
      Type: 'AT_TIMESTAMP',
      Timestamp: new Date(0),
    });
  });

  test('integers are floored and saturate at int32', () => {
    expect(decode('CreateStream', { ShardCount: 2.9 }).ShardCount).toBe(2);
    expect(decode('CreateStream', { ShardCount: 100000000000 }).ShardCount).toBe(2147483647);
  });
});

describe('decodeInput: wrong JSON types are SerializationException with AWS text', () => {
  const NUMBER = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
  test.each([
    ['string got a boolean', 'DescribeStream', { StreamName: true }, 'class java.lang.Boolean can not be converted to an String'],
    ['string got a number', 'DescribeStream', { StreamName: 1 }, `${NUMBER} can not be converted to an String`],
    ['integer got a string', 'DescribeStream', { Limit: '1' }, 'class java.lang.String can not be converted to an Integer'],
    ['integer got a boolean', 'DescribeStream', { Limit: true }, 'class java.lang.Boolean can not be converted to an Integer'],
    ['boolean got a string', 'DeleteStream', { EnforceConsumerDeletion: '23' }, "'23' can not be converted to an Boolean"],
    ['boolean got a number', 'DeleteStream', { EnforceConsumerDeletion: 1 }, `${NUMBER} can not be converted to an Boolean`],
    ['blob got a boolean', 'PutRecord', { Data: false }, 'class java.lang.Boolean can not be converted to a Blob'],
    ['blob got a number', 'PutRecord', { Data: 5 }, `${NUMBER} can not be converted to a Blob`],
    ['timestamp got a string', 'GetShardIterator', { Timestamp: '2024' }, 'class java.lang.String can not be converted to milliseconds since epoch'],
    ['timestamp got a boolean', 'GetShardIterator', { Timestamp: true }, 'class java.lang.Boolean can not be converted to milliseconds since epoch'],
    ['scalar got a list', 'DescribeStream', { StreamName: [] }, 'Start of list found where not expected'],
    ['scalar got an object', 'DescribeStream', { StreamName: {} }, 'Start of structure or map found where not expected.'],
    ['list got a scalar', 'PutRecords', { Records: 'x' }, 'Expected list or null'],
    ['list got an object', 'PutRecords', { Records: {} }, 'Start of structure or map found where not expected.'],
    ['map got a scalar', 'AddTagsToStream', { Tags: 'x' }, 'Expected map or null'],
    ['map got a list', 'AddTagsToStream', { Tags: [] }, 'Start of list found where not expected'],
    ['structure got a scalar', 'ListShards', { ShardFilter: 1 }, 'Expected null'],
    ['structure got a list', 'ListShards', { ShardFilter: [] }, 'Start of list found where not expected'],
    ['list element of the wrong type', 'RemoveTagsFromStream', { TagKeys: [1] }, `${NUMBER} can not be converted to an String`],
    ['map value of the wrong type', 'AddTagsToStream', { Tags: { a: 1 } }, `${NUMBER} can not be converted to an String`],
  ] as const)('%s', (_, operation, document, message) => {
    expect(thrown(() => decode(operation, document))).toEqual(serialization(message));
  });
});

describe('decodeUtf8', () => {
  const native = new TextDecoder();
  // Code points drawn evenly from the 1-, 2-, 3- and 4-byte ranges (fc's 'binary' strings are slow to build).
  const codePoint = fc.oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  );
  const anyString = fc.array(codePoint, { maxLength: 24 }).map((points) => String.fromCodePoint(...points));

  test('the fallback decoder agrees with TextDecoder on any string', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const bytes = utf8.encode(s);
        expect(decodeUtf8Manually(bytes, true)).toBe(native.decode(bytes));
      }),
    );
  });

  test('the fallback decoder refuses exactly what a fatal TextDecoder refuses', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(decodeUtf8Manually(bytes, true)).toBe(expected);
        expect(decodeUtf8(bytes)).toBe(expected);
      }),
    );
  });

  test.each([
    ['an overlong encoding', [0xc0, 0x80]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('refuses %s', (_, bytes) => {
    expect(decodeUtf8Manually(new Uint8Array(bytes), true)).toBeUndefined();
  });
});

describe('encodeOutput', () => {
  test('writes blobs as base64 and Dates as epoch seconds with milliseconds', () => {
    const output = {
      Records: [{ Data: new Uint8Array([0xfb, 0xff]), ApproximateArrivalTimestamp: new Date(1459799926480) }],
      MillisBehindLatest: 0,
    };
    expect(encodeOutput(output)).toBe('{"Records":[{"Data":"+/8=","ApproximateArrivalTimestamp":1459799926.48}],"MillisBehindLatest":0}');
  });

  test('writes a Node Buffer as base64, not as its toJSON form', () => {
    expect(encodeOutput({ Data: Buffer.from('hi') })).toBe('{"Data":"aGk="}');
  });

  test('omits undefined members and answers an empty body for an empty output', () => {
    expect(encodeOutput({ ShardIterator: undefined, NextToken: 'n' })).toBe('{"NextToken":"n"}');
    expect(encodeOutput({})).toBe('');
    expect(encodeOutput(undefined)).toBe('');
  });
});

describe('encodeError', () => {
  test('writes __type and message', () => {
    expect(encodeError(new ResourceNotFoundException('Stream s under account 000000000000 not found.'))).toBe(
      '{"__type":"ResourceNotFoundException","message":"Stream s under account 000000000000 not found."}',
    );
  });

  test('spells it "Message" for SerializationException', () => {
    expect(encodeError(new SerializationException('Expected null'))).toBe('{"__type":"SerializationException","Message":"Expected null"}');
  });

  test('has no message member when the error has no text', () => {
    expect(encodeError(new UnknownOperationException())).toBe('{"__type":"UnknownOperationException"}');
    expect(encodeError(new SerializationException(''))).toBe('{"__type":"SerializationException"}');
  });
});

describe('WireProtocol.handle', () => {
  const request = (operation: string, body: unknown) => ({
    target: `Kinesis_20131202.${operation}`,
    body: utf8.encode(JSON.stringify(body)),
  });

  test('answers 200 with JSON headers and an empty body for a no-output operation', () => {
    const response = new WireProtocol(new Kinesis()).handle(request('CreateStream', { StreamName: 's', ShardCount: 1 }));
    expect(response.statusCode).toBe(200);
    expect(response.body.byteLength).toBe(0);
    expect(response.headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      'content-length': '0',
      'x-amzn-requestid': '00000000-0000-4000-8000-000000000001',
    });
  });

  test('answers the output as UTF-8 JSON with its byte length', () => {
    const protocol = new WireProtocol(new Kinesis({ clock: new ManualClock(1_700_000_000_123) }));
    protocol.handle(request('CreateStream', { StreamName: 'flux', ShardCount: 1 }));
    const response = protocol.handle(request('DescribeStreamSummary', { StreamName: 'flux' }));
    const body = JSON.parse(text(response));
    expect(body.StreamDescriptionSummary).toMatchObject({ StreamName: 'flux', StreamStatus: 'ACTIVE', OpenShardCount: 1 });
    expect(typeof body.StreamDescriptionSummary.StreamCreationTimestamp).toBe('number');
    expect(response.headers['content-length']).toBe(String(response.body.byteLength));
  });

  test('counts request IDs per protocol instance, so runs are reproducible', () => {
    const ids = (protocol: WireProtocol) =>
      [1, 2, 3].map(() => protocol.handle(request('ListStreams', {})).headers['x-amzn-requestid']);
    const first = ids(new WireProtocol(new Kinesis()));
    expect(first).toEqual(ids(new WireProtocol(new Kinesis())));
    expect(first[2]).toBe('00000000-0000-4000-8000-000000000003');
  });

  test('answers an AWS error with its status, body and x-amzn-ErrorType', () => {
    const response = new WireProtocol(new Kinesis()).handle(request('DescribeStream', { StreamName: 'nope' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(text(response))).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'Stream nope under account 000000000000 not found.',
    });
  });

  test('answers a protocol error before running anything', () => {
    const protocol = new WireProtocol(new Kinesis());
    const unknown = protocol.handle({ target: 'Kinesis_20131202.Nope', body: '{}' });
    expect([unknown.statusCode, text(unknown)]).toEqual([400, '{"__type":"UnknownOperationException"}']);
    const empty = protocol.handle({ target: 'Kinesis_20131202.CreateStream', body: '' });
    expect([empty.statusCode, text(empty)]).toEqual([400, '{"__type":"SerializationException"}']);
  });

  test('answers 500 for InternalFailureException', () => {
    const kinesis = new Kinesis();
    Object.defineProperty(kinesis, 'listStreams', {
      value: () => {
        throw new InternalFailureException('Internal service failure.');
      },
    });
    const response = new WireProtocol(kinesis).handle(request('ListStreams', {}));
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(text(response))).toEqual({ __type: 'InternalFailureException', message: 'Internal service failure.' });
  });

  test('rethrows errors that are not AWS errors: engine bugs surface', () => {
    const kinesis = new Kinesis();
    const bug = new TypeError('kinesim bug');
    Object.defineProperty(kinesis, 'listStreams', {
      value: () => {
        throw bug;
      },
    });
    expect(() => new WireProtocol(kinesis).handle(request('ListStreams', {}))).toThrow(bug);
  });

  test('decides per call whether the engine serves an operation', () => {
    const kinesis = new Kinesis();
    const protocol = new WireProtocol(kinesis);
    Object.defineProperty(kinesis, 'listStreams', { value: 'not a method', configurable: true });
    expect(JSON.parse(text(protocol.handle(request('ListStreams', {}))))).toEqual({
      __type: 'UnknownOperationException',
      message: 'kinesim does not serve the operation ListStreams (X-Amz-Target: Kinesis_20131202.ListStreams).',
    });
    delete (kinesis as unknown as Record<string, unknown>).listStreams;
    expect(protocol.handle(request('ListStreams', {})).statusCode).toBe(200);
  });

  test.each(Object.entries(OPERATIONS).filter(([, entry]) => entry.exposure === 'aws' && entry.method === undefined).map(([name]) => name))(
    'answers the AWS operation %s, which it does not serve, with a message naming it',
    (operation) => {
      const response = new WireProtocol(new Kinesis()).handle(request(operation, {}));
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(text(response))).toEqual({
        __type: 'UnknownOperationException',
        message: `kinesim does not serve the operation ${operation} (X-Amz-Target: Kinesis_20131202.${operation}).`,
      });
    },
  );

  test('keeps AWS\'s bare answer for a target that names no AWS operation', () => {
    const protocol = new WireProtocol(new Kinesis());
    for (const target of ['Kinesis_20131202.ListStream', 'Kinesis_20131202.DescribeShardGraph', 'Firehose_20150804.ListStreams']) {
      expect(text(protocol.handle({ target, body: '{}' }))).toBe('{"__type":"UnknownOperationException"}');
    }
  });
});

describe('WireProtocol.handleHttp', () => {
  const JSON_TYPE = 'application/x-amz-json-1.1';
  const AUTH = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00';
  const http = (headers: Record<string, string>, body = '{}', method = 'POST', url = '/') => ({
    method,
    url,
    headers,
    body: utf8.encode(body),
  });
  const listStreams = { 'content-type': JSON_TYPE, 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: AUTH };

  test('gives every answer, the edge\'s own and the operations\', the next request ID of one sequence', () => {
    const protocol = new WireProtocol(new Kinesis());
    const ids = [
      protocol.handleHttp(http(listStreams)),
      protocol.handleHttp(http({}, '', 'GET')),
      protocol.handle({ target: 'Kinesis_20131202.ListStreams', body: '{}' }),
      protocol.payloadTooLarge(),
      protocol.internalFailure(),
    ].map((response) => response.headers['x-amzn-requestid']);
    expect(ids).toEqual([1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`));
  });

  test('answers 413 with an empty body, and 500 with the body AWS sends for its own failures', () => {
    const protocol = new WireProtocol(new Kinesis());
    const tooLarge = protocol.payloadTooLarge();
    expect([tooLarge.statusCode, tooLarge.headers['content-length'], tooLarge.body.byteLength]).toEqual([413, '0', 0]);
    const failure = protocol.internalFailure();
    expect([failure.statusCode, text(failure), failure.headers['x-amzn-errortype']]).toEqual([500, '{"__type":"InternalFailure"}', 'InternalFailure']);
    expect(failure.headers['content-type']).toBe(JSON_TYPE);
  });

  test('reads the presigned X-Amz-Algorithm parameter as URLSearchParams does: escapes decoded, malformed ones kept', () => {
    const protocol = new WireProtocol(new Kinesis());
    const both = (url: string) => text(protocol.handleHttp(http(listStreams, '{}', 'POST', url)));
    const invalidSignature = expect.stringContaining('InvalidSignatureException');
    expect(both('/?X-Amz-Algorithm=AWS4-HMAC-SHA256')).toEqual(invalidSignature);
    expect(both('/?a=1&X%2DAmz%2DAlgorithm&b')).toEqual(invalidSignature);
    expect(both('/?X-Amz-Algorithm%=x')).not.toEqual(invalidSignature);
    expect(both('/?X-Amz-Algorithmx=1')).not.toEqual(invalidSignature);
    expect(both('/X-Amz-Algorithm')).not.toEqual(invalidSignature);
  });

  test('reads an application/json body as a default TextDecoder would: malformed bytes replaced, a BOM dropped', () => {
    const protocol = new WireProtocol(new Kinesis());
    const coral = (body: Uint8Array) =>
      protocol.handleHttp({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body }).statusCode;
    expect(coral(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode('{}')]))).toBe(404);
    expect(coral(new Uint8Array([...utf8.encode('{"a":"'), 0xff, ...utf8.encode('"}')]))).toBe(404);
    expect(coral(utf8.encode('{'))).toBe(400);
  });
});

