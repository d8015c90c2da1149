// compareStrategies and findMinimumShards: the same runs simulate() gives, compared and searched.

import { describe, expect, it } from 'vitest';
import { ScenarioError, compareStrategies, findMinimumShards, simulate, type Scenario } from '../../src/sim/index.js';

const hotKey: Scenario = {
  name: 'hot key', seed: 6, durationSeconds: 60, stream: { shardCount: 4 },
  producers: [{ rate: { recordsPerSecond: 2000 }, keys: { distribution: 'hot', count: 500, hotKeys: 1, hotShare: 0.7 } }],
  consumers: [{ type: 'polling', intervalMs: 250 }],
};

describe('compareStrategies', () => {
  it('runs each strategy on the same workload and tabulates the runs simulate() gives', () => {
    const c = compareStrategies(hotKey, ['key', { salt: 8 }, 'random', { name: 'key, 8 shards', strategy: 'key', shardCount: 8 }]);
    expect(c.rows.map((r) => r.name)).toEqual(['key, 4 shards', 'salt 8, 4 shards', 'random, 4 shards', 'key, 8 shards']);
    const [key, , random] = c.rows;
    expect(key!.throttledShare).toBeGreaterThan(0.1);
    expect(random!.throttledShare).toBe(0);
    expect(random!.skewMaxOverMean).toBeLessThan(key!.skewMaxOverMean);
    expect(random!.orderingViolations).toBeGreaterThan(0);
    expect(JSON.stringify(c.runs[1])).toBe(JSON.stringify(simulate({ ...hotKey, producers: [{ ...hotKey.producers[0]!, strategy: { salt: 8 } }] })));
  });

  it('runs variants that replace the stream or the consumers, and an auto variant on an ON_DEMAND stream', () => {
    const c = compareStrategies(hotKey, [
      { name: 'on-demand', stream: { mode: 'ON_DEMAND' } },
      { name: 'auto', strategy: 'auto' },
      { name: 'enhanced', consumers: [{ type: 'enhanced', name: 'a' }, { type: 'enhanced', name: 'b' }] },
    ]);
    const [onDemand, auto, enhanced] = c.runs;
    expect(onDemand!.scenario['stream']).toMatchObject({ mode: 'ON_DEMAND' });
    expect(onDemand!.cost.mode).toBe('ON_DEMAND');
    expect(auto!.scenario['stream']).toMatchObject({ mode: 'ON_DEMAND' });
    // The hot key's 70% lands on one shard by key; AUTO spreads it, so nothing is throttled.
    expect(onDemand!.totals.recordsThrottled).toBeGreaterThan(0);
    expect(auto!.totals.recordsThrottled).toBe(0);
    expect(enhanced!.consumers.map((x) => [x.name, x.type, x.recordsConsumed])).toEqual([
      ['a', 'enhanced', enhanced!.totals.recordsAcknowledged],
      ['b', 'enhanced', enhanced!.totals.recordsAcknowledged],
    ]);
    expect(c.rows.map((r) => r.strategy)).toEqual(['key', 'auto', 'key']);
  });

  it('refuses an empty list and bad variants before running', () => {
    expect(() => compareStrategies(hotKey, [])).toThrow(ScenarioError);
    expect(() => compareStrategies(hotKey, ['key', { strategy: 'sideways' as never }])).toThrow("scenario.producers[0].strategy: must be one of 'key', 'random', 'explicit-spread', 'kpl'");
  });
});

describe('findMinimumShards', () => {
  it('finds the fewest shards that keep throttling under the bound: that count passes, one fewer does not', () => {
    const sc: Scenario = {
      seed: 2, durationSeconds: 60, stream: { shardCount: 1 }, consumers: [],
      producers: [{ rate: { recordsPerSecond: 3500 }, keys: { distribution: 'uniform', count: 20_000 }, recordBytes: 100 }],
    };
    const found = findMinimumShards(sc, { maxThrottledShare: 0.001 });
    expect(found.shardCount).not.toBeNull();
    const n = found.shardCount!;
    expect(n).toBeGreaterThanOrEqual(4);
    expect(found.summary.totals.throttledShare).toBeLessThanOrEqual(0.001);
    const below = found.tried.find((t) => t.shardCount === n - 1);
    expect(below?.passes).toBe(false);
    expect(found.tried.filter((t) => t.passes).every((t) => t.shardCount >= n)).toBe(true);
  });

  it('answers null when even the largest count throttles too much', () => {
    const sc: Scenario = { seed: 1, durationSeconds: 20, stream: { shardCount: 1 }, consumers: [], producers: [{ rate: { recordsPerSecond: 3000 }, keys: { distribution: 'uniform', count: 1 } }] };
    const found = findMinimumShards(sc, { maxThrottledShare: 0, maxShards: 4 });
    expect(found.shardCount).toBeNull();
    expect(found.tried.map((t) => t.shardCount)).toEqual([1, 2, 4]);
  });

  it('checks its options', () => {
    expect(() => findMinimumShards(hotKey, { maxThrottledShare: 2 })).toThrow('options.maxThrottledShare: must be in [0, 1], got 2');
  });
});
