// Snapshot and restore: the restored engine continues exactly where the original was (records, sequence
// numbers, tokens, pending transitions, quotas, counters, clock), and bad blobs are refused with clear errors.

import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, SnapshotError, type Clock, type KinesisOptions } from '../../src/index.js';
import { crc32 } from '../../src/encoding/crc32.js';
import { describeSegment, planSegment, SegmentReader, segmentBytes, writeSegment } from '../../src/snapshot/record-section.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, arnOf, HOUR_MS, T0 } from '../support/stream-fixture.js';

const DAY_MS = 24 * HOUR_MS;
const bytes = (...values: number[]) => new Uint8Array(values);

function fixture(options: KinesisOptions = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  return { clock, kinesis };
}

/** The snapshot restored on a clock of its own reading what `clock` reads now. */
function restored(kinesis: Kinesis, clock: ManualClock, options: { tokenSecret?: string } = {}) {
  const twinClock = new ManualClock(clock.now());
  return { twin: Kinesis.restore(kinesis.snapshot(), { clock: twinClock, ...options }), twinClock };
}

/** An answer as comparable plain data: bytes as base64 and dates as epoch ms (deep-equal on big arrays is slow). */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Runs `call` on both engines and expects the same answer, or the same error. */
function same<T>(a: Kinesis, b: Kinesis, call: (k: Kinesis) => T): T | undefined {
  const run = (k: Kinesis) => {
    try {
      const ok = call(k);
      return { ok, plain: plain(ok) };
    } catch (error) {
      return { plain: { error: (error as Error).name, message: (error as Error).message } };
    }
  };
  const left = run(a);
  expect(run(b).plain).toEqual(left.plain);
  return left.ok;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('Kinesis.restore continues where the snapshot was taken', () => {
  it('serves the same records and gives the next records the same sequence numbers', () => {
    const { clock, kinesis } = fixture();
    for (let i = 0; i < 20; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: `k${i}`, Data: bytes(i, i + 1) });
    const { twin, twinClock } = restored(kinesis, clock);
    clock.advance(10);
    twinClock.advance(10);
    const readAll = (k: Kinesis) =>
      ['shardId-000000000000', 'shardId-000000000001'].map((ShardId) =>
        k.getRecords({ ShardIterator: k.getShardIterator({ StreamName: 's', ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator! }));
    const before = same(kinesis, twin, readAll)!.flatMap((page) => page.Records.map((r) => r.SequenceNumber));
    expect(before).toHaveLength(20);
    const put = (k: Kinesis) =>
      k.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: bytes(1) }, { PartitionKey: 'z', Data: bytes(2) }] });
    const added = same(kinesis, twin, put)!.Records.map((r) => r.SequenceNumber!);
    expect(added.some((n) => before.includes(n))).toBe(false);
    expect(same(kinesis, twin, readAll)!.flatMap((page) => page.Records)).toHaveLength(22);
  });

  it('keeps every outstanding shard iterator and NextToken valid (same token secret)', () => {
    const { clock, kinesis } = fixture({ tokenSecret: 'fixture-secret' });
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    for (let i = 0; i < 5; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(i) });
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000001', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const shardsPage = kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    const streamsPage = kinesis.listStreams({ Limit: 1 }).NextToken!;
    const { twin, twinClock } = restored(kinesis, clock, { tokenSecret: 'fixture-secret' });
    clock.advance(1000);
    twinClock.advance(1000);
    const twinIterator = twin.getRecords({ ShardIterator: iterator });
    expect(twinIterator).toEqual(kinesis.getRecords({ ShardIterator: iterator }));
    expect(twinIterator.Records.length).toBeGreaterThan(0);
    expect(twin.listShards({ NextToken: shardsPage })).toEqual(kinesis.listShards({ NextToken: shardsPage }));
    expect(twin.listStreams({ NextToken: streamsPage })).toEqual(kinesis.listStreams({ NextToken: streamsPage }));
  });

  it('applies pending transitions at the same engine times (CREATING, UPDATING, DELETING, consumers)', () => {
    const delays = { createStreamDelayMs: 1000, updateStreamDelayMs: 2000, deleteStreamDelayMs: 3500, consumerDelayMs: 4000 };
    const { clock, kinesis } = fixture(delays);
    clock.advance(1000);
    kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 126n) });
    kinesis.createStream({ StreamName: 'old', ShardCount: 1 });
    clock.advance(1000);
    kinesis.createStream({ StreamName: 'new', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 'old' });
    const { twin, twinClock } = restored(kinesis, clock);
    const status = (k: Kinesis) => ({
      s: k.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamStatus,
      new: k.describeStreamSummary({ StreamName: 'new' }).StreamDescriptionSummary.StreamStatus,
      shards: k.listShards({ StreamName: 's' }).Shards!.length,
      streams: k.listStreams().StreamNames,
      consumer: k.describeStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).ConsumerDescription.ConsumerStatus,
    });
    const seen = new Set<string>();
    for (let step = 0; step < 12; step++) {
      seen.add(JSON.stringify(same(kinesis, twin, status)));
      clock.advance(500);
      twinClock.advance(500);
    }
    // At T0 + 3 s the split applies and 'new' is ACTIVE, at + 5 s the consumer is, at + 5.5 s 'old' is gone.
    expect(seen.size).toBe(4);
  });

  it('keeps the UpdateShardCount history, so the 10-per-24-hours limit still counts earlier calls', () => {
    const { clock, kinesis } = fixture();
    for (let i = 0; i < 10; i++) {
      kinesis.updateShardCount({ StreamName: 's', TargetShardCount: i % 2 === 0 ? 4 : 2, ScalingType: 'UNIFORM_SCALING' });
      clock.advance(1000);
    }
    const { twin } = restored(kinesis, clock);
    const eleventh = (k: Kinesis) => k.updateShardCount({ StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' });
    expect(rejection(() => eleventh(twin)).name).toBe('LimitExceededException');
    same(kinesis, twin, eleventh);
  });

  it('expires records and closed shards at the same times, after a retention change', () => {
    const { clock, kinesis } = fixture();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'early', Data: bytes(1) });
    kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 });
    clock.advance(HOUR_MS);
    kinesis.mergeShards({ StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' });
    clock.advance(3 * HOUR_MS);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'late', Data: bytes(2) });
    const { twin, twinClock } = restored(kinesis, clock);
    const view = (k: Kinesis) => {
      const shards = k.listShards({ StreamName: 's' }).Shards!;
      return shards.map((s) => k.getRecords({ ShardIterator: k.getShardIterator({ StreamName: 's', ShardId: s.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator! }).Records.length);
    };
    const views = new Set<string>();
    // From T0 + 4 h: 'early' expires at T0 + 48 h, the closed parents at T0 + 49 h, 'late' at T0 + 52 h.
    for (const step of [0, 44 * HOUR_MS - 1, 1, HOUR_MS, 3 * HOUR_MS, DAY_MS]) {
      clock.advance(step);
      twinClock.advance(step);
      views.add(JSON.stringify(same(kinesis, twin, view)));
    }
    expect(views.size).toBe(4);
  });

  it('keeps consumers, their ARN suffix counters, tags, policies, encryption, monitoring and the billing commitment', () => {
    const { clock, kinesis } = fixture();
    const consumer = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c', Tags: { team: 'red' } }).Consumer;
    kinesis.deregisterStreamConsumer({ ConsumerARN: consumer.ConsumerARN });
    kinesis.addTagsToStream({ StreamName: 's', Tags: { env: 'test', 'ü': 'ßé' } });
    kinesis.putResourcePolicy({ ResourceARN: arnOf('s'), Policy: '{"Version":"2012-10-17"}' });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'plain', Data: bytes(1) });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/k' });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'plain', Data: bytes(2) });
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes'] });
    kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } });
    clock.advance(HOUR_MS);
    kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } });
    const { twin } = restored(kinesis, clock);
    same(kinesis, twin, (k) => k.describeStream({ StreamName: 's' }));
    same(kinesis, twin, (k) => k.listTagsForStream({ StreamName: 's' }));
    same(kinesis, twin, (k) => k.getResourcePolicy({ ResourceARN: arnOf('s') }));
    same(kinesis, twin, (k) => k.describeAccountSettings());
    const records = same(kinesis, twin, (k) => k.getRecords({ ShardIterator: k.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000001', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator! }))!;
    expect(records.Records.map((r) => r.EncryptionType)).toEqual([undefined, 'KMS']);
    // Re-registering within the same second needs the suffix counter: the new ARN must differ from the old one.
    const again = same(kinesis, twin, (k) => k.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }))!;
    expect(again.Consumer.ConsumerARN).not.toBe(consumer.ConsumerARN);
    same(kinesis, twin, (k) => k.listTagsForResource({ ResourceARN: again.Consumer.ConsumerARN }));
  });

  it('continues the incarnation counter: a re-created stream does not accept the old stream\'s tokens', () => {
    const { clock, kinesis } = fixture();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) });
    const old = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    kinesis.deleteStream({ StreamName: 's' });
    const { twin } = restored(kinesis, clock);
    same(kinesis, twin, (k) => k.createStream({ StreamName: 's', ShardCount: 2 }));
    same(kinesis, twin, (k) => k.getRecords({ ShardIterator: old }));
    same(kinesis, twin, (k) => k.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) }));
  });

  it('leaves live SubscribeToShard subscriptions behind, but keeps when each was accepted (the 5-second rule)', () => {
    const { clock, kinesis } = fixture();
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer;
    clock.advance(1000);
    const subscribe = (k: Kinesis) => k.subscribeToShard({ ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } });
    const live = subscribe(kinesis);
    clock.advance(4000);
    const { twin, twinClock } = restored(kinesis, clock);
    const refused = same(kinesis, twin, (k) => subscribe(k).poll());
    expect(refused).toBeUndefined(); // both refused: another subscription within 5 s
    expect(rejection(() => subscribe(twin)).name).toBe('ResourceInUseException');
    clock.advance(1000);
    twinClock.advance(1000);
    const again = [subscribe(kinesis), subscribe(twin)];
    expect(again.map((sub) => sub.poll().events.length)).toEqual([1, 1]);
    for (const sub of [live, ...again]) sub.cancel();
  });

  it('keeps the throughput windows: a shard throttled before the snapshot is still throttled after it', () => {
    const { clock, kinesis } = fixture({ throughputLimits: true });
    const iterator = (k: Kinesis) => k.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' });
    for (let i = 0; i < 5; i++) iterator(kinesis);
    const { twin } = restored(kinesis, clock);
    expect(rejection(() => iterator(twin)).name).toBe('ProvisionedThroughputExceededException');
    same(kinesis, twin, iterator);
  });

  it('never lets engine time run backwards, even on a clock that reads earlier', () => {
    const { clock, kinesis } = fixture();
    clock.advance(DAY_MS);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1) });
    const twin = Kinesis.restore(kinesis.snapshot(), { clock: new ManualClock(T0) });
    twin.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(2) });
    const it = twin.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000001', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const arrivals = twin.getRecords({ ShardIterator: it }).Records.map((r) => r.ApproximateArrivalTimestamp!.getTime());
    expect(arrivals.every((ms) => ms === T0 + DAY_MS)).toBe(true);
  });

  it('keeps the on-demand scaling parameters and each stream\'s scaling state', () => {
    const clock = new ManualClock(T0);
    const options = { initialShards: 2, scaleUpDelayMs: 5000, measurePeriodMs: 1000 };
    const kinesis = new Kinesis({ clock, onDemandScaling: options });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const records = Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `k${i}`, Data: bytes(1) }));
    for (let i = 0; i < 4; i++) kinesis.putRecords({ StreamName: 'od', Records: records });
    clock.advance(1000);
    const { twin, twinClock } = restored(kinesis, clock);
    for (const [k, c] of [[kinesis, clock], [twin, twinClock]] as const) {
      c.advance(5000);
      expect(k.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary.OpenShardCount).toBe(4);
    }
    expect(equalBytes(twin.snapshot(), kinesis.snapshot())).toBe(true);
  });

  it('keeps the settings: account, region, delays, limits', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, accountId: '123456789012', region: 'eu-west-3', shardLimit: 7, createStreamDelayMs: 50 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const twin = Kinesis.restore(kinesis.snapshot(), { clock: new ManualClock(T0) });
    expect([twin.accountId, twin.region]).toEqual(['123456789012', 'eu-west-3']);
    expect(twin.describeLimits()).toEqual(kinesis.describeLimits());
    expect(twin.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('CREATING');
  });
});

/** `snapshot` rewritten as format version 1 wrote it: no recordPayloads, no on-demand scaling anywhere. */
function asVersion1(snapshot: Uint8Array): Uint8Array {
  const view = new DataView(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
  const documentBytes = view.getUint32(12, true);
  const doc = JSON.parse(new TextDecoder().decode(snapshot.subarray(24, 24 + documentBytes)));
  delete doc.settings.recordPayloads;
  delete doc.settings.onDemandScaling;
  for (const stream of doc.streams) delete stream.onDemandScaling;
  const text = new TextEncoder().encode(JSON.stringify(doc));
  const section = snapshot.subarray(24 + documentBytes, snapshot.length - 4);
  const out = new Uint8Array(24 + text.length + section.length + 4);
  out.set(snapshot.subarray(0, 24));
  out.set(text, 24);
  out.set(section, 24 + text.length);
  const outView = new DataView(out.buffer);
  outView.setUint32(8, 1, true);
  outView.setUint32(12, text.length, true);
  outView.setUint32(16, out.length, true);
  outView.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

describe('older snapshots', () => {
  it('reads format version 1 as an engine that kept payloads and did not scale on-demand streams', () => {
    const { clock, kinesis } = fixture({ throughputLimits: true, onDemandScaling: false });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    for (let i = 0; i < 50; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: `k${i}`, Data: bytes(i, i + 1, i + 2) });
    const old = asVersion1(kinesis.snapshot());
    const twin = Kinesis.restore(old, { clock: new ManualClock(clock.now()) });
    expect(equalBytes(twin.snapshot(), kinesis.snapshot())).toBe(true);
  });
});

describe('Kinesis#snapshot', () => {
  it('is deterministic and a restored engine snapshots to the same bytes', () => {
    const { clock, kinesis } = fixture();
    for (let i = 0; i < 3000; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: `key-${i % 37}`, Data: bytes(i & 255, 7) });
    clock.advance(5);
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    const first = kinesis.snapshot();
    expect(equalBytes(kinesis.snapshot(), first)).toBe(true);
    expect(equalBytes(Kinesis.restore(first, { clock }).snapshot(), first)).toBe(true);
  });

  it('does not read the clock or apply anything due', () => {
    let reads = 0;
    const manual = new ManualClock(T0);
    const counting: Clock = { now: () => (reads++, manual.now()) };
    const kinesis = new Kinesis({ clock: counting, updateStreamDelayMs: 10 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    manual.advance(100);
    const before = reads;
    const snap = kinesis.snapshot();
    expect(reads).toBe(before);
    // The split is still pending in the snapshot: the restored engine applies it on its first call.
    const twin = Kinesis.restore(snap, { clock: manual });
    expect(twin.listShards({ StreamName: 's' }).Shards).toHaveLength(3);
  });

  it('keeps partition keys exactly, lone surrogates and all, and large payloads across segments', () => {
    const { clock, kinesis } = fixture();
    const keys = ['\ud800', 'a\udc00b', '🔑', 'ü'.repeat(256), 'x'];
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) & 255);
    for (let i = 0; i < 40; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: keys[i % keys.length]!, Data: i % 10 === 0 ? big : bytes(i) });
    const { twin } = restored(kinesis, clock);
    for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
      const read = same(kinesis, twin, (k) => k.getRecords({ ShardIterator: k.getShardIterator({ StreamName: 's', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator! }))!;
      for (const r of read.Records) expect(keys).toContain(r.PartitionKey);
    }
  });
});

describe('the record section', () => {
  it('keeps records stored without a partition key (AUTO distribution) apart from every key', () => {
    const keys = [undefined, 'a', undefined, 'undefined', 'null', ''] as unknown as string[];
    const segment = { first: 5, count: 6, used: 6, keys, ends: new Uint32Array([1, 2, 3, 4, 5, 6, 0, 0]), arrivals: new Float64Array(8), bytes: new Uint8Array(16) };
    const plan = planSegment(segment);
    const out = new Uint8Array(segmentBytes(plan));
    expect(writeSegment(out, 0, plan)).toBe(out.length);
    const back = new SegmentReader(out, 0, out.length).read(describeSegment(plan), 'segment');
    expect(back.keys.slice(0, 6)).toEqual(keys);
    expect(back.keys).toHaveLength(6);
    expect([back.ends.length, back.bytes.length]).toEqual([8, 16]);
  });
});

describe('Kinesis.restore refuses what it cannot restore', () => {
  const good = () => {
    const { kinesis } = fixture();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1, 2, 3) });
    return kinesis.snapshot();
  };
  const refusal = (blob: Uint8Array, options = {}) => {
    try {
      Kinesis.restore(blob, options);
    } catch (error) {
      expect(error).toBeInstanceOf(SnapshotError);
      return (error as Error).message;
    }
    throw new Error('restore accepted the blob');
  };
  /** Rewrites the CRC-32 trailer, so only the change under test is wrong. */
  const resealed = (blob: Uint8Array) => {
    new DataView(blob.buffer).setUint32(blob.length - 4, crc32(blob.subarray(0, blob.length - 4)), true);
    return blob;
  };

  it('something that is not a snapshot', () => {
    expect(refusal(new Uint8Array(0))).toMatch(/^not a kinesim snapshot/);
    expect(refusal(new TextEncoder().encode('{"streams":[]} and then some more text'))).toMatch(/^not a kinesim snapshot/);
    expect(refusal('KSIMSNAP' as unknown as Uint8Array)).toMatch(/Uint8Array/);
  });

  it('a snapshot cut short anywhere', () => {
    const blob = good();
    for (const length of [27, 28, 30, blob.length >> 1, blob.length - 5, blob.length - 1]) {
      expect(refusal(blob.subarray(0, length))).toMatch(/^(truncated snapshot: \d+ of its \d+ bytes|not a kinesim snapshot)/);
    }
    expect(refusal(blob.subarray(0, blob.length - 1))).toBe(`truncated snapshot: ${blob.length - 1} of its ${blob.length} bytes`);
  });

  it('a snapshot with bytes after its end', () => {
    const blob = good();
    const longer = new Uint8Array(blob.length + 3);
    longer.set(blob);
    expect(refusal(longer)).toBe(`snapshot has 3 bytes after its end (${blob.length} bytes)`);
  });

  it('any changed byte (the CRC-32 catches it)', () => {
    const blob = good();
    for (const at of [24, 40, blob.length - 30, blob.length - 5, blob.length - 1]) {
      const bad = blob.slice();
      bad[at]! ^= 0x10;
      expect(refusal(bad)).toBe('corrupt snapshot: its CRC-32 does not match its bytes');
    }
  });

  it('a newer format version, before anything else is read', () => {
    const blob = good();
    new DataView(blob.buffer).setUint32(8, 3, true);
    expect(refusal(blob)).toBe('snapshot format version 3 is newer than this kinesim reads (up to 2); restore it with a newer kinesim');
  });

  it('a snapshot taken with another token secret', () => {
    const { kinesis } = fixture({ tokenSecret: 'one' });
    expect(refusal(kinesis.snapshot(), { tokenSecret: 'two' })).toMatch(/^the snapshot was taken with another tokenSecret/);
    expect(refusal(kinesis.snapshot())).toMatch(/another tokenSecret/);
    expect(() => Kinesis.restore(kinesis.snapshot(), { tokenSecret: 'one' })).not.toThrow();
  });

  it('a document that does not say what the format says, naming the member', () => {
    const blob = good();
    const length = new DataView(blob.buffer).getUint32(12, true);
    const text = new TextDecoder().decode(blob.subarray(24, 24 + length));
    const broken = text.replace('"retentionHours":24', '"retentionHours":"24"');
    expect(broken.length).toBe(text.length + 2);
    // Same length is needed to keep the record section where it is: swap two characters' worth elsewhere.
    const patched = broken.replace('"writer":"kinesim"', '"writer":"kines"');
    const bad = blob.slice();
    bad.set(new TextEncoder().encode(patched), 24);
    expect(refusal(resealed(bad))).toBe('malformed snapshot: streams[0].retentionHours is not a number');
  });

  it('a segment descriptor that does not add up, before allocating anything it names', () => {
    const blob = good();
    const length = new DataView(blob.buffer).getUint32(12, true);
    const text = new TextDecoder().decode(blob.subarray(24, 24 + length));
    const descriptor = /"segments":\[\[0,1,3,(\d+),/.exec(text)!;
    // One record in room for none (JSON allows the padding spaces, so the document keeps its length).
    const patched = text.replace(descriptor[0], `"segments":[[0,1,3,${'0'.padStart(descriptor[1]!.length)},`);
    const bad = blob.slice();
    bad.set(new TextEncoder().encode(patched), 24);
    expect(refusal(resealed(bad))).toBe('malformed snapshot: streams[0].shards[1].log.segments[0] has inconsistent sizes');
  });

  it('leaves nothing half-made: restoring again from the good blob works', () => {
    const blob = good();
    expect(refusal(blob.subarray(0, 100))).toMatch(/truncated/);
    const kinesis = Kinesis.restore(blob, { clock: new ManualClock(T0) });
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamARN).toBe(`arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`);
  });
});
