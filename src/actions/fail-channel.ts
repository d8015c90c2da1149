// FailChannel — a kinesim extension, not an AWS operation: puts a channel in FAILED, as a broken role, bucket or
// schema would on AWS (https://docs.aws.amazon.com/streams/latest/dev/data-delivery-troubleshooting.html).

import { ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { FailChannelInput } from '../api-types/channel-deliveries.js';
import { findChannel } from './_internals/channel-ref.js';

/**
 * The channel is FAILED from now on with `Reason` as its ChannelStatusReason, and delivers nothing more (not even what
 * it had buffered [U]); it can only be deleted, as on AWS [D].
 * @throws ResourceNotFoundException; ResourceInUseException for a channel being deleted or already FAILED
 */
export function failChannel(account: Account, input: FailChannelInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const channel = findChannel(account, input.ChannelARN);
  const status = channel.status(nowMs);
  if (status === 'DELETING' || status === 'FAILED') {
    throw new ResourceInUseException(msg.channelNotActive(channel.name, account.accountId, status));
  }
  channel.failedAtMs = nowMs;
  channel.failureReason = input.Reason;
  account.timeline.schedule(nowMs);
  account.timeline.settle();
  return {};
}
