// DescribeAccountSettings — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeAccountSettings.html

import type { Account } from '../model/account.js';
import type { DescribeAccountSettingsOutput } from '../api-types/account.js';
import { commitmentOutput } from './output/commitment-output.js';

export function describeAccountSettings(account: Account): DescribeAccountSettingsOutput {
  const nowMs = account.now();
  return { MinimumThroughputBillingCommitment: commitmentOutput(account.billingCommitment.view(nowMs)) };
}
