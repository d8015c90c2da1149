// The hot-shard-split policy: split the busiest shard at the median hash key of its recent writes when it
// passes `threshold` of its write capacity (what kinesis-hot-shard-advisor suggests doing by hand), and
// merge the coldest adjacent pair when both are under `mergeBelow`. One action per evaluation.

import type { ResolvedScaling } from '../scenario.js';
import type { ScalingAction } from './scaling-action.js';
import { adjacentPairs, utilizationBy, type ScalingPolicy } from './scaling-policy.js';

type HotSpec = Extract<ResolvedScaling, { policy: 'hot-shard-split' }>;

export function hotShardSplitPolicy(spec: HotSpec): ScalingPolicy {
  let lastAttemptSecond = -Infinity;
  return {
    name: 'hot-shard-split',
    everySeconds: spec.evaluationSeconds,
    usesMedian: true,
    decide(view) {
      if (view.streamStatus !== 'ACTIVE' || view.atSecond - lastAttemptSecond < spec.cooldownSeconds) return [];
      // Throttled writes are demand the shard could not take: counted, so a saturated shard still ranks hottest.
      const loads = view.openShards.map((s) => ({ s, u: utilizationBy(spec.metric, { ...s, incomingRecordsPerSecond: s.incomingRecordsPerSecond + s.throttledRecordsPerSecond }) }));
      const hottest = loads.reduce<(typeof loads)[number] | undefined>((best, x) => (best === undefined || x.u > best.u ? x : best), undefined);
      let action: ScalingAction | undefined;
      if (hottest !== undefined && hottest.u > spec.threshold && view.openShards.length < spec.maxShards) {
        const at = view.medianHashKey(hottest.s.shardId);
        action = at === undefined ? { SplitShard: hottest.s.shardId } : { SplitShard: hottest.s.shardId, NewStartingHashKey: at };
      } else if (spec.mergeBelow > 0) {
        const util = new Map(loads.map(({ s, u }) => [s.shardId, u]));
        const pair = adjacentPairs(view.openShards)
          .filter(([a, b]) => util.get(a.shardId)! < spec.mergeBelow && util.get(b.shardId)! < spec.mergeBelow)
          .sort(([a, b], [c, d]) => util.get(a.shardId)! + util.get(b.shardId)! - util.get(c.shardId)! - util.get(d.shardId)!)[0];
        if (pair !== undefined) action = { MergeShards: [pair[0].shardId, pair[1].shardId] };
      }
      if (action === undefined) return [];
      lastAttemptSecond = view.atSecond;
      return [action];
    },
  };
}
