// DeleteChannel — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteChannel.html

import type { Account } from '../model/account.js';
import { deliverRemaining } from '../model/channel-delivery.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { DeleteChannelInput } from '../api-types/channels.js';
import { findChannel } from './_internals/channel-ref.js';

/**
 * "Deleting a channel stops delivery ... Data already delivered to the destination is not deleted" [M]. The channel
 * is DELETING for `channelDelayMs`, then gone. [U] Accepted in every status (the model gives DeleteChannel no
 * ResourceInUseException); deleting a channel being deleted changes nothing; what it had buffered is delivered at
 * once, as of the deletion.
 * @throws ResourceNotFoundException
 */
export function deleteChannel(account: Account, input: DeleteChannelInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const channel = findChannel(account, input.ChannelARN);
  if (channel.deletingAtMs !== undefined) return {};
  deliverRemaining(account, channel, nowMs);
  channel.deletingAtMs = nowMs;
  channel.goneAtMs = nowMs + account.channelDelayMs;
  account.timeline.schedule(channel.goneAtMs);
  account.timeline.settle();
  return {};
}
