// The README's "Divergences from AWS" that no other test pinned: one test per divergence, named after
// the behaviour, asserting kinesim's exact answer. The README says tests pin every one of them.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions, type PutRecordsRequestEntry } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, expectRejected, streamFixture, ACCOUNT } from '../support/stream-fixture.js';

const SHARD_0 = 'shardId-000000000000';
const MiB = 1024 * 1024;
const THROTTLED = 'ProvisionedThroughputExceededException';
const notActive = (status: string) => `Stream s under account ${ACCOUNT} not ACTIVE, instead in state ${status}`;
/** A real AWS sequence number, decoded as kinesalite decodes them: shard 0, record time 2017-04-26. */
const MAX_HASH_KEY = '340282366920938463463374607431768211455';
const AWS_SEQUENCE = '49570154343577991434159135485979649237735405726566711298';

function put(kinesis: Kinesis, Data: Uint8Array, PartitionKey = 'k', StreamName = 's') {
  return kinesis.putRecord({ StreamName, PartitionKey, Data });
}

function trimHorizon(kinesis: Kinesis, StreamName = 's', ShardId = SHARD_0): string {
  return kinesis.getShardIterator({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
}

describe('identifiers and tokens', () => {
  it("answers a sequence number in AWS's bit layout as invalid", () => {
    const { kinesis } = streamFixture(1);
    put(kinesis, new Uint8Array([1]));
    expect(
      rejection(() =>
        kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: AWS_SEQUENCE }),
      ),
    ).toEqual({
      name: 'InvalidArgumentException',
      message: `StartingSequenceNumber ${AWS_SEQUENCE} used in GetShardIterator on shard ${SHARD_0} in stream s under account ${ACCOUNT} is invalid.`,
    });
    expectRejected(
      kinesis,
      () => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(), SequenceNumberForOrdering: AWS_SEQUENCE }),
      'InvalidArgumentException',
      `ExclusiveMinimumSequenceNumber ${AWS_SEQUENCE} used in PutRecord on stream s under account ${ACCOUNT} is invalid.`,
    );
  });

  it("answers an AWS-layout number whose digit 46 happens to be 1 as invalid too, not as another shard's", () => {
    // A real AWS number (same shard as the AWS number above, 4 s later) that matches kinesim's '1' at index 46.
    const awsNumber = '49570154343577991434159135485979649237735406001444618242';
    const { kinesis } = streamFixture(1);
    expect(awsNumber[46]).toBe('1');
    expect(
      rejection(() =>
        kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: awsNumber }),
      ).message,
    ).toBe(`StartingSequenceNumber ${awsNumber} used in GetShardIterator on shard ${SHARD_0} in stream s under account ${ACCOUNT} is invalid.`);
    expect(() =>
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(), SequenceNumberForOrdering: awsNumber }),
    ).toThrow(`ExclusiveMinimumSequenceNumber ${awsNumber} used in PutRecord on stream s under account ${ACCOUNT} is invalid.`);
  });

  it("makes two engines with the same tokenSecret issue and accept each other's iterators and NextTokens", () => {
    const twin = (options: KinesisOptions = {}) => {
      const kinesis = new Kinesis({ clock: new ManualClock(T0), ...options });
      kinesis.createStream({ StreamName: 's', ShardCount: 3 });
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new TextEncoder().encode('same'), ExplicitHashKey: '0' });
      return kinesis;
    };
    const a = twin();
    const b = twin();
    const iterator = trimHorizon(a);
    expect(trimHorizon(b)).toBe(iterator);
    expect(b.getRecords({ ShardIterator: iterator }).Records.map((r) => new TextDecoder().decode(r.Data))).toEqual(['same']);
    const { NextToken } = a.listShards({ StreamName: 's', MaxResults: 1 });
    expect(b.listShards({ NextToken: NextToken!, MaxResults: 2 }).Shards!.map((s) => s.ShardId)).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    const other = twin({ tokenSecret: 'another secret' });
    expect(rejection(() => other.getRecords({ ShardIterator: iterator }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Invalid ShardIterator.',
    });
  });
});

describe('time and status', () => {
  it('keeps engine time from running backwards when the clock is set back, until the clock passes it', () => {
    const { kinesis, clock } = streamFixture(1);
    clock.advance(5000);
    put(kinesis, new Uint8Array([1]));
    clock.set(T0);
    put(kinesis, new Uint8Array([2]));
    clock.set(T0 + 6000);
    put(kinesis, new Uint8Array([3]));
    const records = kinesis.getRecords({ ShardIterator: trimHorizon(kinesis) }).Records;
    expect(records.map((r) => [r.Data[0], r.ApproximateArrivalTimestamp?.getTime()])).toEqual([
      [1, T0 + 5000],
      [2, T0 + 5000],
      [3, T0 + 6000],
    ]);
  });

  it('[U] refuses DeleteStream of an UPDATING stream with ResourceInUseException, changing nothing', () => {
    const { kinesis, clock } = streamFixture(2, { updateStreamDelayMs: 1000 });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: SHARD_0, NewStartingHashKey: '100' });
    expectRejected(kinesis, () => kinesis.deleteStream({ StreamName: 's' }), 'ResourceInUseException', notActive('UPDATING'));
    clock.advance(1000);
    expect(kinesis.deleteStream({ StreamName: 's' })).toEqual({});
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('[U] applies Enable/DisableEnhancedMonitoring at once, without an UPDATING period', () => {
    const { kinesis } = streamFixture(1, { updateStreamDelayMs: 1000 });
    const summary = () => kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes'] });
    expect(summary()).toMatchObject({ StreamStatus: 'ACTIVE', EnhancedMonitoring: [{ ShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes'] }] });
    kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes'] });
    expect(summary()).toMatchObject({ StreamStatus: 'ACTIVE', EnhancedMonitoring: [{ ShardLevelMetrics: ['OutgoingBytes'] }] });
  });
});

describe('records and reads', () => {
  it('[U] counts partition keys toward the 10 MiB PutRecords request cap', () => {
    const { kinesis } = streamFixture(1);
    // 10 MiB of data and keys exactly (data alone 20 bytes short), then one more 1-byte key with no data.
    const records: PutRecordsRequestEntry[] = Array.from({ length: 10 }, (_, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(MiB - 2) }));
    records.push({ PartitionKey: 'x', Data: new Uint8Array() });
    expectRejected(kinesis, () => kinesis.putRecords({ StreamName: 's', Records: records }), 'InvalidArgumentException',
      'Records size exceeds 10 MB limit');
  });

  it('[U] gives MillisBehindLatest as how far the next unread record lags the clock, 0 when nothing remains', () => {
    const { kinesis, clock } = streamFixture(1);
    put(kinesis, new Uint8Array([1]));
    clock.advance(1000);
    put(kinesis, new Uint8Array([2]));
    clock.advance(4000);
    const first = kinesis.getRecords({ ShardIterator: trimHorizon(kinesis), Limit: 1 });
    expect(first.Records.map((r) => r.Data[0])).toEqual([1]);
    expect(first.MillisBehindLatest).toBe(4000);
    const rest = kinesis.getRecords({ ShardIterator: first.NextShardIterator! });
    expect(rest.Records.map((r) => r.Data[0])).toEqual([2]);
    expect(rest.MillisBehindLatest).toBe(0);
  });

  it('[U] does not charge partition keys to the 2 MiB/s read budget, only record data', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, throughputLimits: true });
    kinesis.createStream({ StreamName: 'keys', ShardCount: 1 });
    kinesis.createStream({ StreamName: 'data', ShardCount: 1, MaxRecordSizeInKiB: 10240 });
    // 3000 empty records with 768-byte keys (2304000 bytes, over 2 MiB), written over 3 s within the
    // write limit, against one record of the same 2304000 bytes as data.
    const longKey = '€'.repeat(256);
    for (let second = 0; second < 3; second++) {
      for (let batch = 0; batch < 2; batch++) {
        const records = Array.from({ length: 500 }, () => ({ PartitionKey: longKey, Data: new Uint8Array() }));
        expect(kinesis.putRecords({ StreamName: 'keys', Records: records }).FailedRecordCount).toBe(0);
      }
      clock.advance(1000);
    }
    put(kinesis, new Uint8Array(3000 * 768), 'k', 'data');
    const keysPage = kinesis.getRecords({ ShardIterator: trimHorizon(kinesis, 'keys') });
    expect(keysPage.Records).toHaveLength(3000);
    expect(kinesis.getRecords({ ShardIterator: keysPage.NextShardIterator! }).Records).toEqual([]);
    const dataNext = kinesis.getRecords({ ShardIterator: trimHorizon(kinesis, 'data') }).NextShardIterator!;
    expect(rejection(() => kinesis.getRecords({ ShardIterator: dataNext }))).toEqual({
      name: THROTTLED,
      message: `Rate exceeded for Shard - ${ACCOUNT}/data/${SHARD_0}`,
    });
  });

  it('[U] never throttles small reads before the 5-call limit, even on a frozen clock', () => {
    const { kinesis } = streamFixture(1, { throughputLimits: true });
    for (let i = 0; i < 6; i++) put(kinesis, new Uint8Array(100_000));
    let iterator = trimHorizon(kinesis);
    for (let i = 0; i < 5; i++) {
      const page = kinesis.getRecords({ ShardIterator: iterator, Limit: 1 });
      expect(page.Records).toHaveLength(1);
      iterator = page.NextShardIterator!;
    }
    expect(rejection(() => kinesis.getRecords({ ShardIterator: iterator, Limit: 1 })).name).toBe(THROTTLED);
  });

  it('throttles on-demand streams like provisioned ones', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), throughputLimits: true });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const toShard0 = { PartitionKey: 'k', Data: new Uint8Array(1), ExplicitHashKey: '0' };
    for (let i = 0; i < 2; i++) {
      expect(kinesis.putRecords({ StreamName: 's', Records: Array(500).fill(toShard0) }).FailedRecordCount).toBe(0);
    }
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', ...toShard0 }))).toEqual({
      name: THROTTLED,
      message: `Rate exceeded for shard ${SHARD_0} in stream s under account ${ACCOUNT}.`,
    });
    expect(kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(1), ExplicitHashKey: MAX_HASH_KEY }).ShardId)
      .toBe('shardId-000000000003');
  });
});

describe('resharding', () => {
  it('[U] refuses SplitShard, MergeShards and UpdateShardCount on an on-demand stream right after finding it', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const onDemand = `Request is invalid. Stream s under account ${ACCOUNT} is in On-Demand mode.`;
    // A shard that does not exist, shards that are not adjacent, a target over double: the mode answers first.
    expectRejected(kinesis, () => kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000099', NewStartingHashKey: '2' }),
      'ValidationException', onDemand);
    expectRejected(kinesis, () => kinesis.mergeShards({ StreamName: 's', ShardToMerge: SHARD_0, AdjacentShardToMerge: 'shardId-000000000002' }),
      'ValidationException', onDemand);
    expectRejected(kinesis, () => kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 100, ScalingType: 'UNIFORM_SCALING' }),
      'ValidationException', onDemand);
    expect(rejection(() => kinesis.splitShard({ StreamName: 'nope', ShardToSplit: SHARD_0, NewStartingHashKey: '2' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
  });
});

describe('arguments and messages', () => {
  it('[U] refuses a ListShards ShardFilter missing its ShardId or Timestamp with InvalidArgumentException', () => {
    const { kinesis } = streamFixture(1);
    expect(rejection(() => kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID' } }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'ShardId must be specified when ShardFilter type is AFTER_SHARD_ID.',
    });
    for (const Type of ['AT_TIMESTAMP', 'FROM_TIMESTAMP'] as const) {
      expect(rejection(() => kinesis.listShards({ StreamName: 's', ShardFilter: { Type } }))).toEqual({
        name: 'InvalidArgumentException',
        message: `Timestamp must be specified when ShardFilter type is ${Type}.`,
      });
    }
  });
});
