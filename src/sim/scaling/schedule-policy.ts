// The schedule policy: resharding actions at given seconds ("hottest" and "coldest" chosen from recent load).

import type { ScheduledAction } from '../scenario.js';
import type { ScalingAction } from './scaling-action.js';
import { adjacentPairs, type ScalingPolicy } from './scaling-policy.js';

export function schedulePolicy(events: readonly [number, ScheduledAction][]): ScalingPolicy {
  const ordered = events.map(([at, action], i) => ({ at, action, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  let next = 0;
  return {
    name: 'schedule',
    atSeconds: [...new Set(ordered.map((e) => e.at))],
    usesMedian: events.some(([, a]) => 'SplitShard' in a && a.SplitShard === 'hottest'),
    decide(view) {
      const actions: ScalingAction[] = [];
      while (next < ordered.length && ordered[next]!.at <= view.atSecond) {
        const { action } = ordered[next++]!;
        if ('UpdateShardCount' in action) actions.push(action);
        else if ('SplitShard' in action) {
          if (action.SplitShard !== 'hottest') actions.push({ SplitShard: action.SplitShard });
          else {
            const hottest = [...view.openShards].sort((a, b) => b.utilization - a.utilization)[0];
            if (hottest !== undefined) {
              const at = view.medianHashKey(hottest.shardId);
              actions.push(at === undefined ? { SplitShard: hottest.shardId } : { SplitShard: hottest.shardId, NewStartingHashKey: at });
            }
          }
        } else if (action.MergeShards !== 'coldest') actions.push({ MergeShards: action.MergeShards });
        else {
          const pair = adjacentPairs(view.openShards)
            .sort(([a, b], [c, d]) => a.utilization + b.utilization - (c.utilization + d.utilization))[0];
          if (pair !== undefined) actions.push({ MergeShards: [pair[0].shardId, pair[1].shardId] });
        }
      }
      return actions;
    },
  };
}
