// UpdateStreamMode — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamMode.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { UpdateStreamModeInput } from '../api-types/stream-settings.js';
import { activeStream } from './_internals/active-stream.js';
import { scheduleChange } from './_internals/schedule-change.js';
import { requireOnDemandQuota, requireShardQuota } from './_internals/account-quotas.js';

/**
 * The stream goes UPDATING and switches mode when that ends, keeping its shards ([U]). [U] Switching to the
 * mode it already has is accepted (UPDATING, no change); AWS's limit of two switches per 24 h is not modelled.
 * @throws ResourceNotFoundException, ResourceInUseException, LimitExceededException (on-demand stream or shard quota),
 * InvalidArgumentException (to provisioned while AUTO)
 */
export function updateStreamMode(account: Account, input: UpdateStreamModeInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, { StreamARN: input.StreamARN }, nowMs);
  const mode = input.StreamModeDetails.StreamMode;
  // [U] Provisioned streams do not support the AUTO strategy [D]; rather than drop it silently (key-less producers
  // would start failing), the switch is refused until the stream is back on USER_PARTITION_KEY. Channels, which
  // only on-demand streams can be given [M], keep delivering after a switch (AWS does not say) [U].
  if (mode === 'PROVISIONED' && stream.mode !== 'PROVISIONED' && stream.recordDistributionStrategy === 'AUTO') {
    throw new InvalidArgumentException(msg.provisionedWithAuto(stream.name, account.accountId));
  }
  if (mode === 'ON_DEMAND' && stream.mode !== 'ON_DEMAND') {
    requireOnDemandQuota(account);
  }
  // [U] A stream turning provisioned brings its open shards under the account shard quota; AWS's answer when
  // they do not fit is not public, so it is CreateStream's.
  if (mode === 'PROVISIONED' && stream.mode !== 'PROVISIONED') {
    requireShardQuota(account, stream.openShards().length);
  }
  const warmMiBps = input.WarmThroughputMiBps ?? undefined;
  const reserves = { mode };
  scheduleChange(account, stream, nowMs, warmMiBps === undefined
    ? { kind: 'mode', mode, reserves }
    : { kind: 'mode', mode, warmThroughputMiBps: warmMiBps, reserves });
  return {};
}
