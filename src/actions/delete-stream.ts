// DeleteStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteStream.html

import { ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { DeleteStreamInput } from '../api-types/streams.js';
import { hasHoldingChannels } from './_internals/channel-ref.js';
import { findStream } from './_internals/stream-ref.js';

export function deleteStream(account: Account, input: DeleteStreamInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = findStream(account, input);
  const status = stream.status(nowMs);
  // A stream being deleted stays deleted; deleting it again changes nothing (kinesalite does the same).
  if (status === 'DELETING') return {};
  // [U] AWS refuses while a reshard or settings change is in flight; the text follows the reshard one.
  if (status === 'UPDATING') throw new ResourceInUseException(msg.streamNotActive(stream.name, account.accountId, status));
  // "A stream cannot be deleted while it has active channels" [M DeleteChannel]; [U] the exception and text, and
  // that every channel not being deleted (FAILED ones included) holds it. EnforceConsumerDeletion does not apply.
  if (hasHoldingChannels(account, stream)) throw new ResourceInUseException(msg.streamHasChannels(stream.name, account.accountId));
  // [U] Consumers already deregistering do not hold the stream back.
  const hasConsumers = [...stream.consumers.values()].some((c) => c.status(nowMs) !== 'DELETING');
  if (hasConsumers && input.EnforceConsumerDeletion !== true) {
    throw new ResourceInUseException(msg.streamHasConsumers(stream.name, account.accountId));
  }
  stream.deletingAtMs = nowMs;
  stream.goneAtMs = nowMs + account.deleteStreamDelayMs;
  // The consumers go with the stream: DELETING now, gone when it is.
  for (const consumer of stream.consumers.values()) consumer.deregister(nowMs, stream.goneAtMs);
  account.timeline.schedule(stream.goneAtMs);
  account.timeline.settle();
  return {};
}
