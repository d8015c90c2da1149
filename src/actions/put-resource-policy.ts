// PutResourcePolicy — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutResourcePolicy.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { parseJsonObject } from '../encoding/json-object.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { PutResourcePolicyInput } from '../api-types/policies.js';
import { findResource, requireActiveResource } from './_internals/resource-ref.js';

/**
 * Attaches (or replaces) the policy of a stream or consumer, stored verbatim. [U] kinesim checks only that
 * the document is a JSON object; AWS also validates the policy grammar, which kinesim does not model.
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException
 */
export function putResourcePolicy(account: Account, input: PutResourcePolicyInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const resource = findResource(account, input.ResourceARN);
  requireActiveResource(account, resource, nowMs);
  if (parseJsonObject(input.Policy) === undefined) throw new InvalidArgumentException(msg.policyInvalid());
  resource.holder.policy = input.Policy;
  return {};
}
