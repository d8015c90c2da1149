// CreateStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html

import { InvalidArgumentException, ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { ON_DEMAND_INITIAL_SHARDS, RECORD_MAX_SIZE_DEFAULT_KIB } from '../model/limits.js';
import { Stream } from '../model/stream.js';
import { autoPlacementState } from '../model/auto-placement.js';
import { scalingDueMs, startScaling } from '../model/on-demand-scaling.js';
import type { CreateStreamInput } from '../api-types/streams.js';
import type { EmptyOutput } from '../api-types/common.js';
import { addTags } from './_internals/tag-rules.js';
import { requireOnDemandQuota, requireShardQuota } from './_internals/account-quotas.js';


export function createStream(account: Account, input: CreateStreamInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const name = input.StreamName;
  if (account.streams.has(name)) throw new ResourceInUseException(msg.streamExists(name, account.accountId));
  const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
  const shardCount = input.ShardCount ?? undefined;
  if (mode === 'ON_DEMAND' && shardCount !== undefined) throw new InvalidArgumentException(msg.onDemandWithShardCount());
  if (mode === 'PROVISIONED' && shardCount === undefined) throw new InvalidArgumentException(msg.provisionedNeedsShardCount());
  const count = shardCount ?? account.onDemandScaling?.initialShards ?? ON_DEMAND_INITIAL_SHARDS;
  // [U] AUTO needs on-demand mode, as UpdateStreamRecordDistributionStrategy documents [D]; USER_PARTITION_KEY,
  // the default, is accepted in either mode.
  const strategy = input.RecordDistributionStrategy ?? 'USER_PARTITION_KEY';
  if (strategy === 'AUTO' && mode !== 'ON_DEMAND') throw new InvalidArgumentException(msg.autoOnProvisioned(name, account.accountId));
  if (mode === 'ON_DEMAND') requireOnDemandQuota(account);
  else requireShardQuota(account, count);
  // Tags obey the same rules as AddTagsToStream; checked before anything is created.
  const tags = new Map<string, string>();
  addTags(tags, input.Tags ?? {}, { kind: 'stream', name, accountId: account.accountId });
  const arn = account.identities.streamArn(name);
  const incarnation = account.identities.nextIncarnation();
  const stream = new Stream(
    name,
    arn,
    incarnation,
    nowMs,
    nowMs + account.createStreamDelayMs,
    count,
    mode,
    input.MaxRecordSizeInKiB ?? RECORD_MAX_SIZE_DEFAULT_KIB,
    autoPlacementState(account.seed, arn, incarnation),
    { recordPayloads: account.recordPayloads, onDemandScaling: account.onDemandScaling },
  );
  stream.recordDistributionStrategy = strategy;
  for (const [key, value] of tags) stream.tags.set(key, value);
  // [U] Warm throughput only means something for on-demand streams; it is stored and reported for them.
  if (mode === 'ON_DEMAND' && input.WarmThroughputMiBps !== undefined) {
    stream.warmThroughputTargetMiBps = stream.warmThroughputCurrentMiBps = input.WarmThroughputMiBps;
  }
  account.streams.set(name, stream);
  if (mode === 'ON_DEMAND') {
    // An on-demand stream scales from the moment its shards open (a warm throughput above them is met then).
    startScaling(stream, stream.activeAtMs);
    account.timeline.schedule(scalingDueMs(stream));
  }
  return {};
}
