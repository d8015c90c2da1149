// A scaling policy: asked at its times, it answers with resharding actions. The built-in ones and a user's
// own function share this shape.

import { KINESIS_LIMITS } from '../../index.js';
import type { ResolvedScaling } from '../scenario.js';
import type { ScalingAction, ScalingView } from './scaling-action.js';
import { hotShardSplitPolicy } from './hot-shard-split-policy.js';
import { schedulePolicy } from './schedule-policy.js';
import { targetPolicy } from './target-policy.js';

export interface ScalingPolicy {
  /** The name the summary's reshards[] gives as `by`. */
  readonly name: string;
  /** Run seconds at which the policy is asked, in order (a schedule), or undefined for `everySeconds`. */
  readonly atSeconds?: readonly number[];
  readonly everySeconds?: number;
  /** Whether it needs the median hash key of shards' recent writes. */
  readonly usesMedian: boolean;
  decide(view: ScalingView): readonly ScalingAction[];
}

export function createPolicy(spec: ResolvedScaling): ScalingPolicy | undefined {
  switch (spec.policy) {
    case 'none':
      return undefined;
    case 'schedule':
      return schedulePolicy(spec.events);
    case 'target':
      return targetPolicy(spec);
    case 'hot-shard-split':
      return hotShardSplitPolicy(spec);
    case 'custom':
      return {
        name: 'custom',
        everySeconds: spec.evaluationSeconds,
        usesMedian: true,
        decide: (view) => {
          const answer = spec.decide(view);
          if (answer === undefined || answer === null) return [];
          return Array.isArray(answer) ? (answer as readonly ScalingAction[]) : [answer as ScalingAction];
        },
      };
  }
}

/** A shard's share of its write limit by `metric` (records/s over 1000, or bytes/s over 1 MiB). */
export function utilizationBy(metric: 'records' | 'bytes', load: { incomingRecordsPerSecond: number; incomingBytesPerSecond: number }): number {
  return metric === 'records'
    ? load.incomingRecordsPerSecond / KINESIS_LIMITS.SHARD_WRITE_RECORDS_PER_SECOND
    : load.incomingBytesPerSecond / KINESIS_LIMITS.SHARD_WRITE_BYTES_PER_SECOND;
}

/** Adjacent open shards (in hash-key order) as pairs. */
export function adjacentPairs<T extends { startingHashKey: string; endingHashKey: string }>(open: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i + 1 < open.length; i++) {
    const a = open[i]!;
    const b = open[i + 1]!;
    if (BigInt(a.endingHashKey) + 1n === BigInt(b.startingHashKey)) pairs.push([a, b]);
  }
  return pairs;
}
