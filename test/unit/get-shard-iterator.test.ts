import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type GetShardIteratorInput } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const SHARD_0 = 'shardId-000000000000';
const SHARD_1 = 'shardId-000000000001';
// ExplicitHashKeys that land in shard 0 and shard 1 of a two-shard stream.
const IN_SHARD_0 = '0';
const IN_SHARD_1 = '340282366920938463463374607431768211455';
const MUST_EITHER =
  'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
  '(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. ';

function setup(shardCount = 2) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  /** Writes one record with data [n] to shard 0 or 1 and returns its sequence number. */
  const write = (n: number, shard: 0 | 1 = 0) =>
    kinesis.putRecord({
      StreamName: 's',
      PartitionKey: 'k',
      Data: new Uint8Array([n]),
      ExplicitHashKey: shard === 0 ? IN_SHARD_0 : IN_SHARD_1,
    }).SequenceNumber;
  const iterator = (input: Omit<GetShardIteratorInput, 'StreamName'>) =>
    kinesis.getShardIterator({ StreamName: 's', ...input }).ShardIterator!;
  /** The data bytes GetRecords returns from a fresh iterator. */
  const read = (input: Omit<GetShardIteratorInput, 'StreamName'>) =>
    kinesis.getRecords({ ShardIterator: iterator(input) }).Records.map((r) => r.Data[0]);
  return { clock, kinesis, write, iterator, read };
}

describe('GetShardIterator shard IDs', () => {
  it('echoes an unparseable shard ID in "Could not find shard"', () => {
    const { kinesis } = setup();
    for (const raw of ['ABKLFD8', '2.14E4', '2147483648', 'shardId-002147483648', 'a-b-1', 'shardId-']) {
      expect(rejection(() => kinesis.getShardIterator({ StreamName: 's', ShardId: raw, ShardIteratorType: 'LATEST' }))).toEqual({
        name: 'ResourceNotFoundException',
        message: `Could not find shard ${raw} in stream s under account ${ACCOUNT}.`,
      });
    }
  });

  it('parses the shard ID before looking the stream up', () => {
    const { kinesis } = setup();
    expect(rejection(() => kinesis.getShardIterator({ StreamName: 'nope', ShardId: 'ABKLFD8', ShardIteratorType: 'LATEST' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Could not find shard ABKLFD8 in stream nope under account ${ACCOUNT}.`,
    });
  });

  it('names the normalised shard when the stream does not exist', () => {
    const { kinesis } = setup();
    expect(
      rejection(() => kinesis.getShardIterator({ StreamName: 'nope', ShardId: '2147483647', ShardIteratorType: 'LATEST' })),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard shardId-002147483647 in stream nope under account ${ACCOUNT} does not exist`,
    });
  });

  it('names the normalised shard when the index is beyond the stream', () => {
    const { kinesis } = setup();
    for (const raw of ['shardId-000000000002', '5', 'shardId-5']) {
      const index = raw.replace(/^.*-/, '');
      expect(rejection(() => kinesis.getShardIterator({ StreamName: 's', ShardId: raw, ShardIteratorType: 'LATEST' }))).toEqual({
        name: 'ResourceNotFoundException',
        message: `Shard shardId-${index.padStart(12, '0')} in stream s under account ${ACCOUNT} does not exist`,
      });
    }
  });

  it("reads shard 0 for the lenient spellings '0', 'shard-0', 'anything-0', '-0', '000' and 'shardId-0'", () => {
    const { write, read } = setup();
    write(10, 0);
    write(11, 1);
    for (const raw of ['0', 'shard-0', 'anything-0', '-0', '000', 'shardId-0', SHARD_0]) {
      expect(read({ ShardId: raw, ShardIteratorType: 'TRIM_HORIZON' })).toEqual([10]);
    }
    expect(read({ ShardId: 'x-00000000001', ShardIteratorType: 'TRIM_HORIZON' })).toEqual([11]);
  });
});

describe('GetShardIterator type and parameter consistency', () => {
  const { kinesis, write } = setup();
  const seq = write(1);
  const get = (input: Omit<GetShardIteratorInput, 'StreamName' | 'ShardId'>) => () =>
    kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ...input });

  it('refuses a StartingSequenceNumber with TRIM_HORIZON or LATEST', () => {
    for (const type of ['TRIM_HORIZON', 'LATEST'] as const) {
      expect(rejection(get({ ShardIteratorType: type, StartingSequenceNumber: seq }))).toEqual({
        name: 'InvalidArgumentException',
        message: `${MUST_EITHER}Request specified ${type} and also a StartingSequenceNumber.`,
      });
    }
  });

  it('requires a StartingSequenceNumber with AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER', () => {
    for (const type of ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'] as const) {
      expect(rejection(get({ ShardIteratorType: type }))).toEqual({
        name: 'InvalidArgumentException',
        message: `${MUST_EITHER}Request specified ${type} and no StartingSequenceNumber.`,
      });
    }
  });

  it('requires a Timestamp with AT_TIMESTAMP', () => {
    expect(rejection(get({ ShardIteratorType: 'AT_TIMESTAMP' }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
    });
  });

  it('refuses a Timestamp after the current time, printing both in epoch ms', () => {
    expect(rejection(get({ ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0 + 1) }))).toEqual({
      name: 'InvalidArgumentException',
      message: `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${T0 + 1}, currentTimestampInMillis: ${T0}`,
    });
    expect(get({ ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0) })()).toHaveProperty('ShardIterator');
  });

  it('rejects an unknown iterator type with the enum in AWS order', () => {
    expect(rejection(get({ ShardIteratorType: 'OLDEST' as never }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]',
    });
  });

  it('reports a missing stream before an inconsistent type', () => {
    expect(
      rejection(() => kinesis.getShardIterator({ StreamName: 'nope', ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER' })),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard ${SHARD_0} in stream nope under account ${ACCOUNT} does not exist`,
    });
  });
});

describe('GetShardIterator StartingSequenceNumber checks', () => {
  it('rejects a number that does not decode, naming the normalised shard', () => {
    const { kinesis } = setup();
    for (const seq of ['12345', '0', '9'.repeat(56)]) {
      expect(
        rejection(() =>
          kinesis.getShardIterator({ StreamName: 's', ShardId: '0', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: seq }),
        ),
      ).toEqual({
        name: 'InvalidArgumentException',
        message: `StartingSequenceNumber ${seq} used in GetShardIterator on shard ${SHARD_0} in stream s under account ${ACCOUNT} is invalid.`,
      });
    }
  });

  it('rejects a number of another shard with "It encodes"', () => {
    const { kinesis, write } = setup();
    const ofShard1 = write(1, 1);
    expect(
      rejection(() =>
        kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: ofShard1 }),
      ),
    ).toEqual({
      name: 'InvalidArgumentException',
      message: `Invalid StartingSequenceNumber. It encodes ${SHARD_1}, while it was used in a call to a shard with ${SHARD_0}`,
    });
  });

  it('rejects a number from an earlier stream of the same name with "did not come from this stream"', () => {
    const { kinesis, write } = setup();
    const old = write(1, 0);
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    expect(
      rejection(() =>
        kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: old }),
      ),
    ).toEqual({
      name: 'InvalidArgumentException',
      message: `StartingSequenceNumber ${old} used in GetShardIterator on shard ${SHARD_0} in stream s under account ${ACCOUNT} is invalid because it did not come from this stream.`,
    });
  });

  it('rejects a number from another stream with "did not come from this stream"', () => {
    const { kinesis, write } = setup();
    kinesis.createStream({ StreamName: 't', ShardCount: 2 });
    const ofT = kinesis.putRecord({ StreamName: 't', PartitionKey: 'k', Data: new Uint8Array(), ExplicitHashKey: '0' }).SequenceNumber;
    write(1, 0);
    expect(
      rejection(() =>
        kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: ofT }),
      ).message,
    ).toMatch(/is invalid because it did not come from this stream\.$/);
  });
});

describe('GetShardIterator positions', () => {
  it('TRIM_HORIZON starts at the oldest record', () => {
    const { write, read } = setup();
    [1, 2, 3].forEach((n) => write(n));
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' })).toEqual([1, 2, 3]);
  });

  it('LATEST is fixed at call time: it skips earlier records and returns records written later', () => {
    const { kinesis, write, iterator } = setup();
    write(1);
    write(2);
    const latest = iterator({ ShardId: SHARD_0, ShardIteratorType: 'LATEST' });
    expect(kinesis.getRecords({ ShardIterator: latest }).Records).toEqual([]);
    write(3);
    write(4);
    expect(kinesis.getRecords({ ShardIterator: latest }).Records.map((r) => r.Data[0])).toEqual([3, 4]);
  });

  it('AT_SEQUENCE_NUMBER starts at that record, AFTER_SEQUENCE_NUMBER just after it', () => {
    const { write, read } = setup();
    const seqs = [1, 2, 3].map((n) => write(n));
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: seqs[1] })).toEqual([2, 3]);
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: seqs[1] })).toEqual([3]);
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: seqs[2] })).toEqual([]);
  });

  it("treats the shard's StartingSequenceNumber as the position before the first record", () => {
    const { kinesis, write, read } = setup();
    [1, 2].forEach((n) => write(n));
    const start = kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards[0]!.SequenceNumberRange.StartingSequenceNumber;
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: start })).toEqual([1, 2]);
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: start })).toEqual([1, 2]);
  });

  it('AFTER the newest record returns the records written later', () => {
    const { kinesis, write, iterator } = setup();
    const last = write(1);
    const after = iterator({ ShardId: SHARD_0, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: last });
    write(2);
    expect(kinesis.getRecords({ ShardIterator: after }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('[U] accepts a number of this shard beyond the newest record and starts after the newest record', () => {
    const { kinesis, write, iterator } = setup();
    const last = write(1);
    const beyond = String(BigInt(last) + 5n);
    const it = iterator({ ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: beyond });
    write(2);
    expect(kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('AT_TIMESTAMP starts at the first record that arrived at or after the timestamp', () => {
    const { clock, write, read } = setup();
    clock.set(T0 + 1_000);
    write(1);
    clock.set(T0 + 2_000);
    write(2);
    write(3);
    clock.set(T0 + 3_000);
    write(4);
    const at = (ms: number) => read({ ShardId: SHARD_0, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0 + ms) });
    expect(at(0)).toEqual([1, 2, 3, 4]);
    expect(at(1_000)).toEqual([1, 2, 3, 4]);
    expect(at(1_001)).toEqual([2, 3, 4]);
    expect(at(2_000)).toEqual([2, 3, 4]);
    expect(at(2_999)).toEqual([4]);
    expect(at(3_000)).toEqual([4]);
  });

  it('AT_TIMESTAMP after the newest record behaves like LATEST at call time', () => {
    const { kinesis, clock, write, iterator } = setup();
    write(1);
    clock.advance(10);
    const it = iterator({ ShardId: SHARD_0, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0 + 5) });
    write(2);
    expect(kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('AT_TIMESTAMP before the trim horizon behaves like TRIM_HORIZON', () => {
    const { clock, write, read } = setup();
    write(1);
    clock.advance(2 * 3_600_000);
    write(2);
    clock.advance(23 * 3_600_000);
    // Record 1 is now 25 h old and past the 24 h retention.
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(T0) })).toEqual([2]);
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' })).toEqual([2]);
  });

  it('positions iterators per shard: records of another shard never appear', () => {
    const { write, read } = setup();
    write(1, 0);
    write(2, 1);
    write(3, 0);
    expect(read({ ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' })).toEqual([1, 3]);
    expect(read({ ShardId: SHARD_1, ShardIteratorType: 'TRIM_HORIZON' })).toEqual([2]);
  });
});

describe('GetShardIterator tokens and streams', () => {
  it("returns an opaque token shaped like AWS's, within the model's 512 characters even for a 128-character name", () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const name = 'n'.repeat(128);
    kinesis.createStream({ StreamName: name, ShardCount: 1 });
    const token = kinesis.getShardIterator({ StreamName: name, ShardId: SHARD_0, ShardIteratorType: 'LATEST' }).ShardIterator!;
    expect(token).toMatch(/^AAAAAAAAAAE[A-Za-z0-9+/]*={0,2}$/);
    expect(token.length).toBeLessThanOrEqual(512);
  });

  it('gives identical tokens for identical calls at the same time', () => {
    const { iterator } = setup();
    expect(iterator({ ShardId: SHARD_0, ShardIteratorType: 'LATEST' })).toBe(iterator({ ShardId: SHARD_0, ShardIteratorType: 'LATEST' }));
  });

  it('finds the stream by ARN', () => {
    const { kinesis, write } = setup();
    write(1);
    const it = kinesis.getShardIterator({ StreamARN: ARN, ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    expect(kinesis.getRecords({ ShardIterator: it }).Records).toHaveLength(1);
  });

  it('answers "Shard ... does not exist" once the stream is deleted', () => {
    const { kinesis } = setup();
    kinesis.deleteStream({ StreamName: 's' });
    expect(rejection(() => kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'LATEST' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard ${SHARD_0} in stream s under account ${ACCOUNT} does not exist`,
    });
  });
});
