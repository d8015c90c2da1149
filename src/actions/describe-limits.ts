// DescribeLimits — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeLimits.html

import type { Account } from '../model/account.js';
import type { DescribeLimitsOutput } from '../shapes/streams.js';

export function describeLimits(account: Account): DescribeLimitsOutput {
  account.now();
  let onDemand = 0;
  for (const stream of account.streams.values()) if (stream.mode === 'ON_DEMAND') onDemand++;
  return {
    ShardLimit: account.shardLimit,
    OpenShardCount: account.openShardCount(),
    OnDemandStreamCount: onDemand,
    OnDemandStreamCountLimit: account.onDemandStreamCountLimit,
  };
}
