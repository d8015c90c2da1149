// DecreaseStreamRetentionPeriod — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DecreaseStreamRetentionPeriod.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { DecreaseStreamRetentionPeriodInput } from '../api-types/retention.js';
import { changeRetention } from './_internals/change-retention.js';

/** Records older than the new period disappear from reads at once. */
export function decreaseStreamRetentionPeriod(account: Account, input: DecreaseStreamRetentionPeriodInput): EmptyOutput {
  changeRetention(account, input, input.RetentionPeriodHours, 'decrease');
  return {};
}
