// IncreaseStreamRetentionPeriod — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_IncreaseStreamRetentionPeriod.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { IncreaseStreamRetentionPeriodInput } from '../api-types/retention.js';
import { changeRetention } from './_internals/change-retention.js';

/** Records that already expired stay expired: a longer period only keeps what is still retained. */
export function increaseStreamRetentionPeriod(account: Account, input: IncreaseStreamRetentionPeriodInput): EmptyOutput {
  changeRetention(account, input, input.RetentionPeriodHours, 'increase');
  return {};
}
