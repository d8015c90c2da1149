import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions } from '../../src/index.js';
import { T0, expectRejected, streamFixture, ACCOUNT, HOUR_MS } from '../support/stream-fixture.js';

const DAY_MS = 24 * HOUR_MS;

const setup = (options: KinesisOptions = {}, shardCount = 1) => streamFixture(shardCount, options);

const increase = (kinesis: Kinesis, hours: number, StreamName = 's') =>
  kinesis.increaseStreamRetentionPeriod({ StreamName, RetentionPeriodHours: hours });
const decrease = (kinesis: Kinesis, hours: number, StreamName = 's') =>
  kinesis.decreaseStreamRetentionPeriod({ StreamName, RetentionPeriodHours: hours });
const retention = (kinesis: Kinesis) => kinesis.describeStream({ StreamName: 's' }).StreamDescription.RetentionPeriodHours;

function put(kinesis: Kinesis, text: string, shardKey = '0') {
  return kinesis.putRecord({ StreamName: 's', Data: new TextEncoder().encode(text), PartitionKey: text, ExplicitHashKey: shardKey });
}

/** The payloads GetRecords returns from TRIM_HORIZON of a shard, all of them. */
function readAll(kinesis: Kinesis, ShardId = 'shardId-000000000000'): string[] {
  let iterator = kinesis.getShardIterator({ StreamName: 's', ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
  const out: string[] = [];
  while (iterator !== undefined) {
    const page = kinesis.getRecords({ ShardIterator: iterator, Limit: 2 });
    out.push(...page.Records.map((r) => new TextDecoder().decode(r.Data)));
    if (page.Records.length === 0) break;
    iterator = page.NextShardIterator;
  }
  return out;
}

describe('IncreaseStreamRetentionPeriod / DecreaseStreamRetentionPeriod', () => {
  it('changes the period both ways, accepts the current value, and keeps the stream ACTIVE', () => {
    const { kinesis } = setup({ updateStreamDelayMs: 1000 });
    expect(increase(kinesis, 168)).toEqual({});
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription).toMatchObject({ RetentionPeriodHours: 168, StreamStatus: 'ACTIVE' });
    increase(kinesis, 168);
    expect(decrease(kinesis, 48)).toEqual({});
    decrease(kinesis, 48);
    expect(retention(kinesis)).toBe(48);
    increase(kinesis, 8760);
    expect(retention(kinesis)).toBe(8760);
  });

  it('refuses periods under 24 hours', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => increase(kinesis, 23), 'InvalidArgumentException',
      'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.');
    expectRejected(kinesis, () => decrease(kinesis, 0), 'InvalidArgumentException',
      'Minimum allowed retention period is 24 hours. Requested retention period (0 hours) is too short.');
  });

  it('refuses periods over 8760 hours', () => {
    const { kinesis } = setup();
    expectRejected(kinesis, () => increase(kinesis, 8761), 'InvalidArgumentException',
      'Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.');
    expectRejected(kinesis, () => decrease(kinesis, 9999), 'InvalidArgumentException',
      'Maximum allowed retention period is 8760 hours. Requested retention period (9999 hours) is too long.');
  });

  it('refuses to increase to a shorter period or decrease to a longer one', () => {
    const { kinesis } = setup();
    increase(kinesis, 25);
    expectRejected(kinesis, () => increase(kinesis, 24), 'InvalidArgumentException',
      'Requested retention period (24 hours) for stream s can not be shorter than existing retention period (25 hours). Use DecreaseRetentionPeriod API.');
    expectRejected(kinesis, () => decrease(kinesis, 26), 'InvalidArgumentException',
      'Requested retention period (26 hours) for stream s can not be longer than existing retention period (25 hours). Use IncreaseRetentionPeriod API.');
  });

  it('checks existence, then range, then direction', () => {
    const { kinesis } = setup();
    increase(kinesis, 48);
    expect(() => increase(kinesis, 1, 'nope')).toThrow(expect.objectContaining({
      name: 'ResourceNotFoundException', message: `Stream nope under account ${ACCOUNT} not found.`,
    }));
    // 23 is both too short and shorter than the current 48: the range check answers.
    expectRejected(kinesis, () => increase(kinesis, 23), 'InvalidArgumentException',
      'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.');
    expectRejected(kinesis, () => decrease(kinesis, 9000), 'InvalidArgumentException',
      'Maximum allowed retention period is 8760 hours. Requested retention period (9000 hours) is too long.');
  });

  it('[U] refuses a stream that is not ACTIVE: CREATING or UPDATING', () => {
    const { kinesis, clock } = setup({ createStreamDelayMs: 100, updateStreamDelayMs: 100 });
    expectRejected(kinesis, () => increase(kinesis, 48), 'ResourceInUseException',
      `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`);
    clock.advance(100);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '100' });
    for (const change of [() => increase(kinesis, 48), () => decrease(kinesis, 24)]) {
      expectRejected(kinesis, change, 'ResourceInUseException', `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`);
    }
    expect(retention(kinesis)).toBe(24);
  });

  it('requires RetentionPeriodHours (validation)', () => {
    const { kinesis } = setup();
    expect(() => kinesis.increaseStreamRetentionPeriod({ StreamName: 's' } as never)).toThrow(expect.objectContaining({ name: 'ValidationException' }));
  });
});

describe('retention over time', () => {
  it('returns a record while younger than the period and never after', () => {
    const { kinesis, clock } = setup();
    put(kinesis, 'a');
    clock.advance(DAY_MS - 1);
    expect(readAll(kinesis)).toEqual(['a']);
    clock.advance(1);
    expect(readAll(kinesis)).toEqual([]);
  });

  it('trims day by day over simulated weeks, keeping exactly the last 7 days', () => {
    const { kinesis, clock } = setup();
    increase(kinesis, 168);
    for (let day = 0; day < 21; day++) {
      put(kinesis, `day-${day}`);
      const expected = Array.from({ length: Math.min(day + 1, 7) }, (_, i) => `day-${day - Math.min(day, 6) + i}`);
      expect(readAll(kinesis)).toEqual(expected);
      clock.advance(DAY_MS);
    }
    // At day 21 the oldest retained record is day 15's, even for AT_TIMESTAMP at time 0.
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0) }).ShardIterator!;
    expect(new TextDecoder().decode(kinesis.getRecords({ ShardIterator: iterator }).Records[0]!.Data)).toBe('day-15');
  });

  it('hides older data at once when the period decreases', () => {
    const { kinesis, clock } = setup();
    increase(kinesis, 72);
    put(kinesis, 'old');
    clock.advance(30 * HOUR_MS);
    put(kinesis, 'new');
    expect(readAll(kinesis)).toEqual(['old', 'new']);
    decrease(kinesis, 24);
    expect(readAll(kinesis)).toEqual(['new']);
  });

  it('never revives expired data when the period increases', () => {
    const { kinesis, clock } = setup();
    put(kinesis, 'expired');
    clock.advance(25 * HOUR_MS);
    put(kinesis, 'kept');
    increase(kinesis, 168);
    expect(readAll(kinesis)).toEqual(['kept']);
    expect(kinesis.describeShardGraph({ StreamName: 's' }).Shards[0]).toMatchObject({ RecordCount: 1, RecordsWritten: 2 });
    // What was retained at the increase now lives for the new period.
    clock.advance(167 * HOUR_MS);
    expect(readAll(kinesis)).toEqual(['kept']);
    clock.advance(HOUR_MS);
    expect(readAll(kinesis)).toEqual([]);
  });

  it('never revives data hidden by a decrease when the period grows again', () => {
    const { kinesis, clock } = setup();
    increase(kinesis, 72);
    put(kinesis, 'a');
    clock.advance(30 * HOUR_MS);
    decrease(kinesis, 24);
    increase(kinesis, 72);
    expect(readAll(kinesis)).toEqual([]);
  });

  it('drops a closed shard from ListShards and DescribeStream once all its records are past retention', () => {
    const { kinesis, clock } = setup();
    put(kinesis, 'parent');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '100' });
    const ids = () => kinesis.listShards({ StreamName: 's' }).Shards!.map((s) => s.ShardId);
    const described = () => kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards.map((s) => s.ShardId);
    clock.advance(DAY_MS - 1);
    expect(ids()).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    clock.advance(1);
    expect(ids()).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    expect(described()).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    expect(() => kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))
      .toThrow(expect.objectContaining({
        name: 'ResourceNotFoundException', message: `Shard shardId-000000000000 in stream s under account ${ACCOUNT} does not exist`,
      }));
    expect(kinesis.describeShardGraph({ StreamName: 's' }).Shards[0]).toMatchObject({ State: 'EXPIRED', RecordCount: 0, RecordsWritten: 1 });
    // A longer period later does not bring the expired shard back.
    increase(kinesis, 48);
    expect(ids()).toEqual(['shardId-000000000001', 'shardId-000000000002']);
  });
});

describe('reading a closed shard that expires while an iterator is still valid', () => {
  it('answers "Shard ... does not exist" once the shard is past retention, though the iterator is younger than 300 s', () => {
    const { kinesis, clock } = setup();
    increase(kinesis, 48);
    put(kinesis, 'parent');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '100' });
    clock.advance(30 * HOUR_MS);
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' })
      .ShardIterator!;
    decrease(kinesis, 24); // the shard closed 30 h ago: it expires at once
    expect(() => kinesis.getRecords({ ShardIterator: iterator })).toThrow(expect.objectContaining({
      name: 'ResourceNotFoundException', message: `Shard shardId-000000000000 in stream s under account ${ACCOUNT} does not exist`,
    }));
  });
});
