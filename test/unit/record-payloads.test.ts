// KinesisOptions.recordPayloads 'size-only': records keep their size and first 8 bytes; reads return fresh
// zero-filled arrays of the real length with those bytes written in; every limit and cap counts real sizes;
// snapshots carry the mode and the prefixes.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions, type KinesisRecord } from '../../src/index.js';
import { T0, arnOf, shardId, streamFixture } from '../support/stream-fixture.js';

const MiB = 1024 * 1024;
const SIZE_ONLY: KinesisOptions = { recordPayloads: 'size-only' };

/** A payload whose every byte is non-zero and depends on its position. */
function bytes(size: number, salt = 1): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = ((i * 7 + salt) % 255) + 1;
  return out;
}

/** What a size-only engine returns for `data`: the same length, its first 8 bytes, zeros after them. */
function kept(data: Uint8Array): number[] {
  return [...data].map((b, i) => (i < 8 ? b : 0));
}

function readAll(kinesis: Kinesis, shard = 0, Limit?: number): KinesisRecord[] {
  const ShardIterator = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(shard), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
  return kinesis.getRecords({ ShardIterator, ...(Limit === undefined ? {} : { Limit }) }).Records;
}

describe("recordPayloads: 'size-only'", () => {
  it('returns each record at its real length, its first 8 bytes as written and zeros after them', () => {
    const { kinesis } = streamFixture(1, SIZE_ONLY);
    const sizes = [1, 3, 7, 8, 9, 100, 70_000];
    const written = sizes.map((size, i) => bytes(size, i + 1));
    kinesis.putRecords({ StreamName: 's', Records: written.map((Data) => ({ Data, PartitionKey: 'k' })) });
    kinesis.putRecord({ StreamName: 's', Data: bytes(20, 9), PartitionKey: 'k' });
    const records = readAll(kinesis);
    expect(records.map((r) => r.Data.length)).toEqual([...sizes, 20]);
    expect(records.map((r) => [...r.Data])).toEqual([...written, bytes(20, 9)].map(kept));
  });

  it('gives every record an array of its own, over a buffer made for the call: writing into one changes nothing else', () => {
    const { kinesis } = streamFixture(1, SIZE_ONLY);
    kinesis.putRecords({ StreamName: 's', Records: [1, 2, 3].map((salt) => ({ Data: bytes(16, salt), PartitionKey: 'k' })) });
    const first = readAll(kinesis);
    expect(new Set(first.map((r) => r.Data)).size).toBe(3);
    for (const r of first) r.Data.fill(0xee);
    const second = readAll(kinesis);
    expect(second.map((r) => [...r.Data])).toEqual([1, 2, 3].map((salt) => kept(bytes(16, salt))));
    expect(second[0]!.Data.buffer).not.toBe(first[0]!.Data.buffer);
    // The caller's own array is never kept either.
    const mine = bytes(12, 5);
    kinesis.putRecord({ StreamName: 's', Data: mine, PartitionKey: 'k' });
    mine.fill(0);
    expect([...readAll(kinesis).at(-1)!.Data]).toEqual(kept(bytes(12, 5)));
  });

  it('counts real sizes against the write limit (1 MiB per shard per second)', () => {
    const { kinesis } = streamFixture(1, { ...SIZE_ONLY, throughputLimits: true });
    const out = kinesis.putRecords({ StreamName: 's', Records: [0, 1].map(() => ({ Data: new Uint8Array(600_000), PartitionKey: 'k' })) });
    expect(out.FailedRecordCount).toBe(1);
    expect(out.Records[1]!.ErrorCode).toBe('ProvisionedThroughputExceededException');
  });

  it('counts real sizes against the 10 MiB caps of PutRecords and GetRecords, and the 2 MiB/s read limit', () => {
    const { kinesis, clock } = streamFixture(1, { ...SIZE_ONLY, throughputLimits: true });
    const mb = new Uint8Array(1_000_000);
    expect(() => kinesis.putRecords({ StreamName: 's', Records: Array.from({ length: 11 }, () => ({ Data: mb, PartitionKey: 'k' })) }))
      .toThrow(expect.objectContaining({ name: 'InvalidArgumentException', message: 'Records size exceeds 10 MB limit' }));
    for (let i = 0; i < 12; i++) {
      kinesis.putRecord({ StreamName: 's', Data: mb, PartitionKey: 'k' });
      clock.advance(1000);
    }
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const page = kinesis.getRecords({ ShardIterator: iterator });
    expect(page.Records).toHaveLength(10); // 10 MB of data: an 11th would pass 10 MiB
    // 10 MB in one second is 8 MB over 2 MiB/s: reads of the shard wait about 4 s.
    clock.advance(3000);
    expect(() => kinesis.getRecords({ ShardIterator: page.NextShardIterator! })).toThrow(
      expect.objectContaining({ name: 'ProvisionedThroughputExceededException' }),
    );
  });

  it('counts real sizes against the stream’s maximum record size', () => {
    const { kinesis } = streamFixture(1, SIZE_ONLY);
    expect(() => kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(MiB + 1), PartitionKey: 'k' })).toThrow(
      expect.objectContaining({ name: 'ValidationException' }),
    );
  });

  it('pushes the same arrays through SubscribeToShard, paced by real sizes', () => {
    const { kinesis, clock } = streamFixture(1, { ...SIZE_ONLY, throughputLimits: true });
    const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
    const written = [bytes(5, 1), bytes(900_000, 2), bytes(900_000, 3), bytes(900_000, 4), bytes(30, 5)];
    for (const Data of written) {
      kinesis.putRecord({ StreamName: 's', Data, PartitionKey: 'k' });
      clock.advance(1000);
    }
    const subscription = kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' } });
    const records = subscription.poll().events.map((e) => e.SubscribeToShardEvent!.Records);
    // 2 MiB per second per consumer: the first event carries 1.8 MB, the third 900 KB record waits for the next second.
    expect(records.map((r) => r.map((x) => x.Data.length))).toEqual([[5, 900_000, 900_000]]);
    clock.advance(1000);
    records.push(...subscription.poll().events.map((e) => e.SubscribeToShardEvent!.Records));
    expect(records.flat().map((r) => [...r.Data])).toEqual(written.map(kept));
    subscription.cancel();
  });

  it('is carried by snapshots with the kept bytes; a restored engine keeps size-only', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, ...SIZE_ONLY });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    for (let i = 0; i < 50; i++) kinesis.putRecord({ StreamName: 's', Data: bytes(i * 13, i), PartitionKey: `k${i}` });
    const snap = kinesis.snapshot();
    // Sizes and prefixes only: far smaller than the 16 KB of payloads.
    expect(snap.length).toBeLessThan(8_000);
    const restored = Kinesis.restore(snap, { clock: new ManualClock(clock.now()) });
    expect(readAll(restored, 0).map((r) => [...r.Data])).toEqual(readAll(kinesis, 0).map((r) => [...r.Data]));
    restored.putRecord({ StreamName: 's', Data: bytes(40, 3), PartitionKey: 'k0' });
    kinesis.putRecord({ StreamName: 's', Data: bytes(40, 3), PartitionKey: 'k0' });
    expect(Buffer.compare(restored.snapshot(), kinesis.snapshot())).toBe(0);
    expect([...readAll(restored, 0).at(-1)!.Data]).toEqual(kept(bytes(40, 3)));
  });

  it('is checked like every option', () => {
    expect(() => new Kinesis({ recordPayloads: 'sizes' as never })).toThrow(
      new RangeError(`Kinesis option recordPayloads must be one of 'copy', 'size-only', got "sizes"`),
    );
    expect(() => new Kinesis({ recordPayloads: 1 as never })).toThrow(
      new TypeError(`Kinesis option recordPayloads must be one of 'copy', 'size-only', got number 1`),
    );
  });

  it("leaves the default, 'copy', keeping every byte", () => {
    const { kinesis } = streamFixture(1, { recordPayloads: 'copy' });
    kinesis.putRecord({ StreamName: 's', Data: bytes(100), PartitionKey: 'k' });
    expect([...readAll(kinesis)[0]!.Data]).toEqual([...bytes(100)]);
  });
});
