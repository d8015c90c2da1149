// DeleteResourcePolicy — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteResourcePolicy.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { DeleteResourcePolicyInput } from '../api-types/policies.js';
import { findResource, requireActiveResource } from './_internals/resource-ref.js';

/** [U] Deleting when no policy is attached succeeds and changes nothing. */
export function deleteResourcePolicy(account: Account, input: DeleteResourcePolicyInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const resource = findResource(account, input.ResourceARN);
  requireActiveResource(account, resource, nowMs);
  resource.holder.policy = undefined;
  return {};
}
