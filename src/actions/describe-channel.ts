// DescribeChannel — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeChannel.html

import type { Account } from '../model/account.js';
import type { DescribeChannelInput, DescribeChannelOutput } from '../api-types/channels.js';
import { findChannel } from './_internals/channel-ref.js';
import { channelDescription } from './output/channel-output.js';

/** Works in every status, DELETING included, until a deleted channel is gone. @throws ResourceNotFoundException */
export function describeChannel(account: Account, input: DescribeChannelInput): DescribeChannelOutput {
  const nowMs = account.timeline.now();
  return { ChannelDescription: channelDescription(findChannel(account, input.ChannelARN), nowMs) };
}
