// DescribeAccountSettings — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeAccountSettings.html

import type { Account } from '../model/account.js';
import type { DescribeAccountSettingsInput, DescribeAccountSettingsOutput } from '../api-types/account.js';
import { commitmentOutput } from './output/commitment-output.js';

/** DescribeAccountSettings takes no members; the input is accepted for the registry's uniform signature. */
export function describeAccountSettings(account: Account, _input: DescribeAccountSettingsInput): DescribeAccountSettingsOutput {
  const nowMs = account.timeline.now();
  return { MinimumThroughputBillingCommitment: commitmentOutput(account.billingCommitment.view(nowMs)) };
}
