// The target policy, in the style of amazon-kinesis-scaling-utils and the aws-samples kinesis-auto-scaling
// Lambda: when the stream's write utilisation over the last period is above scaleUpAt, grow by a percent
// (default: double); below scaleDownAt, shrink (default: halve); always through UpdateShardCount, within
// [min, max] and AWS's [half, double] of the open count, and never during the cooldown after an attempt.
// It does not count AWS's 10 calls per rolling 24 hours: asked too often, it gets LimitExceededException.

import type { ResolvedScaling } from '../scenario.js';
import { utilizationBy, type ScalingPolicy } from './scaling-policy.js';

type TargetSpec = Extract<ResolvedScaling, { policy: 'target' }>;

export function targetPolicy(spec: TargetSpec): ScalingPolicy {
  let lastAttemptSecond = -Infinity;
  return {
    name: 'target',
    everySeconds: spec.evaluationSeconds,
    usesMedian: false,
    decide(view) {
      if (view.streamStatus !== 'ACTIVE' || view.atSecond - lastAttemptSecond < spec.cooldownSeconds) return [];
      const open = view.openShards.length;
      if (open === 0) return [];
      let used = 0;
      for (const s of view.openShards) used += utilizationBy(spec.metric, s);
      const utilization = used / open;
      let target = open;
      if (utilization > spec.scaleUpAt) {
        target = Math.min(spec.max, open * 2, Math.ceil(open * (1 + spec.scaleUpPercent / 100)));
      } else if (utilization < spec.scaleDownAt) {
        target = Math.max(spec.min, Math.ceil(open / 2), Math.floor(open * (1 - spec.scaleDownPercent / 100)));
      }
      if (target === open) return [];
      lastAttemptSecond = view.atSecond;
      return [{ UpdateShardCount: target }];
    },
  };
}
