import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type PutRecordsRequestEntry } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { shardId, engine, T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const TOO_BIG_KEY = '340282366920938463463374607431768211456';
const MiB = 1024 * 1024;

function entry(key: string, bytes: number[] = [1], explicit?: string): PutRecordsRequestEntry {
  return { PartitionKey: key, Data: new Uint8Array(bytes), ...(explicit === undefined ? {} : { ExplicitHashKey: explicit }) };
}

/** Every record of every shard as [shardId, partition key, data bytes]. */
function contents(kinesis: Kinesis): [string, string, number[]][] {
  const out: [string, string, number[]][] = [];
  for (const shard of kinesis.listShards({ StreamName: 's' }).Shards ?? []) {
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
    for (const r of kinesis.getRecords({ ShardIterator: it.ShardIterator! }).Records) {
      out.push([shard.ShardId, r.PartitionKey!, [...r.Data]]);
    }
  }
  return out;
}

describe('PutRecords results', () => {
  it('answers one result per entry, in request order, routed like PutRecord, with FailedRecordCount 0', () => {
    const kinesis = engine(3);
    const out = kinesis.putRecords({ StreamName: 's', Records: ['a', 'b', 'e', 'f'].map((k) => entry(k)) });
    expect(out.FailedRecordCount).toBe(0);
    // Exactly these two members on an unencrypted stream: no EncryptionType.
    expect(Object.keys(out)).toEqual(['FailedRecordCount', 'Records']);
    expect(out.Records.map((r) => r.ShardId)).toEqual([shardId(0), shardId(1), shardId(2), shardId(1)]);
    for (const r of out.Records) {
      expect(r).toEqual({ ShardId: expect.any(String), SequenceNumber: expect.stringMatching(/^\d{56}$/) });
    }
  });

  it('routes entries of a two-shard stream as the AWS-verified MD5 vectors say', () => {
    const kinesis = engine(2);
    const out = kinesis.putRecords({ StreamName: 's', Records: ['a', 'b', 'e', 'f'].map((k) => entry(k)) });
    expect(out.Records.map((r) => r.ShardId)).toEqual([shardId(0), shardId(1), shardId(1), shardId(1)]);
  });

  it('honours ExplicitHashKey per entry, 0 and 2^128-1 included', () => {
    const kinesis = engine(3);
    const out = kinesis.putRecords({
      StreamName: 's',
      Records: [entry('e', [1], '0'), entry('a', [2], '340282366920938463463374607431768211455')],
    });
    expect(out.Records.map((r) => r.ShardId)).toEqual([shardId(0), shardId(2)]);
  });

  it('gives same-shard entries increasing sequence numbers in request order and stores them in that order', () => {
    const kinesis = engine(2);
    const keys = ['b', 'a', 'e', 'f', 'b', 'a'];
    const out = kinesis.putRecords({ StreamName: 's', Records: keys.map((k, i) => entry(k, [i])) });
    const byShard = new Map<string, bigint[]>();
    for (const r of out.Records) byShard.set(r.ShardId!, [...(byShard.get(r.ShardId!) ?? []), BigInt(r.SequenceNumber!)]);
    for (const numbers of byShard.values()) {
      for (let i = 1; i < numbers.length; i++) expect(numbers[i]! > numbers[i - 1]!).toBe(true);
    }
    expect(contents(kinesis)).toEqual([
      [shardId(0), 'a', [1]],
      [shardId(0), 'a', [5]],
      [shardId(1), 'b', [0]],
      [shardId(1), 'e', [2]],
      [shardId(1), 'f', [3]],
      [shardId(1), 'b', [4]],
    ]);
  });

  it('continues the sequence of a shard across PutRecord and PutRecords calls', () => {
    const kinesis = engine(1);
    const single = BigInt(kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array() }).SequenceNumber);
    const batch = kinesis.putRecords({ StreamName: 's', Records: [entry('a'), entry('b')] }).Records.map((r) => BigInt(r.SequenceNumber!));
    expect(batch[0]! > single).toBe(true);
    expect(batch[1]! > batch[0]!).toBe(true);
  });

  it('gives all records of one call the arrival time of the call', () => {
    const clock = new ManualClock(T0 + 777);
    const kinesis = engine(1, clock);
    kinesis.putRecords({ StreamName: 's', Records: [entry('a'), entry('b'), entry('c')] });
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const times = kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.ApproximateArrivalTimestamp);
    expect(times).toEqual([new Date(T0 + 777), new Date(T0 + 777), new Date(T0 + 777)]);
  });

  it('accepts 500 entries', () => {
    const kinesis = engine(4);
    const out = kinesis.putRecords({ StreamName: 's', Records: Array.from({ length: 500 }, (_, i) => entry(`k${i}`)) });
    expect(out.Records).toHaveLength(500);
    expect(out.FailedRecordCount).toBe(0);
  });
});

describe('PutRecords rejections store nothing', () => {
  it('fails the whole request when one entry has an ExplicitHashKey above 2^128-1', () => {
    const kinesis = engine(3);
    kinesis.putRecords({ StreamName: 's', Records: [entry('a', [0])] });
    const before = contents(kinesis);
    const call = () => kinesis.putRecords({ StreamName: 's', Records: [entry('a', [1]), entry('b', [2]), entry('c', [3], TOO_BIG_KEY)] });
    expect(rejection(call)).toEqual({
      name: 'InvalidArgumentException',
      message: `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${TOO_BIG_KEY}`,
    });
    expect(contents(kinesis)).toEqual(before);
  });

  it('fails the whole request when one entry is over the stream record size', () => {
    const kinesis = engine(1);
    // [U] AWS's exception and texts for the per-stream cap are not public.
    const withKey = () => kinesis.putRecords({ StreamName: 's', Records: [entry('a'), { PartitionKey: 'k', Data: new Uint8Array(MiB) }] });
    expect(rejection(withKey)).toEqual({
      name: 'ValidationException',
      message: `Record 2 is ${MiB + 1} bytes of data and UTF-8 partition key, over the stream's maximum record size of ${MiB} bytes.`,
    });
    // Data alone over the cap: the model's violation, with the data's own length.
    const dataAlone = () => kinesis.putRecords({ StreamName: 's', Records: [entry('a'), entry('b'), { PartitionKey: 'key', Data: new Uint8Array(MiB + 1) }] });
    expect(rejection(dataAlone)).toEqual({
      name: 'ValidationException',
      message:
        `1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=${MiB + 1} cap=${MiB + 1}]' at 'records.3.member.data' ` +
        `failed to satisfy constraint: Member must have length less than or equal to ${MiB}`,
    });
    expect(contents(kinesis)).toEqual([]);
  });

  it('fails the whole request when all entries together exceed 10 MiB', () => {
    const kinesis = engine(2);
    const records = Array.from({ length: 11 }, (_, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(MiB - 100) }));
    // [U] moto's wording; AWS's text for the whole-request cap is not public.
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: records }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Records size exceeds 10 MB limit',
    });
    expect(contents(kinesis)).toEqual([]);
  });

  it('accepts all entries together of exactly 10 MiB', () => {
    const kinesis = engine(1);
    // Ten entries of 1 MiB each: data (1 MiB - 2) plus a two-character key.
    const records = Array.from({ length: 10 }, (_, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(MiB - 2) }));
    expect(kinesis.putRecords({ StreamName: 's', Records: records }).Records).toHaveLength(10);
  });

  it('rejects an empty list and a list of 501 with the model validation text', () => {
    const kinesis = engine(1);
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [] }))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    const entryText = 'com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310';
    const many = Array.from({ length: 501 }, () => entry('a'));
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: many }))).toEqual({
      name: 'ValidationException',
      message:
        `1 validation error detected: Value '[${Array(501).fill(entryText).join(', ')}]' at 'records' ` +
        'failed to satisfy constraint: Member must have length less than or equal to 500',
    });
    expect(contents(kinesis)).toEqual([]);
  });

  it('names the offending entry of a malformed record by its 1-based index', () => {
    const kinesis = engine(1);
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [entry('a'), entry('')] }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [entry('a', [1], '01')] }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '01' at 'records.1.member.explicitHashKey' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})',
    });
    expect(contents(kinesis)).toEqual([]);
  });
});

describe('PutRecords with a detached Data buffer', () => {
  /** A Uint8Array whose ArrayBuffer was transferred away (as to a worker). */
  const detached = () => {
    const data = new Uint8Array([1, 2, 3]);
    structuredClone(data.buffer, { transfer: [data.buffer] });
    return data;
  };

  it('[U] answers ValidationException naming the entry, as if Data were absent, and stores nothing', () => {
    const kinesis = engine(1);
    const call = () => kinesis.putRecords({ StreamName: 's', Records: [entry('a'), entry('b'), { PartitionKey: 'c', Data: detached() }] });
    expect(rejection(call)).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'records.3.member.data' failed to satisfy constraint: Member must not be null",
    });
    expect(contents(kinesis)).toEqual([]);
  });

  it('still accepts an empty Data that is not detached', () => {
    const kinesis = engine(1);
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: new Uint8Array(0) }] });
    expect(contents(kinesis)).toEqual([[shardId(0), 'a', []]]);
  });
});

describe('PutRecords data and addressing', () => {
  it("copies each entry's Data: changing the arrays after the call changes nothing stored", () => {
    const kinesis = engine(1);
    const a = new Uint8Array([1, 2]);
    const b = new Uint8Array([3, 4]);
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: a }, { PartitionKey: 'b', Data: b }] });
    a.fill(0);
    b.fill(0);
    expect(contents(kinesis)).toEqual([
      [shardId(0), 'a', [1, 2]],
      [shardId(0), 'b', [3, 4]],
    ]);
  });

  it('stores the same Uint8Array passed twice as two independent records', () => {
    const kinesis = engine(1);
    const shared = new Uint8Array([7]);
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: shared }, { PartitionKey: 'a', Data: shared }] });
    shared[0] = 8;
    expect(contents(kinesis)).toEqual([
      [shardId(0), 'a', [7]],
      [shardId(0), 'a', [7]],
    ]);
  });

  it('writes through the StreamARN alone', () => {
    const kinesis = engine(1);
    kinesis.putRecords({ StreamARN: ARN, Records: [entry('a', [4])] });
    expect(contents(kinesis)).toEqual([[shardId(0), 'a', [4]]]);
  });

  it('rejects a StreamName that disagrees with the StreamARN and stores nothing', () => {
    const kinesis = engine(1);
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    // [U] AWS's text for this case is not public.
    expect(rejection(() => kinesis.putRecords({ StreamName: 't', StreamARN: ARN, Records: [entry('a')] }))).toEqual({
      name: 'InvalidArgumentException',
      message: `StreamName t and StreamARN ${ARN} do not refer to the same stream.`,
    });
    expect(contents(kinesis)).toEqual([]);
  });

  it('answers ResourceNotFoundException for a missing stream before checking entries', () => {
    const kinesis = engine(1);
    expect(rejection(() => kinesis.putRecords({ StreamName: 'nope', Records: [entry('a', [1], TOO_BIG_KEY)] }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
  });
});

describe('PutRecords request cap when keys are short', () => {
  // 'é' is one UTF-16 unit but two UTF-8 bytes: the size that counts is data + 2 per entry, not data + 1.
  const entries = (lastDataBytes: number) => [
    ...Array.from({ length: 10 }, () => ({ PartitionKey: 'é', Data: new Uint8Array(MiB - 3) })),
    { PartitionKey: 'é', Data: new Uint8Array(lastDataBytes) },
  ];

  it('accepts data plus UTF-8 keys of exactly 10 MiB, and refuses one byte more', () => {
    const kinesis = engine(1);
    // 10 * (MiB - 3 + 2) + (8 + 2) = 10 MiB.
    expect(kinesis.putRecords({ StreamName: 's', Records: entries(8) }).Records).toHaveLength(11);
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: entries(9) }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Records size exceeds 10 MB limit',
    });
    expect(contents(kinesis)).toHaveLength(11);
  });
});
