// The library's other promises: a user's own scaling policy, silent runs with progress by callback,
// on-demand streams, and records too small to carry a ticket.

import { describe, expect, it } from 'vitest';
import { simulate, type ScalingView, type SimulationProgress } from '../../src/sim/index.js';

describe('simulate()', () => {
  it('runs a user policy function with what it needs to decide, and records what the engine answered', () => {
    const views: ScalingView[] = [];
    const s = simulate({
      seed: 1, durationSeconds: 180, stream: { shardCount: 2, reshardSeconds: 5 }, consumers: [{ type: 'polling', intervalMs: 500 }],
      producers: [{ rate: { recordsPerSecond: 1200 }, keys: { distribution: 'zipf', count: 1000, exponent: 1.2 } }],
      scaling: {
        evaluationSeconds: 60,
        policy: (view) => {
          views.push(view);
          if (view.atSecond !== 60) return view.atSecond === 120 ? { UpdateShardCount: 50 } : undefined;
          const hottest = [...view.openShards].sort((a, b) => b.utilization - a.utilization)[0]!;
          return { SplitShard: hottest.shardId };
        },
      },
    });
    expect(views.map((v) => v.atSecond)).toEqual([60, 120, 180]);
    const first = views[0]!;
    expect(first.streamStatus).toBe('ACTIVE');
    expect(first.windowSeconds).toBe(60);
    expect(first.openShards.map((x) => x.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    const rate = first.openShards.reduce((n, x) => n + x.incomingRecordsPerSecond, 0);
    expect(rate).toBeCloseTo(1200, -1);
    const median = first.medianHashKey(first.openShards[0]!.shardId)!;
    expect(BigInt(median) > BigInt(first.openShards[0]!.startingHashKey)).toBe(true);
    expect(BigInt(median) < BigInt(first.openShards[0]!.endingHashKey)).toBe(true);
    expect(s.reshards.map((r) => [r.atSecond, r.operation, r.result, r.by])).toEqual([
      [60, 'SplitShard', 'OK', 'custom'],
      [120, 'UpdateShardCount', 'LimitExceededException', 'custom'],
    ]);
    expect(s.reshards[1]!.message).toMatch(/50/);
    expect(s.scenario['scaling']).toEqual({ policy: 'custom', evaluationSeconds: 60 });
    expect(s.shards).toHaveLength(4);
  });

  it('stays silent and reports progress in simulated time only', () => {
    const seen: SimulationProgress[] = [];
    const s = simulate({ durationSeconds: 300, stream: { shardCount: 1 }, producers: [{ rate: { recordsPerSecond: 10 } }] }, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(50);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.simulatedSeconds).toBeGreaterThanOrEqual(seen[i - 1]!.simulatedSeconds);
    expect(seen[seen.length - 1]).toMatchObject({ fraction: 1, durationSeconds: 300, recordsProduced: 3000 });
    expect(s.totals.recordsConsumed).toBe(3000);
  });

  it('runs an on-demand stream that starts with 4 shards and prices it per stream-hour and GB', () => {
    const s = simulate({ durationSeconds: 30, stream: { mode: 'ON_DEMAND' }, producers: [{ rate: { recordsPerSecond: 200 }, recordBytes: 2000 }] });
    expect(s.shards).toHaveLength(4);
    expect(s.reshards).toEqual([]);
    expect(s.notes[0]).toMatch(/ON_DEMAND stream scaled itself by kinesim's model/);
    expect(s.cost.mode).toBe('ON_DEMAND');
    // 6,000 records of 2,000 B, each rounded up to 2 KiB, written once and read once.
    expect(s.cost.gbWritten).toBeCloseTo((6000 * 2048) / 1024 ** 3, 6);
    expect(s.cost.gbRead).toBeCloseTo(s.cost.gbWritten, 6);
  });

  it('lets an on-demand stream scale itself: throttling stops once it has doubled, every record still arrives once, in order', () => {
    // 3,000 records/s of uniform keys: 4 shards carry 4,000/s but double the peak asks for 6 shards' worth.
    // Overloaded past 4 shards at 6,000/s: throttles until the stream has 8 shards (scale-up after 120 s here).
    const s = simulate({
      seed: 5, durationSeconds: 600, stepMs: 50,
      stream: { mode: 'ON_DEMAND', onDemandScaling: { scaleUpDelaySeconds: 120 } },
      producers: [{ rate: { shape: 'steps', steps: [[0, 3000], [300, 6000]] }, keys: { distribution: 'uniform', count: 5000 }, recordBytes: 100 }],
      consumers: [{ type: 'polling', intervalMs: 200 }],
    });
    const up = s.reshards.map((r) => [r.atSecond, r.operation, r.targetShardCount, r.result, r.by]);
    // The first full minute ends at 60 s: 3,000/s is 3 shards' worth, double is 6 > 4, so 8 shards at 180 s;
    // the minute ending at 360 s averaged 6,000/s, double is 12 > 8, so 16 shards at 480 s.
    expect(up).toEqual([[180, 'OnDemandScaling', 8, 'OK', 'on-demand'], [480, 'OnDemandScaling', 16, 'OK', 'on-demand']]);
    expect(s.reshards[0]!.shardIds).toHaveLength(4);
    expect(s.shards).toHaveLength(4 + 8 + 16);
    const open = s.shards.filter((x) => x.closedAtSecond === null);
    expect(open.every((x) => x.parentShardIds.length === 1 && x.openedAtSecond === 480)).toBe(true);
    // 8 shards carry 6,000/s: nothing throttled at any time (the step to 6,000/s comes after the scale-up).
    expect(s.totals.recordsThrottled).toBe(0);
    expect(s.totals).toMatchObject({ lostAtConsumer: 0, duplicatesAtConsumer: 0, orderingViolations: 0, recordsDropped: 0 });
    expect(s.totals.recordsConsumed).toBe(s.totals.recordsAcknowledged);
    expect(s.scenario['stream']).toMatchObject({ mode: 'ON_DEMAND', onDemandScaling: { scaleUpDelayMs: 120_000 } });
  });

  it('without scaling an on-demand stream throttles what its 4 shards cannot carry', () => {
    const s = simulate({
      seed: 5, durationSeconds: 120, stepMs: 50,
      stream: { mode: 'ON_DEMAND', onDemandScaling: { maxShards: 4 } },
      producers: [{ rate: { recordsPerSecond: 6000 }, keys: { distribution: 'uniform', count: 5000 }, recordBytes: 100, retry: { maxAttempts: 2 } }],
    });
    expect(s.reshards).toEqual([]);
    expect(s.totals.recordsThrottled).toBeGreaterThan(0);
  });

  it("reports the engine's own CloudWatch shard metrics, whose sums agree with the run's totals, per whole-minute period", () => {
    const s = simulate({
      seed: 8, durationSeconds: 300, metrics: { periodSeconds: 120 }, stream: { shardCount: 3 },
      producers: [{ rate: { recordsPerSecond: 2500 }, keys: { distribution: 'hot', count: 100, hotKeys: 1, hotShare: 0.5 }, recordBytes: 300 }],
      consumers: [{ type: 'polling', intervalMs: 100 }, { type: 'enhanced' }],
    });
    expect(s.metrics.periodSeconds).toBe(120);
    expect(s.metrics.periods).toBe(Math.ceil(s.endedAtSecond / 120));
    const sum = (k: 'IncomingRecords' | 'IncomingBytes' | 'OutgoingRecords' | 'WriteProvisionedThroughputExceeded' | 'ReadProvisionedThroughputExceeded') =>
      s.shards.reduce((n, x) => n + x[k], 0);
    expect(sum('IncomingRecords')).toBe(s.totals.recordsAcknowledged);
    expect(sum('IncomingBytes')).toBe(s.totals.recordsAcknowledged * 300);
    // Both consumers read every record once: OutgoingRecords counts GetRecords and SubscribeToShard events alike.
    expect(sum('OutgoingRecords')).toBe(2 * s.totals.recordsAcknowledged);
    expect(sum('WriteProvisionedThroughputExceeded')).toBe(s.totals.recordsThrottled);
    expect(sum('ReadProvisionedThroughputExceeded')).toBe(s.consumers[0]!.readThrottles);
    for (const x of s.shards) {
      const series = s.metrics.shards.find((m) => m.shardId === x.shardId)!;
      expect(series.IncomingRecords.reduce((a, b) => a + b, 0)).toBe(x.IncomingRecords);
      expect(Math.max(...series.IteratorAgeMilliseconds)).toBe(x.IteratorAgeMillisecondsMax);
    }
    expect(() => simulate({ durationSeconds: 60, metrics: { periodSeconds: 90 }, stream: { shardCount: 1 }, producers: [{ rate: { recordsPerSecond: 1 } }] })).toThrow(
      "scenario.metrics.periodSeconds: must be a multiple of 60 (CloudWatch's 1-minute data), got 90",
    );
  });

  it('counts records that expired before a slow consumer reached them as lost, alike by ticket and by sequence number', () => {
    // 1 record/s for 30 hours; the consumer processes one every 10 s, so the 24-hour retention overtakes it.
    const run = (recordBytes: number) => simulate({
      seed: 6, durationSeconds: 30 * 3600, drainSeconds: 0, stepMs: 1000, stream: { shardCount: 1 },
      producers: [{ rate: { recordsPerSecond: 1 }, recordBytes, keys: { distribution: 'uniform', count: 10 } }],
      consumers: [{ type: 'polling', limit: 100, processingMsPerRecord: 10_000 }],
    });
    const ticketed = run(16);
    const small = run(2); // too small for a ticket: the lab keeps every sequence number and compares them
    for (const s of [ticketed, small]) {
      const t = s.totals;
      expect(t.lostAtConsumer).toBeGreaterThan(0);
      expect(t.recordsConsumed + t.lostAtConsumer + t.unconsumedAtEnd).toBe(t.recordsAcknowledged);
      expect({ duplicates: t.duplicatesAtConsumer, unmatched: t.unmatchedAtConsumer, ordering: t.orderingViolations }).toEqual({ duplicates: 0, unmatched: 0, ordering: 0 });
    }
    expect(ticketed.totals.lostAtConsumer).toBe(small.totals.lostAtConsumer);
    expect(ticketed.totals.recordsConsumed).toBe(small.totals.recordsConsumed);
  });

  it('identifies records too small for a ticket by sequence number, still exactly once', () => {
    const s = simulate({
      seed: 3, durationSeconds: 60, stream: { shardCount: 2, reshardSeconds: 0 }, consumers: [{ type: 'polling', intervalMs: 300, limit: 50 }],
      producers: [{ rate: { recordsPerSecond: 400 }, recordBytes: { min: 1, max: 3 }, keys: { distribution: 'zipf', count: 20, exponent: 1 } }],
      scaling: { policy: 'schedule', events: [[20, { UpdateShardCount: 3 }]] }, drainSeconds: 600,
    });
    expect(s.totals).toMatchObject({ recordsConsumed: 24_000, lostAtConsumer: 0, duplicatesAtConsumer: 0, orderingViolations: 0, unmatchedAtConsumer: 0 });
  });

  it('prices provisioned shard-hours and PUT payload units from the table, overridable', () => {
    const base = { durationSeconds: 3600, stream: { shardCount: 3 }, consumers: [], producers: [{ rate: { recordsPerSecond: 10 }, recordBytes: 30_000 }] };
    const s = simulate(base);
    expect(s.cost.shardHours).toBe(3);
    expect(s.cost.putPayloadUnits).toBe(36_000 * 2);
    expect(s.cost.estimateUsd).toBeCloseTo(3 * 0.015 + 0.072 * 0.014, 6);
    const priced = simulate({ ...base, prices: { shardHourUsd: 1 } });
    expect(priced.cost.estimateUsd).toBeCloseTo(3 + 0.072 * 0.014, 6);
    expect(priced.cost.pricesSource.overridden).toBe(true);
  });
});
