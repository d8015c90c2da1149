// PutResourcePolicy — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutResourcePolicy.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../shapes/common.js';
import type { PutResourcePolicyInput } from '../shapes/policies.js';
import { findResource, requireActiveResource } from './resource-ref.js';

/**
 * Attaches (or replaces) the policy of a stream or consumer, stored verbatim. [U] kinesim checks only that
 * the document is a JSON object; AWS also validates the policy grammar, which kinesim does not model.
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException
 */
export function putResourcePolicy(account: Account, input: PutResourcePolicyInput): EmptyOutput {
  const nowMs = account.now();
  const resource = findResource(account, input.ResourceARN);
  requireActiveResource(account, resource, nowMs);
  if (!isJsonObject(input.Policy)) throw new InvalidArgumentException(msg.policyInvalid());
  resource.holder.policy = input.Policy;
  return {};
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
