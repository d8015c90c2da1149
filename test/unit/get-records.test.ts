import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT, HOUR_MS } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const SHARD_0 = 'shardId-000000000000';
const MiB = 1024 * 1024;

function setup(startMs = T0, options: { tokenSecret?: string } = {}) {
  const clock = new ManualClock(startMs);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const write = (n: number, size = 1) => {
    const data = new Uint8Array(size);
    data[0] = n;
    return kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: data }).SequenceNumber;
  };
  const trimHorizon = () =>
    kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
  const firstBytes = (iterator: string, limit?: number) =>
    kinesis.getRecords({ ShardIterator: iterator, ...(limit === undefined ? {} : { Limit: limit }) }).Records.map((r) => r.Data[0]);
  return { clock, kinesis, write, trimHorizon, firstBytes };
}

describe('GetRecords paging', () => {
  it('resumes exactly where the previous page stopped (Limit 2 then 3)', () => {
    const { kinesis, write, trimHorizon } = setup();
    [1, 2, 3, 4, 5, 6].forEach((n) => write(n));
    const first = kinesis.getRecords({ ShardIterator: trimHorizon(), Limit: 2 });
    expect(first.Records.map((r) => r.Data[0])).toEqual([1, 2]);
    const second = kinesis.getRecords({ ShardIterator: first.NextShardIterator!, Limit: 3 });
    expect(second.Records.map((r) => r.Data[0])).toEqual([3, 4, 5]);
    const third = kinesis.getRecords({ ShardIterator: second.NextShardIterator! });
    expect(third.Records.map((r) => r.Data[0])).toEqual([6]);
  });

  it('re-reads the same records when an iterator is used twice', () => {
    const { write, trimHorizon, firstBytes } = setup();
    [1, 2, 3].forEach((n) => write(n));
    const it = trimHorizon();
    expect(firstBytes(it, 2)).toEqual([1, 2]);
    expect(firstBytes(it, 2)).toEqual([1, 2]);
  });

  it('returns an empty page with a NextShardIterator and MillisBehindLatest 0 on a caught-up open shard', () => {
    const { kinesis, trimHorizon, write } = setup();
    const empty = kinesis.getRecords({ ShardIterator: trimHorizon() });
    expect(empty).toEqual({ Records: [], NextShardIterator: expect.any(String), MillisBehindLatest: 0 });
    write(9);
    expect(kinesis.getRecords({ ShardIterator: empty.NextShardIterator! }).Records.map((r) => r.Data[0])).toEqual([9]);
  });

  it('returns each record with its sequence number, arrival time, data and key', () => {
    const { clock, kinesis, trimHorizon } = setup();
    clock.advance(42);
    const { SequenceNumber } = kinesis.putRecord({ StreamName: 's', PartitionKey: 'pk', Data: new Uint8Array([1, 2]) });
    expect(kinesis.getRecords({ ShardIterator: trimHorizon() }).Records).toEqual([
      { SequenceNumber, ApproximateArrivalTimestamp: new Date(T0 + 42), Data: new Uint8Array([1, 2]), PartitionKey: 'pk' },
    ]);
  });

  it('hands out a copy of Data: changing it does not change what the next read returns', () => {
    const { kinesis, write, trimHorizon, firstBytes } = setup();
    write(5);
    kinesis.getRecords({ ShardIterator: trimHorizon() }).Records[0]!.Data[0] = 77;
    expect(firstBytes(trimHorizon())).toEqual([5]);
  });
});

describe('GetRecords NextShardIterator', () => {
  it('differs from the iterator passed in and starts a fresh 300 s window', () => {
    const { clock, kinesis, trimHorizon, write } = setup();
    write(1);
    const original = trimHorizon();
    clock.advance(200_000);
    const next = kinesis.getRecords({ ShardIterator: original }).NextShardIterator!;
    expect(next).not.toBe(original);
    clock.advance(200_000);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: original })).name).toBe('ExpiredIteratorException');
    expect(kinesis.getRecords({ ShardIterator: next })).toMatchObject({ Records: [] });
  });
});

describe('GetRecords expiry', () => {
  it('accepts an iterator exactly 300000 ms old', () => {
    const { clock, kinesis, trimHorizon } = setup();
    const it = trimHorizon();
    clock.advance(300_000);
    expect(kinesis.getRecords({ ShardIterator: it }).Records).toEqual([]);
  });

  it("refuses an older iterator with Java's date format in the message", () => {
    const created = Date.UTC(2015, 0, 22, 1, 22, 2);
    const { clock, kinesis, trimHorizon } = setup(created);
    const it = trimHorizon();
    clock.set(Date.UTC(2015, 0, 22, 1, 27, 3));
    expect(rejection(() => kinesis.getRecords({ ShardIterator: it }))).toEqual({
      name: 'ExpiredIteratorException',
      message:
        'Iterator expired. The iterator was created at time Thu Jan 22 01:22:02 UTC 2015 while right now it is ' +
        'Thu Jan 22 01:27:03 UTC 2015 which is further in the future than the tolerated delay of 300000 milliseconds.',
    });
  });

  it('refuses an iterator 300001 ms old', () => {
    const created = Date.UTC(2015, 0, 22, 1, 22, 2);
    const { clock, kinesis, trimHorizon } = setup(created);
    const it = trimHorizon();
    clock.advance(300_001);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: it }))).toEqual({
      name: 'ExpiredIteratorException',
      message:
        'Iterator expired. The iterator was created at time Thu Jan 22 01:22:02 UTC 2015 while right now it is ' +
        'Thu Jan 22 01:27:02 UTC 2015 which is further in the future than the tolerated delay of 300000 milliseconds.',
    });
  });
});

describe('GetRecords invalid iterators', () => {
  const invalid = { name: 'InvalidArgumentException', message: 'Invalid ShardIterator.' };

  it('rejects garbage and truncated tokens', () => {
    const { kinesis, trimHorizon } = setup();
    for (const token of ['garbage', 'AAAAAAAAAAE=', 'AAAAAAAAAAE', trimHorizon().slice(0, -4)]) {
      expect(rejection(() => kinesis.getRecords({ ShardIterator: token }))).toEqual(invalid);
    }
  });

  it('rejects a token with any one character changed', () => {
    const { kinesis, trimHorizon } = setup();
    const token = trimHorizon();
    for (let at = 0; at < token.length; at++) {
      const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      expect(rejection(() => kinesis.getRecords({ ShardIterator: tampered }))).toEqual(invalid);
    }
  });

  it('rejects a NextToken of a list operation and an iterator sealed with another secret', () => {
    const { kinesis } = setup();
    kinesis.createStream({ StreamName: 'a', ShardCount: 1 });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: kinesis.listStreams({ Limit: 1 }).NextToken! }))).toEqual(invalid);
    const other = setup(T0, { tokenSecret: 'another secret' });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: other.trimHorizon() }))).toEqual(invalid);
  });

  it('checks the token before its age', () => {
    const { clock, kinesis, trimHorizon } = setup();
    const token = trimHorizon();
    clock.advance(400_000);
    const tampered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: tampered }))).toEqual(invalid);
  });

  it('answers "Shard ... does not exist" for an iterator of a deleted stream', () => {
    const { kinesis, trimHorizon } = setup();
    const it = trimHorizon();
    kinesis.deleteStream({ StreamName: 's' });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: it }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard ${SHARD_0} in stream s under account ${ACCOUNT} does not exist`,
    });
  });

  it('does not let an iterator read a re-created stream of the same name', () => {
    const { kinesis, trimHorizon } = setup();
    const it = trimHorizon();
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([1]) });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: it }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard ${SHARD_0} in stream s under account ${ACCOUNT} does not exist`,
    });
  });

  it('rejects an empty iterator and a Limit outside 1..10000 with the model validation text', () => {
    const { kinesis, trimHorizon } = setup();
    expect(rejection(() => kinesis.getRecords({ ShardIterator: '' }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '' at 'shardIterator' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: trimHorizon(), Limit: 10001 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });
});

describe('GetRecords StreamARN', () => {
  it("accepts the iterator's own stream ARN", () => {
    const { kinesis, write, trimHorizon } = setup();
    write(1);
    expect(kinesis.getRecords({ ShardIterator: trimHorizon(), StreamARN: ARN }).Records).toHaveLength(1);
  });

  it('[U] refuses the ARN of another stream', () => {
    const { kinesis, trimHorizon } = setup();
    const other = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/t`;
    expect(rejection(() => kinesis.getRecords({ ShardIterator: trimHorizon(), StreamARN: other }))).toEqual({
      name: 'InvalidArgumentException',
      message: `StreamName s and StreamARN ${other} do not refer to the same stream.`,
    });
  });
});

describe('GetRecords 10 MiB cap', () => {
  it('returns 10 of 11 records of 1 MiB in one call and the last in the next', () => {
    const { kinesis, write, trimHorizon } = setup();
    for (let n = 0; n < 11; n++) write(n, MiB - 1);
    const first = kinesis.getRecords({ ShardIterator: trimHorizon() });
    expect(first.Records.map((r) => r.Data[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(kinesis.getRecords({ ShardIterator: first.NextShardIterator! }).Records.map((r) => r.Data[0])).toEqual([10]);
  });

  it('counts Data bytes only: exactly 10 MiB of Data fits in one call, one byte more does not', () => {
    const { kinesis, write, trimHorizon } = setup();
    for (let n = 0; n < 10; n++) write(n, MiB - 1);
    write(10, 10); // brings the Data total to exactly 10 MiB
    write(11, 1);
    const first = kinesis.getRecords({ ShardIterator: trimHorizon() });
    expect(first.Records).toHaveLength(11);
    expect(kinesis.getRecords({ ShardIterator: first.NextShardIterator! }).Records.map((r) => r.Data[0])).toEqual([11]);
  });
});

describe('GetRecords MillisBehindLatest', () => {
  it('[U] is how far the next unread record lags the clock while records remain, and 0 once caught up', () => {
    const { clock, kinesis, write, trimHorizon } = setup();
    write(1);
    clock.advance(2_000);
    write(2);
    clock.advance(3_000);
    const behind = kinesis.getRecords({ ShardIterator: trimHorizon(), Limit: 1 });
    // Record 2 (unread) arrived 3000 ms ago; record 1 (just returned) 5000 ms ago.
    expect(behind.MillisBehindLatest).toBe(3_000);
    const caughtUp = kinesis.getRecords({ ShardIterator: behind.NextShardIterator! });
    expect(caughtUp.Records).toHaveLength(1);
    expect(caughtUp.MillisBehindLatest).toBe(0);
  });
});

describe('GetRecords retention', () => {
  it('never returns a record 24 h old, and still returns it 1 ms earlier', () => {
    const { clock, write, trimHorizon, firstBytes } = setup();
    write(1);
    clock.advance(HOUR_MS);
    write(2);
    clock.set(T0 + 24 * HOUR_MS - 1);
    expect(firstBytes(trimHorizon())).toEqual([1, 2]);
    clock.set(T0 + 24 * HOUR_MS);
    expect(firstBytes(trimHorizon())).toEqual([2]);
    clock.set(T0 + 25 * HOUR_MS);
    expect(firstBytes(trimHorizon())).toEqual([]);
  });

  it('skips records that expired after the iterator was issued', () => {
    const { clock, kinesis, write, trimHorizon } = setup();
    write(1);
    clock.advance(HOUR_MS);
    write(2);
    clock.set(T0 + 24 * HOUR_MS - 100_000);
    const it = trimHorizon();
    clock.set(T0 + 24 * HOUR_MS);
    expect(kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('starts an AT_SEQUENCE_NUMBER iterator of an expired record at the oldest retained one', () => {
    const { clock, kinesis, write } = setup();
    const first = write(1);
    clock.advance(HOUR_MS);
    write(2);
    clock.set(T0 + 24 * HOUR_MS);
    const it = kinesis.getShardIterator({
      StreamName: 's',
      ShardId: SHARD_0,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      StartingSequenceNumber: first,
    }).ShardIterator!;
    expect(kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('keeps exactly the records younger than 24 h across many storage segments', () => {
    const { clock, kinesis, write, trimHorizon } = setup();
    // 400 KB records fill a 1 MiB storage segment every two or three records.
    for (let n = 0; n < 30; n++) {
      clock.set(T0 + n * HOUR_MS);
      write(n, 400_000);
    }
    clock.set(T0 + 29 * HOUR_MS + 1);
    const seen: number[] = [];
    let it: string | undefined = trimHorizon();
    for (let page = 0; page < 10 && it !== undefined; page++) {
      const out = kinesis.getRecords({ ShardIterator: it, Limit: 7 });
      seen.push(...out.Records.map((r) => r.Data[0]!));
      if (out.Records.length === 0) break;
      it = out.NextShardIterator;
    }
    expect(seen).toEqual(Array.from({ length: 24 }, (_, i) => i + 6));
  });
});
