// Account settings shapes (MinimumThroughputBillingCommitment), as in the AWS SDK v3 client.

import type { CommitmentRequestStatus, CommitmentStatus } from '../service-model/enums.js';

export type MinimumThroughputBillingCommitmentInputStatus = CommitmentRequestStatus;
export type MinimumThroughputBillingCommitmentOutputStatus = CommitmentStatus;

export interface MinimumThroughputBillingCommitmentInput {
  Status: MinimumThroughputBillingCommitmentInputStatus;
}

export interface MinimumThroughputBillingCommitmentOutput {
  Status: MinimumThroughputBillingCommitmentOutputStatus;
  StartedAt?: Date;
  EndedAt?: Date;
  EarliestAllowedEndAt?: Date;
}

export type DescribeAccountSettingsInput = Record<string, never>;

export interface DescribeAccountSettingsOutput {
  MinimumThroughputBillingCommitment?: MinimumThroughputBillingCommitmentOutput;
}

export interface UpdateAccountSettingsInput {
  MinimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentInput;
}

export interface UpdateAccountSettingsOutput {
  MinimumThroughputBillingCommitment?: MinimumThroughputBillingCommitmentOutput;
}
