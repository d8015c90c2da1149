// SubscribeToShard on the wire (WireProtocol): refusals as ordinary error answers, then an event-stream answer
// whose body is pulled: the initial-response, SubscribeToShardEvent messages with payloads in the request's
// codec, an exception message when the subscription is taken over, the end after a closed shard's last event.
import { describe, expect, it } from 'vitest';
import { CborTag, decodeCbor, encodeCbor } from '../../src/encoding/cbor.js';
import { EventStreamDecoder, type EventMessage } from '../../src/encoding/event-stream.js';
import { Kinesis, ManualClock } from '../../src/index.js';
import type { Codec } from '../../src/protocol/codec.js';
import { EVENT_STREAM_MAX_MESSAGES_PER_PULL } from '../../src/protocol/event-stream-answer.js';
import { JSON_CODEC } from '../../src/protocol/json/json-codec.js';
import type { EventStreamBody, WireResponse } from '../../src/protocol/wire-message.js';
import { WireProtocol } from '../../src/protocol/wire-protocol.js';
import { ACCOUNT, T0, arnOf, shardId } from '../support/stream-fixture.js';

const utf8 = new TextEncoder();
const HALF = '170141183460469231731687303715884105728';

function setup() {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
  const protocol = new WireProtocol(kinesis);
  const subscribe = (position: object = { Type: 'TRIM_HORIZON' }, codec?: Codec): WireResponse =>
    protocol.handle({
      target: 'Kinesis_20131202.SubscribeToShard',
      body: JSON.stringify({ ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: position }),
      ...(codec === undefined ? {} : { codec }),
    });
  const put = (text: string) => kinesis.putRecord({ StreamName: 's', Data: utf8.encode(text), PartitionKey: 'k' });
  return { clock, kinesis, consumerArn, protocol, subscribe, put };
}

/** Pulls once and decodes the messages (checking every CRC on the way). */
function pull(events: EventStreamBody): { messages: EventMessage[]; done: boolean } {
  const { messages, done } = events.pull();
  const decoder = new EventStreamDecoder();
  return { messages: messages.flatMap((bytes) => decoder.push(bytes)), done };
}

/** Resolves the next time the body says a pull may find more. */
function ready(events: EventStreamBody): Promise<void> {
  return new Promise((resolve) => {
    const stop = events.onReady!(() => {
      stop();
      resolve();
    });
  });
}

const headersOf = (message: EventMessage) =>
  Object.fromEntries(Object.entries(message.headers).map(([name, header]) => [name, header.value]));
const json = (message: EventMessage) => JSON.parse(new TextDecoder().decode(message.payload));

describe('SubscribeToShard through WireProtocol', () => {
  it('refuses with an ordinary JSON error answer, no event stream', () => {
    const { subscribe } = setup();
    const answer = subscribe({ Type: 'LATEST', SequenceNumber: '1' });
    expect(answer.statusCode).toBe(400);
    expect(answer.events).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(new TextDecoder().decode(answer.body))).toEqual({
      __type: 'InvalidArgumentException',
      message: expect.stringContaining('Request specified LATEST and also a StartingSequenceNumber'),
    });
  });

  it('answers 200 with an event-stream head and no content-length, then the initial-response and the first event', () => {
    const { subscribe, put } = setup();
    const written = put('hello');
    const answer = subscribe();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['x-amzn-requestid']).toMatch(/^00000000-0000-4000-8000-\d{12}$/);
    expect(answer.body.byteLength).toBe(0);
    const { messages, done } = pull(answer.events!);
    expect(done).toBe(false);
    expect(messages.map(headersOf)).toEqual([
      { ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' },
      { ':message-type': 'event', ':event-type': 'SubscribeToShardEvent', ':content-type': 'application/json' },
    ]);
    expect(new TextDecoder().decode(messages[0]!.payload)).toBe('{}');
    expect(new TextDecoder().decode(messages[1]!.payload)).toBe(
      `{"Records":[{"SequenceNumber":"${written.SequenceNumber}","ApproximateArrivalTimestamp":${T0 / 1000},` +
        `"Data":"aGVsbG8=","PartitionKey":"k"}],"ContinuationSequenceNumber":"${written.SequenceNumber}","MillisBehindLatest":0}`,
    );
  });

  it('has nothing more until the engine has something; onReady says when', async () => {
    const { clock, subscribe, put } = setup();
    const events = subscribe().events!;
    pull(events);
    expect(pull(events)).toEqual({ messages: [], done: false });
    const afterPut = ready(events);
    put('a');
    await afterPut;
    expect(pull(events).messages.map(json).map((event) => event.Records.length)).toEqual([1]);
    const afterIdle = ready(events);
    clock.advance(5000);
    await afterIdle;
    expect(pull(events).messages.map(json)).toEqual([{ Records: [], ContinuationSequenceNumber: expect.any(String), MillisBehindLatest: 0 }]);
  });

  it('calls an onReady listener at most once between pulls, never from inside the call, until unregistered', async () => {
    const { subscribe, put } = setup();
    const events = subscribe().events!;
    let calls = 0;
    const stop = events.onReady!(() => calls++);
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
    pull(events);
    for (const text of ['a', 'b', 'c']) {
      put(text);
      await Promise.resolve();
    }
    expect(calls).toBe(2);
    expect(pull(events).messages).toHaveLength(1);
    stop();
    put('d');
    await Promise.resolve();
    expect(calls).toBe(2);
  });

  it('ends a subscription taken over with a ResourceInUseException exception message', () => {
    const { clock, subscribe } = setup();
    const events = subscribe().events!;
    pull(events);
    clock.advance(5000);
    expect(subscribe({ Type: 'LATEST' }).statusCode).toBe(200);
    const { messages, done } = pull(events);
    expect(done).toBe(true);
    const last = messages.at(-1)!;
    expect(headersOf(last)).toEqual({
      ':message-type': 'exception',
      ':exception-type': 'ResourceInUseException',
      ':content-type': 'application/json',
    });
    expect(json(last)).toEqual({ message: `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app` });
  });

  it("ends after a closed shard's last event, which has ChildShards and no ContinuationSequenceNumber", () => {
    const { kinesis, subscribe, put } = setup();
    put('a');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF });
    const { messages, done } = pull(subscribe().events!);
    expect(done).toBe(true);
    const event = json(messages[1]!);
    expect(Object.keys(event)).toEqual(['Records', 'MillisBehindLatest', 'ChildShards']);
    expect(event.ChildShards.map((child: { ShardId: string }) => child.ShardId)).toEqual([shardId(1), shardId(2)]);
  });

  it('hands a backlog over in bounded pulls, and nothing after cancel', () => {
    const { clock, subscribe, put } = setup();
    const events = subscribe({ Type: 'LATEST' }).events!;
    expect(pull(events).messages).toHaveLength(2);
    // One record per millisecond: one event each.
    for (let i = 0; i < 2 * EVENT_STREAM_MAX_MESSAGES_PER_PULL + 10; i++) {
      put(`r${i}`);
      clock.advance(1);
    }
    expect(pull(events).messages).toHaveLength(EVENT_STREAM_MAX_MESSAGES_PER_PULL);
    expect(pull(events).messages).toHaveLength(EVENT_STREAM_MAX_MESSAGES_PER_PULL);
    events.cancel();
    expect(pull(events)).toEqual({ messages: [], done: true });
  });

  it("writes payloads with the request's codec: a CBOR codec gets byte strings and tag-1 milliseconds", () => {
    const { subscribe, put } = setup();
    put('hi');
    const cborEvents: Codec = { ...JSON_CODEC, eventContentType: 'application/x-amz-cbor-1.1', encodeEvent: encodeCbor };
    const { messages } = pull(subscribe({ Type: 'TRIM_HORIZON' }, cborEvents).events!);
    expect(headersOf(messages[1]!)[':content-type']).toBe('application/x-amz-cbor-1.1');
    expect(decodeCbor(messages[0]!.payload)).toEqual({});
    const event = decodeCbor(messages[1]!.payload) as { Records: { Data: Uint8Array; ApproximateArrivalTimestamp: CborTag }[] };
    expect(event.Records[0]!.Data).toEqual(utf8.encode('hi'));
    expect(event.Records[0]!.ApproximateArrivalTimestamp).toEqual(new CborTag(1, T0));
  });

  it('is answered the same through the HTTP edge', () => {
    const { protocol, consumerArn, put } = setup();
    put('x');
    const answer = protocol.handleHttp({
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Kinesis_20131202.SubscribeToShard',
        'x-amz-date': '20240101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      },
      body: utf8.encode(JSON.stringify({ ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } })),
    });
    expect(answer.statusCode).toBe(200);
    expect(pull(answer.events!).messages.map((message) => headersOf(message)[':event-type'])).toEqual(['initial-response', 'SubscribeToShardEvent']);
  });
});

// CBOR clients (the AWS SDK for Java v2, KCL): the same events with CBOR payloads. Runs once the HTTP edge serves
// CBOR (its codec comes with the HTTP/2 server, branch net); skipped with the reason printed until then.
const CBOR_TYPE = 'application/x-amz-cbor-1.1';
const cborRequest = (protocol: WireProtocol, target: string, input: object) =>
  protocol.handleHttp({
    method: 'POST',
    url: '/',
    headers: {
      'content-type': CBOR_TYPE,
      'x-amz-target': `Kinesis_20131202.${target}`,
      'x-amz-date': '20240101T000000Z',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
    },
    body: encodeCbor(input),
  });
const servesCbor = cborRequest(new WireProtocol(new Kinesis()), 'ListStreams', {}).headers['content-type'] === CBOR_TYPE;
if (!servesCbor) console.log('subscribe-to-shard-wire.test.ts: CBOR tests skipped, the HTTP edge does not serve CBOR yet');

describe.skipIf(!servesCbor)('SubscribeToShard for a CBOR client', () => {
  it('answers refusals with CBOR error bodies and events with CBOR payloads: byte strings, tag-1 integer milliseconds', () => {
    const { protocol, consumerArn, put } = setup();
    const written = put('hi');
    const refused = cborRequest(protocol, 'SubscribeToShard', { ConsumerARN: consumerArn, ShardId: shardId(9), StartingPosition: { Type: 'LATEST' } });
    expect(refused.statusCode).toBe(400);
    expect(decodeCbor(refused.body)).toMatchObject({ __type: 'ResourceNotFoundException' });
    const answer = cborRequest(protocol, 'SubscribeToShard', { ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    const { messages } = pull(answer.events!);
    expect(messages.map((message) => headersOf(message)[':content-type'])).toEqual([CBOR_TYPE, CBOR_TYPE]);
    expect(decodeCbor(messages[0]!.payload)).toEqual({});
    expect(decodeCbor(messages[1]!.payload)).toEqual({
      Records: [{ SequenceNumber: written.SequenceNumber, ApproximateArrivalTimestamp: new CborTag(1, T0), Data: utf8.encode('hi'), PartitionKey: 'k' }],
      ContinuationSequenceNumber: written.SequenceNumber,
      MillisBehindLatest: 0,
    });
  });
});
