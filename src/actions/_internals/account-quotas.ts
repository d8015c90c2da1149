// The account quotas a request is held against before it changes anything: open shards of provisioned streams,
// and on-demand streams (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html).

import { LimitExceededException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import { onDemandQuotaUsage, shardQuotaUsage } from '../../model/quotas.js';

/**
 * Refuses a request that would open `adding` more shards than the account shard quota leaves.
 * @throws LimitExceededException with AWS's text naming what is used, the limit and what was asked for
 */
export function requireShardQuota(account: Account, adding: number): void {
  const used = shardQuotaUsage(account.streams);
  if (used + adding > account.shardLimit) {
    throw new LimitExceededException(msg.shardLimit(account.accountId, account.region, used, account.shardLimit, adding));
  }
}

/**
 * Refuses one more on-demand stream when the account has as many as its quota allows.
 * @throws LimitExceededException with AWS's text
 */
export function requireOnDemandQuota(account: Account): void {
  if (onDemandQuotaUsage(account.streams) >= account.onDemandStreamCountLimit) {
    throw new LimitExceededException(msg.onDemandStreamLimit(account.accountId, account.region, account.onDemandStreamCountLimit));
  }
}
