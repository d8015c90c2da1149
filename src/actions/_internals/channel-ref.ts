// Finding delivery channels: by ARN, and by the stream they read.

import { ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Channel } from '../../model/channel.js';
import type { Stream } from '../../model/stream.js';

/**
 * The live channel (any status until a deleted one is gone) a ChannelARN names.
 * @throws ResourceNotFoundException when there is none ([U] text)
 */
export function findChannel(account: Account, arn: string): Channel {
  const channel = account.channels.get(arn);
  if (channel === undefined) throw new ResourceNotFoundException(msg.channelNotFound(arn, account.accountId));
  return channel;
}

/** The live channels reading `stream` (this incarnation), in creation order. */
export function channelsOf(account: Account, stream: Stream): Channel[] {
  const found: Channel[] = [];
  for (const channel of account.channels.values()) if (channel.reads(stream.name, stream.incarnation)) found.push(channel);
  return found;
}

/**
 * Whether `stream` has channels that hold it: every live channel but one being deleted ([U], as for consumers).
 * A stream with such channels cannot be deleted [M].
 */
export function hasHoldingChannels(account: Account, stream: Stream): boolean {
  return channelsOf(account, stream).some((channel) => channel.deletingAtMs === undefined);
}
