// findMinimumShards(): the fewest shards that keep throttling under a bound, by doubling then bisecting
// over shard counts (scaling off). It assumes more shards never throttle more, and reports every count tried.

import { ScenarioError } from './scenario-error.js';
import type { Scenario } from './scenario.js';
import { simulate, type SimulateOptions, type SimulationProgress } from './simulate.js';
import type { SimulationSummary } from './summary.js';

export interface FindMinimumShardsOptions extends Omit<SimulateOptions, 'onProgress'> {
  /** The largest acceptable recordsThrottled / (acknowledged + throttled). */
  maxThrottledShare: number;
  /** Search bounds. Default 1 and 1024. */
  minShards?: number;
  maxShards?: number;
  onProgress?: (shardCount: number, progress: SimulationProgress) => void;
}

export interface MinimumShards {
  kind: 'kinesim-minimum-shards';
  maxThrottledShare: number;
  /** The answer; null when even maxShards throttles more than the bound. */
  shardCount: number | null;
  /** The run at that count (or at maxShards when none passed). */
  summary: SimulationSummary;
  tried: { shardCount: number; throttledShare: number; passes: boolean }[];
}

/** @throws ScenarioError for a bad scenario or bound, before anything runs */
export function findMinimumShards(scenario: Scenario, options: FindMinimumShardsOptions): MinimumShards {
  const { maxThrottledShare } = options;
  const minShards = options.minShards ?? 1;
  const maxShards = options.maxShards ?? 1024;
  const issues = [];
  if (!(maxThrottledShare >= 0 && maxThrottledShare <= 1)) issues.push({ field: 'options.maxThrottledShare', problem: `must be in [0, 1], got ${maxThrottledShare}` });
  if (!Number.isInteger(minShards) || minShards < 1) issues.push({ field: 'options.minShards', problem: `must be a whole number >= 1, got ${minShards}` });
  if (!Number.isInteger(maxShards) || maxShards < minShards || maxShards > 10_000) issues.push({ field: 'options.maxShards', problem: `must be a whole number in [minShards, 10000], got ${maxShards}` });
  if (scenario.stream?.mode === 'ON_DEMAND') issues.push({ field: 'scenario.stream.mode', problem: 'must be PROVISIONED to search over shard counts' });
  if (issues.length > 0) throw new ScenarioError(issues);

  const runs = new Map<number, SimulationSummary>();
  const run = (n: number): SimulationSummary => {
    let s = runs.get(n);
    if (s === undefined) {
      s = simulate({ ...scenario, stream: { ...scenario.stream, shardCount: n }, scaling: { policy: 'none' } }, {
        ...(options.traces === undefined ? {} : { traces: options.traces }),
        ...(options.onProgress === undefined ? {} : { onProgress: (p: SimulationProgress) => options.onProgress!(n, p) }),
      });
      runs.set(n, s);
    }
    return s;
  };
  const passes = (n: number) => run(n).totals.throttledShare <= maxThrottledShare;

  let failing = minShards - 1;
  let passing: number | undefined;
  for (let n = minShards; ; n = Math.min(maxShards, n * 2)) {
    if (passes(n)) {
      passing = n;
      break;
    }
    failing = n;
    if (n === maxShards) break;
  }
  if (passing !== undefined) {
    while (passing - failing > 1) {
      const mid = Math.floor((passing + failing) / 2);
      if (passes(mid)) passing = mid;
      else failing = mid;
    }
  }
  const tried = [...runs].sort(([a], [b]) => a - b).map(([shardCount, s]) => ({
    shardCount, throttledShare: s.totals.throttledShare, passes: s.totals.throttledShare <= maxThrottledShare,
  }));
  return { kind: 'kinesim-minimum-shards', maxThrottledShare, shardCount: passing ?? null, summary: run(passing ?? maxShards), tried };
}
