// CreateStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html

import { InvalidArgumentException, LimitExceededException, ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { Stream } from '../model/stream.js';
import type { CreateStreamInput } from '../shapes/streams.js';
import type { EmptyOutput } from '../shapes/common.js';

/** AWS starts an on-demand stream with 4 shards. */
export const ON_DEMAND_INITIAL_SHARDS = 4;
export const DEFAULT_MAX_RECORD_SIZE_KIB = 1024;

export function createStream(account: Account, input: CreateStreamInput): EmptyOutput {
  const nowMs = account.now();
  const name = input.StreamName;
  if (account.streams.has(name)) throw new ResourceInUseException(msg.streamExists(name, account.accountId));
  const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
  const shardCount = input.ShardCount ?? undefined;
  if (mode === 'ON_DEMAND' && shardCount !== undefined) throw new InvalidArgumentException(msg.onDemandWithShardCount());
  if (mode === 'PROVISIONED' && shardCount === undefined) throw new InvalidArgumentException(msg.provisionedNeedsShardCount());
  const count = shardCount ?? ON_DEMAND_INITIAL_SHARDS;
  if (mode === 'ON_DEMAND') {
    let onDemand = 0;
    for (const s of account.streams.values()) if (s.mode === 'ON_DEMAND') onDemand++;
    if (onDemand >= account.onDemandStreamCountLimit) {
      // [U] AWS's text for the on-demand stream quota is not public.
      throw new LimitExceededException(
        `This request would exceed the on-demand stream limit for the account ${account.accountId} in ${account.region}. ` +
          `Limit: ${account.onDemandStreamCountLimit}.`,
      );
    }
  }
  const open = account.openShardCount();
  if (mode === 'PROVISIONED' && open + count > account.shardLimit) {
    throw new LimitExceededException(msg.shardLimit(account.accountId, account.region, open, account.shardLimit, count));
  }
  const stream = new Stream(
    name,
    account.streamArn(name),
    account.nextIncarnation(),
    nowMs,
    nowMs + account.createStreamDelayMs,
    count,
    mode,
    input.MaxRecordSizeInKiB ?? DEFAULT_MAX_RECORD_SIZE_KIB,
  );
  for (const [key, value] of Object.entries(input.Tags ?? {})) stream.tags.set(key, value);
  account.streams.set(name, stream);
  return {};
}
