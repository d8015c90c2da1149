// GetResourcePolicy — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetResourcePolicy.html

import type { Account } from '../model/account.js';
import type { GetResourcePolicyInput, GetResourcePolicyOutput } from '../api-types/policies.js';
import { findResource } from './_internals/resource-ref.js';

/** [U] With no policy attached the answer is the empty document '{}' (Policy is a required member). */
export const NO_POLICY = '{}';

export function getResourcePolicy(account: Account, input: GetResourcePolicyInput): GetResourcePolicyOutput {
  account.timeline.settle();
  const resource = findResource(account, input.ResourceARN);
  return { Policy: resource.holder.policy ?? NO_POLICY };
}
