// DecreaseStreamRetentionPeriod — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DecreaseStreamRetentionPeriod.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../shapes/common.js';
import type { DecreaseStreamRetentionPeriodInput } from '../shapes/retention.js';
import { changeRetention } from './change-retention.js';

/** Records older than the new period disappear from reads at once. */
export function decreaseStreamRetentionPeriod(account: Account, input: DecreaseStreamRetentionPeriodInput): EmptyOutput {
  changeRetention(account, input, input.RetentionPeriodHours, 'decrease');
  return {};
}
