// The SDK shape of the account's MinimumThroughputBillingCommitment.

import type { CommitmentView } from '../../model/billing-commitment.js';
import type { MinimumThroughputBillingCommitmentOutput } from '../../api-types/account.js';

export function commitmentOutput(view: CommitmentView): MinimumThroughputBillingCommitmentOutput {
  const out: MinimumThroughputBillingCommitmentOutput = { Status: view.status };
  if (view.startedAtMs !== undefined) out.StartedAt = new Date(view.startedAtMs);
  if (view.endedAtMs !== undefined) out.EndedAt = new Date(view.endedAtMs);
  if (view.earliestAllowedEndAtMs !== undefined) out.EarliestAllowedEndAt = new Date(view.earliestAllowedEndAtMs);
  return out;
}
