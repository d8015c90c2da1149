import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRecords,
  deaggregateRecords,
  Kinesis,
  ManualClock,
  type KinesisRecord,
  type UserRecordInput,
} from '../../src/index.js';
import { decodeUtf8Lenient, decodeUtf8Manually } from '../../src/encoding/utf8-decode.js';
import { T0 } from '../support/stream-fixture.js';

const MAX = (1n << 128n) - 1n;
const MAGIC = [0xf3, 0x89, 0x9a, 0xc2];
const SEQ = '49590338271490256608559692538361571095921575989136588898';

// Independent of the engine's MD5: node's.
function md5Of(bytes: Uint8Array | string): Buffer {
  return createHash('md5').update(bytes).digest();
}

function hashKeyOfKey(key: string): string {
  return BigInt(`0x${md5Of(key).toString('hex')}`).toString();
}

/** magic + protobuf + MD5(protobuf): an aggregated record around hand-written protobuf bytes. */
function envelope(protobuf: number[]): Uint8Array {
  const bytes = new Uint8Array(protobuf);
  return new Uint8Array([...MAGIC, ...bytes, ...md5Of(bytes)]);
}

function kinesisRecord(data: Uint8Array, extra: Partial<KinesisRecord> = {}): KinesisRecord {
  return { SequenceNumber: SEQ, PartitionKey: 'outer', Data: data, ...extra };
}

const bytesOf = (s: string) => [...new TextEncoder().encode(s)];

/** Keys, explicit keys and data of deaggregated records, as the aggregator's input shape. */
function asInputs(records: { PartitionKey?: string; ExplicitHashKey?: string; Data: Uint8Array }[]): UserRecordInput[] {
  return records.map((r) => ({
    PartitionKey: r.PartitionKey!,
    ...(r.ExplicitHashKey === undefined ? {} : { ExplicitHashKey: r.ExplicitHashKey }),
    Data: new Uint8Array(r.Data),
  }));
}

describe('aggregateRecords: the wire format', () => {
  it('writes magic, protobuf in field order with deduplicated key tables, then the MD5 of the protobuf', () => {
    const out = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', ExplicitHashKey: '7', Data: new Uint8Array([2, 3]) },
      { PartitionKey: 'a', Data: new Uint8Array([]) },
    ]);
    // Key byte = field number << 3 | wire type (0 varint, 2 length-delimited); lengths are varints.
    // AggregatedRecord: partition_key_table (field 1, key 0x0a) 'a' then 'b' ('a' once), explicit_hash_key_table
    // (field 2, key 0x12) '7', then three records (field 3, key 0x1a), each a length-prefixed Record:
    //   Record 1 (5 bytes): partition_key_index 0 (08 00), data [01] (1a 01 01)
    //   Record 2 (8 bytes): partition_key_index 1 (08 01), explicit_hash_key_index 0 (10 00), data [02 03] (1a 02 02 03)
    //   Record 3 (4 bytes): partition_key_index 0 (08 00), data [] (1a 00)
    const protobuf = [
      0x0a, 0x01, 0x61, 0x0a, 0x01, 0x62,
      0x12, 0x01, 0x37,
      0x1a, 0x05, 0x08, 0x00, 0x1a, 0x01, 0x01,
      0x1a, 0x08, 0x08, 0x01, 0x10, 0x00, 0x1a, 0x02, 0x02, 0x03,
      0x1a, 0x04, 0x08, 0x00, 0x1a, 0x00,
    ];
    expect([...out.Data]).toEqual([...MAGIC, ...protobuf, ...md5Of(new Uint8Array(protobuf))]);
    expect(out.PartitionKey).toBe('a');
    expect(out.ExplicitHashKey).toBe(hashKeyOfKey('a'));
  });

  it('writes lengths of 128 and more as multi-byte varints', () => {
    const data = new Uint8Array(200).fill(9);
    const out = aggregateRecords([{ PartitionKey: 'k', Data: data }]);
    // data length 200 = 0xc8 -> varint c8 01; Record = 08 00 1a c8 01 + 200 bytes = 205 bytes -> varint cd 01.
    const protobuf = [0x0a, 0x01, 0x6b, 0x1a, 0xcd, 0x01, 0x08, 0x00, 0x1a, 0xc8, 0x01, ...data];
    expect([...out.Data]).toEqual([...MAGIC, ...protobuf, ...md5Of(new Uint8Array(protobuf))]);
  });

  it('encodes non-ASCII keys as UTF-8 and routes by the MD5 of those bytes', () => {
    const out = aggregateRecords([{ PartitionKey: 'é', Data: new Uint8Array([]) }]);
    // 'é' is c3 a9 in UTF-8: table entry 0a 02 c3 a9.
    expect([...out.Data.subarray(4, 8)]).toEqual([0x0a, 0x02, 0xc3, 0xa9]);
    expect(out.ExplicitHashKey).toBe(hashKeyOfKey('é'));
  });

  it('routes the aggregate by the first record’s ExplicitHashKey when it has one', () => {
    const out = aggregateRecords([
      { PartitionKey: 'a', ExplicitHashKey: '12345', Data: new Uint8Array([]) },
      { PartitionKey: 'b', ExplicitHashKey: '99', Data: new Uint8Array([]) },
    ]);
    expect(out).toMatchObject({ PartitionKey: 'a', ExplicitHashKey: '12345' });
  });

  it('refuses an empty batch', () => {
    expect(() => aggregateRecords([])).toThrow(new RangeError('aggregateRecords needs at least one record'));
  });
});

describe('deaggregateRecords: sub-records', () => {
  it('gives each sub-record the outer sequence number, arrival time and encryption, and counts SubSequenceNumber', () => {
    const arrival = new Date(T0);
    const aggregate = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', ExplicitHashKey: '7', Data: new Uint8Array([2, 3]) },
    ]);
    const out = deaggregateRecords([
      kinesisRecord(aggregate.Data, { ApproximateArrivalTimestamp: arrival, EncryptionType: 'KMS' }),
    ]);
    expect(out).toEqual([
      { SequenceNumber: SEQ, SubSequenceNumber: 0, PartitionKey: 'a', Data: new Uint8Array([1]),
        ApproximateArrivalTimestamp: arrival, EncryptionType: 'KMS', Aggregated: true },
      { SequenceNumber: SEQ, SubSequenceNumber: 1, PartitionKey: 'b', ExplicitHashKey: '7', Data: new Uint8Array([2, 3]),
        ApproximateArrivalTimestamp: arrival, EncryptionType: 'KMS', Aggregated: true },
    ]);
    expect(Object.keys(out[0]!)).not.toContain('ExplicitHashKey');
  });

  it('keeps non-ASCII partition keys and decodes malformed UTF-8 in a table with U+FFFD', () => {
    const keys = ['ключ', '🔑', '鍵'];
    const out = deaggregateRecords([kinesisRecord(aggregateRecords(keys.map((k) => ({ PartitionKey: k, Data: new Uint8Array() }))).Data)]);
    expect(out.map((r) => r.PartitionKey)).toEqual(keys);
    // Table entry 'a' ff: proto2 strings are not validated, Java decodes them with replacement.
    const malformed = deaggregateRecords([kinesisRecord(envelope([0x0a, 0x02, 0x61, 0xff, 0x1a, 0x04, 0x08, 0x00, 0x1a, 0x00]))]);
    expect(malformed.map((r) => r.PartitionKey)).toEqual(['a\ufffd']);
  });

  it('turns a lone surrogate in a key into U+FFFD, as UTF-8 encoding does, and routes by those bytes', () => {
    const aggregate = aggregateRecords([{ PartitionKey: 'x\ud800', Data: new Uint8Array() }]);
    expect(aggregate.ExplicitHashKey).toBe(hashKeyOfKey('x\ufffd'));
    expect(deaggregateRecords([kinesisRecord(aggregate.Data)])[0]?.PartitionKey).toBe('x\ufffd');
  });

  it('yields nothing for an aggregate holding no records', () => {
    // An explicit_hash_key_table entry alone keeps the protobuf non-empty, so the record is an aggregate.
    expect(deaggregateRecords([kinesisRecord(envelope([0x12, 0x01, 0x35]))])).toEqual([]);
  });
});

describe('deaggregateRecords: what passes through unchanged', () => {
  const good = aggregateRecords([{ PartitionKey: 'a', Data: new Uint8Array([1, 2]) }]).Data;
  const arrival = new Date(T0);

  function passesThrough(data: Uint8Array): void {
    const record = kinesisRecord(data, { ApproximateArrivalTimestamp: arrival, EncryptionType: 'NONE' });
    expect(deaggregateRecords([record])).toEqual([
      { SequenceNumber: SEQ, SubSequenceNumber: 0, PartitionKey: 'outer', Data: data,
        ApproximateArrivalTimestamp: arrival, EncryptionType: 'NONE', Aggregated: false },
    ]);
    expect(deaggregateRecords([record])[0]!.Data).toBe(data);
  }

  it('passes a record shorter than the magic through', () => passesThrough(new Uint8Array([0xf3, 0x89, 0x9a])));
  it('passes an empty record through', () => passesThrough(new Uint8Array([])));

  it('passes a record whose magic differs in any byte through', () => {
    for (let k = 0; k < 4; k++) {
      const bad = good.slice();
      bad[k] = bad[k]! ^ 1;
      passesThrough(bad);
    }
  });

  it('passes a record with only a digest (16 bytes) after the magic through, even one that matches', () => {
    passesThrough(new Uint8Array([...MAGIC, ...md5Of(new Uint8Array())]));
  });

  it('passes a record whose MD5 trailer does not match through', () => {
    const bad = good.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x80;
    passesThrough(bad);
    const badBody = good.slice();
    badBody[6] = badBody[6]! ^ 1;
    passesThrough(badBody);
  });

  it('passes a record whose protobuf is truncated through (the MD5 matching)', () => {
    passesThrough(envelope([0x0a, 0x05, 0x61])); // a 5-byte string with 1 byte present
    passesThrough(envelope([0x1a, 0x05, 0x08, 0x00])); // a 5-byte Record with 2 bytes present
    passesThrough(envelope([0x08, 0x80])); // a varint that never ends
    passesThrough(envelope([0x0d, 0x01, 0x02])); // a fixed32 with 2 bytes
  });

  it('passes a record whose protobuf breaks the wire format through', () => {
    passesThrough(envelope([0x0e, 0x00])); // wire type 6
    passesThrough(envelope([0x0f, 0x00])); // wire type 7
    passesThrough(envelope([0x00, 0x00])); // field number 0
    passesThrough(envelope([0x7c])); // END_GROUP of field 15 with no group open
    passesThrough(envelope([0x7b, 0x84, 0x01])); // group 15 closed as group 16
    passesThrough(envelope([0x7b, 0x08, 0x01])); // group 15 never closed
    passesThrough(envelope([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x61])); // length -1 as a Java int
    passesThrough(envelope([0x08, ...Array<number>(10).fill(0x80), 0x00])); // an 11-byte varint
  });

  it('passes a record whose protobuf lacks a required field through', () => {
    passesThrough(envelope([0x0a, 0x01, 0x61, 0x1a, 0x02, 0x1a, 0x00])); // Record without partition_key_index
    passesThrough(envelope([0x0a, 0x01, 0x61, 0x1a, 0x02, 0x08, 0x00])); // Record without data
    // Record with a Tag lacking its key: 22 03 12 01 76 is tags { value: 'v' }.
    passesThrough(envelope([0x0a, 0x01, 0x61, 0x1a, 0x09, 0x08, 0x00, 0x1a, 0x00, 0x22, 0x03, 0x12, 0x01, 0x76]));
  });
});

describe('deaggregateRecords: unknown and odd protobuf content', () => {
  it('skips unknown fields of every wire type, and known field numbers with the wrong wire type', () => {
    const unknown = [
      0x78, 0x96, 0x01, // field 15 varint 150
      0x79, 1, 2, 3, 4, 5, 6, 7, 8, // field 15 fixed64
      0x7a, 0x02, 0xaa, 0xbb, // field 15 length-delimited
      0x7b, 0x08, 0x01, 0x83, 0x01, 0x84, 0x01, 0x7c, // group 15 { field 1 varint; group 16 {} }
      0x7d, 1, 2, 3, 4, // field 15 fixed32
    ];
    const protobuf = [
      ...unknown,
      0x08, 0x05, // field 1 as a varint: not the string table, so skipped
      0x0a, 0x01, 0x61,
      0x1a, 0x0c + unknown.length + 2,
      0x08, 0x00, ...unknown, 0x1a, 0x01, 0x09, 0x0a, 0x00, // Record; field 1 as a string is skipped
      0x22, 0x05, 0x0a, 0x01, 0x74, 0x78, 0x01, // Tag { key 't', field 15 }
      ...unknown,
    ];
    const out = deaggregateRecords([kinesisRecord(envelope(protobuf))]);
    expect(out).toEqual([
      { SequenceNumber: SEQ, SubSequenceNumber: 0, PartitionKey: 'a', Data: new Uint8Array([9]), Aggregated: true },
    ]);
  });

  it('keeps the sub-records before one whose table index is out of bounds, and drops the rest (KCL logs and moves on)', () => {
    // pk table ['a', 'b']; records: pk 0, pk 1, pk 5 (no such entry), pk 0.
    const protobuf = [
      0x0a, 0x01, 0x61, 0x0a, 0x01, 0x62,
      0x1a, 0x05, 0x08, 0x00, 0x1a, 0x01, 0x01,
      0x1a, 0x05, 0x08, 0x01, 0x1a, 0x01, 0x02,
      0x1a, 0x05, 0x08, 0x05, 0x1a, 0x01, 0x03,
      0x1a, 0x05, 0x08, 0x00, 0x1a, 0x01, 0x04,
    ];
    const out = deaggregateRecords([kinesisRecord(envelope(protobuf)), kinesisRecord(new Uint8Array([7]))]);
    expect(out.map((r) => [r.PartitionKey, [...r.Data], r.Aggregated])).toEqual([
      ['a', [1], true], ['b', [2], true], ['outer', [7], false],
    ]);
  });

  it('treats an unparsable explicit hash key like an out-of-bounds index', () => {
    const out = deaggregateRecords([kinesisRecord(aggregateRecords([
      { PartitionKey: 'a', ExplicitHashKey: '+0005', Data: new Uint8Array([1]) },
      { PartitionKey: 'a', ExplicitHashKey: '12x', Data: new Uint8Array([2]) },
      { PartitionKey: 'a', Data: new Uint8Array([3]) },
    ]).Data)]);
    // Java's BigInteger reads '+0005'; the explicit key stays as written.
    expect(out.map((r) => [r.ExplicitHashKey, [...r.Data]])).toEqual([['+0005', [1]]]);
  });

  it('reads a table index as KCL’s cast to a Java int does: the low 32 bits', () => {
    // partition_key_index 2^32 + 1 = varint 81 80 80 80 10.
    const protobuf = [0x0a, 0x01, 0x61, 0x0a, 0x01, 0x62, 0x1a, 0x09, 0x08, 0x81, 0x80, 0x80, 0x80, 0x10, 0x1a, 0x01, 0x01];
    expect(deaggregateRecords([kinesisRecord(envelope(protobuf))]).map((r) => r.PartitionKey)).toEqual(['b']);
  });

  it('reads a length prefix as protobuf-java’s readRawVarint32 does: the low 32 bits', () => {
    // The string 'a' with length 2^32 + 1 = varint 81 80 80 80 10.
    const protobuf = [0x0a, 0x81, 0x80, 0x80, 0x80, 0x10, 0x61, 0x1a, 0x04, 0x08, 0x00, 0x1a, 0x00];
    expect(deaggregateRecords([kinesisRecord(envelope(protobuf))]).map((r) => r.PartitionKey)).toEqual(['a']);
  });
});

describe('deaggregateRecords: the shard range', () => {
  const at = (key: bigint, byte: number): UserRecordInput => ({ PartitionKey: 'p', ExplicitHashKey: String(key), Data: new Uint8Array([byte]) });
  const range = { StartingHashKey: '10', EndingHashKey: '20' };

  it('keeps sub-records inside the range, both ends included', () => {
    const out = deaggregateRecords([kinesisRecord(aggregateRecords([at(10n, 1), at(20n, 2)]).Data)], range);
    expect(out.map((r) => [r.SubSequenceNumber, [...r.Data]])).toEqual([[0, [1]], [1, [2]]]);
  });

  it('discards an aggregate whole when any sub-record falls outside, earlier ones included, and goes on with the next record', () => {
    const out = deaggregateRecords([
      kinesisRecord(aggregateRecords([at(10n, 1), at(15n, 2), at(21n, 3), at(12n, 4)]).Data),
      kinesisRecord(aggregateRecords([at(9n, 5), at(15n, 6)]).Data),
      kinesisRecord(aggregateRecords([at(11n, 7)]).Data, { SequenceNumber: '2' }),
    ], range);
    expect(out.map((r) => [r.SequenceNumber, r.SubSequenceNumber, [...r.Data]])).toEqual([['2', 0, [7]]]);
  });

  it('checks the MD5 of the partition key when there is no explicit hash key', () => {
    const key = BigInt(hashKeyOfKey('a'));
    const record = kinesisRecord(aggregateRecords([{ PartitionKey: 'a', Data: new Uint8Array([1]) }]).Data);
    expect(deaggregateRecords([record], { StartingHashKey: String(key), EndingHashKey: String(key) })).toHaveLength(1);
    expect(deaggregateRecords([record], { StartingHashKey: String(key + 1n), EndingHashKey: String(MAX) })).toEqual([]);
  });

  it('without a range, discards sub-records outside [0, 2^128 - 1], as KCL’s default range does', () => {
    const out = deaggregateRecords([kinesisRecord(aggregateRecords([at(MAX, 1), at(MAX + 1n, 2)]).Data)]);
    expect(out).toEqual([]);
  });

  it('never discards a record that is not an aggregate', () => {
    const out = deaggregateRecords([kinesisRecord(new Uint8Array([1]), { PartitionKey: 'a' })], { StartingHashKey: '0', EndingHashKey: '0' });
    expect(out).toHaveLength(1);
  });

  it('refuses a bound that is not a decimal integer', () => {
    expect(() => deaggregateRecords([], { StartingHashKey: '0x10', EndingHashKey: '20' })).toThrow(
      new RangeError('deaggregateRecords needs a decimal StartingHashKey, got "0x10"'),
    );
  });
});

describe('aggregate -> PutRecords -> GetRecords -> deaggregate on a real stream', () => {
  function readShard(kinesis: Kinesis, shardId: string): KinesisRecord[] {
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
    return kinesis.getRecords({ ShardIterator: it.ShardIterator! }).Records;
  }

  it('lands each aggregate on its first record’s shard and gives every user record back', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 4 });
    const batches: UserRecordInput[][] = [
      [{ PartitionKey: 'a', Data: new Uint8Array([1]) }, { PartitionKey: 'b', Data: new Uint8Array([2]) }],
      [{ PartitionKey: 'ключ', ExplicitHashKey: '1', Data: new Uint8Array([3]) }, { PartitionKey: 'a', Data: new Uint8Array([4]) }],
    ];
    const aggregates = batches.map((batch) => aggregateRecords(batch));
    const put = kinesis.putRecords({ StreamName: 's', Records: aggregates });
    expect(put.FailedRecordCount).toBe(0);
    expect(put.Records[1]?.ShardId).toBe('shardId-000000000000'); // ExplicitHashKey 1
    const single = kinesis.putRecord({ StreamName: 's', ...aggregateRecords([{ PartitionKey: 'z', Data: new Uint8Array([5]) }]) });

    const shards = kinesis.listShards({ StreamName: 's' }).Shards ?? [];
    const read = shards.flatMap((s) => readShard(kinesis, s.ShardId));
    const bySequence = (seq: string) => deaggregateRecords(read.filter((r) => r.SequenceNumber === seq));
    const outer = read.find((r) => r.SequenceNumber === single.SequenceNumber)!;
    expect(bySequence(put.Records[0]!.SequenceNumber!).map((r) => [r.PartitionKey, [...r.Data]])).toEqual([['a', [1]], ['b', [2]]]);
    expect(asInputs(bySequence(put.Records[1]!.SequenceNumber!))).toEqual(batches[1]);
    expect(bySequence(single.SequenceNumber)).toEqual([{
      SequenceNumber: single.SequenceNumber, SubSequenceNumber: 0, PartitionKey: 'z', Data: new Uint8Array([5]),
      ApproximateArrivalTimestamp: new Date(T0), Aggregated: true,
      ...(outer.EncryptionType === undefined ? {} : { EncryptionType: outer.EncryptionType }),
    }]);
    expect(outer.PartitionKey).toBe('z');
  });

  it('discards, when read with the shard’s range, an aggregate whose records belong to another shard', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    const [low, high] = kinesis.listShards({ StreamName: 's' }).Shards!;
    kinesis.putRecord({ StreamName: 's', ...aggregateRecords([
      { PartitionKey: 'p', ExplicitHashKey: '5', Data: new Uint8Array([1]) },
      { PartitionKey: 'p', ExplicitHashKey: high!.HashKeyRange.StartingHashKey, Data: new Uint8Array([2]) },
    ]) });
    const records = readShard(kinesis, low!.ShardId);
    expect(records).toHaveLength(1);
    expect(deaggregateRecords(records, low!.HashKeyRange)).toEqual([]);
    expect(deaggregateRecords(records)).toHaveLength(2);
  });
});

describe('properties', () => {
  const key = fc.oneof(fc.constantFrom('a', 'b', 'é', '🔑'), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }));
  const explicitKey = fc.option(fc.bigInt({ min: 0n, max: MAX }).map(String), { nil: undefined });
  const input = fc.record({ PartitionKey: key, ExplicitHashKey: explicitKey, Data: fc.uint8Array({ maxLength: 300 }) })
    .map((r): UserRecordInput => (r.ExplicitHashKey === undefined ? { PartitionKey: r.PartitionKey, Data: r.Data } : r));

  it('deaggregate(aggregate(xs)) gives xs back in order, keys, explicit keys and data', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 30 }), (xs) => {
        const aggregate = aggregateRecords(xs);
        const out = deaggregateRecords([kinesisRecord(aggregate.Data)]);
        expect(asInputs(out)).toEqual(xs);
        expect(out.map((r) => r.SubSequenceNumber)).toEqual(xs.map((_, i) => i));
        expect(aggregate.ExplicitHashKey).toBe(xs[0]!.ExplicitHashKey ?? hashKeyOfKey(xs[0]!.PartitionKey));
      }),
    );
  });

  it('the fallback UTF-8 decoder agrees with TextDecoder on any bytes', () => {
    const nearUtf8 = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xff)), { maxLength: 24 });
    fc.assert(
      fc.property(nearUtf8, (bytes) => {
        const array = new Uint8Array(bytes);
        expect(decodeUtf8Manually(array, false)).toBe(decodeUtf8Lenient(array));
      }),
    );
  });
});

// Keep the helper honest: a valid UTF-8 sequence decodes the same everywhere.
it('decodes well-formed UTF-8 keys exactly', () => {
  expect(decodeUtf8Manually(new Uint8Array(bytesOf('ключ🔑')), false)).toBe('ключ🔑');
});

describe('aggregateRecords input', () => {
  it('aggregateRecords treats a null ExplicitHashKey as absent in any record', () => {
    const withNull = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', Data: new Uint8Array([2]), ExplicitHashKey: null as never },
    ]);
    const without = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', Data: new Uint8Array([2]) },
    ]);
    expect(withNull).toEqual(without);
  });
});
