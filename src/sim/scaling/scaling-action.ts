// What a scaling policy sees and what it may ask for: the contract of a user's own policy function.

/** One resharding request, carried out through the engine's own operation of the same name. */
export type ScalingAction =
  | { UpdateShardCount: number }
  /** Without NewStartingHashKey the shard is split at the median hash key of its recent writes. */
  | { SplitShard: string; NewStartingHashKey?: string }
  | { MergeShards: [string, string] };

/** One open shard's load over the policy's last window. */
export interface ShardLoad {
  shardId: string;
  startingHashKey: string;
  endingHashKey: string;
  incomingRecordsPerSecond: number;
  incomingBytesPerSecond: number;
  /** Entries refused by the shard's write limit, per second (the demand above its capacity). */
  throttledRecordsPerSecond: number;
  /** Share of the shard's write capacity used: max(records / 1000, bytes / 1 MiB) per second. */
  utilization: number;
}

/** What a policy sees each time it is asked. */
export interface ScalingView {
  /** Seconds since the run started. */
  atSecond: number;
  /** Length of the window the loads cover. */
  windowSeconds: number;
  /** 'ACTIVE', or 'UPDATING' while an earlier reshard is still in progress. */
  streamStatus: string;
  /** Open shards in hash-key order. */
  openShards: ShardLoad[];
  /** The median hash key of a shard's recent writes (decimal), where a split balances its load. */
  medianHashKey(shardId: string): string | undefined;
}

/** A scaling policy of your own: asked every `evaluationSeconds`, answers with actions (or nothing). */
export type ScalingPolicyFunction = (view: ScalingView) => ScalingAction | readonly ScalingAction[] | undefined | void;
