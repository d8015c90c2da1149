// The record distribution strategy: USER_PARTITION_KEY (routing by key, the default) and AUTO (the service places
// records itself, on-demand streams only), CreateStream's member, UpdateStreamRecordDistributionStrategy, and
// what a record without a partition key looks like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, aggregateRecords, deaggregateRecords, type KinesisOptions } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, T0, arnOf } from '../support/stream-fixture.js';

const ON_DEMAND = { StreamMode: 'ON_DEMAND' } as const;
const bytes = (...b: number[]) => new Uint8Array(b);

function autoStream(options: KinesisOptions = {}, name = 'a'): { kinesis: Kinesis; clock: ManualClock } {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: name, StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'AUTO' });
  return { kinesis, clock };
}

function readShard(kinesis: Kinesis, stream: string, shardId: string) {
  const { ShardIterator } = kinesis.getShardIterator({ StreamName: stream, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
  return kinesis.getRecords({ ShardIterator: ShardIterator! }).Records;
}

const AUTO_ON_PROVISIONED = (stream: string) =>
  `Record distribution strategy AUTO is not supported for stream ${stream} under account ${ACCOUNT} because it is in Provisioned mode.`;

describe('RecordDistributionStrategy on CreateStream and DescribeStreamSummary', () => {
  it('defaults to USER_PARTITION_KEY, reported for on-demand streams only [M]', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: ON_DEMAND });
    kinesis.createStream({ StreamName: 'p', ShardCount: 1 });
    expect(kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary.RecordDistributionStrategy).toBe('USER_PARTITION_KEY');
    expect(kinesis.describeStreamSummary({ StreamName: 'p' }).StreamDescriptionSummary).not.toHaveProperty('RecordDistributionStrategy');
  });

  it('creates an AUTO on-demand stream', () => {
    const { kinesis } = autoStream();
    expect(kinesis.describeStreamSummary({ StreamName: 'a' }).StreamDescriptionSummary.RecordDistributionStrategy).toBe('AUTO');
  });

  it('[U] refuses AUTO for a provisioned stream (explicit or by default) and creates nothing; accepts USER_PARTITION_KEY', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const expected = { name: 'InvalidArgumentException', message: AUTO_ON_PROVISIONED('p') };
    expect(rejection(() => kinesis.createStream({ StreamName: 'p', ShardCount: 1, RecordDistributionStrategy: 'AUTO' }))).toEqual(expected);
    expect(rejection(() => kinesis.createStream({
      StreamName: 'p', ShardCount: 2, StreamModeDetails: { StreamMode: 'PROVISIONED' }, RecordDistributionStrategy: 'AUTO',
    }))).toEqual(expected);
    expect(kinesis.listStreams().StreamNames).toEqual([]);
    kinesis.createStream({ StreamName: 'p', ShardCount: 1, RecordDistributionStrategy: 'USER_PARTITION_KEY' });
    expect(kinesis.listStreams().StreamNames).toEqual(['p']);
  });

  it('validates the enum against the model', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'RANDOM' as never })))
      .toEqual({
        name: 'ValidationException',
        message: "1 validation error detected: Value 'RANDOM' at 'recordDistributionStrategy' failed to satisfy constraint: " +
          'Member must satisfy enum value set: [AUTO, USER_PARTITION_KEY]',
      });
  });
});

describe('UpdateStreamRecordDistributionStrategy', () => {
  it('switches both ways at once, without UPDATING; stored records keep their shards [D]', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, updateStreamDelayMs: 60_000 });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: ON_DEMAND });
    const keyed = kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) });
    expect(kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('s'), RecordDistributionStrategy: 'AUTO' })).toEqual({});
    const summary = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect([summary.StreamStatus, summary.RecordDistributionStrategy]).toEqual(['ACTIVE', 'AUTO']);
    expect(readShard(kinesis, 's', keyed.ShardId).map((r) => r.SequenceNumber)).toEqual([keyed.SequenceNumber]);
    kinesis.putRecord({ StreamName: 's', Data: bytes(2) });
    kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('s'), RecordDistributionStrategy: 'USER_PARTITION_KEY' });
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', Data: bytes(3) })).name).toBe('ValidationException');
  });

  it('setting the strategy a stream has is accepted [U]', () => {
    const { kinesis } = autoStream();
    expect(kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('a'), RecordDistributionStrategy: 'AUTO' })).toEqual({});
  });

  it('refuses AUTO on a provisioned stream with InvalidArgumentException [D]; USER_PARTITION_KEY is a no-op there [U]', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'p', ShardCount: 1 });
    expect(rejection(() => kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('p'), RecordDistributionStrategy: 'AUTO' })))
      .toEqual({ name: 'InvalidArgumentException', message: AUTO_ON_PROVISIONED('p') });
    expect(kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('p'), RecordDistributionStrategy: 'USER_PARTITION_KEY' })).toEqual({});
  });

  it('needs an existing, ACTIVE stream [U status rule]', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1000 });
    expect(rejection(() => kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('x'), RecordDistributionStrategy: 'AUTO' })))
      .toEqual({ name: 'ResourceNotFoundException', message: `Stream x under account ${ACCOUNT} not found.` });
    kinesis.createStream({ StreamName: 'c', StreamModeDetails: ON_DEMAND });
    expect(rejection(() => kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('c'), RecordDistributionStrategy: 'AUTO' })))
      .toEqual({ name: 'ResourceInUseException', message: `Stream c under account ${ACCOUNT} not ACTIVE, instead in state CREATING` });
  });

  it('requires StreamARN and the strategy (model)', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.updateStreamRecordDistributionStrategy({} as never))).toEqual({
      name: 'ValidationException',
      message: "2 validation errors detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'recordDistributionStrategy' failed to satisfy constraint: Member must not be null",
    });
  });

  it('[U] UpdateStreamMode to PROVISIONED is refused while AUTO, and allowed once back on USER_PARTITION_KEY', () => {
    const { kinesis } = autoStream();
    const input = { StreamARN: arnOf('a'), StreamModeDetails: { StreamMode: 'PROVISIONED' } } as const;
    expect(rejection(() => kinesis.updateStreamMode(input))).toEqual({
      name: 'InvalidArgumentException',
      message: `Stream a under account ${ACCOUNT} uses the AUTO record distribution strategy, which Provisioned mode does not support. ` +
        'Set it to USER_PARTITION_KEY first.',
    });
    kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('a'), RecordDistributionStrategy: 'USER_PARTITION_KEY' });
    kinesis.updateStreamMode(input);
    expect(kinesis.describeStreamSummary({ StreamName: 'a' }).StreamDescriptionSummary.StreamModeDetails).toEqual({ StreamMode: 'PROVISIONED' });
  });
});

describe('writing to an AUTO stream', () => {
  it('takes records without a partition key; GetRecords then omits PartitionKey [M]', () => {
    const { kinesis } = autoStream();
    const put = kinesis.putRecord({ StreamName: 'a', Data: bytes(7) });
    const [record] = readShard(kinesis, 'a', put.ShardId);
    expect(record).toEqual({ SequenceNumber: put.SequenceNumber, ApproximateArrivalTimestamp: new Date(T0), Data: bytes(7) });
    expect(Object.keys(record!)).not.toContain('PartitionKey');
  });

  it('returns a given partition key unchanged, though it did not place the record [M]', () => {
    const { kinesis } = autoStream();
    const put = kinesis.putRecords({ StreamName: 'a', Records: [{ Data: bytes(1), PartitionKey: 'kept' }, { Data: bytes(2) }] });
    expect(put.FailedRecordCount).toBe(0);
    const stored = put.Records.flatMap((r) => readShard(kinesis, 'a', r.ShardId!).filter((x) => x.SequenceNumber === r.SequenceNumber));
    expect(stored.map((r) => r.PartitionKey)).toEqual(['kept', undefined]);
  });

  it('ignores PartitionKey and ExplicitHashKey for placement [D]: one key lands on every shard', () => {
    const { kinesis } = autoStream();
    const shards = new Set<string>();
    for (let i = 0; i < 200; i++) shards.add(kinesis.putRecord({ StreamName: 'a', PartitionKey: 'same', ExplicitHashKey: '0', Data: bytes(i) }).ShardId);
    expect(shards.size).toBe(4);
  });

  it('still checks an ignored ExplicitHashKey [U]', () => {
    const { kinesis } = autoStream();
    expect(rejection(() => kinesis.putRecord({ StreamName: 'a', Data: bytes(1), ExplicitHashKey: (1n << 128n).toString() })).name)
      .toBe('InvalidArgumentException');
  });

  it('refuses SequenceNumberForOrdering with InvalidArgumentException [D], before anything is stored', () => {
    const { kinesis } = autoStream();
    const first = kinesis.putRecord({ StreamName: 'a', Data: bytes(1) });
    expect(rejection(() => kinesis.putRecord({ StreamName: 'a', Data: bytes(2), SequenceNumberForOrdering: first.SequenceNumber }))).toEqual({
      name: 'InvalidArgumentException',
      message: `SequenceNumberForOrdering is not supported for stream a under account ${ACCOUNT} because it uses the AUTO record distribution strategy.`,
    });
    const total = ['0', '1', '2', '3'].reduce((n, i) => n + readShard(kinesis, 'a', `shardId-00000000000${i}`).length, 0);
    expect(total).toBe(1);
  });

  it('counts the partition key toward the record size only when there is one [U]', () => {
    const { kinesis } = autoStream();
    const limit = 1024 * 1024;
    expect(kinesis.putRecord({ StreamName: 'a', Data: new Uint8Array(limit) }).ShardId).toMatch(/^shardId-/);
    expect(rejection(() => kinesis.putRecord({ StreamName: 'a', PartitionKey: 'k', Data: new Uint8Array(limit) }))).toEqual({
      name: 'ValidationException',
      message: `The record is ${limit + 1} bytes of data and UTF-8 partition key, over the stream's maximum record size of ${limit} bytes.`,
    });
  });

  it('is deterministic: the same seed and calls give the same shards, another seed other shards', () => {
    const shardsOf = (seed: number) => {
      const { kinesis } = autoStream({ seed });
      return Array.from({ length: 64 }, (_, i) => kinesis.putRecord({ StreamName: 'a', Data: bytes(i) }).ShardId);
    };
    expect(shardsOf(7)).toEqual(shardsOf(7));
    expect(shardsOf(7)).not.toEqual(shardsOf(8));
  });

  it('a re-created stream (new incarnation) places its records afresh', () => {
    const { kinesis } = autoStream();
    const first = Array.from({ length: 32 }, (_, i) => kinesis.putRecord({ StreamName: 'a', Data: bytes(i) }).ShardId);
    kinesis.deleteStream({ StreamName: 'a' });
    kinesis.createStream({ StreamName: 'a', StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'AUTO' });
    const second = Array.from({ length: 32 }, (_, i) => kinesis.putRecord({ StreamName: 'a', Data: bytes(i) }).ShardId);
    expect(second).not.toEqual(first);
  });

  // Each shard's share of n records is binomial(n, 1/k): within 5.5 standard deviations of n/k (two-sided tail
  // probability about 4e-8 per shard, so a failure here is a placement bug, not bad luck).
  it('spreads records evenly: every shard within a binomial bound of 1/n, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 200, max: 3000 }), fc.boolean(), (seed, n, batched) => {
        const { kinesis } = autoStream({ seed });
        const counts = new Map<string, number>();
        const count = (shardId: string) => counts.set(shardId, (counts.get(shardId) ?? 0) + 1);
        if (batched) {
          for (let done = 0; done < n; done += 500) {
            const put = kinesis.putRecords({ StreamName: 'a', Records: Array.from({ length: Math.min(500, n - done) }, () => ({ Data: bytes(0) })) });
            for (const r of put.Records) count(r.ShardId!);
          }
        } else {
          for (let i = 0; i < n; i++) count(kinesis.putRecord({ StreamName: 'a', Data: bytes(0) }).ShardId);
        }
        const k = 4;
        const sd = Math.sqrt(n * (1 / k) * (1 - 1 / k));
        expect(counts.size).toBe(k);
        for (const c of counts.values()) expect(Math.abs(c - n / k)).toBeLessThanOrEqual(5.5 * sd);
      }),
      { numRuns: 30 },
    );
  });

  it('places records only on the open shards after a reshard [U]', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'r', ShardCount: 2 });
    kinesis.splitShard({ StreamName: 'r', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 126n).toString() });
    kinesis.mergeShards({ StreamName: 'r', ShardToMerge: 'shardId-000000000002', AdjacentShardToMerge: 'shardId-000000000003' });
    kinesis.updateStreamMode({ StreamARN: arnOf('r'), StreamModeDetails: ON_DEMAND });
    kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('r'), RecordDistributionStrategy: 'AUTO' });
    const open = (kinesis.listShards({ StreamName: 'r', ShardFilter: { Type: 'AT_LATEST' } }).Shards ?? []).map((s) => s.ShardId);
    expect(open).toEqual(['shardId-000000000001', 'shardId-000000000004']);
    const used = new Set(Array.from({ length: 100 }, (_, i) => kinesis.putRecord({ StreamName: 'r', Data: bytes(i) }).ShardId));
    expect([...used].sort()).toEqual(open);
  });

  it('keeps the per-shard write limits; a throttled PutRecord changes nothing, placement included', () => {
    const MiB = new Uint8Array(1024 * 1024);
    // Engine x: full-size records until one finds its shard full (4 shards x 1 MiB per second).
    const x = autoStream({ throughputLimits: true });
    let accepted = 0;
    let throttled: Error | undefined;
    while (throttled === undefined) {
      try {
        x.kinesis.putRecord({ StreamName: 'a', Data: MiB });
        accepted++;
      } catch (error) {
        throttled = error as Error;
      }
    }
    expect(throttled.name).toBe('ProvisionedThroughputExceededException');
    // Engine y: the same accepted calls, without the throttled one. Both then place the same records alike.
    const y = autoStream({ throughputLimits: true });
    for (let i = 0; i < accepted; i++) y.kinesis.putRecord({ StreamName: 'a', Data: MiB });
    const next = ({ kinesis, clock }: { kinesis: Kinesis; clock: ManualClock }) => {
      clock.advance(1000);
      return Array.from({ length: 20 }, () => kinesis.putRecord({ StreamName: 'a', Data: bytes(1) }).ShardId);
    };
    expect(next(x)).toEqual(next(y));
  });

  it('stores a KPL aggregate as one opaque record; KCL-style deaggregation may then discard it [D]', () => {
    const { kinesis } = autoStream();
    let discarded = 0;
    for (let i = 0; i < 40; i++) {
      const aggregate = aggregateRecords([{ PartitionKey: `user-${i}`, Data: bytes(i) }, { PartitionKey: `user-${i}`, Data: bytes(i, i) }]);
      const put = kinesis.putRecord({ StreamName: 'a', ...aggregate });
      const shard = kinesis.listShards({ StreamName: 'a' }).Shards!.find((s) => s.ShardId === put.ShardId)!;
      const records = readShard(kinesis, 'a', put.ShardId).filter((r) => r.SequenceNumber === put.SequenceNumber);
      expect(records[0]?.PartitionKey).toBe(aggregate.PartitionKey);
      const users = deaggregateRecords(records, shard.HashKeyRange);
      if (users.length === 0) discarded++;
      else expect(users.map((u) => u.PartitionKey)).toEqual([`user-${i}`, `user-${i}`]);
    }
    // Placed without regard to its keys, an aggregate lands outside its keys' shard about 3 times in 4.
    expect(discarded).toBeGreaterThan(10);
    expect(discarded).toBeLessThan(40);
  });
});

describe('a record without a partition key on a USER_PARTITION_KEY stream', () => {
  it("PutRecord answers the model's old ValidationException [R][U] and stores nothing", () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', Data: bytes(1) }))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null",
    });
    expect(readShard(kinesis, 's', 'shardId-000000000000')).toEqual([]);
  });

  it('PutRecords fails as a whole, naming each entry without a key (at most 10) [R][U]', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const line = (n: number) => `Value null at 'records.${n}.member.partitionKey' failed to satisfy constraint: Member must not be null`;
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [{ Data: bytes(1), PartitionKey: 'k' }, { Data: bytes(2) }, { Data: bytes(3) }] })))
      .toEqual({ name: 'ValidationException', message: `2 validation errors detected: ${line(2)}; ${line(3)}` });
    const many = Array.from({ length: 12 }, () => ({ Data: bytes(0) }));
    const message = rejection(() => kinesis.putRecords({ StreamName: 's', Records: many })).message;
    expect(message.startsWith('10 validation errors detected: ')).toBe(true);
    expect(message.split('; ')).toHaveLength(10);
    expect(readShard(kinesis, 's', 'shardId-000000000000')).toEqual([]);
  });

  it('is checked after the stream is found', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.putRecord({ StreamName: 'missing', Data: bytes(1) })).name).toBe('ResourceNotFoundException');
  });
});
