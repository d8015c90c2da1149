// DescribeLimits — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeLimits.html

import type { Account } from '../model/account.js';
import { onDemandStreamCount, openShardCount } from '../model/quotas.js';
import type { DescribeLimitsInput, DescribeLimitsOutput } from '../api-types/streams.js';

/**
 * DescribeLimits takes no members; the input is accepted for the registry's uniform signature. ChannelCount counts
 * every live channel (until a deleted one is gone) [U].
 */
export function describeLimits(account: Account, _input: DescribeLimitsInput): DescribeLimitsOutput {
  account.timeline.settle();
  return {
    ShardLimit: account.shardLimit,
    OpenShardCount: openShardCount(account.streams),
    OnDemandStreamCount: onDemandStreamCount(account.streams),
    OnDemandStreamCountLimit: account.onDemandStreamCountLimit,
    ChannelCount: account.channels.size,
    ChannelCountLimit: account.channelCountLimit,
  };
}
