// DescribeLimits — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeLimits.html

import type { Account } from '../model/account.js';
import type { DescribeLimitsInput, DescribeLimitsOutput } from '../api-types/streams.js';

/** DescribeLimits takes no members; the input is accepted for the registry's uniform signature. */
export function describeLimits(account: Account, _input: DescribeLimitsInput): DescribeLimitsOutput {
  account.now();
  return {
    ShardLimit: account.shardLimit,
    OpenShardCount: account.openShardCount(),
    OnDemandStreamCount: account.onDemandStreamCount(),
    OnDemandStreamCountLimit: account.onDemandStreamCountLimit,
  };
}
