// Properties of a SubscribeToShard subscription over random histories of writes, clock moves, a split and the
// throughput pacing: its events depend on the history only, not on how often they are read; the records arrive
// once each, in order; ContinuationSequenceNumber and ChildShards pair as KCL requires; the pacing holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type SubscribeToShardEvent } from '../../src/index.js';
import { arnOf, shardId, T0 } from '../support/stream-fixture.js';

const HALF = '170141183460469231731687303715884105728';
const KiB = 1024;

/** One step of a history: the clock moves, the subscription may be read, then records may be written. */
interface Step {
  readonly advanceMs: number;
  readonly read: boolean;
  readonly writeSizes: readonly number[];
}

const step: fc.Arbitrary<Step> = fc.record({
  advanceMs: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 900, max: 6000 }), fc.integer({ min: 6000, max: 40_000 })),
  read: fc.boolean(),
  writeSizes: fc.array(fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 100 * KiB, max: 900 * KiB })), { maxLength: 4 }),
});

const history = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
  splitAt: fc.option(fc.nat(24), { nil: undefined }),
  throughputLimits: fc.boolean(),
});

interface Run {
  readonly events: SubscribeToShardEvent[];
  /** The sequence numbers of the records written to the subscribed shard before the subscription's end. */
  readonly written: string[];
}

/**
 * Plays a history on a fresh engine: the clock moves (the subscription is read here when `read` and `readOften`),
 * then 1 ms later the records are written, so no read ever sees the same millisecond as a later write.
 */
function play(steps: readonly Step[], splitAt: number | undefined, throughputLimits: boolean, readOften: boolean): Run {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, throughputLimits });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
  const subscription = kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } });
  const events: SubscribeToShardEvent[] = [];
  // Data is zeros of a chosen size: its length stands for it (comparing megabytes element by element is slow).
  const read = () => {
    for (const event of subscription.poll().events) {
      const { Records, ...rest } = event.SubscribeToShardEvent!;
      events.push({ ...rest, Records: Records.map((record) => ({ ...record, Data: new Uint8Array([record.Data.length & 0xff, record.Data.length >> 8 & 0xff, record.Data.length >> 16]) })) });
    }
  };
  const written: string[] = [];
  for (const [i, { advanceMs, read: reads, writeSizes }] of steps.entries()) {
    clock.advance(advanceMs);
    if (readOften && reads) read();
    clock.advance(1);
    for (const size of writeSizes) {
      try {
        const put = kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(size), PartitionKey: 'k', ExplicitHashKey: '1' });
        if (put.ShardId === shardId(0) && clock.now() < T0 + 300_000) written.push(put.SequenceNumber);
      } catch (error) {
        // Throttled or closed: the same in both plays.
        expect((error as Error).name).toMatch(/ProvisionedThroughputExceededException|ResourceNotFoundException/);
      }
    }
    if (i === splitAt) kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF });
  }
  clock.advance(400_000);
  read();
  expect(subscription.poll()).toEqual({ events: [], done: true });
  return { events, written };
}

describe('a subscription', () => {
  it('has the same events however often it is read, delivering records once, in order, paired as KCL requires', () => {
    fc.assert(
      fc.property(history, ({ steps, splitAt, throughputLimits }) => {
        const often = play(steps, splitAt, throughputLimits, true);
        const once = play(steps, splitAt, throughputLimits, false);
        expect(once.events).toEqual(often.events);

        const delivered = often.events.flatMap((event) => event.Records.map((record) => record.SequenceNumber));
        // What was written to the shard before the end, once each, in order: all of it, or a prefix when paced.
        if (throughputLimits) expect(often.written.slice(0, delivered.length)).toEqual(delivered);
        else expect(delivered).toEqual(often.written);

        let previous = '';
        for (const [i, event] of often.events.entries()) {
          const last = i === often.events.length - 1;
          const ends = event.ChildShards !== undefined;
          // Exactly one of ContinuationSequenceNumber and ChildShards; ChildShards only in the last event.
          expect(ends).toBe(event.ContinuationSequenceNumber === undefined);
          if (ends) expect(last).toBe(true);
          expect(event.MillisBehindLatest).toBeGreaterThanOrEqual(0);
          if (event.ContinuationSequenceNumber !== undefined) {
            const lastRecord = event.Records.at(-1);
            if (lastRecord !== undefined) expect(event.ContinuationSequenceNumber).toBe(lastRecord.SequenceNumber);
            expect(BigInt(event.ContinuationSequenceNumber) >= BigInt(previous || '0')).toBe(true);
            previous = event.ContinuationSequenceNumber;
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
