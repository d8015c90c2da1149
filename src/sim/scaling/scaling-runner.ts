// Runs a scaling policy against the engine: builds what it sees (ListShards, DescribeStreamSummary and the
// load since it last looked), carries out its actions through the engine's own SplitShard, MergeShards and
// UpdateShardCount, and records each attempt with its result: 'OK' or the AWS exception's name.

import { KINESIS_LIMITS, KinesisError, hashKeyOf, type Shard } from '../../index.js';
import type { SimContext } from '../sim-context.js';
import type { ScalingAction, ScalingView, ShardLoad } from './scaling-action.js';
import type { ScalingPolicy } from './scaling-policy.js';

/** One resharding attempt, as the summary lists it. */
export interface ReshardRecord {
  atSecond: number;
  /** OnDemandScaling: a reshard an ON_DEMAND stream made on its own (shardIds: the shards it closed). */
  operation: 'UpdateShardCount' | 'SplitShard' | 'MergeShards' | 'OnDemandScaling';
  /** The shards named (split, merge), the open shards when UpdateShardCount was called, the closed ones when on-demand scaled. */
  shardIds: string[];
  targetShardCount?: number;
  newStartingHashKey?: string;
  /** 'OK', or the name of the exception the engine answered (LimitExceededException, ...). */
  result: string;
  message?: string;
  by: string;
}

export class ScalingRunner {
  readonly reshards: ReshardRecord[] = [];
  #windowStartMs = 0;

  constructor(private readonly ctx: SimContext, readonly policy: ScalingPolicy) {}

  /** Asks the policy at run time `atMs` and carries out what it answers. */
  evaluate(atMs: number): void {
    const view = this.view(atMs);
    let actions: readonly ScalingAction[];
    try {
      actions = this.policy.decide(view);
    } finally {
      this.#resetWindows(atMs);
    }
    for (const action of actions) this.#apply(action, view);
  }

  /** What the policy sees now. */
  view(atMs: number): ScalingView {
    const ctx = this.ctx;
    const windowSeconds = Math.max(1e-3, (atMs - this.#windowStartMs) / 1000);
    const shards = listOpenShards(ctx);
    const openShards: ShardLoad[] = shards.map((s) => {
      const state = ctx.shard(s.ShardId);
      const records = state.windowRecords / windowSeconds;
      const bytes = state.windowBytes / windowSeconds;
      return {
        shardId: s.ShardId,
        startingHashKey: s.HashKeyRange.StartingHashKey,
        endingHashKey: s.HashKeyRange.EndingHashKey,
        incomingRecordsPerSecond: records,
        incomingBytesPerSecond: bytes,
        throttledRecordsPerSecond: state.windowThrottled / windowSeconds,
        utilization: Math.max(records / KINESIS_LIMITS.SHARD_WRITE_RECORDS_PER_SECOND, bytes / KINESIS_LIMITS.SHARD_WRITE_BYTES_PER_SECOND),
      };
    });
    const status = ctx.kinesis.describeStreamSummary({ StreamName: ctx.streamName }).StreamDescriptionSummary.StreamStatus;
    const ranges = new Map(shards.map((s) => [s.ShardId, s.HashKeyRange]));
    return {
      atSecond: atMs / 1000,
      windowSeconds,
      streamStatus: status,
      openShards,
      medianHashKey: (shardId) => {
        const range = ranges.get(shardId);
        const keys = ctx.shards.get(shardId)?.recentKeys;
        if (range === undefined || keys === undefined || keys.length === 0) return undefined;
        return medianSplitKey(keys, BigInt(range.StartingHashKey), BigInt(range.EndingHashKey));
      },
    };
  }

  #resetWindows(atMs: number): void {
    this.#windowStartMs = atMs;
    for (const s of this.ctx.shards.values()) {
      s.windowRecords = 0;
      s.windowBytes = 0;
      s.windowThrottled = 0;
    }
  }

  #apply(action: ScalingAction, view: ScalingView): void {
    const { kinesis, streamName: StreamName } = this.ctx;
    const record: ReshardRecord = { atSecond: view.atSecond, operation: 'UpdateShardCount', shardIds: [], result: 'OK', by: this.policy.name };
    try {
      if ('UpdateShardCount' in action) {
        record.shardIds = view.openShards.map((s) => s.shardId);
        record.targetShardCount = action.UpdateShardCount;
        kinesis.updateShardCount({ StreamName, TargetShardCount: action.UpdateShardCount, ScalingType: 'UNIFORM_SCALING' });
      } else if ('SplitShard' in action) {
        record.operation = 'SplitShard';
        record.shardIds = [action.SplitShard];
        const shard = view.openShards.find((s) => s.shardId === action.SplitShard);
        const at = action.NewStartingHashKey ?? (shard === undefined ? '1' : middleOf(shard));
        record.newStartingHashKey = at;
        kinesis.splitShard({ StreamName, ShardToSplit: action.SplitShard, NewStartingHashKey: at });
      } else {
        record.operation = 'MergeShards';
        record.shardIds = [...action.MergeShards];
        kinesis.mergeShards({ StreamName, ShardToMerge: action.MergeShards[0], AdjacentShardToMerge: action.MergeShards[1] });
      }
    } catch (e) {
      if (!(e instanceof KinesisError)) throw e;
      record.result = e.name;
      record.message = e.message;
    }
    this.reshards.push(record);
  }
}

/** Every open shard (ListShards AT_LATEST, all pages), in hash-key order. */
export function listOpenShards(ctx: SimContext): Shard[] {
  const shards: Shard[] = [];
  let page = ctx.kinesis.listShards({ StreamName: ctx.streamName, ShardFilter: { Type: 'AT_LATEST' } });
  shards.push(...(page.Shards ?? []));
  while (page.NextToken !== undefined) {
    page = ctx.kinesis.listShards({ NextToken: page.NextToken });
    shards.push(...(page.Shards ?? []));
  }
  return shards.sort((a, b) => (BigInt(a.HashKeyRange.StartingHashKey) < BigInt(b.HashKeyRange.StartingHashKey) ? -1 : 1));
}

function middleOf(s: { startingHashKey: string; endingHashKey: string }): string {
  const start = BigInt(s.startingHashKey);
  return (start + (BigInt(s.endingHashKey) - start) / 2n).toString();
}

/**
 * The median hash key of recent writes, as a split point SplitShard accepts (start + 1 < key < end);
 * the middle of the range when the median is too close to an edge. Keys prefixed '=' are explicit hash keys.
 */
export function medianSplitKey(recent: readonly string[], start: bigint, end: bigint): string {
  const hashes = recent
    .map((k) => (k.startsWith('=') ? BigInt(k.slice(1)) : hashKeyOf(k)))
    .filter((h) => h >= start && h <= end)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const median = hashes[hashes.length >> 1];
  if (median !== undefined && median > start + 1n && median < end) return median.toString();
  return (start + (end - start) / 2n).toString();
}
