// The opt-in per-shard throughput limits (KinesisOptions.throughputLimits): writes 1000 records and 1 MiB per
// second, GetRecords 5 calls per second and 2 MiB/s of data, GetShardIterator 5 calls per second.
import { describe, expect, it } from 'vitest';
import { Kinesis, type PutRecordsRequestEntry } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { expectRejected, streamFixture, T0, ACCOUNT } from '../support/stream-fixture.js';

const SHARD_0 = 'shardId-000000000000';
const MiB = 1024 * 1024;
const LIMITS = { throughputLimits: true };
const THROTTLED = 'ProvisionedThroughputExceededException';
const writeThrottle = (shardId: string) => `Rate exceeded for shard ${shardId} in stream s under account ${ACCOUNT}.`;
const readThrottle = (shardId: string) => `Rate exceeded for Shard - ${ACCOUNT}/s/${shardId}`;

function entries(count: number, key: string, dataBytes = 1): PutRecordsRequestEntry[] {
  return Array.from({ length: count }, (_, i) => ({ PartitionKey: key, Data: new Uint8Array(dataBytes).fill(i % 256) }));
}

function put(kinesis: Kinesis, key: string, dataBytes = 1) {
  return kinesis.putRecord({ StreamName: 's', PartitionKey: key, Data: new Uint8Array(dataBytes) });
}

/** Writes `count` records with key `key` to stream 's', in PutRecords calls of 500. */
function fill(kinesis: Kinesis, count: number, key = 'k'): void {
  for (let done = 0; done < count; done += 500) {
    const out = kinesis.putRecords({ StreamName: 's', Records: entries(Math.min(500, count - done), key) });
    expect(out.FailedRecordCount).toBe(0);
  }
}

function iterator(kinesis: Kinesis, shardId = SHARD_0): string {
  return kinesis.getShardIterator({ StreamName: 's', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
}

/** The partition keys stored in shard 0 (reads one iterator and one GetRecords call). */
function storedKeys(kinesis: Kinesis): string[] {
  return kinesis.getRecords({ ShardIterator: iterator(kinesis) }).Records.map((r) => r.PartitionKey!);
}

describe('write limit: 1000 records per shard per second', () => {
  it('accepts 1000 records in a second and refuses the 1001st PutRecord with AWS text, storing nothing', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    fill(kinesis, 1000);
    expectRejected(kinesis, () => put(kinesis, 'late'), THROTTLED, writeThrottle(SHARD_0));
    clock.advance(1000);
    const keys = storedKeys(kinesis);
    expect(keys).toHaveLength(1000);
    expect(keys).not.toContain('late');
  });

  it('fails only the PutRecords entries past the limit, in order, with ErrorCode and ErrorMessage alone', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    fill(kinesis, 998);
    const out = kinesis.putRecords({ StreamName: 's', Records: ['a', 'b', 'c', 'd', 'e'].flatMap((key) => entries(1, key)) });
    expect(out.FailedRecordCount).toBe(3);
    const failure = { ErrorCode: THROTTLED, ErrorMessage: writeThrottle(SHARD_0) };
    expect(out.Records.slice(2)).toEqual([failure, failure, failure]);
    for (const ok of out.Records.slice(0, 2)) expect(ok).toEqual({ ShardId: SHARD_0, SequenceNumber: expect.any(String) });
    clock.advance(1000);
    expect(storedKeys(kinesis).slice(997)).toEqual(['k', 'a', 'b']);
  });

  it('opens a fresh window when the clock reaches the next second, and not before', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    clock.advance(999); // T0 is on a whole second: this is the window's last millisecond
    fill(kinesis, 1000);
    expect(rejection(() => put(kinesis, 'k')).name).toBe(THROTTLED);
    clock.advance(1);
    fill(kinesis, 1000);
    expect(rejection(() => put(kinesis, 'k')).name).toBe(THROTTLED);
  });

  it('throttles only the hot key’s shard of a 4-shard stream; entries for other shards succeed around it', () => {
    const { kinesis } = streamFixture(4, LIMITS);
    const hotShard = put(kinesis, 'hot').ShardId!;
    fill(kinesis, 999, 'hot');
    // Where each key routes, learnt from an unlimited engine with the same shards.
    const router = streamFixture(4).kinesis;
    const routed = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => ({ key, shardId: put(router, key).ShardId }));
    const cold = routed.filter((r) => r.shardId !== hotShard);
    expect(new Set(cold.map((r) => r.shardId)).size).toBe(3);
    const records = cold.flatMap(({ key }) => [...entries(1, 'hot'), ...entries(1, key)]);
    const out = kinesis.putRecords({ StreamName: 's', Records: records });
    expect(out.FailedRecordCount).toBe(cold.length);
    const failure = { ErrorCode: THROTTLED, ErrorMessage: writeThrottle(hotShard) };
    expect(out.Records).toEqual(
      cold.flatMap(({ shardId }) => [failure, { ShardId: shardId, SequenceNumber: expect.any(String) }]),
    );
  });
});

describe('write limit: 1 MiB of data and UTF-8 partition keys per shard per second', () => {
  it('admits records up to exactly 1 MiB and refuses the next byte', () => {
    const { kinesis } = streamFixture(1, LIMITS);
    put(kinesis, 'k', MiB / 2 - 1);
    put(kinesis, 'é', MiB / 2 - 2); // the key is 2 bytes in UTF-8: the window now holds exactly 1 MiB
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(0) }))).toEqual({
      name: THROTTLED,
      message: writeThrottle(SHARD_0),
    });
  });

  it('counts the partition key in UTF-8 bytes, not characters', () => {
    const { kinesis } = streamFixture(1, LIMITS);
    put(kinesis, 'k', MiB / 2 - 1);
    expect(rejection(() => put(kinesis, 'é', MiB / 2 - 1)).name).toBe(THROTTLED);
    expect(put(kinesis, 'k', MiB / 2 - 1).ShardId).toBe(SHARD_0);
  });

  it('[U] admits a record over 1 MiB (large records) only into an empty window, which it then fills', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    kinesis.createStream({ StreamName: 'big', ShardCount: 1, MaxRecordSizeInKiB: 4096 });
    const big = (dataBytes: number) => kinesis.putRecord({ StreamName: 'big', PartitionKey: 'k', Data: new Uint8Array(dataBytes) });
    expect(big(3 * MiB).ShardId).toBe(SHARD_0);
    expect(rejection(() => big(1)).name).toBe(THROTTLED);
    clock.advance(1000);
    big(1);
    expect(rejection(() => big(3 * MiB)).name).toBe(THROTTLED);
  });
});

describe('read limits', () => {
  it('serves 5 GetRecords per shard per second and refuses the 6th with AWS text', () => {
    const { kinesis, clock } = streamFixture(2, LIMITS);
    // [U] 100 bytes of data take under half a millisecond of the 2 MiB/s budget: the next call may come at once.
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(99), ExplicitHashKey: '0' });
    let it = iterator(kinesis);
    for (let i = 0; i < 5; i++) it = kinesis.getRecords({ ShardIterator: it }).NextShardIterator!;
    expect(rejection(() => kinesis.getRecords({ ShardIterator: it }))).toEqual({ name: THROTTLED, message: readThrottle(SHARD_0) });
    expect(kinesis.getRecords({ ShardIterator: iterator(kinesis, 'shardId-000000000001') }).Records).toEqual([]);
    clock.advance(1000);
    expect(kinesis.getRecords({ ShardIterator: it }).Records).toEqual([]);
  });

  it('serves the call that takes a second past 2 MiB, then blocks until the excess is paid at 2 MiB/s; refused calls do not count', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    const record = new Uint8Array(65_535); // with its 1-byte key, 16 of these are 1 MiB: one second's writes
    for (let second = 0; second < 3; second++) {
      expect(kinesis.putRecords({ StreamName: 's', Records: Array(16).fill({ PartitionKey: 'k', Data: record }) }).FailedRecordCount).toBe(0);
      clock.advance(1000);
    }
    // A fresh second: 1.5 MiB, then 1.5 MiB more (the call that crosses 2 MiB is served), 1 MiB of excess.
    const first = kinesis.getRecords({ ShardIterator: iterator(kinesis), Limit: 24 });
    const second = kinesis.getRecords({ ShardIterator: first.NextShardIterator!, Limit: 24 });
    expect([first.Records.length, second.Records.length]).toEqual([24, 24]);
    const next = second.NextShardIterator!;
    expect(rejection(() => kinesis.getRecords({ ShardIterator: next }))).toEqual({ name: THROTTLED, message: readThrottle(SHARD_0) });
    clock.advance(1000 + 499); // the excess (1 MiB less 48 bytes) is paid 500 ms (rounded) after this second ends
    expect(rejection(() => kinesis.getRecords({ ShardIterator: next })).name).toBe(THROTTLED);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: next })).name).toBe(THROTTLED);
    clock.advance(1);
    // The refused calls used none of this second's 5 calls.
    for (let i = 0; i < 5; i++) kinesis.getRecords({ ShardIterator: next });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: next })).name).toBe(THROTTLED);
  });

  it('after a 10 MiB read refuses calls for the next 5 s, as AWS documents', () => {
    const { kinesis, clock } = streamFixture(1, LIMITS);
    kinesis.createStream({ StreamName: 'big', ShardCount: 1, MaxRecordSizeInKiB: 10240 });
    kinesis.putRecord({ StreamName: 'big', PartitionKey: 'k', Data: new Uint8Array(10 * MiB - 1) });
    const start = kinesis.getShardIterator({ StreamName: 'big', ShardId: SHARD_0, ShardIteratorType: 'TRIM_HORIZON' });
    const next = kinesis.getRecords({ ShardIterator: start.ShardIterator! }).NextShardIterator!;
    clock.advance(4999); // [U] the 8 MiB beyond 2 MiB take 4000 ms (rounded) after the first second ends
    expect(rejection(() => kinesis.getRecords({ ShardIterator: next }))).toEqual({
      name: THROTTLED,
      message: `Rate exceeded for Shard - ${ACCOUNT}/big/${SHARD_0}`,
    });
    clock.advance(1);
    expect(kinesis.getRecords({ ShardIterator: next }).Records).toEqual([]);
  });
});

describe('GetShardIterator limit: 5 calls per shard per second', () => {
  it('refuses the 6th call in a second with the write throttle text [U], per shard, until the next second', () => {
    const { kinesis, clock } = streamFixture(2, LIMITS);
    for (let i = 0; i < 5; i++) iterator(kinesis);
    expect(rejection(() => iterator(kinesis))).toEqual({ name: THROTTLED, message: writeThrottle(SHARD_0) });
    iterator(kinesis, 'shardId-000000000001');
    clock.advance(1000);
    iterator(kinesis);
  });

  it('checks its arguments first: a rejected request neither counts nor is answered with a throttle', () => {
    const { kinesis } = streamFixture(1, LIMITS);
    const bad = { StreamName: 's', ShardId: SHARD_0, ShardIteratorType: 'AT_SEQUENCE_NUMBER' } as const;
    for (let i = 0; i < 5; i++) expect(rejection(() => kinesis.getShardIterator(bad)).name).toBe('InvalidArgumentException');
    for (let i = 0; i < 5; i++) iterator(kinesis);
    expect(rejection(() => kinesis.getShardIterator(bad)).name).toBe('InvalidArgumentException');
  });
});

describe('check order on writes', () => {
  it('answers whole-request errors before throttling, and they use no budget', () => {
    const { kinesis } = streamFixture(1, LIMITS);
    const tooBig = '340282366920938463463374607431768211456';
    const bad = { PartitionKey: 'k', Data: new Uint8Array(1), ExplicitHashKey: tooBig };
    fill(kinesis, 1000);
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', ...bad })).name).toBe('InvalidArgumentException');
    const mixed = { StreamName: 's', Records: [...entries(1, 'k'), bad] };
    expect(rejection(() => kinesis.putRecords(mixed)).name).toBe('InvalidArgumentException');
  });
});

describe('with the option off (the default)', () => {
  it('never throttles: 5000 records to one shard, then 10 GetShardIterator and GetRecords calls, in one millisecond', () => {
    const { kinesis } = streamFixture(1);
    fill(kinesis, 5000);
    for (let i = 0; i < 10; i++) expect(kinesis.getRecords({ ShardIterator: iterator(kinesis) }).Records).toHaveLength(5000);
    expect(put(kinesis, 'k', MiB - 1).ShardId).toBe(SHARD_0);
  });
});
