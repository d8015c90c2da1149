// SubscribeToShard in process: the checks before a subscription opens, where it starts, the events it pushes
// (records, idle events, a closed shard's end), its 5-minute life, the one-subscription rule, pacing, and the
// SDK-shaped async EventStream, all under a ManualClock.
import { describe, expect, it } from 'vitest';
import {
  Kinesis,
  KinesisError,
  ManualClock,
  type KinesisOptions,
  type ShardSubscription,
  type StartingPosition,
  type SubscribeToShardEvent,
  type SubscriptionPoll,
} from '../../src/index.js';
import { ACCOUNT, T0, arnOf, expectRejected, shardId, streamFixture } from '../support/stream-fixture.js';

const utf8 = new TextEncoder();
const MiB = 1024 * 1024;
const HALF = '170141183460469231731687303715884105728';

function setup(shardCount = 1, options: KinesisOptions = {}) {
  const { clock, kinesis } = streamFixture(shardCount, options);
  clock.advance(options.consumerDelayMs ?? 0);
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
  clock.advance(options.consumerDelayMs ?? 0);
  const subscribe = (StartingPosition: StartingPosition = { Type: 'TRIM_HORIZON' }, shard = 0): ShardSubscription =>
    kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: shardId(shard), StartingPosition });
  const put = (text: string, ExplicitHashKey?: string) =>
    kinesis.putRecord({ StreamName: 's', Data: utf8.encode(text), PartitionKey: 'k', ...(ExplicitHashKey === undefined ? {} : { ExplicitHashKey }) });
  return { clock, kinesis, consumerArn, subscribe, put };
}

/** The SubscribeToShardEvents of a poll (failing on an exception member). */
function eventsOf(poll: SubscriptionPoll): SubscribeToShardEvent[] {
  return poll.events.map((event) => {
    if (event.SubscribeToShardEvent === undefined) throw new Error(`not an event: ${Object.keys(event).join()}`);
    return event.SubscribeToShardEvent;
  });
}

const texts = (event: SubscribeToShardEvent) => event.Records.map((r) => new TextDecoder().decode(r.Data));

describe('SubscribeToShard refuses before opening anything', () => {
  it('an unknown consumer ARN with ResourceNotFoundException', () => {
    const { kinesis, consumerArn } = setup();
    const unknown = consumerArn.replace('/app:', '/nobody:');
    expectRejected(kinesis, () => kinesis.subscribeToShard({ ConsumerARN: unknown, ShardId: shardId(0), StartingPosition: { Type: 'LATEST' } }),
      'ResourceNotFoundException', `Consumer ${unknown}, account ${ACCOUNT} not found.`);
  });

  it("a consumer that is not ACTIVE with AWS's own text for SubscribeToShard, odd spacing included", () => {
    const { clock, kinesis } = streamFixture(1, { consumerDelayMs: 1000 });
    const { Consumer } = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' });
    const call = () => kinesis.subscribeToShard({ ConsumerARN: Consumer.ConsumerARN, ShardId: shardId(0), StartingPosition: { Type: 'LATEST' } });
    const notActive = `Consumer app with creation timestamp ${T0 / 1000} under stream: s , account ${ACCOUNT} is not in ACTIVE status.`;
    expectRejected(kinesis, call, 'ResourceInUseException', notActive);
    clock.advance(1000);
    expect(call().poll().events).toHaveLength(1);
    kinesis.deregisterStreamConsumer({ ConsumerARN: Consumer.ConsumerARN });
    expectRejected(kinesis, call, 'ResourceInUseException', notActive);
  });

  it('a shard the stream does not have, or an unreadable shard ID, with ResourceNotFoundException', () => {
    const { kinesis, consumerArn } = setup();
    const call = (ShardId: string) => () => kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId, StartingPosition: { Type: 'LATEST' } });
    expectRejected(kinesis, call(shardId(9)), 'ResourceNotFoundException', `Shard ${shardId(9)} in stream s under account ${ACCOUNT} does not exist`);
    expectRejected(kinesis, call('shard-x'), 'ResourceNotFoundException', `Could not find shard shard-x in stream s under account ${ACCOUNT}.`);
  });

  it('a malformed request with ValidationException', () => {
    const { kinesis, consumerArn } = setup();
    const input = { ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'NEWEST' } } as never;
    expect(() => kinesis.subscribeToShard(input)).toThrow(expect.objectContaining({ name: 'ValidationException' }));
    expect(() => kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: shardId(0) } as never)).toThrow(
      expect.objectContaining({ name: 'ValidationException', message: expect.stringContaining('startingPosition') }),
    );
  });

  it("a StartingPosition GetShardIterator would refuse, with GetShardIterator's texts naming SubscribeToShard", () => {
    const { clock, kinesis, subscribe, put } = setup(2);
    const own = put('a').SequenceNumber;
    const other = kinesis.putRecord({ StreamName: 's', Data: utf8.encode('b'), PartitionKey: 'k', ExplicitHashKey: HALF }).SequenceNumber;
    const cases: [StartingPosition, string][] = [
      [{ Type: 'LATEST', SequenceNumber: own }, 'ShardIteratorType'],
      [{ Type: 'TRIM_HORIZON', SequenceNumber: own }, 'ShardIteratorType'],
      [{ Type: 'AT_SEQUENCE_NUMBER' }, 'ShardIteratorType'],
      [{ Type: 'AFTER_SEQUENCE_NUMBER' }, 'ShardIteratorType'],
      [{ Type: 'AT_TIMESTAMP' }, 'ShardIteratorType'],
      [{ Type: 'AT_TIMESTAMP', Timestamp: new Date(clock.now() + 1) }, 'ShardIteratorType'],
      [{ Type: 'AT_SEQUENCE_NUMBER', SequenceNumber: other }, 'ShardIteratorType'],
      [{ Type: 'AT_SEQUENCE_NUMBER', SequenceNumber: '1' + own.slice(1) }, 'ShardIteratorType'],
    ];
    for (const [position] of cases) {
      let expected: KinesisError | undefined;
      try {
        kinesis.getShardIterator({
          StreamName: 's',
          ShardId: shardId(0),
          ShardIteratorType: position.Type,
          StartingSequenceNumber: position.SequenceNumber,
          Timestamp: position.Timestamp,
        });
      } catch (error) {
        expected = error as KinesisError;
      }
      expect(expected, JSON.stringify(position)).toBeInstanceOf(KinesisError);
      const message = expected!.message.replace('used in GetShardIterator', 'used in SubscribeToShard');
      expectRejected(kinesis, () => subscribe(position), 'InvalidArgumentException', message);
    }
  });

  it('a refused call leaves no subscription behind: the next one opens at once', () => {
    const { kinesis, subscribe } = setup();
    expect(() => subscribe({ Type: 'LATEST', SequenceNumber: '1' })).toThrow();
    expect(() => kinesis.subscribeToShard({ ConsumerARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/x:1', ShardId: shardId(0), StartingPosition: { Type: 'LATEST' } })).toThrow();
    expect(eventsOf(subscribe().poll())).toHaveLength(1);
  });
});

describe('SubscribeToShard with DryRun', () => {
  it('answers DryRunOperationException after every check of a real call, and opens nothing', () => {
    const { clock, kinesis, consumerArn, subscribe } = setup();
    const dry = (StartingPosition: StartingPosition) => () =>
      kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition, DryRun: true });
    expectRejected(kinesis, dry({ Type: 'LATEST', SequenceNumber: '1' }), 'InvalidArgumentException', expect.any(String) as never);
    expectRejected(kinesis, dry({ Type: 'LATEST' }), 'DryRunOperationException', 'Request would have succeeded, but DryRun flag is set.');
    const opened = subscribe();
    expect(eventsOf(opened.poll())).toHaveLength(1);
    clock.advance(4999);
    expectRejected(kinesis, dry({ Type: 'LATEST' }), 'ResourceInUseException', `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app`);
    clock.advance(1);
    expect(dry({ Type: 'LATEST' })).toThrow(expect.objectContaining({ name: 'DryRunOperationException' }));
    expect(opened.poll().done).toBe(false);
  });
});

describe('SubscribeToShard starts where GetShardIterator would', () => {
  it.each(['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'AT_TIMESTAMP'] as const)('%s', (Type) => {
    const { clock, kinesis, subscribe, put } = setup();
    const written = ['a', 'b', 'c', 'd'].map((text) => {
      clock.advance(10);
      return put(text).SequenceNumber;
    });
    clock.advance(10);
    const position: StartingPosition = { Type };
    if (Type.endsWith('SEQUENCE_NUMBER')) position.SequenceNumber = written[1];
    if (Type === 'AT_TIMESTAMP') position.Timestamp = new Date(T0 + 20);
    const iterator = kinesis.getShardIterator({
      StreamName: 's', ShardId: shardId(0), ShardIteratorType: Type, StartingSequenceNumber: position.SequenceNumber, Timestamp: position.Timestamp,
    }).ShardIterator!;
    const expected = kinesis.getRecords({ ShardIterator: iterator }).Records;
    const [first, ...rest] = eventsOf(subscribe(position).poll());
    expect(rest).toEqual([]);
    expect(first!.Records).toEqual(expected);
  });
});

describe('SubscribeToShard events', () => {
  it('are pushed at once: the first with what is there, then one per write, each record a copy', () => {
    const { clock, kinesis, subscribe, put } = setup();
    const a = put('a');
    const subscription = subscribe();
    const [first] = eventsOf(subscription.poll());
    expect(texts(first!)).toEqual(['a']);
    expect(first).toMatchObject({ ContinuationSequenceNumber: a.SequenceNumber, MillisBehindLatest: 0 });
    expect(first!.Records[0]).toEqual({ SequenceNumber: a.SequenceNumber, ApproximateArrivalTimestamp: new Date(T0), Data: utf8.encode('a'), PartitionKey: 'k' });
    first!.Records[0]!.Data[0] = 0x7a;
    expect(subscription.poll()).toEqual({ events: [], done: false });
    clock.advance(1);
    const b = put('b');
    clock.advance(1);
    put('c');
    const later = eventsOf(subscription.poll());
    expect(later.map(texts)).toEqual([['b'], ['c']]);
    expect(later[0]!.ContinuationSequenceNumber).toBe(b.SequenceNumber);
    const reread = kinesis.getRecords({ ShardIterator: kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator! });
    expect(new TextDecoder().decode(reread.Records[0]!.Data)).toBe('a');
  });

  it('send an empty event every 5 s of engine time when idle, each one that fell due since the last look', () => {
    const { clock, subscribe, put } = setup();
    const written = put('a').SequenceNumber;
    const subscription = subscribe({ Type: 'LATEST' });
    const [first] = eventsOf(subscription.poll());
    expect(first).toEqual({ Records: [], ContinuationSequenceNumber: written, MillisBehindLatest: 0 });
    clock.advance(4999);
    expect(subscription.poll().events).toEqual([]);
    clock.advance(1);
    expect(eventsOf(subscription.poll())).toEqual([first]);
    clock.advance(60_000);
    expect(eventsOf(subscription.poll())).toEqual(Array(12).fill(first));
  });

  it('carry the shard\'s starting sequence number as ContinuationSequenceNumber before any record, and resuming after it reads everything', () => {
    const { clock, kinesis, subscribe, put } = setup();
    const start = kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards[0]!.SequenceNumberRange.StartingSequenceNumber;
    const [first] = eventsOf(subscribe().poll());
    expect(first!.ContinuationSequenceNumber).toBe(start);
    put('a');
    clock.advance(5000);
    const resumed = eventsOf(subscribe({ Type: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: start }).poll());
    expect(resumed.map(texts)).toEqual([['a']]);
  });

  it('are the same however often they are read (the history decides them, not the reader)', () => {
    const script = (readOften: boolean) => {
      const { clock, subscribe, put } = setup();
      const subscription = subscribe();
      const seen: SubscribeToShardEvent[] = [];
      const read = () => seen.push(...eventsOf(subscription.poll()));
      for (const [i, gapMs] of [3, 2500, 1, 7000, 12_000, 4, 900].entries()) {
        put(`r${i}`);
        clock.advance(gapMs);
        if (readOften) read();
      }
      clock.advance(30_000);
      read();
      return seen;
    };
    const often = script(true);
    expect(script(false)).toEqual(often);
    expect(often.flatMap(texts)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(often.filter((event) => event.Records.length === 0).length).toBeGreaterThan(5);
  });

  it('carry records put without a PartitionKey (AUTO streams) without the member, as GetRecords does', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 'auto', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, RecordDistributionStrategy: 'AUTO' });
    const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('auto'), ConsumerName: 'app' }).Consumer.ConsumerARN;
    const { ShardId } = kinesis.putRecord({ StreamName: 'auto', Data: utf8.encode('x') });
    const [event] = eventsOf(kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId, StartingPosition: { Type: 'TRIM_HORIZON' } }).poll());
    expect(event!.Records).toHaveLength(1);
    expect('PartitionKey' in event!.Records[0]!).toBe(false);
  });

  it('hold at most 10,000 records and 2 MiB of data each; one larger record travels alone', () => {
    const { kinesis, subscribe } = setup(1, {});
    kinesis.updateMaxRecordSize({ StreamARN: arnOf('s'), MaxRecordSizeInKiB: 4096 });
    const small = Array.from({ length: 500 }, () => ({ Data: new Uint8Array(1), PartitionKey: 'k' }));
    for (let i = 0; i < 21; i++) kinesis.putRecords({ StreamName: 's', Records: small });
    const big = new Uint8Array(MiB);
    for (let i = 0; i < 3; i++) kinesis.putRecord({ StreamName: 's', Data: big, PartitionKey: 'k' });
    kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(3 * MiB), PartitionKey: 'k' });
    const sizes = eventsOf(subscribe().poll()).map((event) => event.Records.length);
    expect(sizes).toEqual([10_000, 501, 2, 1]);
  });
});

describe('a subscription ends', () => {
  it('after 5 minutes of engine time: what arrived before the end is delivered, then the stream is done', () => {
    const { clock, subscribe, put } = setup();
    const subscription = subscribe();
    subscription.poll();
    clock.advance(299_999);
    put('last');
    clock.advance(1);
    put('too late');
    clock.advance(100_000);
    const { events, done } = subscription.poll();
    expect(done).toBe(true);
    const delivered = events.map((event) => event.SubscribeToShardEvent!);
    expect(delivered.flatMap(texts)).toEqual(['last']);
    expect(delivered).toHaveLength(60);
    expect(subscription.poll()).toEqual({ events: [], done: true });
  });

  it('when a second call at least 5 s later takes it over, with a ResourceInUseException event; sooner, the call is refused', () => {
    const { clock, kinesis, subscribe, put } = setup();
    const inUse = `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app`;
    const first = subscribe();
    first.cancel();
    clock.advance(4999);
    expectRejected(kinesis, () => subscribe(), 'ResourceInUseException', inUse);
    clock.advance(1);
    const old = subscribe();
    expect(eventsOf(old.poll())).toHaveLength(1);
    clock.advance(3000);
    put('a');
    clock.advance(2000);
    const taker = subscribe({ Type: 'LATEST' });
    const { events, done } = old.poll();
    expect(done).toBe(true);
    expect(events.map((event) => Object.keys(event)[0])).toEqual(['SubscribeToShardEvent', 'ResourceInUseException']);
    expect(texts(events[0]!.SubscribeToShardEvent!)).toEqual(['a']);
    expect(events[1]!.ResourceInUseException).toEqual(expect.objectContaining({ name: 'ResourceInUseException', message: inUse, $fault: 'client' }));
    expect(eventsOf(taker.poll())).toHaveLength(1);
  });

  it('with ResourceNotFoundException when its consumer is deregistered or its stream deleted', () => {
    const consumerGone = setup();
    const bySubscription = consumerGone.subscribe();
    consumerGone.clock.advance(1000);
    consumerGone.kinesis.deregisterStreamConsumer({ ConsumerARN: consumerGone.consumerArn });
    consumerGone.clock.advance(60_000);
    const ended = bySubscription.poll();
    expect(ended.events.map((event) => Object.keys(event)[0])).toEqual(['SubscribeToShardEvent', 'ResourceNotFoundException']);
    expect(ended.events[1]!.ResourceNotFoundException!.message).toBe(`Consumer ${consumerGone.consumerArn}, account ${ACCOUNT} not found.`);

    const streamGone = setup();
    const subscription = streamGone.subscribe();
    subscription.poll();
    streamGone.kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    expect(subscription.poll()).toEqual({
      events: [{ ResourceNotFoundException: expect.objectContaining({ message: `Stream s under account ${ACCOUNT} not found.` }) }],
      done: true,
    });
  });

  it('at a closed shard\'s end: the last event carries ChildShards and no ContinuationSequenceNumber; the children continue', () => {
    const { clock, kinesis, subscribe, put } = setup(1, { updateStreamDelayMs: 2000 });
    const parent = subscribe();
    put('before');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF });
    clock.advance(1000);
    put('while updating');
    clock.advance(999);
    const before = eventsOf(parent.poll());
    expect(before.flatMap(texts)).toEqual(['before', 'while updating']);
    expect(before.every((event) => event.ContinuationSequenceNumber !== undefined && event.ChildShards === undefined)).toBe(true);
    clock.advance(1);
    const { events, done } = parent.poll();
    expect(done).toBe(true);
    const last = eventsOf({ events, done })[0]!;
    expect(last).toEqual({
      Records: [],
      MillisBehindLatest: 0,
      ChildShards: [
        { ShardId: shardId(1), ParentShards: [shardId(0)], HashKeyRange: { StartingHashKey: '0', EndingHashKey: (BigInt(HALF) - 1n).toString() } },
        { ShardId: shardId(2), ParentShards: [shardId(0)], HashKeyRange: { StartingHashKey: HALF, EndingHashKey: (2n ** 128n - 1n).toString() } },
      ],
    });
    expect('ContinuationSequenceNumber' in last).toBe(false);
    put('after', HALF);
    const child = eventsOf(subscribe({ Type: 'TRIM_HORIZON' }, 2).poll());
    expect(child.flatMap(texts)).toEqual(['after']);
    clock.advance(3000);
    const closed = eventsOf(subscribe({ Type: 'TRIM_HORIZON' }).poll());
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ ChildShards: last.ChildShards });
    expect(closed.flatMap(texts)).toEqual(['before', 'while updating']);
  });
});

describe('with throughputLimits, a subscription delivers 2 MiB per second', () => {
  it('pacing its events by the engine clock, apart from the shard\'s GetRecords budget', () => {
    const { clock, kinesis, subscribe } = setup(1, { throughputLimits: true });
    const record = new Uint8Array(MiB - 16);
    for (let i = 0; i < 5; i++) {
      kinesis.putRecord({ StreamName: 's', Data: record, PartitionKey: 'k' });
      clock.advance(1000);
    }
    const subscription = subscribe();
    const first = eventsOf(subscription.poll());
    expect(first.map((event) => event.Records.length)).toEqual([2]);
    expect(first[0]!.MillisBehindLatest).toBe(3000);
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    expect(kinesis.getRecords({ ShardIterator: iterator, Limit: 2 }).Records).toHaveLength(2);
    clock.advance(999);
    expect(subscription.poll().events).toEqual([]);
    clock.advance(1);
    expect(eventsOf(subscription.poll()).map((event) => event.Records.length)).toEqual([2]);
    clock.advance(1000);
    expect(eventsOf(subscription.poll()).map((event) => [event.Records.length, event.MillisBehindLatest])).toEqual([[1, 0]]);
  });

  it('while without it the same backlog arrives at once', () => {
    const { clock, kinesis, subscribe } = setup();
    for (let i = 0; i < 5; i++) {
      kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(MiB - 16), PartitionKey: 'k' });
      clock.advance(1000);
    }
    expect(eventsOf(subscribe().poll()).map((event) => event.Records.length)).toEqual([2, 2, 1]);
  });
});

describe('EventStream, the AWS SDK v3 face', () => {
  it('resumes after engine calls and clock moves, with no timer, and throws the exception that ends a stream', async () => {
    const { clock, subscribe, put } = setup();
    const iterator = subscribe().EventStream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ SubscribeToShardEvent: { Records: [] } });
    const pending = iterator.next();
    put('a');
    expect(texts((await pending).value!.SubscribeToShardEvent!)).toEqual(['a']);
    const idle = iterator.next();
    clock.advance(5000);
    expect((await idle).value!.SubscribeToShardEvent!.Records).toEqual([]);
    const taken = iterator.next();
    subscribe();
    await expect(taken).rejects.toThrow(expect.objectContaining({ name: 'ResourceInUseException' }));
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('ends when the subscription does, and leaving the loop early cancels it', async () => {
    const { clock, subscribe } = setup();
    const subscription = subscribe();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const event of subscription.EventStream) seen.push(event.SubscribeToShardEvent!.Records.length);
    })();
    for (let i = 0; i < 60; i++) {
      clock.advance(5000);
      await Promise.resolve();
    }
    await reading;
    expect(seen).toHaveLength(60);
    const other = subscribe({ Type: 'LATEST' }, 0);
    for await (const event of other.EventStream) {
      expect(event.SubscribeToShardEvent).toBeDefined();
      break;
    }
    expect(other.poll()).toEqual({ events: [], done: true });
  });

  it('whenReady never calls back synchronously, and cancel wakes a waiting reader', async () => {
    const { subscribe } = setup();
    const subscription = subscribe();
    let calls = 0;
    subscription.whenReady(() => calls++);
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
    subscription.poll();
    const woken = new Promise<void>((resolve) => subscription.whenReady(resolve));
    subscription.cancel();
    await woken;
    expect(subscription.poll()).toEqual({ events: [], done: true });
  });

  it('is deterministic: the same script gives the same events', async () => {
    const run = async () => {
      const { clock, subscribe, put } = setup();
      const out: unknown[] = [];
      const iterator = subscribe().EventStream[Symbol.asyncIterator]();
      out.push(await iterator.next());
      for (let i = 0; i < 5; i++) {
        put(`r${i}`);
        clock.advance(1700 * i);
        out.push(await iterator.next());
      }
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('ManualClock.wakeAt', () => {
  it('calls back when advance or set reaches the time, once, unless cancelled', () => {
    const clock = new ManualClock(0);
    const calls: string[] = [];
    clock.wakeAt(10, () => calls.push('a'));
    const cancel = clock.wakeAt(10, () => calls.push('cancelled'));
    clock.wakeAt(20, () => calls.push('b'));
    cancel();
    clock.advance(9);
    expect(calls).toEqual([]);
    clock.advance(1);
    expect(calls).toEqual(['a']);
    clock.set(100);
    clock.advance(100);
    expect(calls).toEqual(['a', 'b']);
    clock.wakeAt(50, () => calls.push('past'));
    expect(calls).toEqual(['a', 'b', 'past']);
  });
});
