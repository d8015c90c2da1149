// SubscribeToShardCommand through kinesim/aws-sdk: what only the SDK path shows. Refusals are the SDK's exception
// classes with HTTP 400; the EventStream yields the SDK's shapes and throws an exception event as the SDK's class;
// an abort signal ends a stream; a real clock wakes the stream with no ManualClock (engine calls and timers).
import {
  KinesisServiceException,
  ResourceInUseException,
  ResourceNotFoundException,
  SubscribeToShardCommand,
  type SubscribeToShardCommandInput,
} from '@aws-sdk/client-kinesis';
import { describe, expect, test } from 'vitest';
import { Kinesis, SystemClock, type KinesisOptions } from '../../src/index.js';
import { engine, sdkClient } from './drivers.js';

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';
const SHARD_0 = 'shardId-000000000000';

function setup(options: KinesisOptions = {}) {
  const { kinesis, clock } = engine(options);
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: STREAM_ARN, ConsumerName: 'app' }).Consumer.ConsumerARN;
  const client = sdkClient(kinesis);
  const input = (Type: 'LATEST' | 'TRIM_HORIZON' = 'LATEST'): SubscribeToShardCommandInput => ({
    ConsumerARN: consumerArn,
    ShardId: SHARD_0,
    StartingPosition: { Type },
  });
  return { kinesis, clock, client, consumerArn, input };
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('SubscribeToShardCommand', () => {
  test('refusals reject send() with the SDK exception classes, HTTP 400', async () => {
    const { client, input, consumerArn } = setup();
    const missing = await rejection(client.send(new SubscribeToShardCommand({ ...input(), ShardId: 'shardId-000000000009' })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata.httpStatusCode).toBe(400);
    await client.send(new SubscribeToShardCommand(input()));
    const second = await rejection(client.send(new SubscribeToShardCommand(input())));
    expect(second).toBeInstanceOf(ResourceInUseException);
    expect(second.message).toBe(`Another active subscription exists for this consumer: 000000000000:s:${SHARD_0}:app`);
    expect(consumerArn).toMatch(/consumer\/app:/);
  });

  test('send() resolves with HTTP 200 and an EventStream of SDK-shaped events', async () => {
    const { kinesis, client, input } = setup();
    const written = kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1, 2, 3]), PartitionKey: 'k' });
    const output = await client.send(new SubscribeToShardCommand(input('TRIM_HORIZON')));
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    const iterator = output.EventStream![Symbol.asyncIterator]();
    const { value } = await iterator.next();
    expect(value).toEqual({
      SubscribeToShardEvent: {
        Records: [{ SequenceNumber: written.SequenceNumber, ApproximateArrivalTimestamp: expect.any(Date), Data: new Uint8Array([1, 2, 3]), PartitionKey: 'k' }],
        ContinuationSequenceNumber: written.SequenceNumber,
        MillisBehindLatest: 0,
      },
    });
  });

  test('an exception event is thrown as the SDK exception class', async () => {
    const { kinesis, clock, client, input } = setup();
    const output = await client.send(new SubscribeToShardCommand(input()));
    const iterator = output.EventStream![Symbol.asyncIterator]();
    await iterator.next();
    clock.advance(5000);
    kinesis.subscribeToShard(input() as never);
    const error = await rejection(iterator.next());
    expect(error).toBeInstanceOf(ResourceInUseException);
    expect(error).toBeInstanceOf(KinesisServiceException);
    expect(error.$fault).toBe('client');
    expect(error.message).toBe(`Another active subscription exists for this consumer: 000000000000:s:${SHARD_0}:app`);
  });

  test('an abort signal ends the stream and the subscription (the SDK leaves the body open when a loop breaks)', async () => {
    const { client, clock, input } = setup();
    const controller = new AbortController();
    const output = await client.send(new SubscribeToShardCommand(input()), { abortSignal: controller.signal });
    const iterator = output.EventStream![Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    clock.advance(5000);
    await client.send(new SubscribeToShardCommand(input()));
  });

  test('on the system clock, a waiting stream wakes when records are written, with no ManualClock', async () => {
    const kinesis = new Kinesis({ clock: new SystemClock() });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const consumerArn = kinesis.registerStreamConsumer({ StreamARN: STREAM_ARN, ConsumerName: 'app' }).Consumer.ConsumerARN;
    const client = sdkClient(kinesis);
    const output = await client.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: SHARD_0, StartingPosition: { Type: 'LATEST' } }));
    const iterator = output.EventStream![Symbol.asyncIterator]();
    await iterator.next();
    setTimeout(() => kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([9]), PartitionKey: 'k' }), 20);
    const { value } = await iterator.next();
    expect(value!.SubscribeToShardEvent!.Records!.map((record: { Data?: Uint8Array }) => [...record.Data!])).toEqual([[9]]);
  });
});

describe('SystemClock.wakeAt', () => {
  test('calls back once the wall clock reaches the time, through the host timer, unless cancelled', async () => {
    const clock = new SystemClock();
    const atMs = clock.now() + 30;
    const woken = new Promise<number>((resolve) => clock.wakeAt(atMs, () => resolve(clock.now())));
    let cancelledCalls = 0;
    clock.wakeAt(atMs, () => cancelledCalls++)();
    expect(await woken).toBeGreaterThanOrEqual(atMs);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelledCalls).toBe(0);
  });
});
