// UpdateAccountSettings — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateAccountSettings.html

import type { Account } from '../model/account.js';
import type { UpdateAccountSettingsInput, UpdateAccountSettingsOutput } from '../api-types/account.js';
import { commitmentOutput } from './output/commitment-output.js';

/**
 * ENABLED starts a commitment of at least 24 h (or cancels a scheduled end); DISABLED ends it now, or at
 * its earliest allowed end (status ENABLED_UNTIL_EARLIEST_ALLOWED_END until the clock gets there).
 */
export function updateAccountSettings(account: Account, input: UpdateAccountSettingsInput): UpdateAccountSettingsOutput {
  const nowMs = account.timeline.now();
  const commitment = account.billingCommitment;
  if (input.MinimumThroughputBillingCommitment.Status === 'ENABLED') commitment.enable(nowMs);
  else commitment.disable(nowMs);
  return { MinimumThroughputBillingCommitment: commitmentOutput(commitment.view(nowMs)) };
}
