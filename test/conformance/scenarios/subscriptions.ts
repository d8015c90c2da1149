// SubscribeToShard as clients see it: the events of a subscription (records, idle events, a closed shard's end
// with ChildShards), the refusals before a stream starts, and the exceptions that end one early. Under the
// scenario's ManualClock, a read happens only when an event is due (or an engine call just made one due).
import { expect } from 'vitest';
import type { Events, Play, Read, Scenario } from '../scenario.js';
import { ACCOUNT } from '../../support/stream-fixture.js';

const STREAM_ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/orders`;
const SHARD_0 = 'shardId-000000000000';
const HALF = '170141183460469231731687303715884105728';
const MAX = '340282366920938463463374607431768211455';
const utf8 = new TextEncoder();

/** The stream 'orders' with one shard and an ACTIVE consumer 'app'; returns the consumer's ARN. */
async function streamWithConsumer({ ok, clock }: Play, consumerDelayMs = 0): Promise<string> {
  await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
  const { Consumer } = await ok('RegisterStreamConsumer', { StreamARN: STREAM_ARN, ConsumerName: 'app' });
  clock.advance(consumerDelayMs);
  return Consumer.ConsumerARN as string;
}

const texts = (read: Read) => {
  if (!('event' in read)) throw new Error(`expected an event, got ${JSON.stringify(read)}`);
  return (read.event.SubscribeToShardEvent.Records as { Data: Uint8Array }[]).map((r) => new TextDecoder().decode(r.Data));
};

/** Reads until the stream ends or fails; returns every read. */
async function readToEnd(events: Events): Promise<Read[]> {
  const reads: Read[] = [];
  for (;;) {
    const read = await events.read();
    reads.push(read);
    if (!('event' in read)) return reads;
  }
}

export const subscriptionScenarios: Scenario[] = [
  {
    name: 'SubscribeToShard reads a shard to its end after a split, then its children through ChildShards',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'PutRecord', 'SubscribeToShard', 'SplitShard'],
    options: { updateStreamDelayMs: 1000 },
    async run(play) {
      const { ok, clock, subscribe } = play;
      const consumerArn = await streamWithConsumer(play);
      const put = (text: string, ExplicitHashKey: string) =>
        ok('PutRecord', { StreamName: 'orders', Data: utf8.encode(text), PartitionKey: text, ExplicitHashKey });
      await put('a', '1');
      clock.advance(10);
      const parent = await subscribe({ ConsumerARN: consumerArn, ShardId: SHARD_0, StartingPosition: { Type: 'TRIM_HORIZON' } });
      const first = await parent.read();
      expect(texts(first)).toEqual(['a']);
      clock.advance(10);
      await put('b', MAX);
      expect(texts(await parent.read())).toEqual(['b']);
      await ok('SplitShard', { StreamName: 'orders', ShardToSplit: SHARD_0, NewStartingHashKey: HALF });
      clock.advance(1000);
      const last = await parent.read();
      expect(last).toMatchObject({ event: { SubscribeToShardEvent: { Records: [], MillisBehindLatest: 0 } } });
      const lastEvent = (last as { event: { SubscribeToShardEvent: Record<string, any> } }).event.SubscribeToShardEvent;
      expect(lastEvent.ContinuationSequenceNumber).toBeUndefined();
      expect(await parent.read()).toEqual({ end: true });
      const children = lastEvent.ChildShards as { ShardId: string; HashKeyRange: { StartingHashKey: string } }[];
      expect(children.map((child) => child.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
      for (const child of children) {
        clock.advance(10);
        await put(`in ${child.ShardId}`, child.HashKeyRange.StartingHashKey);
        const events = await subscribe({ ConsumerARN: consumerArn, ShardId: child.ShardId, StartingPosition: { Type: 'TRIM_HORIZON' } });
        expect(texts(await events.read())).toEqual([`in ${child.ShardId}`]);
        await events.close();
      }
    },
  },
  {
    name: 'SubscribeToShard refusals come before any event: consumer not ACTIVE, unknown shard, bad position, a second call within 5 s',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'SubscribeToShard'],
    options: { consumerDelayMs: 1000 },
    async run(play) {
      const { fails, clock, subscribe } = play;
      const consumerArn = await streamWithConsumer(play);
      const input = (ShardId: string, StartingPosition: object = { Type: 'LATEST' }) => ({ ConsumerARN: consumerArn, ShardId, StartingPosition });
      const createdSecs = Math.floor(clock.now() / 1000);
      expect(await fails('SubscribeToShard', input(SHARD_0))).toEqual({
        name: 'ResourceInUseException',
        message: `Consumer app with creation timestamp ${createdSecs} under stream: orders , account ${ACCOUNT} is not in ACTIVE status.`,
        fault: 'client',
      });
      clock.advance(1000);
      expect(await fails('SubscribeToShard', input('shardId-000000000007'))).toMatchObject({ name: 'ResourceNotFoundException' });
      expect(await fails('SubscribeToShard', input(SHARD_0, { Type: 'AT_SEQUENCE_NUMBER' }))).toMatchObject({ name: 'InvalidArgumentException' });
      expect(await fails('SubscribeToShard', input(SHARD_0, { Type: 'SOMEWHERE' }))).toMatchObject({ name: 'ValidationException' });
      expect(await fails('SubscribeToShard', { ...input(SHARD_0), ConsumerARN: `${STREAM_ARN}/consumer/other:1` })).toMatchObject({
        name: 'ResourceNotFoundException',
      });
      const events = await subscribe(input(SHARD_0));
      expect(await events.read()).toMatchObject({ event: { SubscribeToShardEvent: { Records: [] } } });
      clock.advance(4999);
      expect(await fails('SubscribeToShard', input(SHARD_0))).toEqual({
        name: 'ResourceInUseException',
        message: `Another active subscription exists for this consumer: ${ACCOUNT}:orders:${SHARD_0}:app`,
        fault: 'client',
      });
    },
  },
  {
    name: 'A subscription sends idle events, is taken over after 5 s with ResourceInUseException, and otherwise ends after 5 minutes',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'SubscribeToShard'],
    async run(play) {
      const { clock, subscribe } = play;
      const consumerArn = await streamWithConsumer(play);
      const input = { ConsumerARN: consumerArn, ShardId: SHARD_0, StartingPosition: { Type: 'LATEST' } };
      const old = await subscribe(input);
      const first = await old.read();
      clock.advance(5000);
      expect(await old.read()).toEqual(first);
      clock.advance(1);
      const taker = await subscribe(input);
      expect(await old.read()).toEqual({
        error: {
          name: 'ResourceInUseException',
          message: `Another active subscription exists for this consumer: ${ACCOUNT}:orders:${SHARD_0}:app`,
          fault: 'client',
        },
      });
      expect(await old.read()).toEqual({ end: true });
      clock.advance(300_000);
      const reads = await readToEnd(taker);
      expect(reads).toHaveLength(61);
      expect(reads.at(-1)).toEqual({ end: true });
    },
  },
  {
    name: 'Deregistering the consumer ends its subscription with ResourceNotFoundException after the records written before',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'SubscribeToShard', 'PutRecord', 'DeregisterStreamConsumer'],
    async run(play) {
      const { ok, clock, subscribe } = play;
      const consumerArn = await streamWithConsumer(play);
      const events = await subscribe({ ConsumerARN: consumerArn, ShardId: SHARD_0, StartingPosition: { Type: 'TRIM_HORIZON' } });
      clock.advance(10);
      await ok('PutRecord', { StreamName: 'orders', Data: utf8.encode('x'), PartitionKey: 'k' });
      clock.advance(10);
      await ok('DeregisterStreamConsumer', { ConsumerARN: consumerArn });
      const reads = await readToEnd(events);
      expect(reads.slice(1).map((read) => ('event' in read ? texts(read) : read))).toEqual([
        ['x'],
        { error: { name: 'ResourceNotFoundException', message: `Consumer ${consumerArn}, account ${ACCOUNT} not found.`, fault: 'client' } },
      ]);
    },
  },
  {
    name: 'With throughput limits a subscription delivers 2 MiB per second of the clock',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'PutRecords', 'SubscribeToShard'],
    options: { throughputLimits: true },
    async run(play) {
      const { ok, clock, subscribe } = play;
      const consumerArn = await streamWithConsumer(play);
      const record = { Data: new Uint8Array(700 * 1024).fill(7), PartitionKey: 'k' };
      // One record per second: the shard takes 1 MiB/s of writes.
      for (let i = 0; i < 4; i++) {
        expect((await ok('PutRecords', { StreamName: 'orders', Records: [record] })).FailedRecordCount).toBe(0);
        clock.advance(1000);
      }
      const events = await subscribe({ ConsumerARN: consumerArn, ShardId: SHARD_0, StartingPosition: { Type: 'TRIM_HORIZON' } });
      const count = (read: Read) => texts(read).length;
      expect(count(await events.read())).toBe(2);
      clock.advance(1000);
      expect(count(await events.read())).toBe(2);
    },
  },
];
