// The reshards a scenario's schedule may hold, for property tests of the simulation lab.
import fc from 'fast-check';
import type { ScheduledAction } from '../../src/sim/index.js';

/** UpdateShardCount to 1..12 shards, a split of the hottest shard, or a merge of the coldest pair. */
export const reshardAction: fc.Arbitrary<ScheduledAction> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n): ScheduledAction => ({ UpdateShardCount: n })),
  fc.constant<ScheduledAction>({ SplitShard: 'hottest' }),
  fc.constant<ScheduledAction>({ MergeShards: 'coldest' }),
);
