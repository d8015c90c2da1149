// DescribeLimits — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeLimits.html

import type { Account } from '../model/account.js';
import type { DescribeLimitsOutput } from '../api-types/streams.js';

export function describeLimits(account: Account): DescribeLimitsOutput {
  account.now();
  return {
    ShardLimit: account.shardLimit,
    OpenShardCount: account.openShardCount(),
    OnDemandStreamCount: account.onDemandStreamCount(),
    OnDemandStreamCountLimit: account.onDemandStreamCountLimit,
  };
}
