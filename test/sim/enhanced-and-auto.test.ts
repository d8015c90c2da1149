// Laws of the wave-2 lab features: strategy 'auto' (the engine's AUTO record distribution) spreads records over
// the shards within a binomial bound whatever the keys; enhanced consumers (SubscribeToShard) see every
// acknowledged record exactly once and in order per key across reshards, each with its own 2 MiB/s per shard.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reshardAction } from '../support/reshard-arbitrary.js';
import { simulate, type SimulationSummary } from '../../src/sim/index.js';

function expectEachConsumerSawEverythingOnceInOrder(s: SimulationSummary): void {
  expect(s.consumers.length).toBeGreaterThan(0);
  for (const c of s.consumers) {
    expect({ name: c.name, consumed: c.recordsConsumed, duplicates: c.duplicatesAtConsumer, lost: c.lostAtConsumer, ordering: c.orderingViolations, unmatched: c.unmatchedAtConsumer })
      .toEqual({ name: c.name, consumed: s.totals.recordsAcknowledged, duplicates: 0, lost: 0, ordering: 0, unmatched: 0 });
  }
  expect(s.totals.unconsumedAtEnd).toBe(0);
}

describe("strategy 'auto'", () => {
  it('spreads one hot key over every shard, each within a binomial bound of its share', () => {
    const rate = 2000;
    const seconds = 60;
    const s = simulate({
      seed: 4, durationSeconds: seconds, stream: { mode: 'ON_DEMAND' },
      producers: [{ rate: { recordsPerSecond: rate }, keys: { distribution: 'hot', count: 10, hotKeys: 1, hotShare: 0.95 }, strategy: 'auto', recordBytes: 50 }],
      consumers: [{ type: 'polling', intervalMs: 250 }],
    });
    const n = rate * seconds;
    expect(s.totals.recordsAcknowledged).toBe(n);
    const shards = s.shards.filter((x) => x.closedAtSecond === null);
    expect(shards).toHaveLength(4);
    const p = 1 / shards.length;
    const sigma = Math.sqrt(n * p * (1 - p));
    for (const x of shards) expect(Math.abs(x.IncomingRecords - n * p)).toBeLessThan(5 * sigma);
    expect(s.totals.recordsThrottled).toBe(0);
    // Every record arrives once; a key's records are on every shard, so per-key order is not AWS's promise here.
    expect(s.totals).toMatchObject({ recordsConsumed: n, duplicatesAtConsumer: 0, lostAtConsumer: 0 });
    expect(s.hotKeys[0]).toMatchObject({ shardId: null, shardIds: [] });
  });

  it('the same hot key under strategy key lands on one shard only', () => {
    const s = simulate({
      seed: 4, durationSeconds: 20, stream: { mode: 'ON_DEMAND' },
      producers: [{ rate: { recordsPerSecond: 500 }, keys: { distribution: 'hot', count: 10, hotKeys: 1, hotShare: 0.95 }, recordBytes: 50 }],
    });
    const hot = s.hotKeys[0]!;
    const onHotShard = s.shards.find((x) => x.shardId === hot.shardId)!.IncomingRecords;
    expect(onHotShard).toBeGreaterThanOrEqual(hot.records);
  });

  it('is refused on a provisioned stream, and mixed with keyed producers', () => {
    expect(() => simulate({ durationSeconds: 1, stream: { shardCount: 2 }, producers: [{ rate: { recordsPerSecond: 1 }, strategy: 'auto' }] })).toThrow(
      /scenario\.producers\[0\]\.strategy: 'auto' .* needs an ON_DEMAND stream/,
    );
    expect(() => simulate({
      durationSeconds: 1, stream: { mode: 'ON_DEMAND' },
      producers: [{ rate: { recordsPerSecond: 1 }, strategy: 'auto' }, { name: 'b', rate: { recordsPerSecond: 1 } }],
    })).toThrow(/scenario\.producers\[1\]\.strategy: must be 'auto' too/);
  });
});

describe("consumer type 'enhanced'", () => {
  it('sees every acknowledged record exactly once, each key in order, across any reshard schedule, beside a polling consumer', () => {
    const action = reshardAction;
    const scenario = fc.record({
      seed: fc.integer({ min: 0, max: 1000 }),
      shardCount: fc.integer({ min: 1, max: 6 }),
      reshardSeconds: fc.integer({ min: 0, max: 15 }),
      intervalMs: fc.integer({ min: 10, max: 500 }),
      processingMsPerRecord: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
      keys: fc.integer({ min: 1, max: 300 }),
      events: fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), action), { maxLength: 6 }),
    });
    const runs = Math.max(3, Math.round(Number(process.env.FC_RUNS ?? 100) / 10));
    fc.assert(
      fc.property(scenario, (g) => {
        const s = simulate({
          seed: g.seed, durationSeconds: 110, drainSeconds: 3000, stream: { shardCount: g.shardCount, reshardSeconds: g.reshardSeconds },
          producers: [{ rate: { recordsPerSecond: 300 }, keys: { distribution: 'uniform', count: g.keys } }],
          consumers: [
            { type: 'enhanced', name: 'efo-a', intervalMs: g.intervalMs, processingMsPerRecord: g.processingMsPerRecord },
            { type: 'enhanced', name: 'efo-b' },
            { type: 'polling', intervalMs: 500 },
          ],
          scaling: { policy: 'schedule', events: g.events },
        });
        expect(s.totals.recordsAcknowledged).toBe(s.totals.recordsProduced);
        expectEachConsumerSawEverythingOnceInOrder(s);
        const efo = s.consumers.filter((c) => c.type === 'enhanced');
        // Each lease subscribed at least once, and no consumer polled.
        for (const c of efo) expect(c.subscribeToShardCalls).toBeGreaterThanOrEqual(g.shardCount);
        for (const c of efo) expect(c.getRecordsCalls).toBe(0);
      }),
      { numRuns: runs },
    );
  });

  it('renews a subscription after its 5 minutes from where it stopped, losing nothing', () => {
    const s = simulate({
      seed: 2, durationSeconds: 900, stream: { shardCount: 2 },
      producers: [{ rate: { recordsPerSecond: 200 }, keys: { distribution: 'uniform', count: 50 } }],
      consumers: [{ type: 'enhanced' }],
    });
    // Two shards, each subscribed at 0 s, 300 s, 600 s and 900 s.
    expect(s.consumers[0]!.subscribeToShardCalls).toBe(8);
    expectEachConsumerSawEverythingOnceInOrder(s);
    expect(s.latencyMs.p99).toBeLessThan(200);
  });

  it('gives each consumer its own 2 MiB/s per shard, where polling consumers share one', () => {
    // One shard written at about 0.8 MiB/s; three readers want 2.4 MiB/s between them.
    const base = {
      seed: 9, durationSeconds: 120, drainSeconds: 2, stream: { shardCount: 1 },
      producers: [{ rate: { recordsPerSecond: 800 }, recordBytes: 1040, keys: { distribution: 'uniform' as const, count: 100 } }],
    };
    const efo = simulate({ ...base, consumers: ['a', 'b', 'c'].map((name) => ({ type: 'enhanced' as const, name })) });
    const polling = simulate({ ...base, consumers: ['a', 'b', 'c'].map((name) => ({ type: 'polling' as const, name, intervalMs: 1000 })) });
    expect(efo.totals.recordsThrottled + polling.totals.recordsThrottled).toBe(0);
    // Enhanced: each consumer keeps up (everything read, within a fraction of a second).
    for (const c of efo.consumers) expect(c.recordsConsumed).toBe(efo.totals.recordsAcknowledged);
    expect(efo.latencyMs.p99).toBeLessThan(200);
    // Their lag is the engine's SubscribeToShardEvent.MillisBehindLatest (shard-level iterator age is GetRecords').
    const behind = efo.metrics.stream['SubscribeToShardEvent.MillisBehindLatest']!;
    expect(behind).toHaveLength(efo.metrics.periods);
    expect(Math.max(...behind)).toBeLessThan(1000);
    expect(efo.metrics.stream.IteratorAgeMilliseconds.every((v) => v === 0)).toBe(true);
    expect(polling.metrics.stream['SubscribeToShardEvent.MillisBehindLatest']).toBeUndefined();
    expect(Math.max(...polling.metrics.stream.IteratorAgeMilliseconds)).toBeGreaterThan(10_000);
    // Polling: the shard's 2 MiB/s is shared, so the three together read at most 2 MiB/s, and they are throttled.
    const readBytes = polling.consumers.reduce((n, c) => n + c.recordsConsumed, 0) * 1040;
    expect(readBytes).toBeLessThanOrEqual(2 * 1024 * 1024 * 123);
    expect(polling.consumers.reduce((n, c) => n + c.readThrottles, 0)).toBeGreaterThan(0);
    expect(polling.totals.unconsumedAtEnd).toBeGreaterThan(0);
  });
});
