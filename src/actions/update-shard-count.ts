// UpdateShardCount — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html

import { LimitExceededException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY, UPDATE_SHARD_COUNT_MAX_SHARDS } from '../model/limits.js';
import type { Shard } from '../model/shard.js';
import { isUniform, uniformScalingCost } from '../model/uniform-scaling.js';
import type { UpdateShardCountInput, UpdateShardCountOutput } from '../api-types/shards.js';
import { reshardableStream } from './_internals/reshard-checks.js';
import { scheduleChange } from './_internals/schedule-change.js';
import { resolveRef } from './_internals/stream-ref.js';
import { requireShardQuota } from './_internals/account-quotas.js';

const DAY_MS = 86_400_000;

export function updateShardCount(account: Account, input: UpdateShardCountInput): UpdateShardCountOutput {
  const nowMs = account.timeline.now();
  const stream = reshardableStream(account, resolveRef(account, input), nowMs);
  const open = byStart(stream.openShards());
  const current = open.length;
  const target = input.TargetShardCount;
  // [U] All four limits are LimitExceededException (they are "default limits" raised through support); the
  // order among them is ours. "Below half" rounds up: 5 open shards can scale down to 3, not 2.
  if (target > UPDATE_SHARD_COUNT_MAX_SHARDS) {
    throw new LimitExceededException(msg.scaleAboveStreamMax(UPDATE_SHARD_COUNT_MAX_SHARDS, current, target));
  }
  if (target > current * 2) throw new LimitExceededException(msg.scaleUpTooFar(current, target));
  if (target < Math.ceil(current / 2)) throw new LimitExceededException(msg.scaleDownTooFar(current, target));
  // [U] A call exactly 24 h after an earlier one no longer counts that one.
  const recentCallsMs = stream.scalingCallsMs.filter((t) => t > nowMs - DAY_MS);
  if (recentCallsMs.length >= UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY) {
    throw new LimitExceededException(msg.scalingRateExceeded(stream.name, account.accountId, UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY));
  }
  const output: UpdateShardCountOutput = {
    StreamName: stream.name,
    CurrentShardCount: current,
    TargetShardCount: target,
    StreamARN: stream.arn,
  };
  // [U] Already at the target with uniform ranges: nothing to do (moto does the same); the stream stays
  // ACTIVE and the call does not count toward the daily limit.
  if (target === current && isUniform(open, target)) return output;
  // The walk's intermediate shards are open for a moment and count toward the account limit.
  const extra = uniformScalingCost(open, target).extraOpenShards;
  requireShardQuota(account, extra);
  stream.scalingCallsMs = [...recentCallsMs, nowMs];
  scheduleChange(account, stream, nowMs, { kind: 'scale', targetShardCount: target, reserves: { openShards: target } });
  return output;
}

function byStart(shards: Shard[]): Shard[] {
  return shards.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
