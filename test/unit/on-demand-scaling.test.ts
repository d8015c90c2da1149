// On-demand scaling (KinesisOptions.onDemandScaling): an ON_DEMAND stream starts with 4 shards, accommodates double
// its previous peak, gets more shards about 15 minutes after traffic needs them, and halves a day at a time once the
// peak has left its window; every reshard is a visible split or merge with lineage, and the stream stays ACTIVE.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions, type PutRecordsRequestEntry, type StreamChangeEvent } from '../../src/index.js';
import { T0, arnOf } from '../support/stream-fixture.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 16 of these (with their 1-byte key) fit in a shard's 1 MiB per second. */
const RECORD_BYTES = 65_536 - 16;
const DATA = new Uint8Array(RECORD_BYTES);

/**
 * Explicit hash keys in bit-reversed order (van der Corput): any 2^k consecutive ones fall one in each of 2^k even
 * hash ranges, so the load per shard is even within one record and throttling measures capacity, not luck.
 */
const KEYS = Array.from({ length: 4096 }, (_, i) => {
  let r = 0;
  for (let b = 0; b < 12; b++) if (i & (1 << b)) r |= 1 << (11 - b);
  return ((BigInt(r) << 116n) + (1n << 115n)).toString();
});

interface Fed {
  /** Throttled entries per second of the run (index: second since the feed began). */
  throttled: number[];
}

function setup(options: KinesisOptions = {}, StreamName = 'od') {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, throughputLimits: true, recordPayloads: 'size-only', ...options });
  kinesis.createStream({ StreamName, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  let next = 0;
  /** Writes `mibps(second)` MiB in each second of [0, seconds), at the start of the second; the clock ends past it. */
  const feed = (seconds: number, mibps: (second: number) => number): Fed => {
    const throttled: number[] = [];
    const start = clock.now();
    for (let s = 0; s < seconds; s++) {
      clock.set(start + s * 1000);
      let left = Math.round(mibps(s) * 16);
      let refused = 0;
      while (left > 0) {
        const n = Math.min(128, left); // 8 MiB a call, under PutRecords' 10 MiB
        const Records: PutRecordsRequestEntry[] = [];
        for (let i = 0; i < n; i++) Records.push({ Data: DATA, PartitionKey: 'k', ExplicitHashKey: KEYS[next++ % KEYS.length]! });
        refused += kinesis.putRecords({ StreamName, Records }).FailedRecordCount ?? 0;
        left -= n;
      }
      throttled.push(refused);
    }
    clock.set(start + seconds * 1000);
    return { throttled };
  };
  const open = () => kinesis.describeStreamSummary({ StreamName }).StreamDescriptionSummary.OpenShardCount;
  return { clock, kinesis, feed, open, StreamName };
}

/** When each reshard happened (ms after T0) and to how many open shards. */
function reshards(kinesis: Kinesis, StreamName = 'od'): [number, number][] {
  const shards = kinesis.describeShardGraph({ StreamName }).Shards;
  const times = [...new Set(shards.filter((s) => s.ClosedAt !== undefined).map((s) => s.ClosedAt!.getTime()))].sort((a, b) => a - b);
  return times.map((t) => [t - T0, shards.filter((s) => s.OpenedAt.getTime() <= t && (s.ClosedAt === undefined || s.ClosedAt.getTime() > t)).length]);
}

describe('on-demand scaling', () => {
  it('follows a slow ramp (0.5 to 6 MiB/s over two hours) without throttling, ending with enough shards', () => {
    const { kinesis, feed, open } = setup();
    expect(open()).toBe(4);
    const { throttled } = feed(2 * 3600, (s) => 0.5 + (5.5 * s) / 7200);
    expect(throttled.reduce((a, b) => a + b, 0)).toBe(0);
    expect(open()).toBe(16);
    // Double the peak needs more than 4 shards once a minute averages over 2 MiB/s (the ramp passes 2 MiB/s at
    // 1,964 s), more than 8 once one averages over 4 (at 4,582 s): each 15 minutes after that minute ends.
    const endOfFirstMinuteOver = (mibps: number) => {
      for (let m = 0; ; m++) {
        let bytes = 0;
        for (let s = m * 60; s < m * 60 + 60; s++) bytes += Math.round((0.5 + (5.5 * s) / 7200) * 16) * (RECORD_BYTES + 1);
        if (bytes / 60 / 1024 / 1024 > mibps) return (m + 1) * MINUTE;
      }
    };
    expect(endOfFirstMinuteOver(2)).toBe(34 * MINUTE);
    expect(reshards(kinesis)).toEqual([[endOfFirstMinuteOver(2) + 15 * MINUTE, 8], [endOfFirstMinuteOver(4) + 15 * MINUTE, 16]]);
  });

  it('after a jump to 12 MiB/s throttles until it has doubled enough, then never again; the stream stays ACTIVE', () => {
    const { kinesis, feed, open, StreamName } = setup();
    const statuses = new Set<string>();
    const { throttled } = feed(2 * 3600, (s) => {
      if (s % 60 === 0) statuses.add(kinesis.describeStreamSummary({ StreamName }).StreamDescriptionSummary.StreamStatus);
      return 12;
    });
    expect([...statuses]).toEqual(['ACTIVE']);
    // It measures what it stored: 4 shards' worth, so 8 shards at 16 minutes; 8 stored, so 16 at 32; 12 stored, 32 at 48.
    expect(reshards(kinesis)).toEqual([[16 * MINUTE, 8], [32 * MINUTE, 16], [48 * MINUTE, 32]]);
    expect(open()).toBe(32);
    let lastThrottledSecond = -1;
    throttled.forEach((n, second) => {
      if (n > 0) lastThrottledSecond = second;
    });
    expect(lastThrottledSecond).toBeGreaterThan(31 * 60);
    expect(lastThrottledSecond).toBeLessThan(32 * 60);
    expect(throttled.slice(0, 60).every((n) => n === 12 * 16 - 4 * 16)).toBe(true);
  });

  it('reshards visibly: every parent closed with its children listed, each child naming its parent', () => {
    const { kinesis, feed } = setup();
    feed(20 * 60, () => 3);
    const shards = kinesis.listShards({ StreamName: 'od' }).Shards!;
    expect(shards).toHaveLength(4 + 8);
    const parents = shards.slice(0, 4);
    for (const parent of parents) expect(parent.SequenceNumberRange.EndingSequenceNumber).toBeDefined();
    const children = shards.slice(4);
    expect(children.map((c) => c.ParentShardId)).toEqual(parents.flatMap((p) => [p.ShardId, p.ShardId]));
    expect(children.every((c) => c.SequenceNumberRange.EndingSequenceNumber === undefined)).toBe(true);
    expect(kinesis.listShards({ StreamName: 'od', ShardFilter: { Type: 'AT_LATEST' } }).Shards).toHaveLength(8);
    const iterator = kinesis.getShardIterator({ StreamName: 'od', ShardId: parents[0]!.ShardId, ShardIteratorType: 'LATEST' }).ShardIterator!;
    const end = kinesis.getRecords({ ShardIterator: iterator });
    expect(end.ChildShards?.map((c) => c.ShardId)).toEqual([children[0]!.ShardId, children[1]!.ShardId]);
  });

  it('halves a day at a time once the peak has left its window, down to the initial shards, merging neighbours', () => {
    const { kinesis, feed, open, clock } = setup({ onDemandScaling: { peakWindowMs: HOUR } });
    feed(40 * 60, () => 6); // 4 -> 8 -> 16
    expect(open()).toBe(16);
    const quietFrom = clock.now() - T0;
    // The last busy minute leaves the window an hour after it ended; each halving waits a day.
    for (let day = 0; day < 4; day++) {
      clock.advance(DAY);
      kinesis.describeStreamSummary({ StreamName: 'od' });
    }
    const downs = reshards(kinesis).slice(2);
    expect(downs.map(([, n]) => n)).toEqual([8, 4]);
    expect(downs[0]![0]).toBe(quietFrom + HOUR + DAY);
    expect(downs[1]![0]).toBe(quietFrom + HOUR + 2 * DAY);
    expect(open()).toBe(4);
    const merged = kinesis.listShards({ StreamName: 'od', ShardFilter: { Type: 'AT_LATEST' } }).Shards!;
    expect(merged.every((s) => s.ParentShardId !== undefined && s.AdjacentParentShardId !== undefined)).toBe(true);
  });

  it('keeps the peak for 30 days by default: a quiet month later the stream still has its shards, then halves', () => {
    const { kinesis, feed, open, clock } = setup();
    feed(20 * 60, () => 3); // 4 -> 8
    clock.advance(29 * DAY);
    kinesis.describeStreamSummary({ StreamName: 'od' });
    expect(open()).toBe(8);
    clock.advance(2 * DAY + HOUR);
    expect(open()).toBe(4);
  });

  it('stops at maxShards however much more traffic asks for, and keeps throttling what they cannot carry', () => {
    const { kinesis, feed, open } = setup({ onDemandScaling: { maxShards: 6 } });
    const { throttled } = feed(60 * 60, () => 12);
    // Doubling 4 would give 8: capped at 6 (a non-uniform last step is still one reshard with lineage).
    expect(reshards(kinesis)).toEqual([[16 * MINUTE, 6]]);
    expect(open()).toBe(6);
    expect(throttled.at(-1)).toBe(12 * 16 - 6 * 16);
    const graph = kinesis.describeShardGraph({ StreamName: 'od' }).Shards;
    const openRanges = graph.filter((s) => s.ClosedAt === undefined).map((s) => [BigInt(s.HashKeyRange.StartingHashKey), BigInt(s.HashKeyRange.EndingHashKey)] as const);
    openRanges.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    // The open shards still cover the whole hash key space, without gaps or overlaps.
    expect(openRanges[0]![0]).toBe(0n);
    expect(openRanges.at(-1)![1]).toBe((1n << 128n) - 1n);
    for (let i = 1; i < openRanges.length; i++) expect(openRanges[i]![0]).toBe(openRanges[i - 1]![1] + 1n);
  });

  it('leaves the account shard quota alone while the stream is on-demand', () => {
    const { kinesis, feed, open } = setup({ shardLimit: 10 });
    feed(50 * 60, () => 12);
    expect(open()).toBe(32);
    expect(kinesis.describeLimits({})).toMatchObject({ ShardLimit: 10, OpenShardCount: 0, OnDemandStreamCount: 1 });
    kinesis.createStream({ StreamName: 'provisioned', ShardCount: 10 });
    expect(kinesis.describeLimits({}).OpenShardCount).toBe(10);
    // Its shards count once it turns provisioned, like any stream's.
    expect(() => kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } })).toThrow(
      expect.objectContaining({ name: 'LimitExceededException' }),
    );
  });

  it('does not use up UpdateShardCount’s 10 calls a day: a stream switched to provisioned has all of them', () => {
    const { kinesis, feed, open } = setup();
    feed(20 * 60, () => 3);
    expect(open()).toBe(8);
    kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    for (let i = 0; i < 10; i++) kinesis.updateShardCount({ StreamName: 'od', TargetShardCount: i % 2 === 0 ? 16 : 8, ScalingType: 'UNIFORM_SCALING' });
    expect(() => kinesis.updateShardCount({ StreamName: 'od', TargetShardCount: 16, ScalingType: 'UNIFORM_SCALING' })).toThrow(
      expect.objectContaining({ name: 'LimitExceededException' }),
    );
  });

  it('is on by default only with throughputLimits; false turns it off, true turns it on without limits', () => {
    const quiet = setup({ throughputLimits: false });
    quiet.feed(30 * 60, () => 12);
    expect(quiet.open()).toBe(4);
    const off = setup({ onDemandScaling: false });
    const { throttled } = off.feed(30 * 60, () => 6);
    expect(off.open()).toBe(4);
    expect(throttled.at(-1)).toBe(2 * 16);
    const on = setup({ throughputLimits: false, onDemandScaling: true });
    on.feed(30 * 60, () => 3);
    expect(on.open()).toBe(8);
  });

  it('starts with initialShards and meets a warm throughput at once', () => {
    const { open } = setup({ onDemandScaling: { initialShards: 1 } });
    expect(open()).toBe(1);
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, throughputLimits: true });
    kinesis.createStream({ StreamName: 'warm', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, WarmThroughputMiBps: 20 });
    expect(kinesis.describeStreamSummary({ StreamName: 'warm' }).StreamDescriptionSummary.OpenShardCount).toBe(32);
  });

  it('starts from the shards a provisioned stream had when it switches to on-demand, and stops when it switches back', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, throughputLimits: true, onDemandScaling: { peakWindowMs: HOUR } });
    kinesis.createStream({ StreamName: 'p', ShardCount: 10 });
    kinesis.updateStreamMode({ StreamARN: arnOf('p'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const open = () => kinesis.describeStreamSummary({ StreamName: 'p' }).StreamDescriptionSummary.OpenShardCount;
    clock.advance(HOUR + DAY);
    expect(open()).toBe(5);
    clock.advance(DAY);
    expect(open()).toBe(5); // halving again would leave 2, below the 4 it must keep
    kinesis.updateStreamMode({ StreamARN: arnOf('p'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    kinesis.updateStreamMode({ StreamARN: arnOf('p'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.updateStreamMode({ StreamARN: arnOf('p'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    clock.advance(5 * DAY);
    expect(open()).toBe(5);
    const provisioned = new Kinesis({ clock, throughputLimits: true });
    provisioned.createStream({ StreamName: 'one', ShardCount: 1 });
    provisioned.updateStreamMode({ StreamARN: arnOf('one'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(provisioned.describeStreamSummary({ StreamName: 'one' }).StreamDescriptionSummary.OpenShardCount).toBe(4);
  });

  it('tells streamChange listeners about each reshard, as kind scale', () => {
    const { kinesis, feed } = setup();
    const changes: StreamChangeEvent[] = [];
    kinesis.events.on('streamChange', (e) => changes.push(e));
    feed(20 * 60, () => 3);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ streamName: 'od', kind: 'scale', atMs: T0 + 16 * MINUTE });
    expect(changes[0]!.closedShardIds).toHaveLength(4);
    expect(changes[0]!.openedShardIds).toHaveLength(8);
  });

  it('is carried by snapshots: a restored engine scales exactly as the original', () => {
    const { kinesis, feed, clock } = setup();
    feed(10 * 60, () => 12);
    const twinClock = new ManualClock(clock.now());
    const twin = Kinesis.restore(kinesis.snapshot(), { clock: twinClock });
    const more = (k: Kinesis, c: ManualClock) => {
      for (let s = 0; s < 30 * 60; s++) {
        c.advance(1000);
        k.putRecords({ StreamName: 'od', Records: KEYS.slice(0, 100).map((ExplicitHashKey) => ({ Data: DATA, PartitionKey: 'k', ExplicitHashKey })) });
      }
    };
    more(kinesis, clock);
    more(twin, twinClock);
    // (Each engine answers the same calls: any call moves the expiry sweep, which snapshots keep.)
    const done = reshards(kinesis);
    expect(reshards(twin)).toEqual(done);
    expect(done.map(([, n]) => n)).toEqual([8, 16]);
    expect(Buffer.compare(twin.snapshot(), kinesis.snapshot())).toBe(0);
  });

  it('has its parameters checked like every option', () => {
    expect(() => new Kinesis({ onDemandScaling: 'yes' as never })).toThrow(
      new TypeError('Kinesis option onDemandScaling must be true, false or an object of parameters, got "yes"'),
    );
    expect(() => new Kinesis({ onDemandScaling: { headroom: 0.5 } })).toThrow(
      new RangeError('Kinesis option onDemandScaling.headroom must be a finite number >= 1, got number 0.5'),
    );
    expect(() => new Kinesis({ onDemandScaling: { scaleUpDelay: 5 } as never })).toThrow(/has no parameter scaleUpDelay/);
    expect(() => new Kinesis({ onDemandScaling: { initialShards: 8, maxShards: 4 } })).toThrow(
      new RangeError('Kinesis option onDemandScaling.maxShards must be at least initialShards (8), got number 4'),
    );
  });
});
