// SplitShard — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { SplitShardInput } from '../api-types/shards.js';
import { assertOpen, existingShard, reshardableStream, shardIndexOf } from './_internals/reshard-checks.js';
import { scheduleChange } from './_internals/schedule-change.js';
import { resolveRef } from './_internals/stream-ref.js';
import { requireShardQuota } from './_internals/account-quotas.js';

export function splitShard(account: Account, input: SplitShardInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const ref = resolveRef(account, input);
  const index = shardIndexOf(ref, input.ShardToSplit);
  const stream = reshardableStream(account, ref, nowMs);
  const parent = existingShard(account, stream, index);
  assertOpen(account, stream, parent);
  requireShardQuota(account, 1);
  const key = BigInt(input.NewStartingHashKey);
  // Both children must hold at least two keys: start + 1 < key < end.
  if (key <= parent.start + 1n || key >= parent.end) {
    throw new InvalidArgumentException(
      msg.splitHashKeyInvalid(
        input.NewStartingHashKey, parent.id, stream.name, account.accountId, parent.start.toString(), parent.end.toString(),
      ),
    );
  }
  scheduleChange(account, stream, nowMs, {
    kind: 'split',
    shardIndex: parent.index,
    newStartingHashKey: key.toString(),
    reserves: { openShards: stream.openShards().length + 1 },
  });
  return {};
}
