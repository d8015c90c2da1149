// DeregisterStreamConsumer — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeregisterStreamConsumer.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { DeregisterStreamConsumerInput } from '../api-types/consumers.js';
import { findConsumer } from './_internals/consumer-ref.js';

/**
 * The consumer turns DELETING and is gone after `consumerDelayMs`. The operation models no
 * ResourceInUseException, so it works in every status; [U] deregistering a DELETING consumer changes nothing.
 */
export function deregisterStreamConsumer(account: Account, input: DeregisterStreamConsumerInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const { consumer } = findConsumer(account, input);
  const goneAtMs = nowMs + account.consumerDelayMs;
  consumer.deregister(nowMs, goneAtMs);
  account.timeline.schedule(goneAtMs);
  account.timeline.settle();
  return {};
}
